"""Two versions of one book (a sync tool brought another machine's): kept side by side, never merged.

While a journal grows, `backups/base-<journal id>.json` is a hard link to the snapshot it
extends, so its version can be rebuilt even after a sync tool replaced `book.json`.
On a conflict both versions are written as whole, restorable books in
`backups/conflict-<key>/`; the user chooses one with `restore FILE`.
"""

from __future__ import annotations

import os
import zlib
from pathlib import Path

from . import backups
from .errors import BookError
from .files import ensure_private_dir, write_atomic
from .i18n import _
from .journal import JournalContents, new_id
from .snapshot import HEAD_BYTES, Snapshot, decode, encode

CONFLICT = "conflict-"
BASE = "base-"
FOUND = "book-as-found.json"
FROM_JOURNAL = "book-from-journal.json"
RAW_JOURNAL = "book.journal"


def apply_ops(tables: dict, ops: list) -> None:
    """Replay journal operations onto in-memory tables."""
    for table, doc_id, doc in ops:
        rows = tables.setdefault(table, {})
        if doc is None:
            rows.pop(str(doc_id), None)
        else:
            rows[str(doc_id)] = doc


def base_path(data_dir: Path, journal_id: str) -> Path:
    return backups.backup_dir(data_dir) / f"{BASE}{journal_id}.json"


def keep_base(data_dir: Path, snapshot_path: Path, journal_id: str, inode: int) -> None:
    """Link the snapshot a new journal extends; only a help for conflicts, so failures pass."""
    try:
        ensure_private_dir(backups.backup_dir(data_dir))
        link = base_path(data_dir, journal_id)
        os.link(snapshot_path, link)
        if os.stat(link).st_ino != inode:
            link.unlink()
    except (OSError, BookError):
        pass


def drop_base(data_dir: Path, journal_id: str | None) -> None:
    if journal_id:
        base_path(data_dir, journal_id).unlink(missing_ok=True)


def _snapshot_with_id(path: Path, identity: str) -> Snapshot | None:
    import orjson

    try:
        with open(path, "rb") as file:
            if f'"id":"{identity}"'.encode() not in file.read(HEAD_BYTES):
                return None
            file.seek(0)
            return decode(orjson.loads(file.read()))
    except (OSError, ValueError):
        return None


def find_base(data_dir: Path, journal: JournalContents) -> Snapshot | None:
    """The snapshot `journal` extends, from its base link or any backup holding it."""
    if not journal.extends:
        return None
    folder = backups.backup_dir(data_dir)
    candidates = [base_path(data_dir, journal.journal_id)] if journal.journal_id else []
    if folder.is_dir():
        candidates += sorted(folder.glob(BASE + "*.json")) + backups.list_backups(data_dir)[::-1]
    for path in candidates:
        found = _snapshot_with_id(path, journal.extends)
        if found is not None:
            return found
    return None


def journal_version(base: Snapshot, journal: JournalContents) -> bytes:
    """The book the journal's writer had: its base with its entries replayed."""
    tables, seq = base.tables, base.seq
    for entry in journal.entries:
        if entry["seq"] > seq:
            apply_ops(tables, entry["ops"])
            seq = entry["seq"]
    return encode(tables, seq, base.schema, new_id(), None)


def _key(raw_journal: bytes, found: bytes | None) -> str:
    return "%08x" % zlib.crc32(raw_journal, zlib.crc32(found or b""))


def keep_both(data_dir: Path, found: bytes | None, journal: JournalContents,
              raw_journal: bytes) -> tuple[Path | None, Path | None, Path]:
    """Write both versions aside as restorable books, and the raw journal.

    Returns (book.json as found, the journal's version, the raw journal); a version that
    does not exist or cannot be rebuilt is None.
    """
    folder = backups.backup_dir(data_dir) / f"{CONFLICT}{_key(raw_journal, found)}"
    found_path = folder / FOUND if found is not None else None
    journal_path, raw_path = folder / FROM_JOURNAL, folder / RAW_JOURNAL
    ensure_private_dir(folder)
    if not raw_path.exists():
        write_atomic(raw_path, raw_journal)
    if found_path is not None and not found_path.exists():
        write_atomic(found_path, found)
    if not journal_path.exists():
        base = find_base(data_dir, journal)
        if base is None:
            return found_path, None, raw_path
        write_atomic(journal_path, journal_version(base, journal))
    return found_path, journal_path, raw_path


def _restore(data_dir: Path, path: Path) -> str:
    import shlex

    return f"python app.py --data {shlex.quote(str(data_dir))} restore {shlex.quote(str(path))}"


def describe(data_dir: Path, found: Path | None, from_journal: Path | None,
             raw_journal: Path | None, why: str) -> str:
    """One line: what disagrees, where each version is kept, the command that chooses."""
    if found is None and from_journal is None and raw_journal is None:
        return _("{why}; nothing was merged or dropped, book.json and book.journal are left as "
                 "they are (the versions could not be copied aside)").format(why=why)
    kept = []
    if from_journal is not None:
        kept.append(_("the journal's version is kept in {path}").format(path=from_journal))
    elif raw_journal is not None:
        kept.append(_("the journal is kept in {path} (the book it extends is not in backups/, "
                      "so its version cannot be rebuilt)").format(path=raw_journal))
    if found is not None:
        kept.append(_("book.json as found in {path}").format(path=found))
    commands = [_restore(data_dir, p) for p in (from_journal, found) if p is not None]
    if len(commands) == 2:
        choose = _("choose with: {first} or: {second}").format(first=commands[0],
                                                              second=commands[1])
    elif commands:
        choose = _("choose with: {command}").format(command=commands[0])
    else:
        choose = _("restore a backup with: {command}").format(
            command=_restore(data_dir, Path("FILE")))
    return _("{why}; nothing was merged or dropped: {kept}; {choose}").format(
        why=why, kept=", ".join(kept), choose=choose)
