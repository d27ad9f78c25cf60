"""`overdue` reads a small view of the open orders that is always as fresh as the book."""

from __future__ import annotations

import stat
from datetime import date, timedelta

import orjson

from store import clients, orders
from store.book import Book
from store.listing import overdue_rows
from store.migrations import SCHEMA_VERSION
from store.openview import OPEN_VIEW

TODAY = date(2026, 11, 23)


def _book_with_late_work(data):
    with Book(data) as book:
        client = clients.add_client(book, TODAY, last_name="Lefèvre")
        for days_late in (3, 10, 20):
            orders.add_order(book, TODAY, client.id, f"{days_late} days late",
                             received=TODAY - timedelta(days=60),
                             due=TODAY - timedelta(days=days_late))
        done = orders.add_order(book, TODAY, client.id, "delivered",
                                received=TODAY - timedelta(days=60), due=TODAY - timedelta(days=5))
        orders.deliver(book, done.ref, TODAY - timedelta(days=1))
    return data


def test_the_view_holds_only_open_orders_and_gives_the_same_overdue_list(tmp_path):
    data = _book_with_late_work(tmp_path / "book")
    view = orjson.loads((data / OPEN_VIEW).read_bytes())
    assert sorted(d["title"] for d in view["tables"]["orders"].values()) == [
        "10 days late", "20 days late", "3 days late"]
    assert stat.S_IMODE((data / OPEN_VIEW).stat().st_mode) == 0o600
    with Book(data, read_only=True) as whole, Book(data, read_only=True, open_only=True) as quick:
        assert overdue_rows(quick, TODAY) == overdue_rows(whole, TODAY)
        assert [r["days_late"] for r in overdue_rows(quick, TODAY)] == [20, 10, 3]


def test_changes_since_the_snapshot_reach_the_view(tmp_path):
    data = _book_with_late_work(tmp_path / "book")
    with Book(data) as writer:
        orders.deliver(writer, "2026-001", TODAY)
        orders.postpone(writer, "2026-002", TODAY + timedelta(days=9), "archives", "other", TODAY)
        reopened = writer.undo()
        assert reopened.startswith("postpone 2026-002 to ")
        late = orders.add_order(writer, TODAY, 1, "new and late",
                                received=TODAY - timedelta(days=30), due=TODAY - timedelta(days=2))
        with Book(data, read_only=True, open_only=True) as quick:
            rows = overdue_rows(quick, TODAY)
    assert [r["ref"] for r in rows] == ["2026-003", "2026-002", late.ref]


def test_a_view_from_another_snapshot_is_ignored(tmp_path):
    data = _book_with_late_work(tmp_path / "book")
    replaced = orjson.dumps({"format": "carnet-book", "schema": SCHEMA_VERSION, "seq": 0,
                             "tables": {"clients": {}, "orders": {}}})
    (data / "book.json").write_bytes(replaced)
    with Book(data, read_only=True, open_only=True) as quick:
        assert overdue_rows(quick, TODAY) == []


def test_a_missing_view_is_rebuilt_when_the_book_is_next_opened(tmp_path):
    data = _book_with_late_work(tmp_path / "book")
    (data / OPEN_VIEW).unlink()
    with Book(data, read_only=True, open_only=True) as quick:
        assert len(overdue_rows(quick, TODAY)) == 3
    Book(data).close()
    assert (data / OPEN_VIEW).exists()


def test_the_view_holds_only_the_clients_of_open_orders(tmp_path):
    data = _book_with_late_work(tmp_path / "book")
    with Book(data) as book:
        clients.add_client(book, TODAY, last_name="Sans-Commande")
    view = orjson.loads((data / OPEN_VIEW).read_bytes())
    assert [d["last_name"] for d in view["tables"]["clients"].values()] == ["Lefèvre"]


def test_an_order_opened_since_for_a_client_not_in_the_view_is_listed_with_its_name(tmp_path):
    data = _book_with_late_work(tmp_path / "book")
    with Book(data) as book:
        quiet = clients.add_client(book, TODAY, first_name="Édith", last_name="Garnier")
    view = orjson.loads((data / OPEN_VIEW).read_bytes())
    assert str(quiet.id) not in view["tables"]["clients"]
    book = Book(data)
    late = orders.add_order(book, TODAY, quiet.id, "Acte de baptême, 1702",
                            received=TODAY - timedelta(days=40), due=TODAY - timedelta(days=4))
    book.files.close(compact=False)
    assert (data / "book.journal").stat().st_size > 0, "the order is only in the journal"
    with Book(data, read_only=True, open_only=True) as quick, \
            Book(data, read_only=True) as whole:
        rows = overdue_rows(quick, TODAY)
        assert rows == overdue_rows(whole, TODAY)
    assert {r["ref"]: r["client"] for r in rows}[late.ref] == "Édith Garnier"
