"""The open book: typed records over TinyDB, atomic transactions, undo."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterator, TypeVar

from tinydb.queries import QueryLike
from tinydb.table import Document

from .errors import NotFound
from .i18n import N_, _
from .models import (TABLE_MODELS, Client, FollowUp, Incident, Interaction, Lesson, Letter,
                     Order, Profile)
from .storage import BookFiles
from .tables import BookDB, InMemoryTables

T = TypeVar("T")
UNDO_DEPTH = 50
PROFILE_TABLE = "profile"
NOT_FOUND = {
    "clients": N_("no client with id {id}"), "orders": N_("no order with id {id}"),
    "interactions": N_("no interaction with id {id}"), "incidents": N_("no incident with id {id}"),
    "followups": N_("no followup with id {id}"), "letters": N_("no letter with id {id}"),
    "lessons": N_("no lesson with id {id}"), "documents": N_("no document with id {id}"),
    "payments": N_("no payment with id {id}"),
}
"""What an unknown id of each table is refused with."""


@dataclass
class Change:
    """A committed change: what it was called and the prior state of every touched row."""

    label: str
    before: dict[tuple[str, str], dict | None]


class Book:
    """One book: open it, read typed records, change them in transactions."""

    def __init__(self, data_dir: Path | str, read_only: bool = False, now: datetime | None = None,
                 open_only: bool = False):
        """`open_only` (read-only): a quick view holding the profile, clients and open orders."""
        self.files = BookFiles(Path(data_dir), read_only=read_only, now=now, open_only=open_only)
        self.data_dir = self.files.data_dir
        self.read_only = read_only
        self.db = BookDB(storage=InMemoryTables, tables=self.files.tables,
                         on_change=self._on_change)
        self._pending: dict[tuple[str, str], dict | None] | None = None
        self._label = ""
        self.history: list[Change] = []
        """Changes made since the book was opened, oldest first: what undo walks back."""
        self.undone: list[Change] = []
        """Changes undone since the last new change, latest last: what redo replays."""
        self._models: dict[str, dict[str, object]] = {}
        self._lists: dict[str, list] = {}
        self._field_index: dict[tuple[str, str], dict[object, list[str]]] = {}
        """(table, field) → value → keys, built on the first `where` and dropped on a change."""
        self._ref_index: dict[str, str] | None = None
        self.revision = 0

    @classmethod
    def open(cls, data_dir: Path | str, read_only: bool = False) -> Book:
        return cls(data_dir, read_only=read_only)

    def close(self) -> None:
        """Fold the journal and release the lock; the book's memory can then be freed."""
        try:
            self.files.close()
        finally:
            self.db.storage.on_change = None

    def __enter__(self) -> Book:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- changes ---------------------------------------------------------------

    @contextmanager
    def transaction(self, label: str = "change") -> Iterator[None]:
        """Group writes into one durable, all-or-nothing change."""
        if self._pending is not None:
            yield
            return
        self._pending, self._label = {}, label
        try:
            yield
            pending, self._pending = self._pending, None
            if pending:
                self._commit(pending, label)
        except BaseException:
            pending, self._pending = self._pending, None
            if pending:
                self._restore(pending)
            raise

    def _on_change(self, table: str, before: dict[str, dict | None]) -> None:
        keyed = {(table, key): doc for key, doc in before.items()}
        self._touched(keyed)
        if self._pending is None:
            self._commit(keyed, table)
            return
        for key, doc in keyed.items():
            self._pending.setdefault(key, doc)

    def _commit(self, before: dict[tuple[str, str], dict | None], label: str) -> None:
        tables = self.files.tables
        ops = [(table, int(key), tables.get(table, {}).get(key)) for table, key in before]
        try:
            self.files.commit(ops)
        except BaseException:
            self._restore(before)
            raise
        self.history.append(Change(label, before))
        del self.history[:-UNDO_DEPTH]
        self.undone.clear()

    def _restore(self, before: dict[tuple[str, str], dict | None]) -> None:
        tables = self.files.tables
        for (table, key), doc in before.items():
            rows = tables.setdefault(table, {})
            if doc is None:
                rows.pop(key, None)
            else:
                rows[key] = doc
        for table in {table for table, _ in before}:
            self.db.table(table).clear_cache()
        self._touched(before)

    def _touched(self, before: dict[tuple[str, str], dict | None]) -> None:
        self.revision += 1
        rows = self._rows("orders")
        for (table, key), prior in before.items():
            self._models.get(table, {}).pop(key, None)
            self._lists.pop(table, None)
            for indexed in [k for k in self._field_index if k[0] == table]:
                del self._field_index[indexed]
            if table == "orders" and self._ref_index is not None:
                if prior is not None and self._ref_index.get(prior["ref"]) == key:
                    del self._ref_index[prior["ref"]]
                if key in rows:
                    self._ref_index[rows[key]["ref"]] = key

    @property
    def undo_label(self) -> str | None:
        """What undo would revert ('postpone 2026-014 to 20 Dec 2026'), None when nothing."""
        return self.history[-1].label if self.history else None

    @property
    def redo_label(self) -> str | None:
        """What redo would apply again, None when nothing was undone since the last change."""
        return self.undone[-1].label if self.undone else None

    def undo(self) -> str | None:
        """Revert the last change (as a new, durable change); returns its label."""
        if not self.history:
            return None
        change = self.history[-1]
        reverse = self._apply(change)
        self.history.pop()
        self.undone.append(reverse)
        return change.label

    def redo(self) -> str | None:
        """Apply again the change undone last; returns its label."""
        if not self.undone:
            return None
        change = self.undone[-1]
        reverse = self._apply(change)
        self.undone.pop()
        self.history.append(reverse)
        return change.label

    def _apply(self, change: Change) -> Change:
        """Put the rows back as `change.before` says, durably; returns the change that reverts it."""
        tables = self.files.tables
        current = {key: tables.get(key[0], {}).get(key[1]) for key in change.before}
        self._restore(change.before)
        ops = [(table, int(key), doc) for (table, key), doc in change.before.items()]
        try:
            self.files.commit(ops)
        except BaseException:
            self._restore(current)
            raise
        return Change(change.label, current)

    # -- generic records -------------------------------------------------------

    def table(self, name: str):
        return self.db.table(name)

    def _rows(self, name: str) -> dict[str, dict]:
        return self.files.tables.get(name, {})

    def _model(self, name: str, key: str):
        cache = self._models.setdefault(name, {})
        model = cache.get(key)
        if model is None:
            model = cache[key] = TABLE_MODELS[name].from_doc(self._rows(name)[key], int(key))
        return model

    def all(self, name: str) -> list:
        """Every record of a table as models, in insertion order (a fresh list, cached models)."""
        cached = self._lists.get(name)
        if cached is None:
            cached = self._lists[name] = [self._model(name, key) for key in self._rows(name)]
        return list(cached)

    def where(self, name: str, field: str, value: object) -> list:
        """Records whose `field` equals `value`; only the matches become models.

        The first look-up on a field indexes it, so a rule asking once per record (what is
        owed on each invoice) does not scan the table each time.
        """
        index = self._field_index.get((name, field))
        if index is None:
            index = {}
            try:
                for key, doc in self._rows(name).items():
                    index.setdefault(doc.get(field), []).append(key)
            except TypeError:
                return self.matching(name, lambda doc: doc.get(field) == value)
            self._field_index[(name, field)] = index
        try:
            keys = index.get(value, ())
        except TypeError:
            return self.matching(name, lambda doc: doc.get(field) == value)
        return [self._model(name, key) for key in keys]

    def matching(self, name: str, keep: Callable[[dict], bool]) -> list:
        """Records whose stored document passes `keep`; only those become models."""
        return [self._model(name, key) for key, doc in self._rows(name).items() if keep(doc)]

    def get(self, name: str, doc_id: int):
        key = str(doc_id)
        if key not in self._rows(name):
            sentence = NOT_FOUND.get(name)
            raise NotFound(_(sentence).format(id=doc_id) if sentence
                           else f"no {name[:-1]} with id {doc_id}")
        return self._model(name, key)

    def search(self, name: str, cond: QueryLike) -> list:
        """Records matching a TinyDB query, as models."""
        return [self._model(name, str(doc.doc_id)) for doc in self.table(name).search(cond)]

    def insert(self, name: str, record) -> int:
        """Store a new record; returns its id."""
        return self.table(name).insert(record.to_doc())

    def save(self, name: str, record) -> None:
        """Replace a stored record with `record` (matched by its id)."""
        self.get(name, record.id)
        doc = record.to_doc()
        self.table(name).update(lambda stored: (stored.clear(), stored.update(doc)),
                                doc_ids=[record.id])

    def delete(self, name: str, doc_id: int) -> None:
        self.get(name, doc_id)
        self.table(name).remove(doc_ids=[doc_id])

    # -- typed shortcuts -------------------------------------------------------

    @property
    def profile(self) -> Profile:
        doc = self._rows(PROFILE_TABLE).get("1")
        return Profile.from_doc(doc) if doc else Profile()

    def set_profile(self, profile: Profile) -> None:
        doc = profile.to_doc()
        table = self.table(PROFILE_TABLE)
        if "1" in self._rows(PROFILE_TABLE):
            table.update(lambda stored: (stored.clear(), stored.update(doc)), doc_ids=[1])
        else:
            table.insert(Document(doc, doc_id=1))

    def clients(self) -> list[Client]:
        return self.all("clients")

    def client(self, client_id: int) -> Client:
        return self.get("clients", client_id)

    def orders(self) -> list[Order]:
        return self.all("orders")

    def order(self, ref: str) -> Order:
        if self._ref_index is None:
            self._ref_index = {doc["ref"]: key for key, doc in self._rows("orders").items()}
        key = self._ref_index.get(ref)
        if key is None:
            raise NotFound(_("no order with reference {ref}").format(ref=repr(ref)))
        return self._model("orders", key)

    def interactions(self) -> list[Interaction]:
        return self.all("interactions")

    def incidents(self) -> list[Incident]:
        return self.all("incidents")

    def followups(self) -> list[FollowUp]:
        return self.all("followups")

    def letters(self) -> list[Letter]:
        return self.all("letters")

    def lessons(self) -> list[Lesson]:
        return self.all("lessons")

    def clients_by_id(self) -> dict[int, Client]:
        return {c.id: c for c in self.clients()}

    def is_empty(self) -> bool:
        return not self._rows("clients") and not self._rows(PROFILE_TABLE)
