"""Rotating, timestamped copies of the book's snapshot in `backups/`."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from .files import ensure_private_dir, write_atomic

KEEP = 10
PREFIX = "book-"


def backup_dir(data_dir: Path) -> Path:
    return data_dir / "backups"


def list_backups(data_dir: Path) -> list[Path]:
    """Backups, oldest first (their names sort by time)."""
    folder = backup_dir(data_dir)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(PREFIX + "*.json"))


def newest_backup(data_dir: Path) -> Path | None:
    backups = list_backups(data_dir)
    return backups[-1] if backups else None


def _new_path(data_dir: Path, label: str, now: datetime | None) -> Path:
    folder = ensure_private_dir(backup_dir(data_dir))
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    suffix = f"-{label}" if label else ""
    return folder / f"{PREFIX}{stamp}{suffix}.json"


def _rotate(data_dir: Path, keep: int) -> None:
    for old in list_backups(data_dir)[:-keep]:
        old.unlink(missing_ok=True)


def write_backup(data_dir: Path, snapshot: bytes, label: str = "", now: datetime | None = None,
                 keep: int = KEEP) -> Path:
    """Write a timestamped copy of `snapshot` and drop the oldest beyond `keep`."""
    path = _new_path(data_dir, label, now)
    write_atomic(path, snapshot)
    _rotate(data_dir, keep)
    return path


def link_backup(data_dir: Path, snapshot_file: Path, now: datetime | None = None,
                keep: int = KEEP) -> Path:
    """Back up a snapshot file that is only ever replaced, never rewritten: a hard link is
    an instant, consistent copy (a byte copy where links are not supported, or where the
    file is not private: a link shares its mode)."""
    path = _new_path(data_dir, "", now)
    try:
        if os.stat(snapshot_file).st_mode & 0o777 != 0o600:
            raise PermissionError("not private: copied instead")
        os.link(snapshot_file, path)
    except OSError:
        write_atomic(path, snapshot_file.read_bytes())
    _rotate(data_dir, keep)
    return path


def has_backup_from(data_dir: Path, day: datetime) -> bool:
    """Whether a backup was already taken on that calendar day."""
    return any(p.name.startswith(PREFIX + day.strftime("%Y%m%d")) for p in list_backups(data_dir))
