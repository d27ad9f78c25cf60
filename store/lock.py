"""The writer's lock: an flock held on an open descriptor, checked to still be the lock file."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from .errors import BookLocked
from .files import open_private
from .i18n import _

LOCK = "book.lock"


class WriterLock:
    """Held for the writer's lifetime; `check` refuses once the lock file was deleted or replaced."""

    def __init__(self, data_dir: Path):
        self.path = Path(data_dir) / LOCK
        fd = open_private(self.path, os.O_RDWR | os.O_CREAT)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode(errors="replace").strip()
            os.close(fd)
            if holder:
                refusal = _("this book is already open in another Carnet (process {process}); "
                            "close it first to change it (reading it still works)").format(
                                process=holder)
            else:
                refusal = _("this book is already open in another Carnet; close it first to "
                            "change it (reading it still works)")
            raise BookLocked(refusal) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        st = os.fstat(fd)
        self.fd: int | None = fd
        self.identity = (st.st_dev, st.st_ino)

    def check(self) -> None:
        """Refuse if the file at the lock's name is no longer the one this writer locked."""
        try:
            st = os.stat(self.path)
            held = (st.st_dev, st.st_ino) == self.identity
        except FileNotFoundError:
            held = False
        if not held:
            raise BookLocked(_("the lock file {path} was deleted or replaced while this Carnet "
                               "had the book open, so another Carnet may be writing to it; your "
                               "change was not saved — close Carnet and open the book "
                               "again").format(path=self.path))

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
