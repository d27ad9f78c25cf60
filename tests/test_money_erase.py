"""Erasing a client keeps the issued documents and payments the law keeps, and says so."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import orjson
import pytest

from store import clients, invoicing, orders, receipts, relations
from store.book import Book
from store.errors import ValidationError
from store.exchange import privacy
from tests.money_support import delivered_order, open_book, order_for, private_client

ROOT = Path(__file__).resolve().parents[1]
DAY = date(2026, 3, 2)
PRIVATE_TRACES = (b"+33 6 12 34 56 78", "très exigeant".encode(), b"vip-client", b"Rappeler")


@pytest.fixture
def folder(tmp_path):
    """A book where Henri was invoiced and paid, and Élise only ever had a quote-order."""
    path = tmp_path / "book"
    with open_book(path) as book:
        henri = private_client(book, email="henri@example.fr", phone="+33 6 12 34 56 78",
                               notes="très exigeant", tags=["vip-client"])
        order = delivered_order(book, henri)
        invoice = invoicing.issue_invoice(book, order.ref, DAY)
        (path / "documents").mkdir()
        (path / "documents" / f"{invoice.number}.pdf").write_bytes(b"%PDF-1.7 invoice")
        invoicing.record_file(book, invoice.number, f"documents/{invoice.number}.pdf", "ab" * 32)
        receipts.record_payment(book, order.ref, date(2026, 3, 9), method="cheque")
        relations.add_followup(book, henri.id, date(2026, 4, 1), "Rappeler pour la suite")
        elise = private_client(book, first_name="Élise", last_name="Roy")
        order_for(book, elise, status="quote")
    return path


def test_erase_keeps_documents_and_payments_and_pseudonymises_the_client(folder):
    with Book(folder) as book:
        assert privacy.kept_plan(book, 1) == {"documents": 1, "payments": 1}
        assert privacy.erase_plan(book, 1)["clients"] == 0
        erased = privacy.client_erase(book, 1)
        assert erased.kept == {"documents": 1, "payments": 1}
        assert "L123-22" in erased.kept_because and "17(3)(b)" in erased.kept_because
        assert erased.counts["orders"] == 1 and erased.counts["clients"] == 0
        [invoice] = invoicing.documents(book)
        assert invoice.buyer["last_name"] == "Lefèvre" and invoice.total == Decimal("300.00")
        [payment] = book.all("payments")
        assert (payment.client_id, payment.invoice) == (1, invoice.number)
        record = book.client(1)
        assert (record.name, record.email, record.notes, record.tags) == (
            "Erased client 1", "", "", [])
        assert privacy.is_erased(record)
        assert book.orders()[0].client_id == 2 and book.followups() == []
        on_disk = b"".join(p.read_bytes() for p in folder.glob("book.*"))
        assert not any(trace in on_disk for trace in PRIVATE_TRACES)
        with pytest.raises(ValidationError, match="already erased"):
            privacy.client_erase(book, 1)
    assert (folder / "documents" / f"{invoice.number}.pdf").exists()


def test_a_client_never_invoiced_is_deleted_whole(folder):
    with Book(folder) as book:
        assert privacy.kept_plan(book, 2) == {}
        erased = privacy.client_erase(book, 2)
        assert erased.kept == {} and erased.kept_because == "" and erased.counts["clients"] == 1
        assert [c.id for c in book.clients()] == [1]


def test_a_reference_named_by_a_kept_invoice_is_never_given_again(folder):
    with Book(folder) as book:
        ref = invoicing.documents(book)[0].order_ref
        privacy.client_erase(book, 1)
        newcomer = clients.add_client(book, DAY, last_name="Nouveau")
        fresh = orders.add_order(book, DAY, newcomer.id, "Autre acte", date(2026, 4, 1))
        assert fresh.ref != ref and fresh.ref > ref
        assert invoicing.final_invoice(book, fresh.ref) is None


def test_the_client_export_holds_their_documents_and_payments(folder):
    with Book(folder, read_only=True) as book:
        exported = orjson.loads(privacy.client_export(book, 1, datetime(2026, 3, 10, 9, 0)))
    assert [d["number"] for d in exported["documents"]] == ["F-2026-0001"]
    assert [p["amount"] for p in exported["payments"]] == ["300.00"]


def test_the_command_line_says_what_it_keeps_and_why(folder):
    run = subprocess.run([sys.executable, str(ROOT / "app.py"), "--data", str(folder), "--today",
                          "2026-03-10", "client", "erase", "1", "--yes"], capture_output=True,
                         text=True, cwd=ROOT, stdin=subprocess.DEVNULL, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "Erased Henri Lefèvre" in run.stdout
    assert "Kept 1 document, 1 payment: issued invoices" in run.stdout
    assert "L123-22" in run.stdout
    again = subprocess.run([sys.executable, str(ROOT / "app.py"), "--data", str(folder),
                            "--today", "2026-03-10", "client", "erase", "1", "--yes"],
                           capture_output=True, text=True, cwd=ROOT, stdin=subprocess.DEVNULL,
                           timeout=60)
    assert again.returncode == 2 and "already erased" in again.stderr
    assert again.stderr.count("\n") == 1


def test_an_erased_client_or_a_quoted_order_cannot_be_deleted_from_under_its_documents(folder):
    with Book(folder) as book:
        privacy.client_erase(book, 1)
        with pytest.raises(ValidationError, match="kept 10 years"):
            clients.delete_client(book, 1)
        quoted = book.orders()[0]
        invoicing.issue_quote(book, quoted.ref, DAY)
        with pytest.raises(ValidationError, match="issued documents"):
            orders.delete_order(book, quoted.ref)
        assert len(invoicing.documents(book)) == 2 and book.client(1)
