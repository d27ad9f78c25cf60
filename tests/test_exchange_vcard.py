"""Clients as vCard 4.0 for address books: every field escaped, folded and read back."""

from __future__ import annotations

from datetime import date

import pytest

from store import clients
from store.book import Book
from store.exchange import vcard
from tests.vcard_reading import read_cards

TODAY = date(2026, 11, 23)
NASTY = "Dupont;Fils,\\ & « Cie » 👩‍🔬"
"""Every character vCard escapes, in a name that still fits an envelope's 38 characters."""
LONG_NOTE = "ligne 1\nligne 2; \\ fin " + "œ" * 50
"""Longer than a vCard line: folded, between characters."""


@pytest.fixture
def book(tmp_path):
    with Book(tmp_path / "book") as opened:
        yield opened


def test_a_client_reads_back_field_by_field(book):
    clients.add_client(book, TODAY, civility="Mme", first_name="Jeanne", last_name=NASTY,
                       email="jeanne@example.fr", phone="+33 6 12 34 56 78",
                       address_lines=["3, place du Martroi", "Bât. B; 2e"], postcode="45000",
                       city="Orléans", country="France", tags=["notaire", "a,b"],
                       notes=LONG_NOTE, language="fr")
    data = vcard.export_vcard(book)
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    [card] = read_cards(data)
    assert card["VERSION"] == [["4.0"]] and card["KIND"] == [["individual"]]
    assert card["FN"] == [[f"Jeanne {NASTY}"]]
    assert card["N"] == [[NASTY], ["Jeanne"], [""], ["Mme"], [""]]
    assert card["ADR"] == [[""], [""], ["3, place du Martroi", "Bât. B; 2e"], ["Orléans"], [""],
                           ["45000"], ["France"]]
    assert card["CATEGORIES"] == [["notaire", "a,b"]]
    assert card["NOTE"] == [[LONG_NOTE]]
    assert card["EMAIL"] == [["jeanne@example.fr"]] and card["TEL"] == [["+33 6 12 34 56 78"]]


def test_an_organisation_is_an_org_card_and_uids_are_stable(book):
    client = clients.add_client(book, TODAY, organisation="Étude Martin & Associés")
    first = vcard.export_vcard(book)
    [card] = read_cards(first)
    assert card["KIND"] == [["org"]] and card["ORG"] == [["Étude Martin & Associés"]]
    assert card["FN"] == [["Étude Martin & Associés"]]
    clients.edit_client(book, client.id, city="Paris")
    assert read_cards(vcard.export_vcard(book))[0]["UID"] == card["UID"]
    assert card["UID"][0][0].startswith("urn:uuid:")


def test_every_client_gets_one_card(book):
    for name in ("Un", "Deux", "Trois"):
        clients.add_client(book, TODAY, last_name=name)
    data = vcard.export_vcard(book).decode("utf-8")
    assert data.count("BEGIN:VCARD\r\n") == 3 and data.endswith("END:VCARD\r\n")
    assert len({tuple(c["UID"][0]) for c in read_cards(data.encode())}) == 3
