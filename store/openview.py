"""A small derived file of what `overdue` needs: profile, the open orders and their clients.

Written beside each new snapshot and tied to it by the snapshot's inode, size and mtime;
when they differ (a crash between the two writes, a restore, a sync tool) the file is
simply ignored and the whole book is read. Journal entries after the snapshot are
replayed onto it, so it is always as fresh as the book itself. It is read with the standard
library's json (the same objects orjson would give), so `overdue` never imports orjson.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from .files import write_atomic
from .models import OPEN_STATUSES

OPEN_VIEW = "book.open.json"
FORMAT = "carnet-open-view"
TABLES = ("profile", "clients", "orders")


def _stat(path: Path) -> list | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return [st.st_ino, st.st_size, st.st_mtime_ns]


def keep(table: str, doc: dict | None) -> bool:
    """Whether a stored document belongs in the view."""
    return table in TABLES and (table != "orders" or doc is None or doc["status"] in OPEN_STATUSES)


def filtered(ops: list) -> list:
    """Journal operations as they apply to the view (a closed order leaves it)."""
    return [(table, doc_id, doc if keep(table, doc) else None)
            for table, doc_id, doc in ops if table in TABLES]


def view_of(tables: dict) -> dict:
    """The view's tables, cut from the whole book's: only the clients of open orders (on a
    20-year book the others were 94 % of the file)."""
    orders = {k: d for k, d in tables.get("orders", {}).items() if d["status"] in OPEN_STATUSES}
    wanted = {str(d["client_id"]) for d in orders.values()}
    clients = {k: d for k, d in tables.get("clients", {}).items() if k in wanted}
    return {"profile": dict(tables.get("profile", {})), "clients": clients, "orders": orders}


def covers(tables: dict) -> bool:
    """Whether the view, once the journal is replayed onto it, holds the client of every open
    order (an order opened since for a client left out of it: the whole book is read)."""
    clients = tables.get("clients", {})
    return all(str(d["client_id"]) in clients for d in tables.get("orders", {}).values())


def write(data_dir: Path, snapshot: Path, seq: int, schema: int, tables: dict,
          identity: str | None = None, folded: str | None = None) -> None:
    """Write the view for the snapshot just written; a failure only costs speed."""
    import orjson

    document = {"format": FORMAT, "snapshot": _stat(snapshot), "seq": seq, "schema": schema,
                "id": identity, "folded": folded, "tables": view_of(tables)}
    try:
        write_atomic(data_dir / OPEN_VIEW, orjson.dumps(document))
    except OSError:
        (data_dir / OPEN_VIEW).unlink(missing_ok=True)


def read(data_dir: Path, snapshot: Path, schema: int) -> dict | None:
    """The view (tables, seq, the snapshot's id), if it belongs to the current snapshot."""
    try:
        document = json.loads((data_dir / OPEN_VIEW).read_bytes())
    except (OSError, ValueError):
        return None
    if (not isinstance(document, dict) or document.get("format") != FORMAT
            or document.get("schema") != schema or document.get("snapshot") != _stat(snapshot)):
        return None
    return document
