"""`Book.where` answers from an index built on first use, and never from a stale one."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from store import clients, orders
from store.book import Book

TODAY = date(2026, 12, 1)


def test_where_sees_every_change_undo_and_redo(tmp_path):
    with Book(tmp_path / "book") as book:
        first = clients.add_client(book, TODAY, last_name="Lefèvre")
        second = clients.add_client(book, TODAY, last_name="Garnier")
        orders.add_order(book, TODAY, first.id, "Acte", date(2026, 12, 20))
        assert [o.title for o in book.where("orders", "client_id", first.id)] == ["Acte"]
        assert book.where("orders", "client_id", second.id) == []
        orders.add_order(book, TODAY, second.id, "Terrier", date(2026, 12, 22))
        assert [o.title for o in book.where("orders", "client_id", second.id)] == ["Terrier"]
        book.undo()
        assert book.where("orders", "client_id", second.id) == []
        book.redo()
        [order] = book.where("orders", "client_id", second.id)
        orders.edit_order(book, order.ref, title="Terrier de Beaumont")
        assert [o.title for o in book.where("orders", "client_id", second.id)] == \
            ["Terrier de Beaumont"]
        with book.transaction("move"):
            book.save("orders", replace(order, client_id=first.id, title="X"))
            assert len(book.where("orders", "client_id", first.id)) == 2
        assert book.where("orders", "client_id", second.id) == []


def test_where_on_a_list_field_still_answers(tmp_path):
    with Book(tmp_path / "book") as book:
        clients.add_client(book, TODAY, last_name="Lefèvre", tags=["notaire"])
        assert [c.last_name for c in book.where("clients", "tags", ["notaire"])] == ["Lefèvre"]
