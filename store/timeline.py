"""One client's timeline, newest first, whose records become models only for the page shown.

A client of twenty years may have 10,000 exchanges: making a model of each and sorting them
took ~20 ms, paid every time the client was opened. The stored dates sort as text (ISO), so
the order comes from the stored documents and only the rows asked for are made into models.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from itertools import repeat
from operator import itemgetter
from typing import overload

from .state import BookState

SOURCES = (("orders", "received", "order"), ("interactions", "when", "interaction"),
           ("incidents", "opened", "incident"), ("followups", "due", "follow-up"))
"""What a timeline gathers: each table, the stored field that dates a record, its kind."""

Item = tuple[date, str, object]
"""(date, kind of record, record) — the kind is "order", "interaction", "incident" or
"follow-up"."""


def _day(doc: dict, field: str) -> str:
    """The ISO day a stored record stands at (its field may hold a time after the day)."""
    return (doc.get(field) or "")[:10]


def item_date(kind: str, record) -> date:
    """The day a record stands at on the timeline."""
    if kind == "order":
        return record.received
    if kind == "interaction":
        return record.when.date()
    return record.opened if kind == "incident" else record.due


class Timeline(Sequence):
    """Everything about one client in one state of the book, newest first (by day, then kind,
    then order of creation), made into (date, kind, record) items when read."""

    def __init__(self, book: BookState, client_id: int) -> None:
        self._book = book
        keyed: list[tuple[str, str, str, str]] = []
        for table, field, kind in SOURCES:
            keys = book.keys_where(table, "client_id", client_id)
            if keys is None:
                keys = [str(record.id) for record in book.where(table, "client_id", client_id)]
            days = map(_day, book.rows(table).pick(keys), repeat(field))
            keyed += zip(days, repeat(kind), repeat(table), keys)
        keyed.sort(key=itemgetter(0, 1), reverse=True)
        self._keyed = keyed

    def __len__(self) -> int:
        return len(self._keyed)

    @overload
    def __getitem__(self, index: int) -> Item: ...

    @overload
    def __getitem__(self, index: slice) -> list[Item]: ...

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._item(one) for one in self._keyed[index]]
        return self._item(self._keyed[index])

    def __iter__(self) -> Iterator[Item]:
        return (self._item(one) for one in self._keyed)

    def _item(self, keyed: tuple[str, str, str, str]) -> Item:
        _stored_day, kind, table, key = keyed
        record = self._book.get(table, int(key))
        return item_date(kind, record), kind, record
