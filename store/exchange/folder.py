"""Exports written into the book's own exports/ folder (what the TUI's palette offers).

An export is built from one state of the book, so a worker thread can build and write it.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from ..files import ensure_private_dir, write_atomic
from ..i18n import N_
from ..state import BookState
from .csv_io import export_csv
from .ical import export_ics
from .identity import book_identity
from .json_io import export_json
from .vcard import export_vcard

EXPORTS = {
    "json": (N_("everything (JSON)"), "json", lambda book, now: export_json(book, now)),
    "clients": (N_("clients (CSV)"), "clients.csv",
                lambda book, now: export_csv(book, "clients")),
    "orders": (N_("orders (CSV)"), "orders.csv", lambda book, now: export_csv(book, "orders")),
    "interactions": (N_("interactions (CSV)"), "interactions.csv",
                     lambda book, now: export_csv(book, "interactions")),
    "ics": (N_("calendar (iCalendar)"), "ics", lambda book, now: export_ics(book, now)),
    "vcard": (N_("address book (vCard)"), "vcf", lambda book, now: export_vcard(book)),
}
"""Export name → (what the user reads, N_-marked; file suffix; how to build the bytes)."""


NAMED_BY_IDENTITY = frozenset({"ics", "vcard"})
"""Exports whose UIDs derive from the book's identity (kept in the book before they are built)."""


def export_state(book, name: str) -> BookState:
    """The state an export is built from, the book's identity kept first when the export's
    UIDs use it (a change of the book: the writer's thread does it)."""
    if name in NAMED_BY_IDENTITY:
        book_identity(book)
    return book.state


def write_export(state: BookState, name: str, now: datetime) -> Path:
    """Build one export from `state` and write it as <book>/exports/carnet-<date>.<suffix>
    (0600); returns its path. It reads only `state`: a worker thread can call it."""
    _, suffix, build = EXPORTS[name]
    folder = ensure_private_dir(state.data_dir / "exports")
    path = folder / f"carnet-{now.date().isoformat()}.{suffix}"
    write_atomic(path, build(state, now))
    return path


def export_to_folder(book, name: str, now: datetime) -> Path:
    """Write one export as <book>/exports/carnet-<date>.<suffix> (0600) and return its path."""
    return write_export(export_state(book, name), name, now)
