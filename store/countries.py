"""Countries as typed on a client's card → ISO 3166 alpha-2 codes, and their names in French.

Names come from Babel (CLDR): French and English names, ISO alpha-2 and alpha-3 codes and
CLDR's aliases ('UK'), then each country's name in its own official languages ('Deutschland',
'Schweiz'). Only the forms CLDR lacks ('England', 'Grande-Bretagne') are listed here.
Babel is imported at the first look-up, not when the store starts.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

HOME = "FR"
"""Where the mail is posted: no country line, French locality rules."""

NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"})
"""CLDR territories that are no country one writes to (unions, pseudo-regions)."""

COMMON = {
    "great britain": "GB", "grande bretagne": "GB", "england": "GB", "angleterre": "GB",
    "scotland": "GB", "ecosse": "GB", "wales": "GB", "pays de galles": "GB",
    "northern ireland": "GB", "irlande du nord": "GB", "united states of america": "US",
    "etats unis d amerique": "US", "america": "US", "amerique": "US", "holland": "NL",
    "hollande": "NL", "france metropolitaine": "FR",
}
"""Everyday names CLDR does not give, by their folded key."""

ARTICLES = frozenset({"the", "le", "la", "les", "l"})
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def _key(text: str) -> str:
    """'Le Royaume-Uni', 'royaume uni', 'U.K.' → 'royaumeuni', 'uk': no case, accent, dot."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = _NOT_ALNUM.sub(" ", plain).split()
    if len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    return "".join(words)


def _is_country(code: str) -> bool:
    return len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES


@cache
def _territories(language: str) -> dict[str, str]:
    """Babel's country names in one language, by alpha-2 code."""
    from babel import Locale

    names = Locale.parse(language).territories
    return {code: name for code, name in names.items() if _is_country(code)}


@cache
def _index() -> dict[str, str]:
    """Folded codes, aliases and French and English names → alpha-2."""
    from babel.core import get_global

    index = {_key(name): code for name, code in COMMON.items()}
    for language in ("en", "fr"):
        index.update({_key(name): code for code, name in _territories(language).items()})
    for alias, targets in get_global("territory_aliases").items():
        if alias.isalpha() and len(targets) == 1 and _is_country(targets[0]):
            index.setdefault(_key(alias), targets[0])
    index.update({_key(code): code for code in _territories("en")})
    return index


@cache
def _native() -> dict[str, str]:
    """Each country's names in its own official languages ('Deutschland', 'Svizzera')."""
    from babel import Locale, UnknownLocaleError
    from babel.languages import get_official_languages

    index: dict[str, str] = {}
    for code in _territories("en"):
        for language in get_official_languages(code):
            try:
                name = Locale.parse(language).territories.get(code)
            except (UnknownLocaleError, ValueError):
                continue
            if name:
                index.setdefault(_key(name), code)
    return index


def code(typed: str) -> str | None:
    """The alpha-2 code of a country as typed ('FR' for an empty one), None when unknown."""
    key = _key(typed)
    if not key:
        return HOME
    return _index().get(key) or _native().get(key)


def is_home(typed: str) -> bool:
    """True for France (or no country at all)."""
    return code(typed) == HOME


def french_name(alpha2: str) -> str:
    """The country's name in French ('Royaume-Uni'), as mail posted in France names it."""
    return _territories("fr")[alpha2]


def country_line(typed: str) -> str:
    """The last line of an address: '' for France, the French name in capitals, else as typed."""
    found = code(typed)
    if found == HOME:
        return ""
    name = french_name(found) if found else " ".join(typed.split())
    return name.upper()
