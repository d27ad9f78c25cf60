"""Everything held about one client: export it as JSON, or erase it without a trace."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import orjson

from ..errors import ValidationError
from ..i18n import N_, _
from ..models import Client
from ..relations import timeline
from . import traces

FORMAT = "carnet-client-export"
VERSION = 1
ERASED = "Erased client"
LINKED = ("orders", "interactions", "incidents", "followups", "letters")
KEPT = ("documents", "payments")
"""What an erase keeps: issued documents and the payments received, accounting records."""
KEPT_BECAUSE = N_("issued invoices, quotes, credit notes and the payments received are "
                   "accounting records kept 10 years (Code de commerce art. L123-22; GDPR art. "
                   "17(3)(b): erasure does not apply to what a legal obligation requires to "
                   "keep); the client record is reduced to a pseudonym, the name and address "
                   "remaining only on those documents")
"""Why an erase keeps what it keeps, as the summary says it (translated where shown)."""


def _records(book, client_id: int) -> dict[str, list]:
    """The client's records in every table: by client id, or through their orders and incidents."""
    refs = {o.ref for o in book.orders() if o.client_id == client_id}
    found = {"orders": [o for o in book.orders() if o.client_id == client_id]}
    for name in LINKED[1:]:
        found[name] = [r for r in book.all(name)
                       if r.client_id == client_id or getattr(r, "order_ref", None) in refs]
    incidents = {i.id for i in found["incidents"]}
    found["lessons"] = [lesson for lesson in book.lessons() if lesson.incident_id in incidents]
    return found


def _kept(book, client_id: int) -> dict[str, list]:
    """The client's issued documents and payments, which an erase keeps."""
    return {name: book.where(name, "client_id", client_id) for name in KEPT}


def _doc(record) -> dict:
    return {"id": record.id, **record.to_doc()}


def _summary(kind: str, record) -> str:
    text = {"order": lambda r: f"{r.ref} {r.title} ({r.status})",
            "interaction": lambda r: f"{r.kind}: {r.text}",
            "incident": lambda r: f"{r.order_ref}: {r.what}",
            "follow-up": lambda r: r.what}[kind]
    return text(record)


def client_export(book, client_id: int, now: datetime) -> bytes:
    """One client's records, timeline and letters list, as indented JSON."""
    client = book.client(client_id)
    records = _records(book, client_id)
    document = {
        "format": FORMAT, "version": VERSION, "exported": now.isoformat(timespec="seconds"),
        "client": _doc(client),
        **{name: [_doc(r) for r in rows] for name, rows in records.items()},
        **{name: [_doc(r) for r in rows] for name, rows in _kept(book, client_id).items()},
        "timeline": [{"date": day.isoformat(), "kind": kind, "summary": _summary(kind, record)}
                     for day, kind, record in timeline(book, client_id)],
    }
    return orjson.dumps(document, option=orjson.OPT_INDENT_2) + b"\n"


@dataclass
class Erased:
    """What an erase removed: records, letter files, exports; what it kept and why; and the
    backups still holding the client."""

    name: str
    counts: dict[str, int]
    files: list[Path]
    backups_left: int
    exports: list[Path] = field(default_factory=list)
    kept: dict[str, int] = field(default_factory=dict)
    """Records kept by law, per table (none when the client was never invoiced or paid)."""
    kept_because: str = ""


def erase_plan(book, client_id: int) -> dict[str, int]:
    """How many records an erase would delete, per table (the client record is pseudonymised,
    not deleted, when documents or payments are kept)."""
    _erasable(book, client_id)
    deleted = 0 if any(_kept(book, client_id).values()) else 1
    return {"clients": deleted,
            **{name: len(rows) for name, rows in _records(book, client_id).items()}}


def kept_plan(book, client_id: int) -> dict[str, int]:
    """How many records an erase would keep, per table (the law's retention)."""
    book.client(client_id)
    return {name: len(rows) for name, rows in _kept(book, client_id).items() if rows}


def pseudonym(client: Client) -> Client:
    """The client record an erase leaves when documents are kept: an id and a pseudonym."""
    return Client(id=client.id, last_name=f"{ERASED} {client.id}", status="parted",
                  status_note="erased: only the issued documents and payments are kept",
                  language=client.language)


def is_erased(client: Client) -> bool:
    """A client record already reduced to its pseudonym."""
    return client.last_name == f"{ERASED} {client.id}" and not client.first_name


def _erasable(book, client_id: int) -> Client:
    client = book.client(client_id)
    if is_erased(client):
        raise ValidationError("client", _("client {id} was already erased; only the "
                                          "documents the law keeps are left").format(id=client_id))
    return client


def _letter_files(book, letters) -> list[Path]:
    """Letter files archived in the book's letters/ folder (never anything outside it)."""
    archive = (book.data_dir / "letters").resolve()
    files = []
    for letter in letters:
        path = Path(letter.path)
        path = (path if path.is_absolute() else book.data_dir / path).resolve()
        if path.is_relative_to(archive) and path != archive:
            files.append(path)
    return files


def _remove_files(files: list[Path], archive: Path) -> list[Path]:
    removed = []
    for path in files:
        if path.is_file():
            path.unlink()
            removed.append(path)
        folder = path.parent
        while folder != archive and folder.is_relative_to(archive) and folder.is_dir() \
                and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    return removed


def client_erase(book, client_id: int) -> Erased:
    """Delete every record about the client, their letter files and the exports in exports/
    that hold them (removed whole: they are copies of the book, made again at will); compact
    the journal; count the backups still holding them.

    Issued documents and payments are kept (KEPT_BECAUSE), with their PDFs in documents/;
    the client record then stays as a pseudonym so they still point somewhere, else it goes.
    """
    client = _erasable(book, client_id)
    records = _records(book, client_id)
    kept = kept_plan(book, client_id)
    files = _letter_files(book, records["letters"])
    found = traces.marks(book, client, records["orders"], records["followups"])
    with book.transaction(f"erase client {client.id}"):
        for name, rows in records.items():
            for record in rows:
                book.delete(name, record.id)
        if kept:
            book.save("clients", pseudonym(client))
        else:
            book.delete("clients", client_id)
    removed = _remove_files(files, (book.data_dir / "letters").resolve())
    book.history.clear()
    book.files.compact()
    exports = traces.exports_holding(book.data_dir, found)
    for path in exports:
        path.unlink(missing_ok=True)
    counts = {"clients": 0 if kept else 1, **{name: len(rows) for name, rows in records.items()}}
    copies = traces.backups_holding(book.data_dir, found)
    return Erased(client.name, counts, removed, copies, exports, kept,
                  KEPT_BECAUSE if kept else "")
