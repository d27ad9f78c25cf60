"""The profile's invoicing settings and a client's SIREN and VAT number, checked on save."""

from __future__ import annotations

import pytest

from store import clients
from store.errors import ValidationError
from store.profile import update_profile
from tests.money_support import TODAY, business_client, open_book, private_client


@pytest.fixture
def book(tmp_path):
    with open_book(tmp_path / "book") as opened:
        yield opened


def test_bank_details_and_rates_are_stored_compact(book):
    profile = update_profile(book, iban="fr76 3000 6000 0112 3456 7890 189", bic="bnpa frpp",
                             vat_rate="5,5", vat_number="FR 40 303 265 045", payment_days="45",
                             quote_days=60, invoice_prefix="FAC", declaration="monthly",
                             vat_regime="vat", mediator="CM2C — 14 rue Saint-Jean, Paris")
    assert (profile.iban, profile.bic, profile.vat_rate, profile.vat_number) == (
        "FR7630006000011234567890189", "BNPAFRPP", "5.5", "FR40303265045")
    assert (profile.payment_days, profile.quote_days, profile.invoice_prefix) == (45, 60, "FAC")
    assert update_profile(book, iban="", bic="").iban == ""


@pytest.mark.parametrize("changes, message", [
    ({"iban": "FR7630006000011234567890180"}, "not a valid IBAN"),
    ({"bic": "BNP"}, "not a valid BIC"),
    ({"vat_number": "FR123"}, "not a valid EU VAT number"),
    ({"vat_regime": "exempt"}, "vat_regime"),
    ({"vat_rate": "vingt"}, "not a rate"),
    ({"vat_rate": "-1"}, "between 0 and 100"),
    ({"vat_rate": "5.555"}, "two decimals"),
    ({"payment_days": 121}, "at most 120"),
    ({"payment_days": "-1"}, "at least 0"),
    ({"quote_days": 0}, "at least 1"),
    ({"quote_days": 366}, "at most 365"),
    ({"quote_prefix": ""}, "not a prefix"),
    ({"invoice_prefix": "FACTURE"}, "not a prefix"),
    ({"credit_prefix": "F-"}, "not a prefix"),
    ({"quote_prefix": "É"}, "not a prefix"),
    ({"credit_prefix": "F"}, "already the invoice_prefix"),
    ({"declaration": "yearly"}, "declaration"),
    ({"penalty_rate": "10 %\n"}, "one-line field"),
])
def test_bad_invoicing_settings_are_refused_and_nothing_changes(book, changes, message):
    before = book.profile
    with pytest.raises(ValidationError, match=message):
        update_profile(book, **changes)
    assert book.profile == before


def test_a_client_siren_is_checked_and_kept_compact(book):
    etude = business_client(book, siren="732 829 320", vat_number="fr40303265045")
    assert (etude.siren, etude.vat_number) == ("732829320", "FR40303265045")
    with pytest.raises(ValidationError, match="siren: .*fails the SIREN checksum"):
        clients.add_client(book, TODAY, organisation="Autre", siren="732829321")
    with pytest.raises(ValidationError, match="siren"):
        clients.edit_client(book, etude.id, siren="12345")
    assert book.client(etude.id).siren == "732829320"
    assert private_client(book).siren == ""
