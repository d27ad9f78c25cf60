"""One version of the book: its documents and the models read from them, never changed.

Readers (rules, the command line, the TUI's workers) take a state and get a consistent view
that no write can disturb: a write makes a new state and the book swaps it in at once.
What a state derives (lists, indexes, prepared search text) is cached on that state, so it
is correct by construction; models are shared between states only while their document is
the very same object.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from .errors import NotFound, ReadOnlyBook
from .i18n import N_, _
from .models import TABLE_MODELS, Client, Order, Profile
from .rows import EMPTY, Rows

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TypeVar

    from tinydb.queries import QueryLike
    from tinydb.table import Table

    from .history import FollowUp, Incident, Interaction, Lesson, Letter

    T = TypeVar("T")

PROFILE_TABLE = "profile"
NOT_FOUND = {
    "clients": N_("no client with id {id}"), "orders": N_("no order with id {id}"),
    "interactions": N_("no interaction with id {id}"), "incidents": N_("no incident with id {id}"),
    "followups": N_("no followup with id {id}"), "letters": N_("no letter with id {id}"),
    "lessons": N_("no lesson with id {id}"), "documents": N_("no document with id {id}"),
    "payments": N_("no payment with id {id}"),
}
"""What an unknown id of each table is refused with."""


class SharedModels:
    """Models by table and id, each with the document it was read from; shared by a book's states.

    An entry serves a state only if that state holds the very same document object, so a
    reader of an older state can at worst replace an entry with one a newer state rebuilds.
    """

    def __init__(self) -> None:
        self.models: dict[str, dict[str, tuple[dict, object]]] = {}
        """Table → id → (document, model): one dict per table, so that looking up a client's
        10,000 exchanges hashes plain ids."""
        self.refs: dict[str, str] = {}
        """Order reference → id; checked against the state's document before it is trusted."""

    def of(self, name: str) -> dict[str, tuple[dict, object]]:
        """The models of one table, by id."""
        table = self.models.get(name)
        if table is None:
            table = self.models.setdefault(name, {})
        return table


class _StateStorage:
    """TinyDB's Storage over one state (imported by the first search): reads, never writes."""

    def __init__(self, tables: Mapping[str, Rows]):
        self.tables = tables

    def read(self) -> Mapping[str, Rows]:
        return self.tables

    def write(self, data) -> None:
        raise ReadOnlyBook("a version of the book is never changed; write through the book")


class BookState:
    """The book at one revision: tables of documents, read as typed models."""

    read_only = True
    """A state is never written; the book makes the next one."""

    def __init__(self, tables: Mapping[str, Rows], revision: int = 0,
                 shared: SharedModels | None = None, data_dir: Path | None = None):
        self.tables = tables
        self.revision = revision
        self.data_dir = data_dir
        self._shared = shared or SharedModels()
        self._lists: dict[str, list] = {}
        self._index: dict[tuple, object] = {}
        """Field indexes and what is derived from one table (keyed by the table's name first):
        the next states keep those of the tables they did not change."""
        self._next_ids: dict[str, int] = {}
        self._queries: dict[str, Table] = {}
        self._memo: dict[object, object] = {}

    @classmethod
    def loaded(cls, tables: dict[str, dict[str, dict]], data_dir: Path | None = None) -> BookState:
        """The first state of a book, over the tables just read from disk."""
        return cls({name: Rows(rows) for name, rows in tables.items()}, data_dir=data_dir)

    def changed(self, updates: dict[str, dict[str, dict | None]]) -> BookState:
        """The next state: these documents replaced (None removes); self stays as it was."""
        tables = dict(self.tables)
        for name, docs in updates.items():
            tables[name] = tables.get(name, EMPTY).changed(docs)
        new = BookState(tables, self.revision + 1, self._shared, self.data_dir)
        new._lists = {name: rows for name, rows in self._lists.items() if name not in updates}
        new._index = {key: index for key, index in self._index.items() if key[0] not in updates}
        new._next_ids = dict(self._next_ids)
        for name, docs in updates.items():
            if name in new._next_ids:
                new._next_ids[name] = max([new._next_ids[name],
                                           *(int(key) + 1 for key in docs if docs[key] is not None)])
        return new

    def remembered(self, key: object, build: Callable[[BookState], T]) -> T:
        """What `build(state)` derives from this state, built once (a race builds it twice)."""
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = build(self)
            return value

    # -- documents -------------------------------------------------------------

    def rows(self, name: str) -> Rows:
        return self.tables.get(name, EMPTY)

    def next_id(self, name: str) -> int:
        """The id a new record of this table gets (one past the highest ever seen this session)."""
        known = self._next_ids.get(name)
        if known is None:
            known = self._next_ids[name] = max(map(int, self.rows(name)), default=0) + 1
        return known

    # -- models ----------------------------------------------------------------

    def _model(self, name: str, key: str):
        doc = self.rows(name)[key]
        cache = self._shared.of(name)
        entry = cache.get(key)
        if entry is not None and entry[0] is doc:
            return entry[1]
        model = TABLE_MODELS[name].from_doc(doc, int(key))
        cache[key] = (doc, model)
        return model

    def all(self, name: str) -> list:
        """Every record of a table as models, in order of creation (a fresh list)."""
        cached = self._lists.get(name)
        if cached is None:
            cached = self._lists[name] = [self._model(name, key) for key in self.rows(name)]
        return list(cached)

    def where(self, name: str, field: str, value: object) -> list:
        """Records whose `field` equals `value`; only the matches become models.

        The first look-up on a field indexes it, so a rule asking once per record (what is
        owed on each invoice) does not scan the table each time.
        """
        keys = self.keys_where(name, field, value)
        if keys is None:
            return self.search(name, lambda doc: doc.get(field) == value)
        return self.models_of(name, keys)

    def models_of(self, name: str, keys: list[str]) -> list:
        """The models of these keys' records, in their order (`_model`, written out for the
        look-ups of thousands of records: a client's exchanges)."""
        cache, make = self._shared.of(name), TABLE_MODELS[name].from_doc
        found = []
        for key, doc, entry in zip(keys, self.rows(name).pick(keys), map(cache.get, keys)):
            if entry is None or entry[0] is not doc:
                entry = cache[key] = (doc, make(doc, int(key)))
            found.append(entry[1])
        return found

    def table_derived(self, name: str, what: str, build: Callable[[Rows], T],
                      wait: bool = True) -> T | None:
        """What `build` derives from one table alone, kept by the next states as long as that
        table is unchanged; None when not built yet and `wait` is False (built elsewhere,
        e.g. in the background)."""
        key = (name, what, "derived")
        found = self._index.get(key)
        if found is None and wait:
            found = self._index[key] = build(self.rows(name))
        return found

    def keys_where(self, name: str, field: str, value: object) -> list[str] | None:
        """The keys of the records whose `field` equals `value`, in order of creation, from
        the field's index (None when the field's values cannot be indexed)."""
        index = self._index.get((name, field))
        if index is None:
            index = {}
            try:
                for key, doc in self.rows(name).items():
                    index.setdefault(doc.get(field), []).append(key)
            except TypeError:
                return None
            self._index[(name, field)] = index
        try:
            return index.get(value, [])
        except TypeError:
            return None

    def search(self, name: str, cond: QueryLike | Callable[[dict], bool]) -> list:
        """Records matching a TinyDB query (or any test of the stored document), as models.

        The TinyDB table of a state caches its queries' results, which stay true as long as
        the state lives.
        """
        table = self._queries.get(name)
        if table is None:
            from tinydb.table import Table
            table = self._queries[name] = Table(_StateStorage(self.tables), name)
        return [self._model(name, str(doc.doc_id)) for doc in table.search(cond)]

    def get(self, name: str, doc_id: int):
        key = str(doc_id)
        if key not in self.rows(name):
            sentence = NOT_FOUND.get(name)
            raise NotFound(_(sentence).format(id=doc_id) if sentence
                           else f"no {name[:-1]} with id {doc_id}")
        return self._model(name, key)

    # -- typed shortcuts -------------------------------------------------------

    @property
    def profile(self) -> Profile:
        doc = self.rows(PROFILE_TABLE).get("1")
        return Profile.from_doc(doc) if doc else Profile()

    def clients(self) -> list[Client]:
        return self.all("clients")

    def client(self, client_id: int) -> Client:
        return self.get("clients", client_id)

    def orders(self) -> list[Order]:
        return self.all("orders")

    def order(self, ref: str) -> Order:
        rows, refs = self.rows("orders"), self._shared.refs
        key = refs.get(ref)
        doc = rows.get(key) if key is not None else None
        if doc is None or doc["ref"] != ref:
            key = next((k for k, d in rows.items() if d["ref"] == ref), None)
            if key is None:
                raise NotFound(_("no order with reference {ref}").format(ref=repr(ref)))
            refs.update({d["ref"]: k for k, d in rows.items()})
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
        return not self.rows("clients") and not self.rows(PROFILE_TABLE)
