"""The base of the searchable lists: each page is read in a worker, for what the boxes said.

A key typed in a search box only starts a read: the box paints its character at once and the
table follows when the page is ready. The text, filter and offset are captured on the UI
thread and travel with the read; a page read for anything the boxes no longer say (the user
typed on) or from an older book is dropped, as a newer read is on its way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual import on, work
from textual.message import Message
from textual.widgets import Input
from textual.worker import get_current_worker

from store.browse import Page
from store.errors import CarnetError
from store.state import BookState

from .. import failure
from ..widgets.paged_table import PagedTable, Row
from .base import BookScreen


@dataclass(frozen=True)
class Wanted:
    """What one page of a list is read for: search text, filter, client, first row, size."""

    text: str
    show: str
    client_id: int | None
    offset: int
    limit: int


class ListScreen(BookScreen):
    """A list with a search box (#search) over a PagedTable, its pages read off the UI thread."""

    TABLE = ""
    """The selector of the screen's PagedTable ("#clients")."""

    _wanted: Wanted | None = None
    """The page last asked for; only its read is shown."""

    _asked: tuple | None = None
    """The last read started: the page, book version and day it was for."""

    _shown: Wanted | None = None
    """The page on screen."""

    _open_when_read = False
    """Enter was pressed while a page was on its way: open what it shows first."""

    class PageRead(Message):
        """A page read in a worker (or the CarnetError it met), for `wanted`, at a book version."""

        def __init__(self, value: Page[Row] | CarnetError, version: int, wanted: Wanted) -> None:
            super().__init__()
            self.value = value
            self.version = version
            self.wanted = wanted

    @property
    def table(self) -> PagedTable:
        return self.query_one(self.TABLE, PagedTable)

    def shown_filter(self) -> str:
        """What the list is narrowed to besides the text ("all" when nothing)."""
        return "all"

    def filter_client(self) -> int | None:
        """The one client whose records the list shows, if any."""
        return None

    def wanted(self, offset: int) -> Wanted:
        """What the boxes say now, for the page starting at `offset` (UI thread)."""
        return Wanted(self.query_one("#search", Input).value, self.shown_filter(),
                      self.filter_client(), offset, self.table.page_size)

    def reload(self, offset: int | None = None) -> None:
        """Read the page at `offset` (the one shown when None) for what the boxes say."""
        if self.app.book is None:
            return
        wanted = self.wanted(self.table.start if offset is None else offset)
        asked = (wanted, self.app.data_version, self.app.today)
        if asked == self._asked:
            return
        self._wanted, self._asked = wanted, asked
        self._read_page(self.app.book.state, self.app.today, self.app.data_version, wanted)

    @work(thread=True, exclusive=True, group="page")
    def _read_page(self, book: BookState, today: date, version: int, wanted: Wanted) -> None:
        if get_current_worker().is_cancelled:
            return
        try:
            value = self.read_page(book, today, wanted)
        except Exception as exc:  # noqa: BLE001 — told on the UI thread, where it is handled
            value = exc
        self.post_message(self.PageRead(value, version, wanted))

    def read_page(self, book: BookState, today: date, wanted: Wanted) -> Page[Row]:
        """The rows of one page, ready for the table; runs in a worker, so it touches no widget."""
        raise NotImplementedError

    def empty_text(self, wanted: Wanted) -> str:
        """What the table says when the page read for `wanted` is empty."""
        raise NotImplementedError

    @on(PageRead)
    def _page_read(self, event: PageRead) -> None:
        event.stop()
        wanted = event.wanted
        if (event.version != self.app.data_version or wanted != self._wanted
                or wanted != self.wanted(wanted.offset)):
            return
        if isinstance(event.value, CarnetError):
            self._shown, self._open_when_read = wanted, False
            self.show_error(event.value)
            return
        if isinstance(event.value, Exception):
            self._asked, self._open_when_read = None, False
            failure.tell(self.app, event.value)
            return
        table = self.table
        table.empty = self.empty_text(wanted)
        table.show_page(event.value.rows, event.value.offset, event.value.total)
        self._shown = wanted
        if self._open_when_read:
            self._open_when_read = False
            if self.is_current and table.current_key is not None:
                self.open_row(table.current_key)

    @on(PagedTable.PageWanted)
    def _page(self, event: PagedTable.PageWanted) -> None:
        """The next or previous page of the one on its way, if any: each key moves one page."""
        event.stop()
        table = self.table
        pending = self._wanted is not None and self._wanted != self._shown
        base = self._wanted.offset if pending else table.start
        self.reload(offset=max(0, base + event.offset - table.start))

    @on(PagedTable.Chosen)
    def _chosen(self, event: PagedTable.Chosen) -> None:
        event.stop()
        if self._shown is not None and self._shown == self._wanted:
            self.open_row(event.key)
        else:
            self._open_when_read = True

    def open_row(self, key: str) -> None:
        """Open the record of the row with this key."""
        raise NotImplementedError

    def searched(self) -> None:
        """Enter in the search box: to the list."""
        self.table.table.focus()

    def action_leave_search(self) -> None:
        """Escape: from the search box to the list; from the list, back (when pushed)."""
        if self.query_one("#search", Input).has_focus:
            self.searched()
        else:
            self.action_back()

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()
