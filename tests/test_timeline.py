"""A client's timeline: everything about them, newest first, its rows made only when read."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from store import clients, incidents, orders, relations
from store.book import Book
from store.timeline import Timeline, prepare

TODAY = date(2026, 11, 23)
DAY = timedelta(days=1)


def _client_with_history(book: Book) -> int:
    henri = clients.add_client(book, TODAY, first_name="Henri", last_name="Lefèvre")
    other = clients.add_client(book, TODAY, first_name="Lucie", last_name="Perrin")
    act = orders.add_order(book, TODAY, henri.id, "Acte de vente, 1523", TODAY + 9 * DAY,
                           received=TODAY - 5 * DAY)
    orders.add_order(book, TODAY, other.id, "Testament, 1612", TODAY, received=TODAY - DAY)
    relations.log_interaction(book, henri.id, "note", "first", datetime(2026, 11, 18, 9))
    relations.log_interaction(book, henri.id, "note", "later the same day",
                              datetime(2026, 11, 18, 17))
    relations.log_interaction(book, henri.id, "praise", "merci", datetime(2026, 11, 20, 8))
    relations.log_interaction(book, other.id, "note", "not Henri's", TODAY)
    incidents.open_incident(book, act.ref, TODAY - 2 * DAY, "transcription delayed")
    relations.add_followup(book, henri.id, TODAY + 3 * DAY, "call back")
    return henri.id


def test_the_timeline_is_newest_first_and_only_the_clients_own(tmp_path):
    with Book(tmp_path / "book") as book:
        henri = _client_with_history(book)
        items = list(Timeline(book.state, henri))
    said = [(day.isoformat(), kind, _words(record)) for day, kind, record in items]
    assert said == [
        ("2026-11-26", "follow-up", "call back"),
        ("2026-11-21", "incident", "transcription delayed"),
        ("2026-11-20", "interaction", "merci"),
        ("2026-11-18", "order", "Acte de vente, 1523"),
        ("2026-11-18", "interaction", "first"),
        ("2026-11-18", "interaction", "later the same day"),
    ], "newest day first; within a day by kind, then in the order they were written"


def _words(record) -> str:
    for name in ("text", "title", "what"):
        if hasattr(record, name):
            return getattr(record, name)
    return ""


def test_a_page_of_the_timeline_is_what_the_whole_list_holds_there(tmp_path):
    with Book(tmp_path / "book") as book:
        henri = _client_with_history(book)
        timeline = Timeline(book.state, henri)
        whole = relations.timeline(book, henri)
    assert len(timeline) == len(whole) == 6
    assert timeline[2:5] == whole[2:5]
    assert timeline[-1] == whole[-1]


def test_a_timeline_read_from_one_state_is_not_moved_by_later_changes(tmp_path):
    with Book(tmp_path / "book") as book:
        henri = _client_with_history(book)
        before = Timeline(book.state, henri)
        count = len(before)
        relations.log_interaction(book, henri, "note", "newer", TODAY)
        assert len(before) == count and "newer" not in [
            getattr(record, "text", "") for _day, _kind, record in before]
        assert len(Timeline(book.state, henri)) == count + 1


def _said(timeline) -> list[tuple[str, str, str]]:
    return [(day.isoformat(), kind, _words(record)) for day, kind, record in timeline]


def test_a_prepared_book_gives_the_same_timeline_page_by_page(tmp_path):
    with Book(tmp_path / "book") as book:
        henri = _client_with_history(book)
        for day in range(30):
            relations.log_interaction(book, henri, "note", f"day {day}",
                                      datetime(2026, 10, 1 + day % 28, 9))
        unprepared = Timeline(book.state, henri)
        expected = _said(unprepared)
        prepare(book.state)
        prepared = Timeline(book.state, henri)
        assert _said(prepared) == expected
        assert len(prepared) == len(expected) == 36
        assert _said(Timeline(book.state, henri)[10:20]) == expected[10:20]
        assert _said([Timeline(book.state, henri)[-1]]) == expected[-1:]
        assert _said(Timeline(book.state, henri)[::-1]) == expected[::-1]


def test_a_change_after_preparing_shows_on_the_timeline(tmp_path):
    """The table that changed is ordered again for its client; the others stay prepared."""
    with Book(tmp_path / "book") as book:
        henri = _client_with_history(book)
        prepare(book.state)
        relations.log_interaction(book, henri, "complaint", "newest of all",
                                  datetime(2026, 11, 30, 8))
        state = book.state
        assert state.table_derived("orders", "clients newest first by received", list,
                                   wait=False) is not None
        assert state.table_derived("interactions", "clients newest first by when", list,
                                   wait=False) is None
        said = _said(Timeline(state, henri))
    assert said[0] == ("2026-11-30", "interaction", "newest of all")
    assert len(said) == 7


def test_a_client_without_records_has_an_empty_timeline_prepared_or_not(tmp_path):
    with Book(tmp_path / "book") as book:
        _client_with_history(book)
        lone = clients.add_client(book, TODAY, first_name="Ana", last_name="Lopes").id
        assert list(Timeline(book.state, lone)) == []
        prepare(book.state)
        timeline = Timeline(book.state, lone)
        assert (len(timeline), list(timeline), timeline[0:100]) == (0, [], [])
