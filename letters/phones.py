"""Phone numbers written for their reader: as typed at home, international abroad."""

from __future__ import annotations

import phonenumbers

from store import countries


def _region(typed: str) -> str:
    """A country as typed, compared by its code when it has one, else by its folded text."""
    return countries.code(typed) or " ".join(typed.casefold().split())


def for_reader(number: str, home_country: str, reader_country: str) -> str:
    """'06 12 34 56 78' for a reader at home, '+33 6 12 34 56 78' for one abroad.

    `home_country` is the sender's (empty: France); a number that cannot be read as a
    valid number of that country (or one written with its + prefix) is left as typed.
    """
    if _region(home_country) == _region(reader_country):
        return number
    try:
        parsed = phonenumbers.parse(number, countries.code(home_country))
    except phonenumbers.NumberParseException:
        return number
    if not phonenumbers.is_valid_number(parsed):
        return number
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
