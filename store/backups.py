"""Rotating, timestamped copies of the book's snapshot in `backups/`."""

from __future__ import annotations

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


def write_backup(data_dir: Path, snapshot: bytes, label: str = "", now: datetime | None = None,
                 keep: int = KEEP) -> Path:
    """Write a timestamped copy of `snapshot` and drop the oldest beyond `keep`."""
    folder = ensure_private_dir(backup_dir(data_dir))
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    suffix = f"-{label}" if label else ""
    path = folder / f"{PREFIX}{stamp}{suffix}.json"
    write_atomic(path, snapshot)
    for old in list_backups(data_dir)[:-keep]:
        old.unlink(missing_ok=True)
    return path


def has_backup_from(data_dir: Path, day: datetime) -> bool:
    """Whether a backup was already taken on that calendar day."""
    return any(p.name.startswith(PREFIX + day.strftime("%Y%m%d")) for p in list_backups(data_dir))
