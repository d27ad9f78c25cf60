"""A letter on A4 for a French window envelope (NF Z 11-001): the one module that knows mm.

First page: letterhead from 15 mm, recipient field 100 × 45 mm at x = 100 mm,
y = 35 mm (text indented 10 mm), fold marks at 99 and 198 mm, legal mentions
in the footer. Later pages: a continuation header (recipient, date, page n/N).
"""

from __future__ import annotations

import io
from dataclasses import replace
from functools import partial
from typing import BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, KeepTogether, PageTemplate, Spacer

from store.errors import ValidationError
from store.i18n import _
from store.models import Profile

from . import blocks, fonts, localize
from .draft import LetterDraft
from .letterhead import legal_mentions, sender_blocks
from .pages import PagedCanvas
from .printable import check_printable
from .textblock import TextBlock, TextStyle
from .typography import polish

PAGE_W, PAGE_H = A4
LEFT, RIGHT = 25 * mm, 20 * mm
TEXT_W = PAGE_W - LEFT - RIGHT
WINDOW_X, WINDOW_TOP, WINDOW_W, WINDOW_H = 100 * mm, 35 * mm, 100 * mm, 45 * mm
WINDOW_INDENT = 10 * mm
ADDRESS_X, ADDRESS_TOP = WINDOW_X + WINDOW_INDENT, WINDOW_TOP + 5 * mm
MAIL_TOP = WINDOW_TOP + 1 * mm
ADDRESS_W = WINDOW_W - 2 * WINDOW_INDENT
LETTERHEAD_TOP, LETTERHEAD_W, LETTERHEAD_BOTTOM = 15 * mm, 70 * mm, 84 * mm
FOLDS = (99 * mm, 198 * mm)
FIRST_TOP, LATER_TOP, BOTTOM = 88 * mm, 27 * mm, 26 * mm
HEADER_Y, FOOTER_Y, FOOTER_MAX_LINES = 15 * mm, 10 * mm, 3
SIGN_INDENT = ADDRESS_X - LEFT
GREY = (0.35, 0.35, 0.35)

BODY = TextStyle("regular", 10, 14, "justify", space_after=7)
SALUTATION = TextStyle("regular", 10, 14, "left", space_after=7)
PLACE_DATE = TextStyle("regular", 10, 14, "left", indent=SIGN_INDENT, space_after=8 * mm)
REFERENCE = TextStyle("regular", 9, 12.5, "left")
SUBJECT = TextStyle("bold", 10, 14, "left", space_before=4 * mm, space_after=7 * mm)
SIGNATURE = TextStyle("regular", 10, 14, "left", indent=SIGN_INDENT)
MAIL = TextStyle("bold", 7.5, 9, "left")
ENCLOSURES = TextStyle("regular", 9, 12.5, "left", space_before=8 * mm)
NAME = TextStyle("bold", 13, 16, "left")
TRADE = TextStyle("italic", 9, 11.5, "left", space_after=2 * mm)
SMALL = TextStyle("regular", 8.5, 11, "left")
HEADER = TextStyle("regular", 8.5, 11, "left", color=GREY)
FOOTER = TextStyle("regular", 7.5, 9.5, "center", color=GREY)
ADDRESS_SIZES = (10, 9.5, 9, 8.5, 8, 7.5, 7)
FAMILY_SCALE = {"garamond": 1.1}
"""Typefaces set larger than DejaVu for the same reading size (their x-height is smaller)."""


def _labelled(label: str, text: str, style: TextStyle) -> TextBlock:
    """'Objet : …' with later lines hanging under the text, not under the label."""
    hang = fonts.width(label + " ", style.face, style.size, family=style.family)
    return TextBlock(f"{label} {text}", replace(style, hang=hang))


def _tail(block: TextBlock) -> list[TextBlock]:
    """What of the last paragraph goes with the closing: all of a short one, else its last
    two lines (the rest stays behind, two lines at least, as a page would split it)."""
    lines = block.lines(TEXT_W - block.style.indent)
    if len(lines) < 4:
        return [block]
    head = TextBlock(block.text, replace(block.style, space_after=0), lines[:-2])
    return [head, TextBlock(block.text, block.style, lines[-2:], continued=True)]


def _draw_stack(canvas, blocks: list[TextBlock], x: float, top: float, width: float) -> None:
    """Draw blocks one under the other from `top` (measured from the top of the page)."""
    y = PAGE_H - top
    for block in blocks:
        _, height = block.wrapOn(canvas, width, PAGE_H)
        y -= block.spaceBefore + height
        block.drawOn(canvas, x, y)
        y -= block.spaceAfter


class LetterLayout:
    """One letter's page furniture and story, checked to fit before anything is written."""

    def __init__(self, draft: LetterDraft, profile: Profile):
        check_printable(draft, profile)
        self.draft, self.profile, self.language = draft, profile, draft.language
        self.family = getattr(profile, "typeface", "dejavu")
        align = "left" if getattr(profile, "text_align", "justify") == "ragged" else "justify"
        self.body = replace(self.style(BODY), align=align, hyphenate=True, language=draft.language)
        self.address = self._address_block()
        self.letterhead = self._letterhead()
        self.footer = TextBlock(polish(self._legal_mentions(), self.language),
                                self.style(FOOTER))
        if len(self.footer.lines(TEXT_W)) > FOOTER_MAX_LINES:
            raise ValidationError("legal mentions", _(
                "are too long for the foot of the page (more than {count} lines)")
                .format(count=FOOTER_MAX_LINES))

    def style(self, style: TextStyle) -> TextStyle:
        """`style` in the profile's typeface family (DejaVu unless it chose another), at the
        size that family reads at (EB Garamond's small letters need a size more)."""
        scale = FAMILY_SCALE.get(self.family, 1.0)
        return replace(style, family=self.family, size=round(style.size * scale, 2))

    def _address_block(self) -> TextBlock:
        """The address at the largest size that fits the window, line for line."""
        lines = self.draft.recipient_lines
        room = WINDOW_H - (ADDRESS_TOP - WINDOW_TOP)
        if len(lines) * ADDRESS_SIZES[-1] * 1.25 > room:
            raise ValidationError("address", _("has {count} lines: too many for the window")
                                  .format(count=len(lines)))
        for size in ADDRESS_SIZES:
            style = self.style(TextStyle("regular", size, size * 1.25, "left"))
            if len(lines) * style.leading <= room and all(
                    fonts.width(line, "regular", style.size, family=self.family) <= ADDRESS_W
                    for line in lines):
                return TextBlock("\n".join(lines), style)
        widest = max(range(len(lines)),
                     key=lambda i: fonts.width(lines[i], "regular", 7, family=self.family))
        raise ValidationError(f"address line {widest + 1}",
                              _("is too wide to print inside the envelope window"))

    def _letterhead(self) -> list[TextBlock]:
        styles = {"name": self.style(NAME), "trade": self.style(TRADE),
                  "small": self.style(SMALL)}
        return sender_blocks(self.profile, self.draft, styles, LETTERHEAD_W,
                             LETTERHEAD_BOTTOM - LETTERHEAD_TOP)

    def _legal_mentions(self) -> str:
        return legal_mentions(self.profile)

    def _closing(self) -> list:
        """Closing, signature image and typed name, kept with the end of the last paragraph.

        A French closing is a sentence set as the body is; an English one ('Yours
        sincerely,') stands above the name, both at the signature's indent.
        """
        d, text = self.draft, partial(polish, language=self.language)
        english = self.language == "en"
        closing = TextBlock(text(d.closing), self.style(SIGNATURE) if english else self.body)
        image = getattr(self.profile, "signature_image", "").strip()
        mark = (blocks.SignatureImage(image, SIGN_INDENT) if image
                else Spacer(0, 14 * mm))
        group = [closing, Spacer(0, 2 * mm) if image else mark]
        if image:
            group += [mark, Spacer(0, 1 * mm)]
        return group + [TextBlock(d.signature, self.style(SIGNATURE))]

    def story(self) -> list:
        """The flowing part of the letter, from the place and date to the enclosures.

        The end of the last paragraph, the closing, the signature and the enclosures are
        kept together on one page.
        """
        d, lang = self.draft, self.language
        text = partial(polish, language=lang)
        story: list = [TextBlock(d.place_date, self.style(PLACE_DATE))]
        story += [_labelled(label, value, self.style(REFERENCE)) for label, value in d.references]
        story.append(_labelled(localize.label("subject", lang), text(d.subject),
                               self.style(SUBJECT)))
        story.append(TextBlock(text(d.salutation), self.style(SALUTATION)))
        story[-1].keepWithNext = True
        body = blocks.body([text(p) for p in d.paragraphs], self.body)
        last = _tail(body.pop()) if body and type(body[-1]) is TextBlock else []
        enclosures = []
        if d.enclosures:
            label = localize.label("enclosures", lang)
            items = "\n".join(text(e) for e in d.enclosures)
            enclosures.append(_labelled(label, items, self.style(ENCLOSURES)))
        return story + body + last[:-1] + [KeepTogether(last[-1:] + self._closing()
                                                        + enclosures)]

    def first_page(self, canvas, _doc) -> None:
        """Letterhead, address in the window, fold marks, legal mentions."""
        canvas.saveState()
        _draw_stack(canvas, self.letterhead, LEFT, LETTERHEAD_TOP, LETTERHEAD_W)
        _draw_stack(canvas, [self.address], ADDRESS_X, ADDRESS_TOP, ADDRESS_W)
        if self.draft.mail:
            mail = TextBlock(self.draft.mail, self.style(MAIL))
            _draw_stack(canvas, [mail], ADDRESS_X, MAIL_TOP, ADDRESS_W)
        canvas.setStrokeColorRGB(*GREY)
        canvas.setLineWidth(0.3)
        for y in FOLDS:
            canvas.line(5 * mm, PAGE_H - y, 10 * mm, PAGE_H - y)
        self._footer(canvas)
        canvas.restoreState()

    def later_page(self, canvas, _doc) -> None:
        """Continuation header (recipient and date; the page number is stamped at the end)."""
        canvas.saveState()
        when = localize.long_date(self.draft.date, self.language)
        header = f"{self.draft.recipient_name} — {when}"
        _draw_stack(canvas, [TextBlock(header, self.style(HEADER))], LEFT, HEADER_Y, TEXT_W * 0.75)
        canvas.setStrokeColorRGB(*GREY)
        canvas.setLineWidth(0.3)
        canvas.line(LEFT, PAGE_H - HEADER_Y - 6 * mm, PAGE_W - RIGHT, PAGE_H - HEADER_Y - 6 * mm)
        self._footer(canvas)
        canvas.restoreState()

    def _footer(self, canvas) -> None:
        height = self.footer.wrapOn(canvas, TEXT_W, PAGE_H)[1]
        self.footer.drawOn(canvas, LEFT, FOOTER_Y + FOOTER_MAX_LINES * FOOTER.leading - height)

    def stamp(self, canvas, number: int, total: int) -> None:
        """'page n/N' on every page of a letter longer than one page."""
        if total == 1:
            return
        label = TextBlock(localize.page_label(number, total, self.language),
                          replace(self.style(HEADER), align="right"))
        top = HEADER_Y if number > 1 else PAGE_H - BOTTOM + 3 * mm
        _draw_stack(canvas, [label], LEFT, top, TEXT_W)


def _templates(layout: LetterLayout) -> list[PageTemplate]:
    first = Frame(LEFT, BOTTOM, TEXT_W, PAGE_H - FIRST_TOP - BOTTOM, id="first",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    later = Frame(LEFT, BOTTOM, TEXT_W, PAGE_H - LATER_TOP - BOTTOM, id="later",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    return [PageTemplate("first", [first], onPage=layout.first_page, autoNextPageTemplate="later"),
            PageTemplate("later", [later], onPage=layout.later_page)]


def render_pdf(draft: LetterDraft, profile: Profile, out: BinaryIO) -> None:
    """Write the letter as a PDF into `out` (anything with `.write`); same input, same bytes."""
    layout = LetterLayout(draft, profile)
    to_whom = "Lettre à" if draft.language == "fr" else "Letter to"
    doc = BaseDocTemplate(
        out, pagesize=A4, pageTemplates=_templates(layout), invariant=1,
        initialFontName=fonts.register("regular", family=layout.family), initialFontSize=BODY.size,
        title=draft.title, author=profile.name, subject=f"{to_whom} {draft.recipient_name}",
        creator="Carnet", keywords=[draft.kind, draft.order_ref or ""],
        lang={"fr": "fr-FR", "en": "en-GB"}.get(draft.language))
    doc.build(layout.story(), canvasmaker=partial(PagedCanvas, stamp=layout.stamp,
                                                  created=draft.date))


def pdf_bytes(draft: LetterDraft, profile: Profile) -> bytes:
    """The letter's PDF as bytes."""
    out = io.BytesIO()
    render_pdf(draft, profile, out)
    return out.getvalue()
