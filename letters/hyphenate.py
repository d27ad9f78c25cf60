"""Where a word may be cut at a line end, by LibreOffice's patterns (pyphen), in French and English.

French practice is followed in both languages: two letters at least before the cut and
three after it, no cut in a word of fewer than six letters, in a name (a capital
initial) or in a word with a digit. An e-mail or web address is cut without a hyphen,
after '@' or '/' or before a dot.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pyphen

DICTIONARIES = {"fr": "fr", "en": "en_GB"}
MIN_LETTERS, BEFORE, AFTER = 6, 2, 3
_CORE = re.compile(r"^(\W*)(.*?)(\W*)$", re.DOTALL)
_JOINED = re.compile(r"(?<=[^\W\d])[–—](?=[^\W\d])")
"""An en or em dash between two words ('Lefèvre–Cormier'), not in a range ('1672–1690')."""


@lru_cache(maxsize=4)
def _dictionary(language: str) -> pyphen.Pyphen | None:
    name = DICTIONARIES.get(language)
    return pyphen.Pyphen(lang=name, left=BEFORE, right=AFTER) if name else None


def _cuttable(core: str) -> bool:
    return len(core) >= MIN_LETTERS and core.isalpha() and not core[0].isupper()


def _address_cuts(word: str) -> tuple[tuple[int, bool], ...]:
    """An e-mail or web address is cut, without a hyphen, after '@' or '/' or before a dot."""
    places = {i + 1 for i, char in enumerate(word) if char in "@/"}
    places |= {i for i, char in enumerate(word) if char == "." and i > 0}
    return tuple((i, False) for i in sorted(places) if 1 < i < len(word) - 2)


@lru_cache(maxsize=65536)
def cuts(word: str, language: str) -> tuple[tuple[int, bool], ...]:
    """(offset, hyphen added?) where `word` may end a line; none in names, numbers, addresses.

    A word already holding a hyphen ('Garnier-Roux', 'peut-être') or a dash between two words
    ('Lefèvre–Cormier') is cut only after it;
    after an elision ('l’expression') only the word itself is cut.
    """
    if "@" in word or "://" in word:
        return _address_cuts(word)
    if "-" in word.strip("-") or _JOINED.search(word):
        return tuple((i + 1, False) for i, char in enumerate(word[:-1])
                     if i > 0 and (char == "-" or _JOINED.match(word, i)))
    dictionary = _dictionary(language)
    lead, core, _ = _CORE.match(word).groups()
    elided = max(core.rfind("’"), core.rfind("'")) + 1
    lead, core = lead + core[:elided], core[elided:]
    if dictionary is None or not _cuttable(core):
        return ()
    return tuple((len(lead) + p, True) for p in dictionary.positions(core))
