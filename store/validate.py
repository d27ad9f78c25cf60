"""Checks on user input; each refusal names the field and says why.

One module for the forms, the command line, CSV and JSON imports: the same text, number
and date rules (and the same bounds) wherever a value comes from.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal, InvalidOperation

from .amounts import parse_amount
from .errors import ValidationError, field_label
from .i18n import N_, _
from .wording import said_day, said_money, said_number

MAX_TEXT = 100_000
MAX_PRICE = Decimal("1000000")
"""The largest amount (in euros) a price, an extra or a payment may carry."""
MAX_PAGES = 100_000
MAX_TOLERANCE = 365
"""The largest delay tolerance, in days."""
MAX_ID = 2**31 - 1
MIN_YEAR, MAX_YEAR = 1900, 2100
"""Every stored date lies within these years; later due dates are refused, not exported."""
MAX_DIGITS = 20
"""A whole number typed with more digits than this is refused before it is read."""
MAX_REFERENCE = 80
"""The longest reference (a client's own, printed "V/réf.") a letter's reference line takes."""

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_JOINERS = "\u200c\u200d"
"""Zero-width (non-)joiners: format characters that Persian, Indic names and emoji need."""
_WHOLE = re.compile(r"[+-]?[0-9]+")
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _one_line_refusal(value: str) -> str | None:
    """The first character a one-line field cannot hold: breaks, C1 and format controls."""
    for char in value:
        if char in "\n\r\t" or "\x80" <= char <= "\x9f" or char in "\u2028\u2029":
            return char
        if unicodedata.category(char) == "Cf" and char not in _JOINERS:
            return char
    return None


def _describe(char: str) -> str:
    name = unicodedata.name(char, "") or _("a control character")
    return f"U+{ord(char):04X} ({name})"


def text(field: str, value: object, *, required: bool = False, multiline: bool = True) -> str:
    """Any Unicode a person can type, stored exactly; control characters refused.

    One-line fields (names, city, title) also refuse line breaks, the line and paragraph
    separators and invisible format controls such as U+202E (which reverses what follows).
    """
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(field, _("expected text, got {type}").format(
            type=type(value).__name__))
    if required and not value.strip():
        raise ValidationError(field, _("must not be empty"))
    if len(value) > MAX_TEXT:
        raise ValidationError(field, _("is {length} characters long; the limit is {limit}").format(
            length=said_number(len(value)), limit=said_number(MAX_TEXT)))
    if _SURROGATE.search(value):
        raise ValidationError(field, _("contains an invalid character (a lone surrogate)"))
    bad = _CONTROL.search(value)
    if bad:
        raise ValidationError(field, _("contains {character}, which cannot be stored").format(
            character=_describe(bad.group())))
    char = None if multiline else _one_line_refusal(value)
    if char:
        raise ValidationError(field, _("contains {character}, which a one-line field cannot "
                                       "hold; use one line of visible text").format(
                                           character=_describe(char)))
    return value


def choice(field: str, value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        listed = ", ".join(repr(a) for a in allowed)
        raise ValidationError(field, _("{value} is not one of {allowed}").format(
            value=repr(value), allowed=listed))
    return value


def _amount(field: str, value: object) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, (bool, float)) or not isinstance(value, (str, int)):
        raise ValidationError(field, _("{value} is not an amount (expected text such as "
                                       "1250.50)").format(value=repr(value)))
    cleaned = str(value).strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    cleaned = cleaned.removesuffix("€").replace(",", ".")
    if len(cleaned) > 40:
        raise ValidationError(field, _("{value}… is not an amount").format(
            value=repr(str(value)[:20])))
    try:
        return parse_amount(str(value))
    except InvalidOperation:
        raise ValidationError(field, _("{value} is not an amount").format(
            value=repr(value))) from None


def price(field: str, value: object, maximum: Decimal = MAX_PRICE) -> Decimal:
    """A non-negative amount up to `maximum`; accepts 1250, '1250.50', '1 250,50'."""
    amount = _amount(field, value)
    if not amount.is_finite():
        raise ValidationError(field, _("{value} is not an amount").format(value=repr(value)))
    if amount < 0:
        raise ValidationError(field, _("must not be negative (got {amount})").format(
            amount=said_money(amount, str(amount))))
    if amount > maximum:
        raise ValidationError(field, _("{value} is more than {maximum}, the largest amount "
                                       "Carnet takes").format(
                                           value=repr(value),
                                           maximum=said_money(maximum, f"{maximum:,} €")))
    return abs(amount).quantize(Decimal("0.01"))


def whole_number(field: str, value: object, *, minimum: int = 0, maximum: int = MAX_ID,
                 optional: bool = False) -> int | None:
    """A whole number written with the digits 0-9, between `minimum` and `maximum`."""
    if optional and (value is None or str(value).strip() == ""):
        return None
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValidationError(field, _("{value} is not a whole number").format(value=repr(value)))
    written = str(value).strip() if isinstance(value, str) else None
    if written is not None and not _WHOLE.fullmatch(written):
        shown = written if len(written) <= 30 else written[:20] + "…"
        raise ValidationError(field, _("{value} is not a whole number (digits 0-9)").format(
            value=repr(shown)))
    if written is not None and len(written.lstrip("+-0")) > MAX_DIGITS:
        digits = len(written.lstrip("+-0"))
        if written.startswith("-"):
            message = _("is {digits} digits long; it must be at least {minimum}").format(
                digits=digits, minimum=said_number(minimum))
        else:
            message = _("is {digits} digits long; it must be at most {maximum}").format(
                digits=digits, maximum=said_number(maximum))
        raise ValidationError(field, message)
    number = int(written) if written is not None else value
    if number < minimum:
        raise ValidationError(field, _("must be at least {minimum} (got {number})").format(
            minimum=minimum, number=number))
    if number > maximum:
        raise ValidationError(field, _("must be at most {maximum} (got {number})").format(
            maximum=said_number(maximum), number=said_number(number)))
    return number


def pages(field: str, value: object) -> int | None:
    """A document's page count: 1 to MAX_PAGES, or none."""
    return whole_number(field, value, minimum=1, maximum=MAX_PAGES, optional=True)


def tolerance(field: str, value: object, optional: bool = True) -> int | None:
    """A delay tolerance in days: 0 to MAX_TOLERANCE."""
    return whole_number(field, value, maximum=MAX_TOLERANCE, optional=optional)


def identifier(field: str, value: object) -> int:
    """A record's id as stored: an integer (not text, not a boolean) from 1 to MAX_ID."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, _("{value} is not an id (expected a whole number, not "
                                       "{type})").format(value=repr(value),
                                                         type=type(value).__name__))
    return whole_number(field, value, minimum=1)


def day(field: str, value: date | None, optional: bool = False) -> date | None:
    """A calendar date within the years MIN_YEAR to MAX_YEAR."""
    if value is None and optional:
        return None
    if not isinstance(value, date):
        raise ValidationError(field, _("{value} is not a date").format(value=repr(value)))
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValidationError(field, _("{day} is outside the years {first}–{last} Carnet "
                                       "keeps").format(day=said_day(value), first=MIN_YEAR,
                                                       last=MAX_YEAR))
    return value


def iso_day(field: str, value: object, optional: bool = False) -> date | None:
    """A stored date: text written YYYY-MM-DD, a real day within Carnet's years."""
    if value is None and optional:
        return None
    if not isinstance(value, str) or not _ISO_DAY.fullmatch(value):
        raise ValidationError(field, _("{value} is not a date written YYYY-MM-DD").format(
            value=repr(value)))
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        raise ValidationError(field, _("{value} is not a real date").format(
            value=repr(value))) from None
    return day(field, parsed)


def email(field: str, value: str) -> str:
    value = text(field, value, multiline=False)
    if value and ("@" not in value or value.startswith("@") or value.endswith("@")):
        raise ValidationError(field, _("{value} does not look like an e-mail address").format(
            value=repr(value)))
    return value


BEFORE = {
    "received date": N_("{day} is before the received date ({other})"),
    "opening date": N_("{day} is before the opening date ({other})"),
    "pause start": N_("{day} is before the pause start ({other})"),
    "delivery date": N_("{day} is before the delivery date ({other})"),
    "invoice's date": N_("{day} is before the invoice's date ({other})"),
    "day of the promise": N_("{day} is before the day of the promise ({other})"),
}
"""Each date a later one is checked against, with the sentence that refuses it."""


def not_before(field: str, value: date, other_field: str, other: date) -> date:
    if value < other:
        sentence = BEFORE.get(other_field)
        message = (_(sentence) if sentence else _("{day} is before the {field} ({other})"))
        raise ValidationError(field, message.format(day=said_day(value), other=said_day(other),
                                                    field=field_label(other_field)))
    return value


def satisfaction(field: str, value: object) -> int | None:
    """A satisfaction score from 1 to 5, or none."""
    number = whole_number(field, value, minimum=1, optional=True)
    if number is not None and number > 5:
        raise ValidationError(field, _("must be between 1 and 5 (got {number})").format(
            number=number))
    return number


def reference(field: str, value: object) -> str:
    """A reference such as a client's file number: one line of at most MAX_REFERENCE characters."""
    value = text(field, value, multiline=False)
    if len(value) > MAX_REFERENCE:
        raise ValidationError(field, _("is {length} characters long; a reference takes at most "
                                       "{limit}").format(length=len(value), limit=MAX_REFERENCE))
    return value
