"""The book on disk: a snapshot, a journal of changes since, a lock, and backups.

A write appends one fsynced journal line (cost independent of the book's size);
the journal is folded into an atomically replaced snapshot when it grows and on close.
"""

from __future__ import annotations

import fcntl
import gc
import os
import shlex
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import orjson

from . import backups, openview
from .errors import BookChanged, BookCorrupt, BookError, BookLocked, BookVersionError, ReadOnlyBook
from .files import clean_stray_temporaries, ensure_private_dir, open_private, write_atomic
from .journal import Journal, Op, read_entries
from .migrations import SCHEMA_VERSION, migrate

SNAPSHOT = "book.json"
JOURNAL = "book.journal"
LOCK = "book.lock"
FORMAT = "carnet-book"
COMPACT_AT_BYTES = 4 * 1024 * 1024


@contextmanager
def _gc_paused():
    """Loading a large book builds millions of objects; collection would double the time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()  # the book's documents hold no cycles: no collection needs to walk them
        if enabled:
            gc.enable()


def _restore_hint(data_dir: Path) -> str:
    newest = backups.newest_backup(data_dir)
    if newest is None:
        return "no backup exists"
    return (f"newest backup: {newest} (restore it with: "
            f"python app.py --data {shlex.quote(str(data_dir))} restore "
            f"{shlex.quote(str(newest))})")


def apply_ops(tables: dict, ops: list) -> None:
    """Replay journal operations onto in-memory tables."""
    for table, doc_id, doc in ops:
        rows = tables.setdefault(table, {})
        if doc is None:
            rows.pop(str(doc_id), None)
        else:
            rows[str(doc_id)] = doc


class BookFiles:
    """The files of one book; the writer holds an exclusive lock for its lifetime."""

    def __init__(self, data_dir: Path, read_only: bool = False, now: datetime | None = None,
                 open_only: bool = False):
        self.data_dir = Path(data_dir)
        self.read_only = read_only
        self.snapshot_path = self.data_dir / SNAPSHOT
        self.journal_path = self.data_dir / JOURNAL
        self.lock_fd: int | None = None
        self.journal: Journal | None = None
        self.migrated_from: int | None = None
        self.open_only = read_only and open_only
        if read_only:
            self._load_consistent()
            return
        ensure_private_dir(self.data_dir)
        try:
            self._lock()
        except OSError as exc:
            raise BookError(f"cannot write in {self.data_dir} ({exc.strerror}); Carnet can "
                            "still open it read-only") from None
        try:
            clean_stray_temporaries(self.data_dir)
            self._load()
            self.journal = Journal(self.journal_path, self._journal_valid)
            if self.journal.size or self.migrated_from is not None or not self.snapshot_path.exists():
                self.compact()
            elif openview.read(self.data_dir, self.snapshot_path, SCHEMA_VERSION) is None:
                openview.write(self.data_dir, self.snapshot_path, self.seq, SCHEMA_VERSION,
                               self.tables)
            self._remember_fingerprint()
            self._daily_backup(now or datetime.now())
        except BaseException:
            self.close(compact=False)
            raise

    def _lock(self) -> None:
        self.lock_fd = open_private(self.data_dir / LOCK, os.O_RDWR | os.O_CREAT)
        try:
            fcntl.flock(self.lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(self.lock_fd, 32, 0).decode(errors="replace").strip()
            os.close(self.lock_fd)
            self.lock_fd = None
            who = f" (process {holder})" if holder else ""
            raise BookLocked(f"this book is already open in another Carnet{who}; close it "
                             "first to change it (reading it still works)") from None
        os.ftruncate(self.lock_fd, 0)
        os.pwrite(self.lock_fd, str(os.getpid()).encode(), 0)

    def _read_snapshot(self) -> tuple[dict, int, int]:
        try:
            raw = self.snapshot_path.read_bytes()
        except FileNotFoundError:
            return {}, 0, SCHEMA_VERSION
        except OSError as exc:
            raise BookError(f"cannot read the book in {self.data_dir} ({exc.strerror})") from None
        try:
            with _gc_paused():
                data = orjson.loads(raw)
            if data.get("format") != FORMAT:
                raise ValueError("not a Carnet book")
            return data["tables"], data["seq"], data["schema"]
        except (ValueError, KeyError, TypeError, AttributeError):
            raise BookCorrupt(f"the book {self.snapshot_path} cannot be read; nothing was "
                              f"changed; {_restore_hint(self.data_dir)}") from None

    def _load(self) -> None:
        view = openview.read(self.data_dir, self.snapshot_path, SCHEMA_VERSION) \
            if self.open_only else None
        if view is not None:
            tables, self.seq = view
            schema = SCHEMA_VERSION
        else:
            tables, self.seq, schema = self._read_snapshot()
        if schema > SCHEMA_VERSION:
            raise BookVersionError(
                f"this book was written by a newer Carnet (schema {schema}; this one reads up "
                f"to {SCHEMA_VERSION}); update Carnet — nothing was changed; "
                f"{_restore_hint(self.data_dir)}")
        if schema < SCHEMA_VERSION:
            if not self.read_only:
                backups.write_backup(self.data_dir, self.snapshot_path.read_bytes(),
                                     label=f"before-migration-v{schema}")
            migrate(tables, schema)
            self.migrated_from = schema
        try:
            entries, self._journal_valid = read_entries(self.journal_path)
        except BookCorrupt as exc:
            raise BookCorrupt(f"{exc}; nothing was changed; {_restore_hint(self.data_dir)}") from None
        except OSError as exc:
            raise BookError(f"cannot read the journal in {self.data_dir} ({exc.strerror})") from None
        with _gc_paused():
            for entry in entries:
                if entry["seq"] > self.seq:
                    apply_ops(tables, openview.filtered(entry["ops"]) if view else entry["ops"])
                    self.seq = entry["seq"]
        self.tables = tables

    def _load_consistent(self) -> None:
        """Read without the lock, retrying if the writer compacted in the middle."""
        for _ in range(5):
            before = self._stat(self.snapshot_path)
            self._load()
            if self._stat(self.snapshot_path) == before:
                return
        raise BookChanged("the book kept changing while being read; try again")

    @staticmethod
    def _stat(path: Path) -> tuple | None:
        try:
            st = os.stat(path)
        except FileNotFoundError:
            return None
        return st.st_ino, st.st_size, st.st_mtime_ns

    def _remember_fingerprint(self) -> None:
        self._fingerprint = (self._stat(self.snapshot_path), self._stat(self.journal_path))

    def _check_unchanged(self) -> None:
        if (self._stat(self.snapshot_path), self._stat(self.journal_path)) != self._fingerprint:
            raise BookChanged(
                f"the book in {self.data_dir} was changed by another program (a sync tool?) "
                "since Carnet opened it; your change was not saved — reopen Carnet")

    def _daily_backup(self, now: datetime) -> None:
        if self.snapshot_path.exists() and not backups.has_backup_from(self.data_dir, now):
            backups.link_backup(self.data_dir, self.snapshot_path, now=now)

    def snapshot_bytes(self) -> bytes:
        """The whole book as one self-describing JSON document."""
        return orjson.dumps({"format": FORMAT, "schema": SCHEMA_VERSION, "seq": self.seq,
                             "tables": self.tables})

    def commit(self, ops: list[Op]) -> None:
        """Make `ops` durable; returns only once they are on disk."""
        if self.journal is None:
            raise ReadOnlyBook("this book is open read-only; the change was not saved")
        self._check_unchanged()
        try:
            self.journal.append(self.seq + 1, ops)
        finally:
            self._remember_fingerprint()
        self.seq += 1
        self._remember_fingerprint()
        if self.journal.size > COMPACT_AT_BYTES:
            try:
                self.compact()
            except OSError:
                self._remember_fingerprint()  # the change is durable in the journal; fold later

    def compact(self) -> None:
        """Fold the journal into a new snapshot, atomically."""
        write_atomic(self.snapshot_path, self.snapshot_bytes())
        openview.write(self.data_dir, self.snapshot_path, self.seq, SCHEMA_VERSION, self.tables)
        self.journal.reset()
        self._remember_fingerprint()

    def backup(self, label: str = "") -> Path:
        """A consistent, timestamped copy of the book as it is now."""
        return backups.write_backup(self.data_dir, self.snapshot_bytes(), label=label)

    def close(self, compact: bool = True) -> None:
        """Fold the journal, release the lock."""
        if self.journal is not None:
            try:
                if compact and self.journal.size:
                    self._check_unchanged()
                    self.compact()
            finally:
                self.journal.close()
                self.journal = None
        if self.lock_fd is not None:
            os.close(self.lock_fd)
            self.lock_fd = None
