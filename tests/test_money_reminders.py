"""Payment reminders and formal notices: about an unpaid invoice past due, filed as letters."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from letters import money_archive
from letters.archive import write_letter
from store import orders, receipts
from store.errors import CarnetError
from tests import letters_reading as read
from tests.money_support import (TODAY, business_client, delivered_order, open_book,
                                 order_for, private_client)

LATER = TODAY + timedelta(days=45)


@pytest.fixture
def book(tmp_path):
    with open_book(tmp_path / "book") as opened:
        yield opened


def invoice_for(book, client):
    order = delivered_order(book, client)
    doc, _ = money_archive.issue_and_file(book, "invoice", order.ref, TODAY)
    return doc


def test_a_reminder_names_the_invoice_what_is_owed_and_the_penalties_for_a_business(book):
    doc = invoice_for(book, business_client(book, address_lines=["1, place Bellecour"]))
    receipts.record_payment(book, doc.order_ref, TODAY + timedelta(days=5), Decimal("100"))
    path = write_letter(book, "reminder", doc.number, LATER)
    text = read.running(path.read_bytes())
    assert "Relance — facture F-2026-0001 du 2 mars 2026" in text
    assert "300,00 €" in text and "Il en reste 200,00 € à régler" in text
    assert "40 €" in text and "P. J. : Copie de la facture F-2026-0001" in text
    [letter] = book.letters()
    assert (letter.kind, letter.order_ref) == ("reminder", doc.order_ref)


def test_a_private_client_is_not_threatened_with_business_penalties(book):
    doc = invoice_for(book, private_client(book, address_lines=["7, rue de la Charpenterie"]))
    text = read.running(write_letter(book, "formal-notice", doc.order_ref, LATER).read_bytes())
    assert "Mise en demeure de payer — facture F-2026-0001" in text
    assert "huit jours" in text and "40 €" not in text
    assert "15 jours de retard" in text


def test_no_reminder_before_the_due_date_nor_once_paid(book):
    doc = invoice_for(book, business_client(book, address_lines=["1, place Bellecour"]))
    with pytest.raises(CarnetError, match="nothing to remind"):
        write_letter(book, "reminder", doc.number, TODAY + timedelta(days=3))
    receipts.record_payment(book, doc.order_ref, TODAY + timedelta(days=5))
    with pytest.raises(CarnetError, match="nothing to remind"):
        write_letter(book, "reminder", doc.number, LATER)
    assert book.letters() == []


def test_a_reminder_is_about_the_invoice_it_names_and_reads_in_english(book):
    client = business_client(book, address_lines=["5 Fleet Street"], postcode="EC4Y 1AA",
                             city="London", country="United Kingdom", language="en", siren="",
                             organisation="Hollis & Sons Ltd")
    order = order_for(book, client)
    quote, _ = money_archive.issue_and_file(book, "quote", order.ref, TODAY)
    deposit, _ = money_archive.issue_and_file(book, "deposit", order.ref, TODAY,
                                              deposit=Decimal("100"))
    orders.deliver(book, order.ref, TODAY + timedelta(days=1))
    final, _ = money_archive.issue_and_file(book, "invoice", order.ref, TODAY + timedelta(days=1))
    assert (deposit.number, final.number) == ("F-2026-0001", "F-2026-0002")
    text = read.running(write_letter(book, "reminder", final.number, LATER).read_bytes())
    assert "Reminder — invoice F-2026-0002 of 3 March 2026" in text
    assert "€200.00 remains to be paid" in text and "€40" in text
    assert "F-2026-0001" not in text
    text = read.running(write_letter(book, "formal-notice", order.ref, LATER).read_bytes())
    assert "Formal notice to pay — invoice F-2026-0001" in text and "€100.00" in text
    with pytest.raises(CarnetError, match=f"{quote.number} is not an unpaid invoice"):
        write_letter(book, "reminder", quote.number, LATER)
