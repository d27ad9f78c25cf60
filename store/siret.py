"""The business's SIRET (or SIREN): checked with its checksum, stored compact, printed grouped."""

from __future__ import annotations

import re

from .errors import ValidationError
from .i18n import _

SIREN_DIGITS = 9
SIRET_DIGITS = 14
_SPACES = re.compile(r"[\s.]+")


def compact(value: str) -> str:
    """The number without the spaces (or dots) typed between its groups."""
    return _SPACES.sub("", value)


def siret(value: str, field: str = "siret") -> str:
    """A 14-digit SIRET or a 9-digit SIREN whose checksum holds, stored compact; or nothing."""
    from stdnum.exceptions import InvalidChecksum
    from stdnum.fr import siren as stdnum_siren, siret as stdnum_siret

    digits = compact(value)
    if not digits:
        return ""
    shown = value.strip() if len(value) <= 40 else value.strip()[:30] + "…"
    if not (digits.isascii() and digits.isdigit()):
        raise ValidationError(field, _("{value} is not a SIRET: use digits only ({siret} for a "
                                       "SIRET, {siren} for a SIREN)").format(
                                           value=repr(shown), siret=SIRET_DIGITS,
                                           siren=SIREN_DIGITS))
    if len(digits) not in (SIREN_DIGITS, SIRET_DIGITS):
        raise ValidationError(field, _("{value} has {count} digits; a SIRET has {siret} digits, a "
                                       "SIREN {siren}").format(value=shown, count=len(digits),
                                                               siret=SIRET_DIGITS,
                                                               siren=SIREN_DIGITS))
    kind, module = (("SIRET", stdnum_siret) if len(digits) == SIRET_DIGITS
                    else ("SIREN", stdnum_siren))
    try:
        module.validate(digits)
    except InvalidChecksum:
        raise ValidationError(field, _("{value} fails the {kind} checksum (Luhn): check the "
                                       "digits").format(value=for_print(digits),
                                                        kind=kind)) from None
    return digits


def for_print(value: str) -> str:
    """A SIRET as letters print it ("812 345 635 00021"), a SIREN "812 345 635"; else as given."""
    digits = compact(value)
    if not (digits.isascii() and digits.isdigit() and len(digits) in (SIREN_DIGITS,
                                                                       SIRET_DIGITS)):
        return value.strip()
    groups = [digits[i:i + 3] for i in range(0, SIREN_DIGITS, 3)]
    if len(digits) == SIRET_DIGITS:
        groups.append(digits[SIREN_DIGITS:])
    return " ".join(groups)
