"""One client's timeline, newest first, whose records become models only for the page shown.

A client of twenty years may have 10,000 exchanges. The stored dates sort as text (ISO), so
the order comes from the stored documents, and only the rows asked for become models. Each
table's records are ordered once for every client (`prepare`, in the background; kept while
the table does not change): a timeline then merges the client's four ordered runs as far as
the page asked for. Until that is ready, a timeline orders the client's own records.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from heapq import merge
from itertools import islice
from operator import itemgetter
from typing import overload

from .rows import Rows
from .state import BookState

SOURCES = (("orders", "received", "order"), ("interactions", "when", "interaction"),
           ("incidents", "opened", "incident"), ("followups", "due", "follow-up"))
"""What a timeline gathers: each table, the stored field that dates a record, its kind."""

Item = tuple[date, str, object]
"""(date, kind of record, record) — the kind is "order", "interaction", "incident" or
"follow-up"."""

Keyed = tuple[str, str, str, str]
"""(stored ISO day, kind, table, key): what a timeline orders before making models."""

_NEWEST = itemgetter(0, 1)


def item_date(kind: str, record) -> date:
    """The day a record stands at on the timeline."""
    if kind == "order":
        return record.received
    if kind == "interaction":
        return record.when.date()
    return record.opened if kind == "incident" else record.due


def _newest_first(pairs: list[tuple[str, str]]) -> list[str]:
    """Keys of (ISO day, key) pairs given in order of creation: newest day first, records of
    one day in order of creation."""
    pairs.sort(key=itemgetter(0), reverse=True)
    return [key for _day, key in pairs]


def clients_newest_first(rows: Rows, field: str) -> dict[object, list[str]]:
    """Every client's keys in one table, newest day first (the field may hold a time after
    the day, which does not count)."""
    days: dict[object, list[tuple[str, str]]] = {}
    for key, doc in rows.items():
        days.setdefault(doc.get("client_id"), []).append(((doc.get(field) or "")[:10], key))
    return {client: _newest_first(pairs) for client, pairs in days.items()}


def _ordered(book: BookState, table: str, field: str, wait: bool) -> dict | None:
    return book.table_derived(table, f"clients newest first by {field}",
                              lambda rows: clients_newest_first(rows, field), wait=wait)


def prepare(book: BookState) -> None:
    """Order every table's records for every client now (in the background)."""
    for table, field, _kind in SOURCES:
        _ordered(book, table, field, wait=True)


class Timeline(Sequence):
    """Everything about one client in one state of the book, newest first (by day, then kind,
    then order of creation), made into (date, kind, record) items when read."""

    def __init__(self, book: BookState, client_id: int) -> None:
        self._book = book
        self._runs = [self._run(table, field, kind, client_id) for table, field, kind in SOURCES]
        self._length = sum(len(keys) for _table, _field, _kind, keys in self._runs)
        self._keyed: list[Keyed] = []
        self._merged: Iterator[Keyed] | None = None

    def _run(self, table: str, field: str, kind: str, client_id: int):
        """(table, field, kind, the client's keys of that table newest first)."""
        book = self._book
        ordered = _ordered(book, table, field, wait=False)
        if ordered is not None:
            return table, field, kind, ordered.get(client_id, [])
        keys = book.keys_where(table, "client_id", client_id)
        if keys is None:
            keys = [str(record.id) for record in book.where(table, "client_id", client_id)]
        days = [(doc.get(field) or "")[:10] for doc in book.rows(table).pick(keys)]
        return table, field, kind, _newest_first(list(zip(days, keys)))

    def _keyed_run(self, table: str, field: str, kind: str, keys: list[str]) -> Iterator[Keyed]:
        rows = self._book.rows(table)
        for key in keys:
            yield (rows[key].get(field) or "")[:10], kind, table, key

    def _upto(self, stop: int) -> list[Keyed]:
        """The first `stop` entries, merged from the runs as far as needed."""
        if len(self._keyed) < stop:
            if self._merged is None:
                self._merged = merge(*(self._keyed_run(*run) for run in self._runs),
                                     key=_NEWEST, reverse=True)
            self._keyed += islice(self._merged, stop - len(self._keyed))
        return self._keyed

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> Item: ...

    @overload
    def __getitem__(self, index: slice) -> list[Item]: ...

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop, step = index.indices(self._length)
            shown = self._upto(min(self._length, max(start, stop) + 1))
            return [self._item(shown[at]) for at in range(start, stop, step)]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("timeline index out of range")
        return self._item(self._upto(index + 1)[index])

    def __iter__(self) -> Iterator[Item]:
        return (self._item(one) for one in self._upto(self._length))

    def _item(self, keyed: Keyed) -> Item:
        _stored_day, kind, table, key = keyed
        record = self._book.get(table, int(key))
        return item_date(kind, record), kind, record
