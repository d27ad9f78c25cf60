"""The base of every screen that shows the book: it re-queries when the book changes.

Screens whose reading is slow on a big book (the dashboard, a client, an order) read it in a
worker thread: `read()` runs off the UI thread and touches no widget; its result comes back
as a `Read` message and `show()` puts it on screen. A result read from an older version of
the book than the current one is dropped (a newer read is on its way).
"""

from __future__ import annotations

from datetime import date

from textual import on, work
from textual.message import Message

from store.state import BookState
from store.errors import CarnetError
from store.i18n import _

from .. import failure
from .resume import QuickResume


class BookScreen(QuickResume):
    """A screen that re-reads the book on show and after every change while it is shown."""

    SECTION = ""
    """Shown in the header beside the date ("Clients"); marked with N_, translated when shown."""

    _stale = True
    """The book changed since this screen last read it."""

    class Read(Message):
        """What a worker read for this screen (or the CarnetError it met), at a book version."""

        def __init__(self, value: object, version: int, key: object = None) -> None:
            super().__init__()
            self.value = value
            self.version = version
            self.key = key
            """The record it was read for (`record_key()` when the read started)."""

    def on_mount(self) -> None:
        self.watch(self.app, "data_version", self._book_changed, init=False)

    @property
    def active_bindings(self) -> dict:
        """This screen's keys, as they will be once it is shown (the app's rules for them
        look at this screen's focus, not the one shown now's)."""
        app = self.app
        listing, app.bindings_screen = getattr(app, "bindings_screen", None), self
        try:
            return super().active_bindings
        finally:
            app.bindings_screen = listing

    def on_screen_resume(self) -> None:
        self.read_ahead()
        self.refresh_title()

    def read_ahead(self) -> None:
        """Re-read the book if it changed since this screen read it (also before a prepared
        screen is first shown)."""
        if self._stale and self.app.book is not None:
            self._stale = False
            try:
                self.reload()
            except CarnetError as exc:
                self.app.notify(str(exc), severity="error")

    def refresh_title(self) -> None:
        """Name this screen in the header, beside the app's date and marks."""
        self.sub_title = " · ".join(p for p in (self.section(), self.app.sub_title) if p)

    def section(self) -> str:
        """What the header names this screen, in the interface's language."""
        return _(self.SECTION) if self.SECTION else ""

    def _book_changed(self, _version: int) -> None:
        self._stale = True
        if self.is_current:
            self.on_screen_resume()

    def reload(self) -> None:
        """Re-read what this screen shows from `self.app.book`."""

    # -- reading in a worker -------------------------------------------------------

    def read_later(self) -> None:
        """Run `read` in a worker thread; `show` receives its result on the UI thread."""
        self._reader(self.app.book.state, self.app.today, self.app.data_version,
                     self.record_key())

    def record_key(self) -> object:
        """The record this screen shows (a screen shown for one record after another)."""
        return None

    @work(thread=True, exclusive=True, group="read")
    def _reader(self, book: BookState, today: date, version: int, key: object) -> None:
        try:
            value = self.read(book, today)
        except Exception as exc:  # noqa: BLE001 — told on the UI thread, where it is handled
            value = exc
        self.post_message(self.Read(value, version, key))

    def read(self, book: BookState, today: date) -> object:
        """Read what the screen shows from one state of the book; runs in a worker thread, so
        it touches no widget, and no write can change that state under it."""
        raise NotImplementedError

    def show(self, value) -> None:
        """Put what `read` returned on screen (UI thread)."""

    def show_error(self, error: CarnetError) -> None:
        """`read` met a CarnetError (a record gone, a book changed)."""
        self.app.notify(str(error), severity="error")

    @on(Read)
    def _read_done(self, event: Read) -> None:
        event.stop()
        if event.version != self.app.data_version or event.key != self.record_key():
            return
        if isinstance(event.value, CarnetError):
            self.show_error(event.value)
        elif isinstance(event.value, Exception):
            self.read_failed(event.value)
        else:
            self.show(event.value)

    def read_failed(self, error: Exception) -> None:
        """`read` met an error no rule expected: told once (reading again on every change of
        the book would fail again); read again when next shown."""
        self._stale = True
        failure.tell(self.app, error)

    def action_back(self) -> None:
        """Leave a detail screen (never the last screen of a section)."""
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
