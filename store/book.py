"""The open book: one immutable state at a time, changed by durable, all-or-nothing writes.

Reads go to `book.state` (or, inside a transaction, to the draft its writer is building).
A write validates against the current state, appends to the journal, then swaps the new
state in with one assignment; a reader holding the old state keeps a whole, older book.
"""

from __future__ import annotations

from _thread import get_ident  # threading's, without importing threading
from collections import namedtuple
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from .models import Profile
from .state import PROFILE_TABLE, BookState, SharedModels
from .storage import BookFiles

UNDO_DEPTH = 50
READS = frozenset({
    "all", "where", "search", "get", "rows", "profile", "clients", "client", "orders", "order",
    "interactions", "incidents", "followups", "letters", "lessons", "clients_by_id", "is_empty",
    "remembered", "revision", "keys_where", "models_of", "table_derived",
})
"""What a book answers from its current state (see `BookState`)."""

Key = tuple[str, str]


class Change(namedtuple("Change", ("label", "before"))):
    """A committed change: what it was called, the prior document (or None) of each touched row."""

    __slots__ = ()


class Book:
    """One book: open it, read its current state, change it in transactions."""

    def __init__(self, data_dir: Path | str, read_only: bool = False, now: datetime | None = None,
                 open_only: bool = False):
        """`open_only` (read-only): a quick view holding the profile, clients and open orders."""
        self.files = BookFiles(Path(data_dir), read_only=read_only, now=now, open_only=open_only)
        self.data_dir = self.files.data_dir
        self.read_only = read_only
        self.state = BookState.loaded(self.files.tables, self.data_dir)
        """The book as last committed: what every reader outside a transaction sees."""
        self.files.tables = self.state.tables
        self.history: list[Change] = []
        """Changes made since the book was opened, oldest first: what undo walks back."""
        self.undone: list[Change] = []
        """Changes undone since the last new change, latest last: what redo replays."""
        self._draft: BookState | None = None
        self._before: dict[Key, dict | None] = {}
        self._writer: int | None = None

    def close(self) -> None:
        """Fold the journal and release the lock."""
        self.files.close()

    def __enter__(self) -> Book:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __getattr__(self, name: str):
        if name in READS:
            return getattr(self.view, name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    @property
    def view(self) -> BookState:
        """The state this thread reads: its own transaction's draft, else the committed one."""
        draft = self._draft
        if draft is not None and self._writer == get_ident():
            return draft
        return self.state

    # -- changes ---------------------------------------------------------------

    @contextmanager
    def transaction(self, label: str = "change", undoable: bool = True) -> Iterator[None]:
        """Group writes into one durable, all-or-nothing change (nested ones join the outer)."""
        if self._draft is not None:
            yield
            return
        self._draft, self._before, self._writer = self.state, {}, get_ident()
        try:
            yield
            draft, before = self._draft, self._before
            if before:
                self._commit(draft, before)
                if undoable:
                    self.history.append(Change(label, before))
                    del self.history[:-UNDO_DEPTH]
                    self.undone.clear()
        finally:
            self._draft, self._before, self._writer = None, {}, None

    def put(self, name: str, doc_id: int, doc: dict | None) -> None:
        """Store `doc` under this id (None removes it), in the open transaction or as one."""
        if self._draft is None:
            with self.transaction(name):
                self.put(name, doc_id, doc)
            return
        key = str(doc_id)
        self._before.setdefault((name, key), self._draft.rows(name).get(key))
        self._draft = self._draft.changed({name: {key: doc}})

    def _commit(self, draft: BookState, before: dict[Key, dict | None]) -> None:
        ops = [(table, int(key), draft.rows(table).get(key)) for table, key in before]
        self.files.commit(ops, draft.tables)
        self.state = draft

    def insert(self, name: str, record) -> int:
        """Store a new record; returns its id."""
        doc_id = self.view.next_id(name)
        self.put(name, doc_id, record.to_doc())
        return doc_id

    def save(self, name: str, record) -> None:
        """Replace a stored record with `record` (matched by its id)."""
        self.view.get(name, record.id)
        self.put(name, record.id, record.to_doc())

    def delete(self, name: str, doc_id: int) -> None:
        self.view.get(name, doc_id)
        self.put(name, doc_id, None)

    def set_profile(self, profile: Profile) -> None:
        self.put(PROFILE_TABLE, 1, profile.to_doc())

    # -- undo ------------------------------------------------------------------

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
        self.undone.append(self._put_back(change))
        self.history.pop()
        return change.label

    def redo(self) -> str | None:
        """Apply again the change undone last; returns its label."""
        if not self.undone:
            return None
        change = self.undone[-1]
        self.history.append(self._put_back(change))
        self.undone.pop()
        return change.label

    def _put_back(self, change: Change) -> Change:
        """Write the documents `change` kept, durably; returns the change that reverts that."""
        with self.transaction(change.label, undoable=False):
            for (name, key), doc in change.before.items():
                self.put(name, int(key), doc)
            current = dict(self._before)
        return Change(change.label, current)
