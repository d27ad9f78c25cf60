"""A book's identity: a random id kept in the book, so calendar and card UIDs stay stable."""

from __future__ import annotations

import uuid

META_TABLE = "meta"


def book_identity(book) -> str:
    """The book's stable id; created (and journaled) on first use in a writable book."""
    meta = book.files.tables.get(META_TABLE, {}).get("1")
    if meta and meta.get("book_id"):
        return meta["book_id"]
    identity = uuid.uuid4().hex
    if book.read_only:
        return uuid.uuid5(uuid.NAMESPACE_URL, str(book.data_dir.resolve())).hex
    book.files.tables.setdefault(META_TABLE, {})["1"] = {"book_id": identity}
    try:
        book.files.commit([(META_TABLE, 1, {"book_id": identity})])
    except BaseException:
        book.files.tables[META_TABLE].pop("1", None)
        raise
    return identity
