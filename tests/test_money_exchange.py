"""A book with issued documents and payments goes out as JSON and comes back exactly."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import orjson
import pytest

from store import invoicing, orders, receipts
from store.book import Book
from store.errors import ValidationError
from store.exchange import json_io
from tests.money_support import delivered_order, open_book, order_for, private_client

NOW = datetime(2026, 3, 20, 9, 0)


@pytest.fixture
def exported(tmp_path) -> bytes:
    with open_book(tmp_path / "source") as book:
        henri = private_client(book, last_name="Lefèvre 李")
        order = order_for(book, henri, price="1000")
        invoicing.issue_invoice(book, order.ref, date(2026, 3, 2), deposit=Decimal("300"))
        receipts.record_payment(book, order.ref, date(2026, 3, 3), Decimal("300"))
        orders.deliver(book, order.ref, date(2026, 3, 10))
        final = invoicing.issue_invoice(book, order.ref, date(2026, 3, 10))
        invoicing.issue_credit_note(book, final.number, Decimal("50"), "Geste", date(2026, 3, 11))
        invoicing.issue_invoice(book, delivered_order(book, henri).ref, date(2026, 3, 12))
        return json_io.export_json(book, NOW)


def test_documents_and_payments_round_trip_through_json(exported, tmp_path):
    with Book(tmp_path / "copy") as book:
        counts = json_io.import_json(book, exported)
        assert (counts["documents"], counts["payments"]) == (4, 1)
        numbers = [d.number for d in invoicing.documents(book)]
        assert numbers == ["F-2026-0001", "F-2026-0002", "A-2026-0001", "F-2026-0003"]
        note = invoicing.document(book, "A-2026-0001")
        assert note.total == Decimal("-50.00") and note.refers_to == "F-2026-0002"
        assert invoicing.document(book, "F-2026-0002").lines[1].unit_price == Decimal("-300.00")
        assert json_io.export_json(book, NOW) == exported


def _tampered(exported: bytes, change) -> bytes:
    document = orjson.loads(exported)
    change(document["tables"])
    return orjson.dumps(document)


@pytest.mark.parametrize("change, message", [
    (lambda t: t["documents"]["1"].update(kind="receipt"), "kind"),
    (lambda t: t["documents"]["2"].update(number="F-2026-0001"), "already used"),
    (lambda t: t["documents"]["1"]["lines"][0].update(unit_price=12), "amount written as text"),
    (lambda t: t["documents"]["1"].update(buyer="Henri"), "expected an object"),
    (lambda t: t["payments"]["1"].update(method="barter"), "method"),
    (lambda t: t["payments"]["1"].update(client_id=99), "client 99"),
])
def test_a_damaged_money_record_is_refused(exported, tmp_path, change, message):
    with Book(tmp_path / "copy") as book:
        with pytest.raises(ValidationError, match=message):
            json_io.import_json(book, _tampered(exported, change))
        assert book.all("documents") == [] and book.all("payments") == []
