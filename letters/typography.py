"""Typographic polish of running text: spaces, apostrophes, no-break ties, French punctuation.

Every rule is idempotent, so text may be polished again after the user edits it.
"""

from __future__ import annotations

import re
import unicodedata

from .ties import tie

NNBSP = "\u202f"
"""Narrow no-break space: before ; : ! ? and inside « » in French."""

_SPACES = re.compile(r"[ \t\u00a0\u2009]+(?=[;:!?](?:[\s»”)\]!?.,…]|$))")
_GLUED = re.compile(r"(&#?\w+|[\w»”)\]…])(?=[;:!?](?:[\s»”)\]!?.,…]|$))")
_AFTER_OPEN = re.compile(r"«[ \t\u00a0\u202f]*")
_BEFORE_CLOSE = re.compile(r"[ \t\u00a0\u202f]*»")
_PERCENT = re.compile(r"(?<=\d)[ \u00a0](?=%)")
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_RUNS_OF_SPACES = re.compile(r"[ \t]+")


def tidy(text: str) -> str:
    """NFC, one space between words, no blank ends of lines, '\\n' line breaks kept."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = (_RUNS_OF_SPACES.sub(" ", line).strip(" ") for line in text.split("\n"))
    return "\n".join(lines).strip("\n")


def _glue(match: re.Match) -> str:
    """A narrow space after the word, unless the 'word' is an entity such as '&amp'."""
    word = match.group(1)
    return word if word.startswith("&") else word + NNBSP


def french(text: str) -> str:
    """Narrow no-break space before ; : ! ? % and inside « » (not in '14:30' or 'https://')."""
    text = _SPACES.sub(NNBSP, _PERCENT.sub(NNBSP, text))
    text = _GLUED.sub(_glue, text)
    text = _AFTER_OPEN.sub("«" + NNBSP, text)
    return _BEFORE_CLOSE.sub(NNBSP + "»", text)


def polish(text: str, language: str) -> str:
    """Tidy spaces, curl apostrophes between letters, tie what must stay together, French rules."""
    text = tie(_APOSTROPHE.sub("’", tidy(text)), language)
    return french(text) if language == "fr" else text
