"""A reader holds one whole state of the book: writes make new states, never change an old one."""

from __future__ import annotations

import sys
import threading
from dataclasses import replace
from datetime import date

import pytest

from store import clients, orders
from store.book import Book
from store.errors import NotFound
from store.rows import FOLD_AFTER, Rows

TODAY = date(2026, 11, 20)


@pytest.fixture
def book(tmp_path):
    with Book(tmp_path / "book") as opened:
        yield opened


def _client_and_order(book):
    client = clients.add_client(book, TODAY, last_name="Holloway")
    order = orders.add_order(book, TODAY, client.id, "Registre", due=date(2026, 11, 26))
    return client, order


def test_a_state_taken_before_a_postponement_keeps_the_old_date_and_the_book_shows_the_new(book):
    _client, order = _client_and_order(book)
    before = book.state
    orders.postpone(book, order.ref, date(2026, 12, 23), "late archive", "mine", TODAY)
    assert [o.due for o in before.orders()] == [date(2026, 11, 26)]
    assert before.order(order.ref).due == date(2026, 11, 26)
    assert book.order(order.ref).due == date(2026, 12, 23)
    assert [o.due for o in book.orders()] == [date(2026, 12, 23)]


def test_readers_in_threads_see_only_whole_states_while_changes_stream_in(book):
    client, order = _client_and_order(book)
    writes, seen, problems = 300, [], []
    done = threading.Event()

    def write() -> None:
        try:
            for number in range(writes):
                marker = f"état {number}"
                with book.transaction(f"step {number}"):
                    book.save("orders", replace(book.order(order.ref), title=marker))
                    book.save("clients", replace(book.client(client.id), notes=marker))
        finally:
            done.set()

    def read() -> None:
        while not done.is_set():
            state = book.state
            title, notes = state.order(order.ref).title, state.client(client.id).notes
            listed = [o.title for o in state.orders()]
            if title != notes and notes:
                problems.append((title, notes))
            if listed != [title]:
                problems.append((listed, title))
            seen.append(state.revision)

    readers = [threading.Thread(target=read) for _ in range(2)]
    writer = threading.Thread(target=write)
    interval = sys.getswitchinterval()
    sys.setswitchinterval(interval / 10)  # threads take turns more often: more overlaps, sooner
    try:
        for thread in (*readers, writer):
            thread.start()
        for thread in (writer, *readers):
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert problems == []
    assert len(set(seen)) > 1, "the readers never overlapped the writes"
    assert book.order(order.ref).title == book.client(client.id).notes == f"état {writes - 1}"


def test_a_transaction_is_seen_only_by_its_writer_until_it_commits(book):
    client, _order = _client_and_order(book)
    from_other_thread = []
    with book.transaction("rename"):
        book.save("clients", replace(book.client(client.id), last_name="Hollowell"))
        other = threading.Thread(target=lambda: from_other_thread.append(book.client(client.id)))
        other.start()
        other.join()
        assert book.client(client.id).last_name == "Hollowell"
    assert from_other_thread[0].last_name == "Holloway"
    assert book.client(client.id).last_name == "Hollowell"


def test_a_failed_commit_leaves_the_state_as_it_was(book, monkeypatch):
    client, _order = _client_and_order(book)
    state = book.state

    def full_disk(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(book.files, "commit", full_disk)
    with pytest.raises(OSError):
        clients.add_client(book, TODAY, last_name="Second")
    assert book.state is state
    assert [c.last_name for c in book.clients()] == ["Holloway"]
    assert book.undo_label == "new order"


def test_undo_puts_back_the_documents_and_redo_applies_them_again(book):
    _client, order = _client_and_order(book)
    orders.postpone(book, order.ref, date(2026, 12, 23), "late archive", "mine", TODAY)
    book.undo()
    assert book.order(order.ref).due == date(2026, 11, 26)
    book.redo()
    assert book.order(order.ref).due == date(2026, 12, 23)
    book.undo()
    book.undo()
    with pytest.raises(NotFound):
        book.order(order.ref)


def test_queries_go_through_tinydb_over_one_state(book):
    from tinydb import where
    _client, order = _client_and_order(book)
    state = book.state
    assert [o.ref for o in state.search("orders", where("status") == "accepted")] == [order.ref]
    orders.set_status(book, order.ref, "in progress")
    assert [o.ref for o in state.search("orders", where("status") == "accepted")] == [order.ref]
    assert book.search("orders", where("status") == "accepted") == []


def test_rows_change_without_touching_the_version_they_came_from():
    base = Rows({"1": {"n": 1}, "2": {"n": 2}})
    changed = base.changed({"2": None, "3": {"n": 3}, "1": {"n": 10}})
    assert dict(base.items()) == {"1": {"n": 1}, "2": {"n": 2}}
    assert list(changed.items()) == [("1", {"n": 10}), ("3", {"n": 3})]
    assert len(changed) == 2 and "2" not in changed and changed.get("2") is None
    assert changed.plain() == {"1": {"n": 10}, "3": {"n": 3}}


def test_rows_fold_their_changes_into_one_dict_once_there_are_many():
    rows = Rows({})
    for number in range(FOLD_AFTER + 5):
        rows = rows.changed({str(number): {"n": number}})
    assert len(rows) == FOLD_AFTER + 5
    assert list(rows) == [str(n) for n in range(FOLD_AFTER + 5)]
    assert len(rows._changes) < FOLD_AFTER
