"""A book's identity, kept in the book, so calendar and card UIDs stay stable."""

from __future__ import annotations

import uuid

META_TABLE = "meta"


def book_identity(book) -> str:
    """The book's stable id: derived from its folder the first time, then kept in the book."""
    meta = book.rows(META_TABLE).get("1")
    if meta and meta.get("book_id"):
        return meta["book_id"]
    identity = uuid.uuid5(uuid.NAMESPACE_URL, f"carnet:{book.data_dir.resolve()}").hex
    if book.read_only:
        return identity
    with book.transaction("keep the book's identity", undoable=False):
        book.put(META_TABLE, 1, {"book_id": identity})
    return identity
