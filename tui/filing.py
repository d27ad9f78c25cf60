"""Backups and exports, written by a thread worker; the UI thread only notifies where.

The worker reads one state of the book (never the book being changed) and posts what it
wrote; a change the export needs first (keeping the book's identity) happens before, here.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App
from textual.message import Message

from store.i18n import _

from . import failure

if TYPE_CHECKING:
    from store.book import Book


class Filing(App):
    """Writes the book's backups and exports off the UI thread."""

    book: Book | None
    refresh_data: Callable[[], None]

    class Written(Message):
        """The worker wrote the file at `path`."""

        def __init__(self, path: Path) -> None:
            super().__init__()
            self.path = path

    class NotWritten(Message):
        """The worker met `error`; `before` is the book's change count before it ran."""

        def __init__(self, error: Exception, before: int | None) -> None:
            super().__init__()
            self.error = error
            self.before = before

    def back_up_book(self) -> None:
        """A timestamped copy of the book in backups/."""
        files = self.book.files
        self._write_file(partial(files.backup, tables=files.tables, seq=files.seq))

    def export_book(self, name: str, now: datetime) -> None:
        """One export (store/exchange/folder.py's EXPORTS) into the book's exports/ folder."""
        from store.exchange.folder import export_state, write_export
        self._write_file(write_export, export_state(self.book, name), name, now)

    def _write_file(self, write: Callable[..., Path], *args) -> None:
        self._write_in_worker(write, args, failure.book_seq(self))

    @work(thread=True, group="book-files")
    def _write_in_worker(self, write: Callable[..., Path], args: tuple,
                         before: int | None) -> None:
        """Write the file; never touches a widget nor the book."""
        try:
            path = write(*args)
        except Exception as error:  # noqa: BLE001 — reported by the UI thread, never raised
            self.post_message(self.NotWritten(error, before))
            return
        self.post_message(self.Written(path))

    @on(Written)
    def _written(self, event: Written) -> None:
        self.notify(_("Saved: {path}").format(path=event.path))
        self.refresh_data()

    @on(NotWritten)
    def _not_written(self, event: NotWritten) -> None:
        failure.refused(self, event.error, event.before)
