"""Refuse, before any page is drawn, a character that no embedded font can print."""

from __future__ import annotations

from functools import partial

from store.models import Profile

from . import fonts
from .draft import LetterDraft


def check_printable(draft: LetterDraft, profile: Profile) -> None:
    """Check every field the letter prints; the error names the field and the character."""
    check = partial(fonts.check, family=getattr(profile, "typeface", "dejavu"))
    for field, text in draft.prose():
        check(field, text, "bold" if field == "subject" else "regular")
    for number, line in enumerate(draft.recipient_lines, 1):
        check(f"address line {number}", line)
    check("place and date", draft.place_date)
    for label, value in draft.references:
        check("reference", f"{label} {value}")
    check("profile name", profile.name, "bold")
    check("profile trade", profile.trade, "italic")
    for name in ("postcode", "city", "country", "email", "phone", "siret", "vat_note"):
        check(f"profile {name.replace('_', ' ')}", getattr(profile, name))
    for number, line in enumerate(profile.address_lines, 1):
        check(f"profile address line {number}", line)
