"""The book on disk: a snapshot, a journal of changes since, a lock, and backups.

A write appends one fsynced journal line (cost independent of the book's size);
the journal is folded into an atomically replaced snapshot when it grows and on close.
Before and after every write the files are checked to still be the ones Carnet wrote.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
import stat
from datetime import datetime
from pathlib import Path

from . import backups, conflicts, openview
from .conflicts import apply_ops
from .errors import (BookChanged, BookConflict, BookCorrupt, BookError, BookVersionError,
                     CarnetError,
                     ReadOnlyBook)
from .files import clean_stray_temporaries, ensure_private_dir, fsync_dir, write_temporary
from .i18n import _
from .journal import Journal, JournalContents, Op, new_id, parse
from .lock import LOCK, WriterLock
from .migrations import SCHEMA_VERSION, migrate
from .replay import Disagreement, check_replayed_rows, entries_to_replay
from .snapshot import FORMAT, HEAD_BYTES, Snapshot, Unreadable, current, decode, encode, stamps
from .snapshot import read_bytes as read_with_stamps
from .swap import replace_if_unchanged

SNAPSHOT = "book.json"
JOURNAL = "book.journal"
COMPACT_AT_BYTES = 4 * 1024 * 1024
__all__ = ["BookFiles", "COMPACT_AT_BYTES", "FORMAT", "JOURNAL", "LOCK", "SNAPSHOT", "apply_ops",
           "has_book", "require_book"]


def has_book(data_dir: Path) -> bool:
    """A Carnet book lives in this folder."""
    return (data_dir / SNAPSHOT).is_file()


def require_book(data_dir: Path) -> None:
    """Refuse a --data without a book (a typo must not look like, or start, an empty book)."""
    if not has_book(data_dir):
        raise CarnetError(_("there is no Carnet book in {folder}; check --data, or start one "
                            "with `python app.py init --data {folder}`").format(folder=data_dir))


def _restore_hint(data_dir: Path) -> str:
    newest = backups.newest_backup(data_dir)
    if newest is None:
        return _("no backup exists")
    import shlex

    command = (f"python app.py --data {shlex.quote(str(data_dir))} restore "
               f"{shlex.quote(str(newest))}")
    return _("newest backup: {path} (restore it with: {command})").format(path=newest,
                                                                         command=command)


def _unchanged(problem: object, data_dir: Path) -> str:
    """A refusal to read, then that nothing was changed and how to restore."""
    return _("{problem}; nothing was changed; {hint}").format(problem=problem,
                                                             hint=_restore_hint(data_dir))


def _refuse_read_only_folder(data_dir: Path) -> None:
    """A folder its owner made read-only is not written to (not even by root)."""
    try:
        mode = os.stat(data_dir).st_mode
    except OSError:
        return  # missing or unusable: ensure_private_dir says which
    if stat.S_ISDIR(mode) and (not mode & stat.S_IWUSR or not os.access(data_dir, os.W_OK)):
        raise BookError(_("cannot write in {folder} (the folder is read-only); Carnet can still "
                          "open it read-only").format(folder=data_dir))


def _drop_if_ours(tmp: Path, fd: int) -> None:
    """Close a temporary file and remove its name, unless a failed swap left another file there."""
    try:
        if os.lstat(tmp).st_ino == os.fstat(fd).st_ino:
            tmp.unlink()
    except FileNotFoundError:
        pass
    finally:
        os.close(fd)


class BookFiles:
    """The files of one book; the writer holds an exclusive lock for its lifetime."""

    def __init__(self, data_dir: Path, read_only: bool = False, now: datetime | None = None,
                 open_only: bool = False):
        self.data_dir = Path(data_dir)
        self.read_only = read_only
        self.snapshot_path = self.data_dir / SNAPSHOT
        self.journal_path = self.data_dir / JOURNAL
        self.lock: WriterLock | None = None
        self.journal: Journal | None = None
        self.migrated_from: int | None = None
        self.open_only = read_only and open_only
        self.identity: str | None = None
        self.changed = False
        self._seen: tuple | None = None
        if read_only:
            self._load_consistent()
            return
        _refuse_read_only_folder(self.data_dir)
        ensure_private_dir(self.data_dir)
        try:
            self.lock = WriterLock(self.data_dir)
            self.journal = Journal(self.journal_path)
        except OSError as exc:
            self.close(compact=False)
            raise BookError(_("cannot write in {folder} ({reason}); Carnet can still open it "
                              "read-only").format(folder=self.data_dir,
                                                  reason=exc.strerror)) from None
        except BaseException:
            self.close(compact=False)
            raise
        try:
            clean_stray_temporaries(self.data_dir)
            self._load_or_keep_both()
            self.journal.resume(self._journal.valid_length, self.identity,
                                self._journal.journal_id)
            self._journal_seen = self._journal_stamps()
            if self.migrated_from is not None or self.identity is None or self._seen is None:
                self.compact()
            elif self.journal.size:
                self._fold_if_room()
            elif openview.read(self.data_dir, self.snapshot_path, SCHEMA_VERSION) is None:
                self._write_view(None)
            self._daily_backup(now or datetime.now())
        except BaseException:
            self.close(compact=False)
            raise

    @property
    def lock_fd(self) -> int | None:
        """The descriptor the writer's lock is held on."""
        return self.lock.fd if self.lock else None

    # -- reading ---------------------------------------------------------------

    def _read_snapshot(self) -> tuple[Snapshot | None, bytes | None]:
        try:
            raw, seen = read_with_stamps(self.snapshot_path)
        except FileNotFoundError:
            return None, None
        except OSError as exc:
            raise BookError(_("cannot read the book in {folder} ({reason})").format(
                folder=self.data_dir, reason=exc.strerror)) from None
        import orjson

        try:
            snapshot = decode(orjson.loads(raw))
        except (ValueError, Unreadable):
            raise BookCorrupt(_unchanged(_("the book {path} cannot be read").format(
                path=self.snapshot_path), self.data_dir)) from None
        self._seen = (seen, raw[:HEAD_BYTES])
        return snapshot, raw

    def _read_view(self) -> Snapshot | None:
        view = openview.read(self.data_dir, self.snapshot_path, SCHEMA_VERSION)
        if view is None or "id" not in view:
            return None
        try:
            return decode({**view, "format": FORMAT})
        except Unreadable:
            return None

    def _read_journal(self) -> tuple[JournalContents, bytes]:
        try:
            raw = self.journal_path.read_bytes()
        except FileNotFoundError:
            return JournalContents(), b""
        except OSError as exc:
            raise BookError(_("cannot read the journal in {folder} ({reason})").format(
                folder=self.data_dir, reason=exc.strerror)) from None
        try:
            return parse(raw, self.journal_path), raw
        except BookCorrupt as exc:
            raise BookCorrupt(_unchanged(exc, self.data_dir)) from None

    def _load(self) -> None:
        """Read the snapshot and replay the journal onto it; Disagreement when they differ."""
        view = self._read_view() if self.open_only else None
        snapshot, raw = (view, None) if view is not None else self._read_snapshot()
        self._journal, raw_journal = self._read_journal()
        try:
            entries = entries_to_replay(snapshot, self._journal, self.journal_path)
        except Disagreement as disagreement:
            if raw is None and snapshot is not None:
                raw = self._read_snapshot()[1]
            disagreement.found, disagreement.raw_journal = raw, raw_journal
            raise
        except BookCorrupt as exc:
            raise BookCorrupt(_unchanged(exc, self.data_dir)) from None
        snapshot_found = snapshot is not None
        snapshot = snapshot or Snapshot({}, 0, SCHEMA_VERSION)
        if snapshot.schema > SCHEMA_VERSION:
            raise BookVersionError(_(
                "this book was written by a newer Carnet (schema {schema}; this one reads up to "
                "{readable}); update Carnet — nothing was changed; {hint}").format(
                    schema=snapshot.schema, readable=SCHEMA_VERSION,
                    hint=_restore_hint(self.data_dir)))
        tables, self.seq = snapshot.tables, snapshot.seq
        for entry in entries:
            apply_ops(tables, openview.filtered(entry["ops"]) if view else entry["ops"])
            self.seq = entry["seq"]
        if view is not None and not openview.covers(tables):
            self.open_only = False
            self._load()
            return
        before_migration = None
        if snapshot.schema < SCHEMA_VERSION:
            if not self.read_only:
                before_migration = encode(tables, self.seq, snapshot.schema, new_id(), None)
            migrate(tables, snapshot.schema)
            self.migrated_from = snapshot.schema
        try:
            check_replayed_rows(tables, entries, self.journal_path)
        except BookCorrupt as exc:
            raise BookCorrupt(_unchanged(exc, self.data_dir)) from None
        if before_migration is not None:
            backups.write_backup(self.data_dir, before_migration,
                                 label=f"before-migration-v{snapshot.schema}")
        self.tables = tables
        self.identity = snapshot.id
        self.exists = snapshot_found

    def _load_or_keep_both(self) -> None:
        """Load; on a disagreement keep both versions aside and refuse, naming them."""
        try:
            self._load()
        except Disagreement as disagreement:
            raise self._conflict(disagreement) from None

    def _conflict(self, disagreement: Disagreement) -> BookConflict:
        try:
            found, from_journal, raw = conflicts.keep_both(
                self.data_dir, disagreement.found, self._journal, disagreement.raw_journal)
        except (OSError, BookError):
            found = from_journal = raw = None
        return BookConflict(conflicts.describe(self.data_dir, found, from_journal, raw,
                                               disagreement.why(self.data_dir)))

    def _load_consistent(self) -> None:
        """Read without the lock, retrying if the writer compacted in the middle."""
        for _attempt in range(5):
            before = self._stat(self.snapshot_path)
            try:
                self._load()
            except (Disagreement, BookCorrupt) as refused:
                if self._stat(self.snapshot_path) != before:
                    continue
                if isinstance(refused, Disagreement):
                    raise self._conflict(refused) from None
                raise
            if self._stat(self.snapshot_path) == before:
                return
        raise BookChanged(_("the book kept changing while being read; try again"))

    @staticmethod
    def _stat(path: Path) -> tuple | None:
        try:
            return stamps(os.stat(path))
        except FileNotFoundError:
            return None

    # -- checking --------------------------------------------------------------

    def _journal_now(self) -> tuple | None:
        return self._stat(self.journal_path)

    def _check_unchanged(self) -> None:
        """Refuse if book.json, book.journal or the lock are not the files Carnet wrote."""
        if not self.changed and (current(self.snapshot_path) != self._seen
                                 or self._journal_now() != self._journal_seen):
            self.changed = True
        if self.changed:
            raise BookChanged(_(
                "the book in {folder} was changed by another program (a sync tool?) while Carnet "
                "had it open; your change was not saved — reopen Carnet to see both "
                "versions").format(folder=self.data_dir))
        self.lock.check()

    def _notice_change(self) -> None:
        """After an append: the change is on disk, so a change by another program landing
        meanwhile is only noted; the next write and closing refuse, with both versions kept."""
        if current(self.snapshot_path) != self._seen or self._journal_now() != self._journal_seen:
            self.changed = True

    # -- writing ---------------------------------------------------------------

    def snapshot_bytes(self, tables: Mapping | None = None, seq: int | None = None) -> bytes:
        """The whole book as one self-describing JSON document (by default, as it is now)."""
        if tables is None:
            tables, seq = self.tables, self.seq
        return encode(tables, seq, SCHEMA_VERSION, new_id(), None)

    def commit(self, ops: list[Op], tables: Mapping | None = None) -> None:
        """Make `ops` durable; returns only once they are on disk.

        `tables`, the book with `ops` applied, is what a fold writes from now on.
        """
        if self.journal is None:
            raise ReadOnlyBook(_("this book is open read-only; the change was not saved"))
        self._check_unchanged()
        if not self.journal.size:
            conflicts.keep_base(self.data_dir, self.snapshot_path, self.journal.id,
                                self._seen[0][1])
        try:
            self._journal_seen = stamps(self.journal.append(self.seq + 1, ops))
        except BaseException:
            self._journal_seen = self._journal_stamps()
            raise
        self._notice_change()
        self.seq += 1
        if tables is not None:
            self.tables = tables
        if self.journal.size > COMPACT_AT_BYTES:
            self._fold_if_room()

    def _fold_if_room(self) -> None:
        """Fold now if the disk lets us; every change is durable in the journal meanwhile."""
        try:
            self.compact()
        except OSError:
            pass

    def _journal_stamps(self) -> tuple | None:
        try:
            return stamps(self.journal.stamps())
        except OSError:
            return None

    def compact(self) -> None:
        """Fold the journal into a new snapshot, atomically, unless another program replaced it."""
        identity = new_id()
        folded = self.journal.id if self.journal.size else None
        data = encode(self.tables, self.seq, SCHEMA_VERSION, identity, folded)
        fd, tmp = write_temporary(self.snapshot_path, data)
        try:
            if self._seen is not None:
                self._check_unchanged()
            expected = self._seen[0][1] if self._seen is not None else None
            if not replace_if_unchanged(tmp, self.snapshot_path, expected):
                self.changed = True
                self._check_unchanged()
            written = os.fstat(fd)
        finally:
            _drop_if_ours(tmp, fd)
        fsync_dir(self.data_dir)
        self._seen = (stamps(written), data[:HEAD_BYTES])
        self.identity = identity
        self.exists = True
        self._write_view(folded)
        journal_id = self.journal.id
        self._journal_seen = stamps(self.journal.reset(identity))
        conflicts.drop_base(self.data_dir, journal_id)

    def _write_view(self, folded: str | None) -> None:
        openview.write(self.data_dir, self.snapshot_path, self.seq, SCHEMA_VERSION, self.tables,
                       self.identity, folded)

    def _daily_backup(self, now: datetime) -> None:
        if self.snapshot_path.exists() and not backups.has_backup_from(self.data_dir, now):
            backups.link_backup(self.data_dir, self.snapshot_path, now=now)

    def backup(self, label: str = "", tables: Mapping | None = None,
               seq: int | None = None) -> Path:
        """A consistent, timestamped copy of the book: as it is now, or these tables at `seq`
        (taken together on the thread that writes, so a worker can copy them meanwhile)."""
        if not self.exists:
            raise BookError(_("there is no book in {folder}; no backup was written").format(
                folder=self.data_dir))
        return backups.write_backup(self.data_dir, self.snapshot_bytes(tables, seq), label=label)

    def close(self, compact: bool = True) -> None:
        """Fold the journal, release the lock; a fold the disk has no room for waits."""
        try:
            if self.journal is not None:
                try:
                    if compact and self.journal.size:
                        self._check_unchanged()
                        self._fold_if_room()
                finally:
                    self.journal.close()
                    self.journal = None
        finally:
            if self.lock is not None:
                self.lock.release()
                self.lock = None
