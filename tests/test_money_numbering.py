"""Document numbers: continuous per prefix and year, taken only when a document is stored."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from store import invoicing, orders
from store.book import Book
from store.errors import ValidationError
from store.numbering import next_number, number_for
from store.profile import update_profile
from tests.money_support import book, henri  # noqa: F401 (the fixtures)
from tests.money_support import delivered_order, open_book, order_for, private_client


def _invoice(book, client, on):
    order = delivered_order(book, client, on=on)
    return invoicing.issue_invoice(book, order.ref, on)


def test_numbers_are_made_from_the_profile_prefixes(book):
    profile = book.profile
    assert number_for(profile, "quote", 2026, 1) == "D-2026-0001"
    assert number_for(profile, "invoice", 2026, 12) == "F-2026-0012"
    assert number_for(profile, "deposit", 2026, 3) == "F-2026-0003"
    assert number_for(profile, "credit-note", 2027, 1) == "A-2027-0001"
    update_profile(book, invoice_prefix="FAC")
    assert next_number(book, "invoice", 2026) == "FAC-2026-0001"


def test_numbering_is_continuous_and_starts_again_each_year(book, henri):
    numbers = [_invoice(book, henri, day).number
               for day in (date(2025, 12, 1), date(2025, 12, 30), date(2026, 1, 2),
                           date(2026, 1, 3))]
    assert numbers == ["F-2025-0001", "F-2025-0002", "F-2026-0001", "F-2026-0002"]
    assert next_number(book, "invoice", 2025) == "F-2025-0003"
    assert next_number(book, "invoice", 2026) == "F-2026-0003"


def test_each_kind_has_its_series_and_deposits_share_the_invoices(book, henri):
    order = order_for(book, henri, price="500")
    quote = invoicing.issue_quote(book, order.ref, date(2026, 3, 2))
    deposit = invoicing.issue_invoice(book, order.ref, date(2026, 3, 3), deposit=Decimal("100"))
    orders.deliver(book, order.ref, date(2026, 3, 10))
    invoice = invoicing.issue_invoice(book, order.ref, date(2026, 3, 10))
    note = invoicing.issue_credit_note(book, invoice.number, Decimal("20"), "Erreur de date",
                                       date(2026, 3, 11))
    assert [d.number for d in (quote, deposit, invoice, note)] == [
        "D-2026-0001", "F-2026-0001", "F-2026-0002", "A-2026-0001"]


def test_an_undone_invoice_frees_its_number(book, henri):
    first = _invoice(book, henri, date(2026, 3, 2))
    order = delivered_order(book, henri, on=date(2026, 3, 3))
    second = invoicing.issue_invoice(book, order.ref, date(2026, 3, 3))
    assert second.number == "F-2026-0002"
    assert book.undo_label == "invoice F-2026-0002"
    book.undo()
    assert [d.number for d in invoicing.documents(book)] == [first.number]
    again = invoicing.issue_invoice(book, order.ref, date(2026, 3, 4))
    assert again.number == "F-2026-0002" and again.issued == date(2026, 3, 4)


def test_a_failed_write_takes_no_number(book, henri):
    order = delivered_order(book, henri)
    with pytest.raises(RuntimeError):
        with book.transaction("issue and render"):
            issued = invoicing.issue_invoice(book, order.ref, date(2026, 3, 2))
            assert issued.number == "F-2026-0001"
            raise RuntimeError("the PDF could not be written")
    assert invoicing.documents(book) == []
    assert invoicing.issue_invoice(book, order.ref, date(2026, 3, 2)).number == "F-2026-0001"


def test_numbers_survive_reopening_the_book(tmp_path):
    with open_book(tmp_path / "book") as book:
        _invoice(book, private_client(book), date(2026, 3, 2))
    with Book(tmp_path / "book") as book:
        assert next_number(book, "invoice", 2026) == "F-2026-0002"
        assert invoicing.document(book, "F-2026-0001").total == Decimal("300.00")


def test_a_document_cannot_be_dated_before_the_last_of_its_series(book, henri):
    _invoice(book, henri, date(2026, 3, 10))
    order = delivered_order(book, henri, on=date(2026, 3, 1))
    with pytest.raises(ValidationError, match="F-2026-0001, issued on 2026-03-10"):
        invoicing.issue_invoice(book, order.ref, date(2026, 3, 5))
    assert len(invoicing.documents(book)) == 1
