"""Exports written into the book's own exports/ folder (what the TUI's palette offers)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from ..files import ensure_private_dir, write_private
from ..i18n import N_
from .csv_io import export_csv
from .ical import export_ics
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


def export_to_folder(book, name: str, now: datetime) -> Path:
    """Write one export as <book>/exports/carnet-<date>.<suffix> (0600) and return its path."""
    _, suffix, build = EXPORTS[name]
    folder = ensure_private_dir(book.data_dir / "exports")
    path = folder / f"carnet-{now.date().isoformat()}.{suffix}"
    write_private(path, build(book, now))
    return path
