"""Private, durable file operations: 0700 directories, 0600 files, atomic replace."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import BookError
from .i18n import _

TMP_SUFFIX = ".carnet-tmp"
NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and missing parents) 0700; a folder that already exists keeps its mode."""
    missing = []
    probe = path
    while not probe.exists() and not probe.is_symlink() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    try:
        for folder in reversed(missing):
            try:
                os.mkdir(folder, 0o700)
            except FileExistsError:
                continue
            if os.stat(folder).st_mode & 0o777 != 0o700:
                os.chmod(folder, 0o700)
    except OSError as exc:
        raise BookError(_("cannot create the data directory {path}: {reason}").format(
            path=path, reason=exc.strerror)) from None
    if not path.is_dir():
        raise BookError(_("{path} exists and is not a directory").format(path=path))
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


def temporary_beside(path: Path) -> tuple[int, Path]:
    """A new 0600 file with a random name beside `path`: never an existing file or symlink."""
    for _attempt in range(10):
        tmp = path.with_name(f"{path.name}.{os.urandom(6).hex()}{TMP_SUFFIX}")
        try:
            return open_private(tmp, NEW_FILE), tmp
        except FileExistsError:
            continue
        except OSError as exc:
            raise OSError(exc.errno, exc.strerror, str(path)) from None
    raise OSError(17, "cannot create a temporary file", str(path))


def write_temporary(path: Path, data: bytes) -> tuple[int, Path]:
    """`data` durably in a new temporary file beside `path`; returns its open descriptor."""
    fd, tmp = temporary_beside(path)
    try:
        write_all(fd, data)
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        tmp.unlink(missing_ok=True)
        raise
    return fd, tmp


def write_atomic(path: Path, data: bytes) -> os.stat_result:
    """Replace `path` with `data`, readable by its owner only (0600), so that a crash leaves
    either the old or the new file: the book, an export, a letter, a copy.

    Returns the stamps of the file written, taken from its descriptor.
    """
    fd, tmp = write_temporary(path, data)
    try:
        os.replace(tmp, path)
        written = os.fstat(fd)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        os.close(fd)
    fsync_dir(path.parent)
    return written


def clean_stray_temporaries(directory: Path) -> list[Path]:
    """Remove temporary files left by an interrupted write; returns what was removed."""
    removed = []
    for stray in directory.glob("*" + TMP_SUFFIX):
        stray.unlink(missing_ok=True)
        removed.append(stray)
    return removed
