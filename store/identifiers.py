"""Bank and tax identifiers checked with python-stdnum: IBAN, BIC, EU VAT number."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from . import validate as v
from .errors import ValidationError
from .i18n import N_, _

_PREFIX = re.compile(r"[A-Za-z]{1,5}")
MAX_VAT_RATE = Decimal("100")


def _shown(value: str) -> str:
    value = value.strip()
    return value if len(value) <= 40 else value[:30] + "…"


def _checked(field: str, value: object, module, refusal_text: str) -> str:
    """`value` compacted and checked by a stdnum module; "" stays "".

    `refusal_text` (N_-marked) says why it is refused: '{value} is not a valid IBAN ({reason})'.
    """
    from stdnum.exceptions import ValidationError as Invalid

    value = v.text(field, value, multiline=False)
    if not value.strip():
        return ""
    try:
        return module.validate(value)
    except Invalid as refusal:
        raise ValidationError(field, _(refusal_text).format(
            value=repr(_shown(value)), reason=str(refusal).rstrip(".").lower())) from None


def iban(value: object, field: str = "iban") -> str:
    """An IBAN whose check digits hold, stored compact ("FR7630006000011234567890189")."""
    from stdnum import iban as stdnum_iban

    return _checked(field, value, stdnum_iban, N_("{value} is not a valid IBAN ({reason})"))


def bic(value: object, field: str = "bic") -> str:
    """A BIC (SWIFT code) of 8 or 11 characters, stored compact in capitals."""
    from stdnum import bic as stdnum_bic

    return _checked(field, value, stdnum_bic, N_("{value} is not a valid BIC ({reason})"))


def vat_number(value: object, field: str = "vat_number") -> str:
    """An EU VAT number whose checksum holds ("FR40303265045"), stored compact."""
    from stdnum.eu import vat as stdnum_vat

    return _checked(field, value, stdnum_vat,
                    N_("{value} is not a valid EU VAT number ({reason})"))


def vat_rate(value: object, field: str = "vat_rate") -> str:
    """A VAT rate in percent, 0 to 100 ("20", "5.5"; a comma is read as the decimal point)."""
    written = v.text(field, value if not isinstance(value, (int, Decimal)) else str(value),
                     multiline=False).strip().removesuffix("%").strip().replace(",", ".")
    try:
        rate = Decimal(written)
    except InvalidOperation:
        raise ValidationError(field, _("{value} is not a rate in percent (such as 20 or "
                                       "5.5)").format(value=repr(_shown(written)))) from None
    if not rate.is_finite() or not 0 <= rate <= MAX_VAT_RATE:
        raise ValidationError(field, _("must be between 0 and {maximum} % (got {value})").format(
            maximum=MAX_VAT_RATE, value=written))
    if rate != rate.quantize(Decimal("0.01")):
        raise ValidationError(field, _("{value} has more than two decimals").format(value=written))
    return format(rate.normalize(), "f")


def prefix(value: object, field: str) -> str:
    """A document number's prefix: 1 to 5 letters A–Z ("F", "FAC")."""
    value = v.text(field, value, multiline=False).strip()
    if not _PREFIX.fullmatch(value):
        raise ValidationError(field, _("{value} is not a prefix: use 1 to 5 letters A–Z (the "
                                       "number reads PREFIX-2026-0001)").format(
                                           value=repr(_shown(value))))
    return value
