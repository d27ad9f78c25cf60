"""The French catalog holds every message the code asks for, with the same placeholders."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from store.i18n import LOCALE_DIR

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [("app.py", "python"), ("store/**.py", "python"), ("letters/**.py", "python"),
           ("tui/**.py", "python"), ("cli/**.py", "python"), ("**.py", "ignore")]
FIELDS = re.compile(r"\{[^{}]*\}")


def code_messages() -> set[str]:
    """Every msgid (the singular of a plural) that _(), N_(), ngettext() mark in the code."""
    keywords = {**DEFAULT_KEYWORDS, "N_": None}
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
            str(ROOT), method_map=SOURCES, keywords=keywords):
        found.add(message if isinstance(message, str) else message[0])
    return found


def french() -> dict[str, str | tuple]:
    with (LOCALE_DIR / "fr" / "LC_MESSAGES" / "carnet.po").open("rb") as source:
        catalog = read_po(source, locale="fr")
    return {(m.id if isinstance(m.id, str) else m.id[0]): m.string for m in catalog if m.id}


def test_every_message_of_the_code_has_its_french():
    translated = french()
    missing = sorted(m for m in code_messages()
                     if not translated.get(m) or not all(translated[m]))
    assert not missing, "without French (run `make po`, then translate):\n" + "\n".join(missing)


def test_the_french_keeps_every_placeholder():
    wrong = [f"{message!r} → {translation!r}" for message, translation in french().items()
             if isinstance(translation, str) and translation
             and set(FIELDS.findall(translation)) != set(FIELDS.findall(message))]
    assert not wrong, "\n".join(wrong)
