"""Text as a person searches and sorts it: accents, case and ligatures ignored."""

from __future__ import annotations

import unicodedata

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})


def fold(text: str) -> str:
    """'Hélène d'Aubigné-Œillet' → 'helene d'aubigne-oeillet' (É sorts with E, œ matches oe)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES).casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def name_key(client) -> tuple[str, int]:
    """Where a client sorts by name, as a person alphabetises (É with E, case ignored); ties
    by id."""
    return fold(client.name), client.id
