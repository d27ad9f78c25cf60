"""The sender's block at the top left and the legal mentions at the foot of the first page.

The name carries the legal form (an EI must say so beside its name, since May 2022); the
trade is set on one line when a slightly smaller size allows, else on balanced lines, so
that no word is left alone.
"""

from __future__ import annotations

from dataclasses import replace

from store.errors import ValidationError
from store.i18n import _
from store.models import Profile
from store.profile import name_with_legal_form, siret_for_print

from . import fonts, phones
from .draft import LetterDraft
from .textblock import TextBlock, TextStyle, break_lines
from .typography import polish

TRADE_SIZES = (9, 8.5, 8)
"""Sizes tried to set the trade on one line before it is wrapped at the first."""


def _balanced(text: str, style: TextStyle, width: float) -> TextBlock:
    """The block at the narrowest width that keeps its number of lines: even lines."""
    count = len(break_lines(text, style, width))
    low, high = width / 2, width
    while high - low > 1:
        middle = (low + high) / 2
        if len(break_lines(text, style, middle)) == count:
            high = middle
        else:
            low = middle
    return TextBlock(text, style, break_lines(text, style, high))


def trade_block(trade: str, style: TextStyle, width: float) -> TextBlock:
    """The trade on one line if a size in TRADE_SIZES allows it, else on even lines."""
    for size in TRADE_SIZES:
        sized = replace(style, size=size, leading=style.leading * size / style.size)
        if "\n" not in trade and fonts.width(trade, sized.face, size,
                                             family=sized.family) <= width:
            return TextBlock(trade, sized)
    return _balanced(trade, style, width)


def sender_blocks(profile: Profile, draft: LetterDraft, styles: dict[str, TextStyle],
                  width: float, room: float) -> list[TextBlock]:
    """Name and form, trade, postal address, e-mail and phone (international for abroad)."""
    p = profile
    phone = phones.for_reader(p.phone, p.country, draft.reader_country)
    place = [*p.address_lines, f"{p.postcode} {p.city}".strip()]
    if draft.abroad and p.country.strip():
        place.append(p.country.strip().upper())
    blocks = [TextBlock(name_with_legal_form(p), styles["name"]),
              trade_block(polish(p.trade, draft.language), styles["trade"], width)
              if p.trade.strip() else None,
              TextBlock("\n".join(line for line in place if line.strip()), styles["small"]),
              TextBlock("\n".join(v for v in (p.email, phone) if v.strip()), styles["small"])]
    blocks = [b for b in blocks if b is not None and b.text.strip()]
    height = sum(b.wrap(width, room)[1] + b.spaceBefore + b.spaceAfter for b in blocks)
    if height > room:
        raise ValidationError("letterhead", _("is too long to fit beside the address "
                                              "(shorten the trade or the address)"))
    return blocks


def legal_mentions(profile: Profile) -> str:
    """'Claire Vasseur EI · SIRET 812 345 635 00021 · TVA non applicable, art. 293 B du CGI'."""
    siret = siret_for_print(profile.siret)
    kind = "SIREN" if len(siret.replace(" ", "")) == 9 else "SIRET"
    parts = [name_with_legal_form(profile), f"{kind} {siret}" if siret else "",
             profile.vat_note.strip()]
    return " · ".join(part for part in parts if part)
