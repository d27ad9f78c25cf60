"""The snapshot file: one JSON document with its schema, seq and identity before the tables."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path


FORMAT = "carnet-book"
HEAD_BYTES = 256
"""The start of the file, holding its identity and seq: compared before every write."""


class Unreadable(ValueError):
    """The bytes are not a well-formed Carnet book."""


class Snapshot:
    """A decoded snapshot: its tables and what ties a journal to it."""

    def __init__(self, tables: dict, seq: int, schema: int, id: str | None = None,
                 folded: str | None = None):
        self.tables, self.seq, self.schema, self.id = tables, seq, schema, id
        self.folded = folded
        """The journal whose entries it took in (to recognise a fold cut short before reset)."""


def encode(tables: dict, seq: int, schema: int, identity: str, folded: str | None) -> bytes:
    """The whole book as one self-describing JSON document, identity first."""
    import orjson

    return orjson.dumps({"format": FORMAT, "schema": schema, "seq": seq, "id": identity,
                         "folded": folded, "tables": tables}, default=_plain)


def _plain(value) -> dict:
    """A table kept as a read-only mapping, as the dict JSON writes."""
    if isinstance(value, Mapping):
        return dict(value.items())
    raise TypeError(f"{type(value).__name__} is not JSON")


def _optional_text(value) -> bool:
    return value is None or isinstance(value, str)


def decode(data) -> Snapshot:
    """Check and unpack a parsed snapshot document; raises Unreadable."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise Unreadable("not a Carnet book")
    tables, seq, schema = data.get("tables"), data.get("seq"), data.get("schema")
    if type(seq) is not int or type(schema) is not int or not isinstance(tables, dict):
        raise Unreadable("seq, schema or tables of the wrong type")
    if not all(isinstance(rows, dict) and all(type(doc) is dict for doc in rows.values())
               for rows in tables.values()):
        raise Unreadable("a table or a record that is not an object")
    if not _optional_text(data.get("id")) or not _optional_text(data.get("folded")):
        raise Unreadable("an identity that is not text")
    return Snapshot(tables, seq, schema, data.get("id"), data.get("folded"))


def stamps(st: os.stat_result) -> tuple:
    """What tells one version of a file from another without reading it."""
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns


def read_bytes(path: Path) -> tuple[bytes, tuple]:
    """The file's bytes and the stamps of the very file they were read from."""
    fd = os.open(path, os.O_RDONLY)
    try:
        st = os.fstat(fd)
        chunks, left = [], st.st_size
        while True:
            chunk = os.read(fd, max(left, 65536))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    return b"".join(chunks), stamps(st)


def current(path: Path) -> tuple[tuple, bytes] | None:
    """The stamps and first bytes of the file now at `path` (None when there is none)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    try:
        return stamps(os.fstat(fd)), os.pread(fd, HEAD_BYTES, 0)
    finally:
        os.close(fd)
