"""French typography, dates and amounts in the letter's language."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from letters.localize import amount, long_date, place_date
from letters.typography import french, polish, tidy

N = "\u202f"


@pytest.mark.parametrize("raw, typeset", [
    ("Objet : retard", f"Objet{N}: retard"),
    ("Vraiment ! Et vous ?", f"Vraiment{N}! Et vous{N}?"),
    ("collé; puis: fin!", f"collé{N}; puis{N}: fin{N}!"),
    ("« Acte de vente »", f"«{N}Acte de vente{N}»"),
    ("«serré»", f"«{N}serré{N}»"),
    ("Quoi ?!", f"Quoi{N}?!"),
    ("à 14:30 sur https://archives.fr/?q=1", "à 14:30 sur https://archives.fr/?q=1"),
    ("déjà\u00a0: insécable", f"déjà{N}: insécable"),
    ("remise de 10 %", f"remise de 10{N}%"),
])
def test_french_puts_a_narrow_no_break_space_where_it_belongs(raw, typeset):
    assert french(raw) == typeset
    assert french(typeset) == typeset


def test_polish_curls_apostrophes_and_leaves_english_punctuation_alone():
    assert polish("l'acte : d'Orléans", "fr") == f"l’acte{N}: d’Orléans"
    assert polish("O'Brien's deed: done!", "en") == "O’Brien’s deed: done!"


def test_tidy_keeps_line_breaks_and_one_space_between_words():
    assert tidy("  un   deux\t trois \r\n quatre  ") == "un deux trois\nquatre"


def test_dates_are_long_and_local_with_day_month_and_year_kept_together():
    assert long_date(date(2026, 11, 22), "fr") == "22\u00a0novembre\u00a02026"
    assert long_date(date(2026, 12, 1), "fr") == "1er\u00a0décembre\u00a02026"
    assert long_date(date(2026, 11, 22), "en") == "22\u00a0November\u00a02026"
    assert place_date("Paris", date(2026, 11, 22), "fr") == "Paris, le 22\u00a0novembre\u00a02026"
    assert place_date("Paris", date(2026, 11, 22), "en") == "Paris, 22\u00a0November\u00a02026"


def test_amounts_are_local():
    plain = amount(Decimal("1250"), "fr").replace(N, " ").replace("\u00a0", " ")
    assert plain == "1 250,00 €"
    assert amount(Decimal("1250"), "en") == "€1,250.00"
