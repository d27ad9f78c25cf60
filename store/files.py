"""Private, durable file operations: 0700 directories, 0600 files, atomic replace."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import BookError

TMP_SUFFIX = ".carnet-tmp"


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and parents) if missing and make it 0700."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        if path.stat().st_mode & 0o777 != 0o700:
            os.chmod(path, 0o700)
    except OSError as exc:
        raise BookError(f"cannot create the data directory {path}: {exc.strerror}") from None
    if not path.is_dir():
        raise BookError(f"{path} exists and is not a directory")
    return path


def fsync_dir(path: Path) -> None:
    """Make a rename or a new file in `path` durable."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def open_private(path: Path, flags: int) -> int:
    """Open a file descriptor, creating the file 0600."""
    fd = os.open(path, flags, 0o600)
    if os.fstat(fd).st_mode & 0o777 != 0o600:
        os.fchmod(fd, 0o600)
    return fd


def write_all(fd: int, data: bytes) -> None:
    """Write every byte (os.write may write less than asked)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a crash leaves either the old or the new file."""
    tmp = path.with_name(path.name + TMP_SUFFIX)
    fd = open_private(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    try:
        write_all(fd, data)
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        tmp.unlink(missing_ok=True)
        raise
    os.close(fd)
    os.replace(tmp, path)
    fsync_dir(path.parent)


def write_private(path: Path, data: bytes) -> None:
    """Write an export or a copy atomically, 0600."""
    write_atomic(path, data)


def clean_stray_temporaries(directory: Path) -> list[Path]:
    """Remove temporary files left by an interrupted write; returns what was removed."""
    removed = []
    for stray in directory.glob("*" + TMP_SUFFIX):
        stray.unlink(missing_ok=True)
        removed.append(stray)
    return removed
