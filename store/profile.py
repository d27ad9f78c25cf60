"""The business's profile changed field by field, each value checked by the store's rules."""

from __future__ import annotations

import copy
import re
from dataclasses import fields

from . import validate as v
from .book import Book
from .errors import ValidationError
from .models import LANGUAGES, Profile

SINGLE_LINE = ("name", "trade", "postcode", "city", "country", "phone", "siret", "legal_form",
               "letter_city")
SIRET_DIGITS = 14


def siret(value: str) -> str:
    """A SIRET: 14 digits (spaces between groups dropped), or nothing."""
    digits = re.sub(r"\s", "", value)
    if digits and not (digits.isascii() and digits.isdigit() and len(digits) == SIRET_DIGITS):
        raise ValidationError("siret", f"{value!r} is not a SIRET ({SIRET_DIGITS} digits)")
    return digits


def checked_profile(profile: Profile) -> Profile:
    """Validate every field of a profile, in place; returns it."""
    for name in SINGLE_LINE:
        setattr(profile, name, v.text(name, getattr(profile, name), multiline=False))
    profile.siret = siret(profile.siret)
    profile.address_lines = [v.text(f"address line {i}", line, multiline=False)
                             for i, line in enumerate(profile.address_lines, 1) if line.strip()]
    profile.email = v.email("email", profile.email)
    profile.vat_note = v.text("vat_note", profile.vat_note)
    profile.signature = v.text("signature", profile.signature)
    profile.language = v.choice("language", profile.language, LANGUAGES)
    profile.tolerance_days = v.tolerance("tolerance", profile.tolerance_days, optional=False)
    return profile


def update_profile(book: Book, **changes) -> Profile:
    """Change some fields of the profile as one change; a name, once given, cannot be blanked."""
    known = {f.name for f in fields(Profile)}
    profile = copy.deepcopy(book.profile)
    for name, value in changes.items():
        if name not in known:
            raise ValidationError(name, "is not a profile field")
        setattr(profile, name, list(value) if name == "address_lines" else value)
    if "name" in changes and not profile.name.strip():
        raise ValidationError("name", "is needed: it heads every letter")
    profile = checked_profile(profile)
    with book.transaction("edit profile"):
        book.set_profile(profile)
    return book.profile
