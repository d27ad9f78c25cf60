"""Backups on demand, and restoring one in place of the book (keeping what it replaces)."""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Iterator

import orjson

from .. import backups
from ..errors import BookLocked, BookVersionError, CarnetError
from ..files import ensure_private_dir, fsync_dir, open_private, write_atomic
from ..i18n import _
from ..journal import read_entries
from ..migrations import SCHEMA_VERSION
from ..models import TABLE_MODELS
from ..storage import FORMAT, JOURNAL, LOCK, SNAPSHOT
from .counting import count

REPLACED = "replaced-"
KEEP_REPLACED = 3


@dataclass
class BackupInfo:
    """A backup file that was checked and can be restored."""

    path: Path
    data: dict
    counts: dict[str, int]

    def describe(self) -> str:
        return ", ".join(count(n, name) for name, n in self.counts.items()) or \
            _("an empty book")


def read_backup(path: Path) -> BackupInfo:
    """Check that `path` is a whole Carnet book this Carnet can read."""
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise CarnetError(_("{path} is a directory, not a backup file").format(path=path)) \
            from None
    except FileNotFoundError:
        raise CarnetError(_("no such file: {path}").format(path=path)) from None
    except PermissionError:
        raise CarnetError(_("cannot read {path}: permission denied").format(path=path)) \
            from None
    try:
        data = orjson.loads(raw)
        if data.get("format") != FORMAT:
            raise ValueError
        tables, schema, seq = data["tables"], data["schema"], data["seq"]
        if not isinstance(schema, int) or not isinstance(seq, int):
            raise ValueError
        if schema > SCHEMA_VERSION:
            raise BookVersionError(_("{path} was written by a newer Carnet (schema {schema}); "
                                     "update Carnet to restore it")
                                   .format(path=path, schema=schema))
        if schema == SCHEMA_VERSION:
            for name, model in TABLE_MODELS.items():
                for key, doc in tables.get(name, {}).items():
                    model.from_doc(doc, int(key))
    except (ValueError, KeyError, TypeError, AttributeError, ArithmeticError):
        raise CarnetError(_("{path} is not a readable Carnet backup").format(path=path)) \
            from None
    counts = {name: len(tables.get(name, {})) for name in ("clients", "orders", "interactions")
              if tables.get(name)}
    return BackupInfo(path, data, counts)


@contextmanager
def locked(data_dir: Path) -> Iterator[None]:
    """Hold the book's writer lock, so no Carnet has it open meanwhile."""
    fd = open_private(data_dir / LOCK, os.O_RDWR | os.O_CREAT)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BookLocked(_("this book is open in another Carnet; close it before "
                               "restoring")) from None
        yield
    finally:
        os.close(fd)


def _journal_seq(path: Path) -> int:
    """The highest sequence number in the journal (0 if it cannot be read)."""
    try:
        entries, _ = read_entries(path)
    except CarnetError:
        return -1
    return max((e["seq"] for e in entries), default=0)


def replaced_books(data_dir: Path) -> list[Path]:
    """Folders keeping the books that restores replaced, oldest first."""
    folder = backups.backup_dir(data_dir)
    return sorted(folder.glob(REPLACED + "*")) if folder.is_dir() else []


def _keep_replaced(data_dir: Path, now: datetime) -> Path:
    """Copy the current files aside in backups/replaced-<time>/; the oldest copies rotate out."""
    folder = ensure_private_dir(backups.backup_dir(data_dir) / f"{REPLACED}{now:%Y%m%d-%H%M%S-%f}")
    for name in (SNAPSHOT, JOURNAL):
        if (data_dir / name).exists():
            write_atomic(folder / name, (data_dir / name).read_bytes())
    for old in replaced_books(data_dir)[:-KEEP_REPLACED]:
        for path in old.iterdir():
            path.unlink()
        old.rmdir()
    return folder


def restore(data_dir: Path, backup: BackupInfo, now: datetime) -> Path:
    """Put the backup in place of the book; returns the folder keeping the replaced files."""
    if not data_dir.is_dir():
        ensure_private_dir(data_dir)
    with locked(data_dir):
        kept = _keep_replaced(data_dir, now)
        journal = data_dir / JOURNAL
        seq = _journal_seq(journal)
        if seq < 0:
            journal.unlink(missing_ok=True)
        data = dict(backup.data, seq=max(backup.data["seq"], seq, _snapshot_seq(data_dir)))
        write_atomic(data_dir / SNAPSHOT, orjson.dumps(data))
        journal.unlink(missing_ok=True)
        fsync_dir(data_dir)
    return kept


def _snapshot_seq(data_dir: Path) -> int:
    try:
        return int(orjson.loads((data_dir / SNAPSHOT).read_bytes())["seq"])
    except (OSError, ValueError, KeyError, TypeError):
        return 0

