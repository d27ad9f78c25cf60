"""Amounts as people type them, in French or English: 1250.50, 1 250,50 €, €1,250.50, 1.250,50.

When both a comma and a dot appear, the last one is the decimal mark and the other groups
thousands (groups of three digits). One kind of mark repeated groups thousands ('1.250.000',
'1,250,000'). A lone dot is a decimal point. A lone comma is a decimal comma, except in
English when exactly three digits follow it ('1,250' is 1250 there, as amount_for_editing
shows it; in French it is 1,25). Spaces, no-break spaces and the euro sign are ignored.
Anything else is read as before, by Decimal with a comma taken for a point ('1e3', 'NaN'),
so the caller's bounds refuse it with their own words.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .i18n import language

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
_EURO = r"(?:€|eur(?:os?)?)?"
_CURRENCY = re.compile(rf"^([+-]?){_EURO}([+-]?)(.*?){_EURO}$", re.IGNORECASE)
_PLAIN = re.compile(r"\d+")
_DECIMAL = re.compile(r"(\d*)[.,](\d*)")
_GROUPED = re.compile(r"\d{1,3}(?:(?P<mark>[.,])\d{3})(?:(?P=mark)\d{3})*")
_GROUPED_DECIMAL = re.compile(r"(\d{1,3}(?:(?P<mark>[.,])\d{3})*)(?!(?P=mark))[.,](\d*)")


def parse_amount(text: str, lang: str | None = None) -> Decimal:
    """The amount `text` means in `lang` (the interface language by default).

    Raises decimal.InvalidOperation when it is no number at all."""
    english = (lang or language()) != "fr"
    squeezed = _SPACES.sub("", text.strip())
    outer, inner, body = _CURRENCY.fullmatch(squeezed).groups()
    sign = "-" if (outer + inner).count("-") % 2 else ""
    number = _read(body, english)
    if number is None:
        return Decimal(squeezed.removesuffix("€").replace(",", ".") or "0")
    return Decimal(sign + number)


def _read(body: str, english: bool) -> str | None:
    """`body` as Decimal reads it ('1250.50'), or None when it is not digits and marks."""
    if _PLAIN.fullmatch(body):
        return body
    grouped = _GROUPED.fullmatch(body)
    if grouped and (grouped["mark"] == "." and body.count(".") > 1
                    or grouped["mark"] == "," and (body.count(",") > 1 or english)):
        return body.replace(grouped["mark"], "")
    mixed = _GROUPED_DECIMAL.fullmatch(body)
    if mixed and mixed[2]:
        whole = mixed[1].replace(mixed[2], "")
        return f"{whole}.{mixed[3]}" if (whole or mixed[3]) else None
    lone = _DECIMAL.fullmatch(body)
    if lone and (lone[1] or lone[2]):
        return f"{lone[1] or '0'}.{lone[2] or '0'}"
    return None
