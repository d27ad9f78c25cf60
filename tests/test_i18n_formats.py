"""The screen's dates, amounts and delays read as a French user writes them; English as before."""

from __future__ import annotations

from datetime import date

import pytest

from letters.localize import check_language
from store.errors import ValidationError
from store.i18n import use_language
from store.labels import document_name, entry_label, status_label
from tui.failure import message
from tui.format import ago, day, late, money, month_name

TODAY = date(2026, 12, 2)
NNBSP, NBSP = "\u202f", "\u00a0"


@pytest.fixture
def french():
    use_language("fr")


def test_in_french_a_date_an_amount_and_a_delay_read_the_french_way(french):
    assert day(date(2026, 11, 22)) == "22 nov. 2026"
    assert money(1250.5) == f"1{NNBSP}250,50{NBSP}€"
    assert money(1250) == f"1{NNBSP}250{NBSP}€"
    assert late(3) == "3 j de retard"
    assert month_name(date(2026, 11, 1)) == "novembre 2026"


def test_in_french_days_ago_and_ahead_are_counted_in_jours(french):
    assert ago(date(2026, 11, 29), TODAY) == "il y a 3 jours"
    assert ago(date(2026, 12, 1), TODAY) == "il y a 1 jour"
    assert ago(date(2026, 12, 4), TODAY) == "dans 2 jours"
    assert ago(TODAY, TODAY) == "aujourd’hui"
    assert ago(None, TODAY) == "jamais"


def test_in_french_stored_values_show_their_label_and_stay_english_in_the_book(french):
    assert status_label("in progress") == "en cours"
    assert entry_label("follow-up") == "relance"
    assert document_name("deposit") == "facture d’acompte"
    assert status_label("not a stored value") == "not a stored value"


def test_in_english_the_texts_are_the_old_ones():
    assert day(date(2026, 11, 22)) == "22 Nov 2026"
    assert day(None) == "—"
    assert money(1250.5) == "€1,250.50"
    assert late(12) == "12 d late" and late(0) == ""
    assert ago(date(2026, 11, 29), TODAY) == "3 days ago"
    assert ago(date(2026, 12, 1), TODAY) == "1 day ago"
    assert ago(date(2026, 12, 4), TODAY) == "in 2 days"
    assert (ago(TODAY, TODAY), ago(None, TODAY)) == ("today", "never")
    assert entry_label("follow-up") == "follow-up" and document_name("credit-note") == "credit note"


def test_a_letter_refused_says_why_in_french(french):
    with pytest.raises(ValidationError) as refused:
        check_language("de")
    assert "'de' n’est pas une langue de lettre" in str(refused.value)
    assert refused.value.field == "language"


def test_an_unexpected_error_is_reported_in_french(french):
    said = message(KeyError("x"), before=3, after=3)
    assert said.startswith("Erreur inattendue (KeyError: 'x')") and "rien n’a été modifié" in said
