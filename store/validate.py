"""Checks on user input; each refusal names the field and says why."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal, InvalidOperation

from .errors import ValidationError

MAX_TEXT = 100_000
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def text(field: str, value: object, *, required: bool = False, multiline: bool = True) -> str:
    """Any Unicode a person can type, stored exactly; control characters refused."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(field, f"expected text, got {type(value).__name__}")
    if required and not value.strip():
        raise ValidationError(field, "must not be empty")
    if len(value) > MAX_TEXT:
        raise ValidationError(field, f"is {len(value):,} characters long; the limit is {MAX_TEXT:,}")
    if _SURROGATE.search(value):
        raise ValidationError(field, "contains an invalid character (a lone surrogate)")
    bad = _CONTROL.search(value) or (None if multiline else re.search(r"[\n\r\t]", value))
    if bad:
        char = bad.group()
        name = unicodedata.name(char, "control character")
        raise ValidationError(field, f"contains U+{ord(char):04X} ({name}), which cannot be stored"
                              + ("" if multiline else "; use one line"))
    return value


def choice(field: str, value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        listed = ", ".join(repr(a) for a in allowed)
        raise ValidationError(field, f"{value!r} is not one of {listed}")
    return value


def price(field: str, value: object) -> Decimal:
    """A non-negative amount; accepts 1250, '1250.50', '1 250,50'."""
    if isinstance(value, Decimal):
        amount = value
    else:
        cleaned = str(value).strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "")
        cleaned = cleaned.removesuffix("€").replace(",", ".")
        try:
            amount = Decimal(cleaned or "0")
        except InvalidOperation:
            raise ValidationError(field, f"{value!r} is not an amount") from None
    if not amount.is_finite():
        raise ValidationError(field, f"{value!r} is not an amount")
    if amount < 0:
        raise ValidationError(field, f"must not be negative (got {amount})")
    return amount.quantize(Decimal("0.01"))


def whole_number(field: str, value: object, *, minimum: int = 0, optional: bool = False) -> int | None:
    if optional and (value is None or str(value).strip() == ""):
        return None
    try:
        number = int(str(value).strip())
    except ValueError:
        raise ValidationError(field, f"{value!r} is not a whole number") from None
    if number < minimum:
        raise ValidationError(field, f"must be at least {minimum} (got {number})")
    return number


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
    number = whole_number(field, value, minimum=1, optional=True)
    if number is not None and number > 5:
        raise ValidationError(field, f"must be between 1 and 5 (got {number})")
    return number
