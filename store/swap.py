"""Replace a file only if it still is the one expected: an atomic swap, checked, undone if not."""

from __future__ import annotations

import errno
import os
from functools import cache
from pathlib import Path

AT_FDCWD = -100
RENAME_EXCHANGE = 2
RENAME_NOREPLACE = 1

@cache
def _libc():
    """The C library's renameat2 and get_errno, loaded at the first fold (ctypes costs ~3 ms
    of every start otherwise)."""
    import ctypes
    return getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None), ctypes.get_errno


def _rename2(source: Path, target: Path, flags: int) -> bool:
    """renameat2(2); False where the system or the file system does not offer it."""
    renameat2, get_errno = _libc()
    if renameat2 is None:
        return False
    if renameat2(AT_FDCWD, os.fsencode(source), AT_FDCWD, os.fsencode(target), flags) == 0:
        return True
    code = get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(target))


def replace_if_unchanged(tmp: Path, path: Path, expected_inode: int | None) -> bool:
    """Move `tmp` over `path` if `path` still is inode `expected_inode` (None: absent).

    Returns False, leaving `path` as it was and `tmp` in place, when another program
    put a different file there; where the swap is not available, a plain replace.
    """
    if expected_inode is None:
        try:
            if _rename2(tmp, path, RENAME_NOREPLACE):
                return True
        except FileExistsError:
            return False
        os.replace(tmp, path)
        return True
    try:
        swapped = _rename2(tmp, path, RENAME_EXCHANGE)
    except FileNotFoundError:
        return False
    if not swapped:
        os.replace(tmp, path)
        return True
    if os.lstat(tmp).st_ino == expected_inode:
        os.unlink(tmp)
        return True
    _rename2(tmp, path, RENAME_EXCHANGE)
    return False
