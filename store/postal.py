"""The recipient's block for a window envelope, by La Poste's rules (NF Z 10-011).

At most 6 lines of 38 characters (7 abroad, the last one being the country in French);
to a person at an organisation, the organisation comes first and the person on an
attention line below it. The locality follows the destination's post: 'POSTCODE CITY'
(France without accents), the town then the postcode on its own line (United Kingdom),
'CITY STATE ZIP' (United States), 'CITY PROVINCE  POSTCODE' (Canada).
An address that does not fit is refused, naming the field the line comes from, never cut.
"""

from __future__ import annotations

import re
import unicodedata

from . import countries
from .errors import ValidationError
from .i18n import _
from .models import LANGUAGES, Client

MAX_LINES = 6
MAX_CHARS = 38

SHORT_CIVILITY = {
    "fr": {"Mme": "Mme", "M.": "M.", "Mx": "Mx", "Maître": "Maître", "Dr": "Dr", "Pr": "Pr"},
    "en": {"Mme": "Ms", "M.": "Mr", "Mx": "Mx", "Maître": "Maître", "Dr": "Dr", "Pr": "Prof"},
}

ATTENTION = {"fr": "À l’attention de", "en": "For the attention of"}
"""The prefix of the person's line under an organisation's name."""

POSTCODE_BELOW = frozenset({"GB", "IE", "IM", "JE", "GG"})
"""The town in capitals on one line, the postcode alone on the next (Royal Mail, An Post)."""

TOWN_FIRST = frozenset({"US", "AU", "NZ", "PR"})
"""'CITY STATE ZIP' on one line: the postcode field keeps what is typed after the city."""

CANADIAN_POSTCODE = re.compile(r"([A-Z][0-9][A-Z]) ?([0-9][A-Z][0-9])$")

ADDRESS_FIELDS = ("civility", "first_name", "last_name", "organisation", "address_lines",
                  "postcode", "city", "country", "language")
"""The fields the block is made of: a change to one of them is checked against it."""


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


def _addressee(client: Client, language: str) -> list[tuple[str, str]]:
    """The organisation, then the person on an attention line (business mail); or either alone."""
    organisation = client.organisation.strip()
    if not person(client, language):
        return [("organisation", organisation)]
    if not organisation:
        return [("name", person(client, language))]
    return [("organisation", organisation), ("name", attention_line(client, language))]


def _spaced(text: str) -> str:
    return " ".join(text.split())


def _unaccented(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed
                                                if not unicodedata.combining(c)))


def _canadian(city: str, postcode: str) -> str:
    """'MONTRÉAL QC  H3Z 2Y7': two spaces before the postcode, as Canada Post asks."""
    found = CANADIAN_POSTCODE.search(postcode)
    if not found:
        return f"{city} {postcode}".strip()
    province = postcode[:found.start()].strip()
    return f"{_spaced(f'{city} {province}')}  {found[1]} {found[2]}".strip()


def _locality(client: Client) -> list[tuple[str, str]]:
    """The town and postcode lines, placed as the destination's post wants them."""
    city, postcode = _spaced(client.city).upper(), _spaced(client.postcode).upper()
    country = countries.code(client.country)
    if country in POSTCODE_BELOW:
        return [("city", city), ("postcode", postcode)]
    if country == countries.HOME:
        line = f"{postcode} {_unaccented(city)}"
    elif country == "CA":
        line = _canadian(city, postcode)
    elif country in TOWN_FIRST:
        line = f"{city} {postcode}"
    else:
        line = f"{postcode} {city}"
    return [("postcode" if len(postcode) > len(city) else "city", line.strip())]


def _check_fits(lines: list[tuple[str, str]], abroad: bool) -> None:
    allowed = MAX_LINES + (1 if abroad else 0)
    if len(lines) > allowed:
        raise ValidationError("address", _("has {count} lines; La Poste allows {allowed} (and a "
                                           "country line abroad)").format(count=len(lines),
                                                                          allowed=MAX_LINES))
    for field, line in lines:
        if len(line) > MAX_CHARS:
            shown = line if len(line) <= 2 * MAX_CHARS else line[:MAX_CHARS] + "…"
            message = _("“{line}” is {length} characters; La Poste allows {allowed}").format(
                line=shown, length=len(line), allowed=MAX_CHARS)
            raise ValidationError(field, message)


def is_abroad(client: Client) -> bool:
    """True when the client's country is not France."""
    return not countries.is_home(client.country)


def block(client: Client, language: str) -> list[str]:
    """The address block, line by line, or a ValidationError naming the field that does not fit.

    A street line is named 'address line N' (N counting the client's own lines), the others
    by their field: 'organisation', 'name', 'city', 'postcode', 'country'.
    """
    lines = _addressee(client, language)
    lines += [(f"address line {n}", _spaced(line))
              for n, line in enumerate(client.address_lines, 1)]
    lines += _locality(client)
    lines.append(("country", countries.country_line(client.country)))
    lines = [(field, unicodedata.normalize("NFC", line)) for field, line in lines if line]
    _check_fits(lines, is_abroad(client))
    return [line for _, line in lines]


def has_address(client: Client) -> bool:
    """Whether the client has a postal address at all (a street line, a postcode or a city)."""
    return any(part.strip() for part in (*client.address_lines, client.postcode, client.city))


def check(client: Client) -> None:
    """Refuse an address that no letter could print, in the client's language or another."""
    if not has_address(client):
        return
    for language in sorted(LANGUAGES, key=lambda lang: lang != client.language):
        block(client, language)
