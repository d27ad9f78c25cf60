"""Which journal entries extend a snapshot: the same book, every change in order, or refused."""

from __future__ import annotations

from pathlib import Path

from .errors import BookCorrupt
from .journal import JournalContents
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
        held = f"book.journal holds {self.changes} change{'s' * (self.changes != 1)}"
        if self.kind == "missing":
            return (f"book.json is missing in {data_dir} but {held} made to it (was the book "
                    "moved or deleted?)")
        return (f"book.json in {data_dir} is not the book its journal extends ({held}): "
                "another copy of the book replaced it (a sync tool?)")


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
            raise BookCorrupt(f"the journal {path} skips from change {expected - 1} to "
                              f"{entry['seq']}")
        expected += 1
    return entries
