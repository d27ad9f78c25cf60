"""Where a client appears outside the book's records: its exports/ folder and its backups."""

from __future__ import annotations

import csv
import io
import stat
from dataclasses import dataclass
from pathlib import Path

import orjson

from .. import backups
from ..errors import CarnetError
from ..journal import read_entries
from ..models import iso
from ..storage import JOURNAL, SNAPSHOT
from .contentlines import unescape, unfold
from .csv_io import unguard
from .ical import followup_uid, order_uid
from .identity import book_identity
from .restore import replaced_books
from .vcard import client_uid

EXPORT_SUFFIXES = (".json", ".csv", ".ics", ".vcf")
"""What the book writes into exports/ (store/exchange/folder.py), all named carnet-…"""


@dataclass(frozen=True)
class Marks:
    """What identifies one client in a file: id, display name, e-mail, calendar and card UIDs."""

    client_id: int
    names: frozenset[str]
    uids: frozenset[str]
    created: str | None = None

    def any_in(self, values: set[str]) -> bool:
        return bool(values & (self.names | self.uids))

    def is_record(self, key: object, doc: object) -> bool:
        """A stored client record is this client: their id, and their name, e-mail or day."""
        if str(key) != str(self.client_id) or not isinstance(doc, dict):
            return False
        return bool(self.names & _person(doc)) or (self.created is not None
                                                   and doc.get("created") == self.created)


def marks(book, client, orders, followups) -> Marks:
    """The marks of a client, taken before the erase."""
    identity = book_identity(book)
    names = {client.name, client.email}
    uids = {client_uid(client.id, identity)}
    uids |= {order_uid(o.ref, identity) for o in orders}
    uids |= {followup_uid(f.id, identity) for f in followups}
    created = iso(client.created)
    return Marks(client.id, frozenset(n for n in names if n), frozenset(uids), created)


def _person(doc: dict) -> set[str]:
    """The name and e-mail a stored or exported client record shows."""
    person = " ".join(p for p in (doc.get("first_name"), doc.get("last_name")) if p)
    return {value for value in (person or doc.get("organisation"), doc.get("email"))
            if isinstance(value, str) and value}


def _strings(value: object, found: set[str]) -> set[str]:
    if isinstance(value, str):
        found.add(value)
    elif isinstance(value, dict):
        if {"last_name", "first_name"} & value.keys():
            found |= _person(value)
        for item in value.values():
            _strings(item, found)
    elif isinstance(value, list):
        for item in value:
            _strings(item, found)
    return found


def _csv_values(text: str) -> set[str]:
    found: set[str] = set()
    rows = list(csv.reader(io.StringIO(text, newline="")))
    headers = [h.casefold() for h in rows[0]] if rows else []
    for row in rows[1:]:
        cells = [unguard(cell) for cell in row]
        found.update(cells)
        named = dict(zip(headers, cells))
        first = named.get("prénom", named.get("first name", ""))
        last = named.get("nom", named.get("last name", ""))
        found.add(" ".join(p for p in (first, last) if p))
    return found


def _card_values(text: str) -> set[str]:
    found: set[str] = set()
    for line in unfold(text):
        value = unescape(line.partition(":")[2])
        found.add(value)
        for part in value.split("\n"):
            found.add(part.partition(": ")[2])
    return found


def file_values(path: Path) -> set[str] | None:
    """Every value an export file holds (None: it cannot be read, so it may hold anyone)."""
    try:
        data = path.read_bytes()
        if path.suffix == ".json":
            return _strings(orjson.loads(data), set())
        text = data.decode("utf-8-sig")
        return _csv_values(text) if path.suffix == ".csv" else _card_values(text)
    except (OSError, ValueError, csv.Error):
        return None


def exports_holding(data_dir: Path, client: Marks) -> list[Path]:
    """The exports in <book>/exports/ that hold the client (or cannot be read to tell)."""
    folder = data_dir / "exports"
    if not folder.is_dir() or folder.is_symlink():
        return []
    held = []
    for path in sorted(folder.iterdir()):
        if not (path.name.startswith("carnet-") and path.suffix in EXPORT_SUFFIXES):
            continue
        if not stat.S_ISREG(path.lstat().st_mode):
            continue
        values = file_values(path)
        if values is None or client.any_in(values):
            held.append(path)
    return held


def _snapshot_holds(path: Path, client: Marks) -> bool:
    """A book snapshot holds the client's record (an unreadable one may: counted)."""
    try:
        rows = orjson.loads(path.read_bytes())["tables"].get("clients", {})
        return client.is_record(str(client.client_id), rows.get(str(client.client_id)))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return True


def _journal_holds(path: Path, client: Marks) -> bool:
    """A journal holds the client when one of its changes wrote the client's record."""
    try:
        entries, _ = read_entries(path)
        return any(table == "clients" and client.is_record(doc_id, doc)
                   for entry in entries for table, doc_id, doc in entry.get("ops", []))
    except (CarnetError, OSError, ValueError, TypeError):
        return True


def backups_holding(data_dir: Path, client: Marks) -> int:
    """How many backups (and books kept aside by restores) still hold the client exactly."""
    count = sum(_snapshot_holds(path, client) for path in backups.list_backups(data_dir))
    for folder in replaced_books(data_dir):
        snapshot, journal = folder / SNAPSHOT, folder / JOURNAL
        count += (snapshot.exists() and _snapshot_holds(snapshot, client)) or \
            (journal.exists() and _journal_holds(journal, client))
    return count
