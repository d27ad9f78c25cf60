"""Amounts typed as a French or an English person writes them, and as a form shows them."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store import validate as v
from store.amounts import parse_amount
from store.errors import ValidationError
from store.formats import amount_for_editing
from store.i18n import use_language


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("typed, expected", [
    ("1250", "1250"), ("1250.50", "1250.50"), ("1250,50", "1250.50"), ("1250,5", "1250.5"),
    ("1 250,50", "1250.50"), ("1\u202f250,50", "1250.50"), ("1\u00a0250,50 €", "1250.50"),
    ("1 250,50 €", "1250.50"), ("€1,250.50", "1250.50"), ("1,250.50", "1250.50"),
    ("1.250,50", "1250.50"), ("1,5", "1.5"), ("1.5", "1.5"), ("0,99", "0.99"), (",5", "0.5"),
    ("1.250.000", "1250000"), ("1,250,000", "1250000"), ("1,250,000.75", "1250000.75"),
    ("300 EUR", "300"), ("300 euros", "300"), ("-€5", "-5"), ("€-5", "-5"), ("-0", "0"),
    ("", "0"), ("1.250", "1.250"),
])
def test_an_amount_is_read_the_same_in_both_languages(lang, typed, expected):
    assert parse_amount(typed, lang) == Decimal(expected)


def test_a_lone_comma_and_three_digits_is_a_thousands_comma_only_in_english():
    assert parse_amount("1,250", "en") == Decimal("1250")
    assert parse_amount("1,250", "fr") == Decimal("1.25")


@pytest.mark.parametrize("typed", ["1.250.50", "1,250,5", "abc", "12€34", "1.2.3,4", "."])
def test_what_is_no_amount_is_refused(typed):
    with pytest.raises(InvalidOperation):
        parse_amount(typed, "fr")


def test_the_store_reads_amounts_in_the_interface_language():
    assert v.price("price", "1,250") == Decimal("1250.00")
    assert v.price("price", "€1,250.50") == Decimal("1250.50")
    use_language("fr")
    assert v.price("price", "1,250") == Decimal("1.25")
    assert v.price("price", "1 250,50 €") == Decimal("1250.50")
    assert v.price("price", "1.250,50") == Decimal("1250.50")


@pytest.mark.parametrize("typed, words", [("1e27", "1,000,000"), ("NaN", "not an amount"),
                                          ("-5", "negative"), ("1,250,5", "not an amount")])
def test_what_the_command_line_refused_it_still_refuses(typed, words):
    with pytest.raises(ValidationError) as refused:
        v.price("price", typed)
    assert words in str(refused.value)


AMOUNTS = st.decimals(min_value=Decimal("0"), max_value=Decimal("999999.99"), places=2,
                      allow_nan=False, allow_infinity=False)


@settings(max_examples=200, deadline=None)
@given(amount=AMOUNTS, lang=st.sampled_from(["fr", "en"]))
def test_an_amount_as_a_form_shows_it_reads_back_to_itself(amount, lang):
    use_language(lang)
    shown = amount_for_editing(amount)
    assert parse_amount(shown) == amount
    assert v.price("price", shown) == amount
