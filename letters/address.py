"""The recipient's block for a window envelope, by La Poste's rules (NF Z 10-011).

At most 6 lines of 38 characters (7 abroad, the last one being the country);
the locality line is postcode + CITY in capitals (without accents in France).
To a person at an organisation, the organisation comes first and the person on an
attention line below it.
An address that does not fit is refused, line by line, never cut.
"""

from __future__ import annotations

import unicodedata

from store.errors import ValidationError
from store.models import Client

MAX_LINES = 6
MAX_CHARS = 38

SHORT_CIVILITY = {
    "fr": {"Mme": "Mme", "M.": "M.", "Mx": "Mx", "Maître": "Maître", "Dr": "Dr", "Pr": "Pr"},
    "en": {"Mme": "Ms", "M.": "Mr", "Mx": "Mx", "Maître": "Maître", "Dr": "Dr", "Pr": "Prof"},
}

ATTENTION = {"fr": "À l’attention de", "en": "For the attention of"}
"""The prefix of the person's line under an organisation's name."""

HOME = frozenset({"", "france", "fr", "fra"})
"""Values of `Client.country` that mean France (no country line)."""

TOWN_BEFORE_POSTCODE = frozenset({
    "united kingdom", "royaume-uni", "uk", "great britain", "grande-bretagne", "england",
    "angleterre", "scotland", "écosse", "wales", "pays de galles", "ireland", "irlande",
    "united states", "usa", "états-unis", "canada",
})
"""Countries whose locality line reads 'TOWN POSTCODE'."""


def person(client: Client, language: str) -> str:
    """'Mme Édith Garnier-Roux', 'Ms Margaret Holloway', or '' for an organisation."""
    names = " ".join(p.strip() for p in (client.first_name, client.last_name) if p.strip())
    if not names:
        return ""
    civility = SHORT_CIVILITY[language].get(client.civility, "")
    return f"{civility} {names}" if civility else names


def recipient_name(client: Client, language: str) -> str:
    """The first line of the address: the person, else the organisation."""
    return person(client, language) or client.organisation.strip()


def attention_line(client: Client, language: str) -> str:
    """'À l’attention de Mme X', or the bare name when the prefixed line would not fit."""
    who = person(client, language)
    line = unicodedata.normalize("NFC", f"{ATTENTION[language]} {who}")
    return line if len(line) <= MAX_CHARS else who


def _addressee(client: Client, language: str) -> list[str]:
    """The organisation, then the person on an attention line (business mail); or either alone."""
    organisation = client.organisation.strip()
    if not person(client, language):
        return [organisation]
    if not organisation:
        return [person(client, language)]
    return [organisation, attention_line(client, language)]


def _unaccented(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed
                                                if not unicodedata.combining(c)))


def _locality(client: Client, abroad: bool) -> str:
    city = client.city.strip().upper()
    postcode = client.postcode.strip().upper()
    if not abroad:
        return f"{postcode} {_unaccented(city)}"
    if client.country.strip().casefold() in TOWN_BEFORE_POSTCODE:
        return f"{city} {postcode}".strip()
    return f"{postcode} {city}".strip()


def _check_complete(client: Client, abroad: bool) -> None:
    if not recipient_name(client, "fr"):
        raise ValidationError("address", "the client has no name or organisation to write to")
    needed = {"city": client.city} if abroad else {"postcode": client.postcode, "city": client.city}
    for name, value in needed.items():
        if not value.strip():
            raise ValidationError("address", f"the client has no {name}; the letter needs one")


def _check_fits(lines: list[str], abroad: bool) -> None:
    allowed = MAX_LINES + (1 if abroad else 0)
    if len(lines) > allowed:
        raise ValidationError("address", f"has {len(lines)} lines; La Poste allows {MAX_LINES}"
                                         f" (and a country line abroad)")
    for number, line in enumerate(lines, 1):
        if len(line) > MAX_CHARS:
            message = f"“{line}” is {len(line)} characters; La Poste allows {MAX_CHARS}"
            raise ValidationError(f"address line {number}", message)


def is_abroad(client: Client) -> bool:
    """True when the client's country is not France."""
    return client.country.strip().casefold() not in HOME


def recipient_lines(client: Client, language: str) -> list[str]:
    """The address block, line by line, or a ValidationError naming the line that does not fit."""
    abroad = is_abroad(client)
    _check_complete(client, abroad)
    lines = _addressee(client, language)
    lines += [" ".join(line.split()) for line in client.address_lines]
    lines.append(_locality(client, abroad))
    if abroad:
        lines.append(client.country.strip().upper())
    lines = [unicodedata.normalize("NFC", line) for line in lines if line]
    _check_fits(lines, abroad)
    return lines
