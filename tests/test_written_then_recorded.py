"""Files written from a state of the book, then recorded by the writer: what a worker writes
is the state it read, and a refused record leaves no file."""

from __future__ import annotations

import hashlib
from datetime import datetime

import orjson
import pytest

from letters import money_archive
from store import clients, invoicing
from store.errors import CarnetError, ValidationError
from store.exchange.folder import export_state, write_export
from tests.money_support import TODAY, book, delivered_order, private_client  # noqa: F401

NOW = datetime(2026, 3, 2, 10)


def test_a_money_pdf_drafted_from_a_state_is_recorded_with_its_number(book):
    order = delivered_order(book, private_client(book))
    state = book.state
    doc = money_archive.draft(state, "invoice", order.ref, TODAY)
    path, sha256 = money_archive.write_file(state, doc)
    assert book.all("documents") == [] and path.is_file()
    issued = money_archive.record(book, doc, path, sha256)
    assert (issued.number, issued.file, issued.sha256) == (
        "F-2026-0001", "documents/F-2026-0001.pdf", sha256)


def test_a_record_whose_number_was_taken_meanwhile_keeps_the_pdf_filed_since(book):
    first = delivered_order(book, private_client(book))
    second = delivered_order(book, private_client(book, last_name="Perrin"))
    state = book.state
    doc = money_archive.draft(state, "invoice", second.ref, TODAY)
    path, sha256 = money_archive.write_file(state, doc)
    money_archive.issue_and_file(book, "invoice", first.ref, TODAY)
    with pytest.raises(CarnetError, match="changed while F-2026-0001 was being written"):
        money_archive.record(book, doc, path, sha256)
    filed = invoicing.document(book, "F-2026-0001")
    assert [d.order_ref for d in book.all("documents")] == [first.ref]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == filed.sha256 != sha256


def test_a_refused_record_removes_the_file_it_wrote_and_takes_no_number(book, monkeypatch):
    def refused(*args):
        raise ValidationError("file", "no room in the register")
    order = delivered_order(book, private_client(book))
    state = book.state
    doc = money_archive.draft(state, "invoice", order.ref, TODAY)
    path, sha256 = money_archive.write_file(state, doc)
    monkeypatch.setattr(invoicing, "record_file", refused)
    with pytest.raises(ValidationError, match="no room"):
        money_archive.record(book, doc, path, sha256)
    assert not path.exists() and book.all("documents") == []


def test_an_export_writes_the_state_it_was_given_not_a_later_one(book):
    clients.add_client(book, TODAY, last_name="Lefèvre")
    state = export_state(book, "json")
    clients.add_client(book, TODAY, last_name="Perrin")
    path = write_export(state, "json", NOW)
    names = [c["last_name"] for c in orjson.loads(path.read_bytes())["tables"]["clients"].values()]
    assert names == ["Lefèvre"]


def test_an_export_naming_the_book_keeps_its_identity_first(book):
    assert book.rows("meta").get("1") is None
    state = export_state(book, "vcard")
    assert state.rows("meta")["1"]["book_id"]
