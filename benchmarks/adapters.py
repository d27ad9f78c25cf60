"""The naive baselines behind the Book interface, so the very same store operations and
rules run on them: stock TinyDB (default JSONStorage) and sqlite3 (a JSON column per row).

Both cache models per table until that table is written, as Carnet's Book does; what
differs is only the storage underneath.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import orjson
from tinydb import Query, TinyDB
from tinydb.table import Document

from store.errors import NotFound
from store.models import TABLE_MODELS, Client, Profile

STOCK_FILE = "stock-tinydb.json"
SQLITE_FILE = "book.sqlite3"


class _Cached:
    """Typed reads over `_load(name) -> {id: doc}`, cached until the table changes."""

    def __init__(self) -> None:
        self._models: dict[str, list] = {}
        self._depth = 0

    def _load(self, name: str) -> dict[int, dict]:
        raise NotImplementedError

    def all(self, name: str) -> list:
        if name not in self._models:
            model = TABLE_MODELS[name]
            self._models[name] = [model.from_doc(doc, doc_id)
                                  for doc_id, doc in self._load(name).items()]
        return self._models[name]

    def search(self, name: str, keep) -> list:
        """Like Book.search: only stored documents passing `keep` become models."""
        model = TABLE_MODELS[name]
        return [model.from_doc(doc, doc_id) for doc_id, doc in self._load(name).items()
                if keep(doc)]

    def where(self, name: str, field: str, value: object) -> list:
        return self.search(name, lambda doc: doc.get(field) == value)

    def rows(self, name: str) -> dict[str, dict]:
        """Like Book.rows: the stored documents by id (as a string)."""
        return {str(doc_id): doc for doc_id, doc in self._load(name).items()}

    def _changed(self, name: str) -> None:
        self._models.pop(name, None)

    def clients(self) -> list[Client]:
        return self.all("clients")

    def orders(self) -> list:
        return self.all("orders")

    def interactions(self) -> list:
        return self.all("interactions")

    def incidents(self) -> list:
        return self.all("incidents")

    def followups(self) -> list:
        return self.all("followups")

    def letters(self) -> list:
        return self.all("letters")

    def lessons(self) -> list:
        return self.all("lessons")

    def clients_by_id(self) -> dict[int, Client]:
        return {c.id: c for c in self.clients()}

    def client(self, client_id: int) -> Client:
        return self.get("clients", client_id)

    def get(self, name: str, doc_id: int):
        for record in self.all(name):
            if record.id == doc_id:
                return record
        raise NotFound(f"no {name[:-1]} with id {doc_id}")


class StockTinyBook(_Cached):
    """A book in one stock TinyDB JSON file: every write rewrites the whole file."""

    def __init__(self, path: Path):
        super().__init__()
        self.db = TinyDB(path)

    @classmethod
    def create(cls, folder: Path, tables: dict) -> Path:
        """Write `tables` as a stock TinyDB file; returns its path."""
        path = folder / STOCK_FILE
        path.write_bytes(orjson.dumps(tables))
        return path

    def _load(self, name: str) -> dict[int, dict]:
        return {doc.doc_id: doc for doc in self.db.table(name).all()}

    @property
    def profile(self) -> Profile:
        doc = self.db.table("profile").get(doc_id=1)
        return Profile.from_doc(doc) if doc else Profile()

    def order(self, ref: str):
        doc = self.db.table("orders").get(Query().ref == ref)
        if doc is None:
            raise NotFound(f"no order with reference {ref!r}")
        return TABLE_MODELS["orders"].from_doc(doc, doc.doc_id)

    @contextmanager
    def transaction(self, label: str = "change") -> Iterator[None]:
        yield

    def insert(self, name: str, record) -> int:
        self._changed(name)
        return self.db.table(name).insert(record.to_doc())

    def save(self, name: str, record) -> None:
        self._changed(name)
        self.db.table(name).upsert(Document(record.to_doc(), doc_id=record.id))

    def close(self) -> None:
        self.db.close()


class SqliteBook(_Cached):
    """A book in sqlite3: a table per record type, a JSON column, WAL, synchronous=FULL."""

    def __init__(self, path: Path):
        super().__init__()
        self.conn = sqlite3.connect(path, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=FULL")

    @classmethod
    def create(cls, folder: Path, tables: dict) -> Path:
        """Write `tables` as a sqlite3 database; returns its path."""
        path = folder / SQLITE_FILE
        conn = sqlite3.connect(path)
        every_table = {**{name: {} for name in TABLE_MODELS}, **tables}
        for name, rows in every_table.items():
            ref = ", ref TEXT UNIQUE" if name == "orders" else ""
            conn.execute(f"CREATE TABLE {name} (id INTEGER PRIMARY KEY, doc TEXT NOT NULL{ref})")
            columns = "id, doc, ref" if ref else "id, doc"
            marks = "?, ?, ?" if ref else "?, ?"
            conn.executemany(
                f"INSERT INTO {name} ({columns}) VALUES ({marks})",
                ((int(key), orjson.dumps(doc).decode(), *((doc["ref"],) if ref else ()))
                 for key, doc in rows.items()))
        conn.commit()
        conn.close()
        return path

    def _load(self, name: str) -> dict[int, dict]:
        rows = self.conn.execute(f"SELECT id, doc FROM {name} ORDER BY id")
        return {doc_id: orjson.loads(doc) for doc_id, doc in rows}

    @property
    def profile(self) -> Profile:
        row = self.conn.execute("SELECT doc FROM profile WHERE id = 1").fetchone()
        return Profile.from_doc(orjson.loads(row[0])) if row else Profile()

    def client(self, client_id: int) -> Client:
        row = self.conn.execute("SELECT doc FROM clients WHERE id = ?", (client_id,)).fetchone()
        if row is None:
            raise NotFound(f"no client with id {client_id}")
        return Client.from_doc(orjson.loads(row[0]), client_id)

    def order(self, ref: str):
        row = self.conn.execute("SELECT id, doc FROM orders WHERE ref = ?", (ref,)).fetchone()
        if row is None:
            raise NotFound(f"no order with reference {ref!r}")
        return TABLE_MODELS["orders"].from_doc(orjson.loads(row[1]), row[0])

    @contextmanager
    def transaction(self, label: str = "change") -> Iterator[None]:
        """One durable commit for the outermost transaction."""
        if self._depth == 0:
            self.conn.execute("BEGIN IMMEDIATE")
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth -= 1
            if self._depth == 0:
                self.conn.execute("ROLLBACK")
            raise
        self._depth -= 1
        if self._depth == 0:
            self.conn.execute("COMMIT")

    def insert(self, name: str, record) -> int:
        self._changed(name)
        doc = record.to_doc()
        with self.transaction():
            if name == "orders":
                cursor = self.conn.execute("INSERT INTO orders (doc, ref) VALUES (?, ?)",
                                           (orjson.dumps(doc).decode(), doc["ref"]))
            else:
                cursor = self.conn.execute(f"INSERT INTO {name} (doc) VALUES (?)",
                                           (orjson.dumps(doc).decode(),))
        return cursor.lastrowid

    def save(self, name: str, record) -> None:
        self._changed(name)
        with self.transaction():
            self.conn.execute(f"UPDATE {name} SET doc = ? WHERE id = ?",
                              (orjson.dumps(record.to_doc()).decode(), record.id))

    def close(self) -> None:
        self.conn.close()
