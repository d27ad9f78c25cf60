"""TinyDB as the query layer over in-memory tables, with O(1) writes.

Stock TinyDB rebuilds a table's whole dict on every write (O(N)); this table class
updates the documents in place and reports which ones it touched, so the book can
journal just those.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, MutableMapping

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

MISSING = None


def clone(doc: dict | None) -> dict | None:
    """An independent copy of a JSON document (faster than deepcopy)."""
    return None if doc is None else orjson.loads(orjson.dumps(doc))


class TrackingView(MutableMapping):
    """A table's raw rows seen with integer ids, remembering each touched row's prior state."""

    def __init__(self, rows: dict[str, dict]):
        self.rows = rows
        self.before: dict[str, dict | None] = {}

    def _touch(self, key: str) -> None:
        if key not in self.before:
            self.before[key] = clone(self.rows.get(key))

    def __getitem__(self, doc_id: int) -> dict:
        key = str(doc_id)
        doc = self.rows[key]
        self._touch(key)
        return doc

    def __setitem__(self, doc_id: int, doc: dict) -> None:
        key = str(doc_id)
        self._touch(key)
        self.rows[key] = doc

    def __delitem__(self, doc_id: int) -> None:
        key = str(doc_id)
        self._touch(key)
        del self.rows[key]

    def __contains__(self, doc_id: object) -> bool:
        return str(doc_id) in self.rows

    def __iter__(self) -> Iterator[int]:
        return (int(key) for key in list(self.rows))

    def __len__(self) -> int:
        return len(self.rows)


class InMemoryTables(Storage):
    """TinyDB storage over the book's tables dict; persistence is the book's journal."""

    def __init__(self, tables: dict, on_change: Callable[[str, dict], None]):
        self.tables = tables
        self.on_change = on_change

    def read(self) -> dict:
        return self.tables

    def write(self, data: dict) -> None:
        raise NotImplementedError("whole-book writes go through the book's import, not TinyDB")


class JournaledTable(Table):
    """A TinyDB table whose writes touch only the changed documents."""

    def _update_table(self, updater: Callable[[dict], None]) -> None:
        rows = self._storage.read().setdefault(self.name, {})
        view = TrackingView(rows)
        updater(view)
        self.clear_cache()
        if view.before:
            self._storage.on_change(self.name, view.before)


class BookDB(TinyDB):
    """TinyDB whose tables journal their changes."""

    table_class = JournaledTable
