"""The words of typed dates, French and English alike: months, weekdays, units, relative days.

Month and weekday names come from Babel's locale data (fr_FR and en_GB, wide and
abbreviated), folded like the typed text (lower case, accents and trailing dots gone), plus
every unambiguous prefix of three letters or more ("sept", "déc", "janv", "thurs").
"""

from __future__ import annotations

import re
from functools import lru_cache

from .text import fold as search_fold

LOCALES = ("fr_FR", "en_GB")
PREFIX = 3
"""The shortest prefix of a month or day name that is read as that name."""

RELATIVE_DAYS = {
    "today": 0, "aujourd'hui": 0, "aujourdhui": 0, "auj": 0,
    "tomorrow": 1, "demain": 1, "apres-demain": 2, "apres demain": 2,
    "day after tomorrow": 2, "the day after tomorrow": 2,
    "yesterday": -1, "hier": -1, "avant-hier": -2, "avant hier": -2,
    "day before yesterday": -2, "the day before yesterday": -2,
}
"""Words that name a day by its distance from today (folded)."""

UNITS = {
    **dict.fromkeys(("", "j", "jr", "jrs", "jour", "jours", "d", "day", "days"), ("days", 1)),
    **dict.fromkeys(("s", "sem", "sems", "semaine", "semaines", "w", "wk", "wks", "week",
                     "weeks"), ("days", 7)),
    **dict.fromkeys(("m", "mo", "mois", "month", "months"), ("months", 1)),
    **dict.fromkeys(("a", "an", "ans", "annee", "annees", "y", "yr", "yrs", "year", "years"),
                    ("months", 12)),
}
"""A unit after a count ('+2 sem', 'in 3 days') → (days or months, how many per unit)."""

ONE = {"un": 1, "une": 1, "a": 1, "an": 1, "one": 1}
"""Counts written as a word ('dans une semaine', 'in a week')."""

NEXT = ("prochain", "prochaine", "next")
LAST = ("dernier", "derniere", "last")
THIS = ("ce", "this")
ORDINAL = re.compile(r"^(\d{1,2})(?:er|re|e|st|nd|rd|th)?$")
"""A day of the month, ordinals included: '1er', '2e', '1st', '22nd'."""

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
_DOT_AFTER_LETTER = re.compile(r"(?<=[a-z])\.")


def fold(text: str) -> str:
    """Lower case, no accent, ’ as ', single spaces, no comma, no abbreviation dot."""
    plain = search_fold(text).replace("\u2019", "'").replace(",", " ")
    plain = _DOT_AFTER_LETTER.sub(" ", plain)
    return _SPACES.sub(" ", plain).strip()


def _with_prefixes(names: dict[str, int], wide: dict[str, int]) -> dict[str, int]:
    """Names plus each prefix (PREFIX letters or more) of a wide name that means one thing."""
    found: dict[str, set[int]] = {}
    for name, value in wide.items():
        for end in range(PREFIX, len(name)):
            found.setdefault(name[:end], set()).add(value)
    prefixes = {p: values.pop() for p, values in found.items() if len(values) == 1}
    return {**prefixes, **names}


def _table(getter, context: str) -> dict[str, int]:
    names: dict[str, int] = {}
    wide: dict[str, int] = {}
    for locale in LOCALES:
        for width in ("wide", "abbreviated"):
            for key, name in getter(width, context, locale).items():
                folded = fold(name)
                names[folded] = key
                if width == "wide":
                    wide[folded] = key
    return _with_prefixes(names, wide)


@lru_cache(maxsize=1)
def months() -> dict[str, int]:
    """Folded month name → 1..12 ('decembre', 'dec', 'december', 'sept')."""
    from babel.dates import get_month_names

    return _table(get_month_names, "format") | _table(get_month_names, "stand-alone")


@lru_cache(maxsize=1)
def weekdays() -> dict[str, int]:
    """Folded weekday name → 0 (Monday) .. 6 ('vendredi', 'ven', 'friday', 'fri')."""
    from babel.dates import get_day_names

    return _table(get_day_names, "format") | _table(get_day_names, "stand-alone")
