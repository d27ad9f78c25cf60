"""Checks on user input; each refusal names the field and says why.

One module for the forms, the command line, CSV and JSON imports: the same text, number
and date rules (and the same bounds) wherever a value comes from.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal, InvalidOperation

from .errors import ValidationError

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
    name = unicodedata.name(char, "a control character")
    return f"U+{ord(char):04X} ({name})"


def text(field: str, value: object, *, required: bool = False, multiline: bool = True) -> str:
    """Any Unicode a person can type, stored exactly; control characters refused.

    One-line fields (names, city, title) also refuse line breaks, the line and paragraph
    separators and invisible format controls such as U+202E (which reverses what follows).
    """
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(field, f"expected text, got {type(value).__name__}")
    if required and not value.strip():
        raise ValidationError(field, "must not be empty")
    if len(value) > MAX_TEXT:
        raise ValidationError(field, f"is {len(value):,} characters long; the limit is "
                                     f"{MAX_TEXT:,}")
    if _SURROGATE.search(value):
        raise ValidationError(field, "contains an invalid character (a lone surrogate)")
    bad = _CONTROL.search(value)
    if bad:
        raise ValidationError(field, f"contains {_describe(bad.group())}, which cannot be stored")
    char = None if multiline else _one_line_refusal(value)
    if char:
        raise ValidationError(field, f"contains {_describe(char)}, which a one-line field "
                                     "cannot hold; use one line of visible text")
    return value


def choice(field: str, value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        listed = ", ".join(repr(a) for a in allowed)
        raise ValidationError(field, f"{value!r} is not one of {listed}")
    return value


def _amount(field: str, value: object) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, (bool, float)) or not isinstance(value, (str, int)):
        raise ValidationError(field, f"{value!r} is not an amount (expected text such as 1250.50)")
    cleaned = str(value).strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    cleaned = cleaned.removesuffix("€").replace(",", ".")
    if len(cleaned) > 40:
        raise ValidationError(field, f"{str(value)[:20]!r}… is not an amount")
    try:
        return Decimal(cleaned or "0")
    except InvalidOperation:
        raise ValidationError(field, f"{value!r} is not an amount") from None


def price(field: str, value: object, maximum: Decimal = MAX_PRICE) -> Decimal:
    """A non-negative amount up to `maximum`; accepts 1250, '1250.50', '1 250,50'."""
    amount = _amount(field, value)
    if not amount.is_finite():
        raise ValidationError(field, f"{value!r} is not an amount")
    if amount < 0:
        raise ValidationError(field, f"must not be negative (got {amount})")
    if amount > maximum:
        raise ValidationError(field, f"{value!r} is more than {maximum:,} €, the largest amount "
                                     "Carnet takes")
    return abs(amount).quantize(Decimal("0.01"))


def whole_number(field: str, value: object, *, minimum: int = 0, maximum: int = MAX_ID,
                 optional: bool = False) -> int | None:
    """A whole number written with the digits 0-9, between `minimum` and `maximum`."""
    if optional and (value is None or str(value).strip() == ""):
        return None
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValidationError(field, f"{value!r} is not a whole number")
    written = str(value).strip() if isinstance(value, str) else None
    if written is not None and not _WHOLE.fullmatch(written):
        shown = written if len(written) <= 30 else written[:20] + "…"
        raise ValidationError(field, f"{shown!r} is not a whole number (digits 0-9)")
    if written is not None and len(written.lstrip("+-0")) > MAX_DIGITS:
        bound = f"at least {minimum:,}" if written.startswith("-") else f"at most {maximum:,}"
        raise ValidationError(field, f"is {len(written.lstrip('+-0'))} digits long; it must be "
                                     f"{bound}")
    number = int(written) if written is not None else value
    if number < minimum:
        raise ValidationError(field, f"must be at least {minimum} (got {number})")
    if number > maximum:
        raise ValidationError(field, f"must be at most {maximum:,} (got {number:,})")
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
        raise ValidationError(field, f"{value!r} is not an id (expected a whole number, "
                                     f"not {type(value).__name__})")
    return whole_number(field, value, minimum=1)


def day(field: str, value: date | None, optional: bool = False) -> date | None:
    """A calendar date within the years MIN_YEAR to MAX_YEAR."""
    if value is None and optional:
        return None
    if not isinstance(value, date):
        raise ValidationError(field, f"{value!r} is not a date")
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValidationError(field, f"{value.isoformat()} is outside the years {MIN_YEAR}–"
                                     f"{MAX_YEAR} Carnet keeps")
    return value


def iso_day(field: str, value: object, optional: bool = False) -> date | None:
    """A stored date: text written YYYY-MM-DD, a real day within Carnet's years."""
    if value is None and optional:
        return None
    if not isinstance(value, str) or not _ISO_DAY.fullmatch(value):
        raise ValidationError(field, f"{value!r} is not a date written YYYY-MM-DD")
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        raise ValidationError(field, f"{value!r} is not a real date") from None
    return day(field, parsed)


def email(field: str, value: str) -> str:
    value = text(field, value, multiline=False)
    if value and ("@" not in value or value.startswith("@") or value.endswith("@")):
        raise ValidationError(field, f"{value!r} does not look like an e-mail address")
    return value


def not_before(field: str, value: date, other_field: str, other: date) -> date:
    if value < other:
        raise ValidationError(field, f"{value.isoformat()} is before the {other_field} "
                                     f"({other.isoformat()})")
    return value


def satisfaction(field: str, value: object) -> int | None:
    """A satisfaction score from 1 to 5, or none."""
    number = whole_number(field, value, minimum=1, optional=True)
    if number is not None and number > 5:
        raise ValidationError(field, f"must be between 1 and 5 (got {number})")
    return number


def reference(field: str, value: object) -> str:
    """A reference such as a client's file number: one line of at most MAX_REFERENCE characters."""
    value = text(field, value, multiline=False)
    if len(value) > MAX_REFERENCE:
        raise ValidationError(field, f"is {len(value)} characters long; a reference takes at "
                                     f"most {MAX_REFERENCE}")
    return value
