"""Every screen, dialog, the help and the palette: no interface text left untranslated.

The walk runs in the pseudo-language, where every translated message has its letters
changed into look-alikes ("Overdue" → "Ôvéŕdüé"). Any plain English word still on screen that
is not the book's own data was never passed through the translations.
"""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from babel.dates import get_day_names, get_month_names
from textual.geometry import Region

from store.book import Book
from store.exchange.json_io import export_document
from store.i18n import PSEUDO, use_language
from tests.tui_support import TODAY, demo_book, settle
from tui.app import CarnetApp

WORD = re.compile(r"[^\W\d_]{3,}")
TRANSLATABLE = re.compile(r"[aceinorsuyACEINORSUY]")
"""A word the pseudo-language would have changed (it changes these letters, and no other)."""

NOT_INTERFACE = {"letter-body", "letter-head", "letter-to"}
"""Widgets that show a letter in the client's language, not the interface's."""

ALWAYS = {"Carnet", "ctrl", "esc", "tab", "enter", "shift", "space", "EUR", "PDF", "CSV",
          "JSON", "SIRET", "SIREN", "IBAN", "BIC", "TVA", "VAT", "URSSAF", "Kaizen", "kaizen",
          "Factur"}
"""Names that read the same in every language."""

WALK = [
    ("dashboard", []),
    ("help", ["question_mark"]), ("", ["escape"]),
    ("palette", ["ctrl+p"]), ("", ["escape"]),
    ("clients", ["2"]),
    ("new client", ["a"]), ("", ["escape"]),
    ("client", ["enter"]),
    ("log an exchange", ["c"]), ("", ["escape"]),
    ("add a follow-up", ["f"]), ("", ["escape"]),
    ("edit the client", ["e"]), ("", ["escape"]),
    ("", ["escape"]),
    ("orders", ["3"]),
    ("order", ["enter"]),
    ("postpone", ["p"]), ("", ["escape"]),
    ("log on the order", ["c"]), ("", ["escape"]),
    ("", ["escape"]),
    ("loyalty", ["4"]), ("movement", ["m"]), ("paradox", ["p"]),
    ("charts", ["c"]), ("", ["escape"]),
    ("journal", ["5"]),
    ("money", ["7"]),
    ("letter", ["1", "l"]), ("", ["escape"]),
    ("profile", ["6"]),
]
"""(what is shown, the keys that lead there), in order; an empty name only moves on."""


def screen_words(screen) -> list[tuple[str, str, bool]]:
    """(word, its line, whether a column cut it) for every word the screen's widgets paint."""
    found = []
    for widget in screen.walk_children(with_self=True):
        if not widget.display or widget.size.area == 0:
            continue
        if any(node.id in NOT_INTERFACE for node in widget.ancestors_with_self):
            continue
        for strip in widget.render_lines(Region(0, 0, widget.size.width, widget.size.height)):
            line = strip.text
            found += [(match.group(), line.strip(), is_cut(line, match.end()))
                      for match in WORD.finditer(line)]
    return found


def data_words(folder) -> set[str]:
    """Every word of the book's own data: names, titles, notes, addresses."""
    words: set[str] = set()

    def collect(value) -> None:
        if isinstance(value, str):
            words.update(WORD.findall(value))
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    with Book(folder, read_only=True) as book:
        collect(export_document(book, datetime(2026, 11, 23)))
    return words


def locale_words() -> set[str]:
    """Month and day names as the pseudo-language's dates write them (Babel, en_GB)."""
    words: set[str] = set()
    for width in ("wide", "abbreviated"):
        for names in (get_month_names(width, locale="en_GB"), get_day_names(width, locale="en_GB")):
            words.update(WORD.findall(" ".join(names.values())))
    return words


def is_cut(line: str, end: int) -> bool:
    """Whether the word ending at `end` was cut by its column: an ellipsis, a border or a gap."""
    rest = line[end:]
    return rest.startswith("…") or not rest.strip(" │▏") or rest.startswith("  ")


def is_allowed(word: str, cut: bool, allowed: set[str]) -> bool:
    """A known word, or the start of one that a narrow column cut ("Cercle généalogiqu…")."""
    return word in allowed or (cut and any(known.startswith(word) for known in allowed))


@pytest.fixture
def pseudo(monkeypatch):
    monkeypatch.setenv("CARNET_LANG", PSEUDO)
    use_language(PSEUDO)


async def test_no_screen_shows_an_untranslated_message(tmp_path, pseudo):
    folder = demo_book(tmp_path / "book")
    allowed = data_words(folder) | locale_words() | ALWAYS
    left: dict[str, set[str]] = {}
    seen: dict[str, str] = {}
    app = CarnetApp(data_dir=folder, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for name, keys in WALK:
            for key in keys:
                await pilot.press(key)
                await settle(pilot)
            if not name:
                continue
            seen[name] = type(app.screen).__name__
            for word, line, cut in screen_words(app.screen):
                if TRANSLATABLE.search(word) and not is_allowed(word, cut, allowed):
                    left.setdefault(f"{name} ({type(app.screen).__name__})", set()).add(
                        f"{word!r} in {line[:160]!r}")
    report = "\n".join(f"{where}:\n  " + "\n  ".join(sorted(words))
                       for where, words in left.items())
    assert not left, "untranslated on screen:\n" + report
    assert {"HelpScreen", "CarnetPalette", "ClientScreen", "OrderScreen", "LoyaltyScreen",
            "TrendsScreen", "JournalScreen", "MoneyScreen", "LetterScreen",
            "ProfileScreen"} <= set(seen.values()), seen
