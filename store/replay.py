"""Which journal entries extend a snapshot: the same book, every change in order, or refused."""

from __future__ import annotations

from pathlib import Path

from .errors import BookCorrupt
from .i18n import _, ngettext
from .journal import JournalContents
from .models import TABLE_MODELS, Profile
from .snapshot import Snapshot


class Disagreement(Exception):
    """The journal does not extend the snapshot found beside it: two versions of the book."""

    def __init__(self, kind: str, changes: int):
        super().__init__(kind)
        self.kind = kind
        self.changes = changes
        self.found: bytes | None = None
        self.raw_journal = b""

    def why(self, data_dir: Path) -> str:
        if self.kind == "missing":
            return ngettext("book.json is missing in {folder} but book.journal holds {count} "
                            "change made to it (was the book moved or deleted?)",
                            "book.json is missing in {folder} but book.journal holds {count} "
                            "changes made to it (was the book moved or deleted?)",
                            self.changes).format(folder=data_dir, count=self.changes)
        return ngettext("book.json in {folder} is not the book its journal extends "
                        "(book.journal holds {count} change): another copy of the book "
                        "replaced it (a sync tool?)",
                        "book.json in {folder} is not the book its journal extends "
                        "(book.journal holds {count} changes): another copy of the book "
                        "replaced it (a sync tool?)",
                        self.changes).format(folder=data_dir, count=self.changes)


def entries_to_replay(snapshot: Snapshot | None, journal: JournalContents,
                      path: Path) -> list[dict]:
    """The entries to apply onto `snapshot`; raises Disagreement or BookCorrupt."""
    entries = journal.entries
    if not entries:
        return []
    if snapshot is None:
        raise Disagreement("missing", len(entries))
    if journal.header is None:
        entries = [entry for entry in entries if entry["seq"] > snapshot.seq]
        if entries and entries[0]["seq"] != snapshot.seq + 1:
            raise Disagreement("foreign", len(entries))
    elif journal.extends != snapshot.id:
        if journal.journal_id == snapshot.folded and entries[-1]["seq"] == snapshot.seq:
            return []
        raise Disagreement("foreign", len(entries))
    expected = snapshot.seq + 1
    for entry in entries:
        if entry["seq"] != expected:
            raise BookCorrupt(_("the journal {path} skips from change {last} to {next}").format(
                path=path, last=expected - 1, next=entry["seq"]))
        expected += 1
    return entries


def check_replayed_rows(tables: dict, entries: list[dict], path: Path) -> None:
    """Refuse, before any fold, a journal whose changes left a record Carnet cannot read."""
    touched = {(table, doc_id) for entry in entries for table, doc_id, _ in entry["ops"]}
    for table, doc_id in sorted(touched):
        doc = tables.get(table, {}).get(str(doc_id))
        if doc is None:
            continue
        try:
            if table in TABLE_MODELS:
                TABLE_MODELS[table].from_doc(doc, doc_id)
            elif table == "profile":
                Profile.from_doc(doc)
        except (TypeError, ValueError, KeyError, AttributeError):
            raise BookCorrupt(_("the journal {path} holds a change Carnet cannot read "
                                "({table} {id})").format(path=path, table=table,
                                                         id=doc_id)) from None
