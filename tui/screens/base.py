"""The base of every screen that shows the book: it re-queries when the book changes."""

from __future__ import annotations

from textual.screen import Screen

from store.errors import CarnetError


class BookScreen(Screen):
    """A screen that re-reads the book on show and after every change while it is shown."""

    SECTION = ""
    """Shown in the header beside the date ("Clients", "Order 2026-014")."""

    _stale = True
    """The book changed since this screen last read it."""

    def on_mount(self) -> None:
        self.watch(self.app, "data_version", self._book_changed, init=False)

    def on_screen_resume(self) -> None:
        if self._stale and self.app.book is not None:
            self._stale = False
            try:
                self.reload()
            except CarnetError as exc:
                self.app.notify(str(exc), severity="error")
        self.sub_title = " · ".join(p for p in (self.section(), self.app.sub_title) if p)

    def section(self) -> str:
        """What the header names this screen."""
        return self.SECTION

    def _book_changed(self, _version: int) -> None:
        self._stale = True
        if self.is_current:
            self.on_screen_resume()

    def reload(self) -> None:
        """Re-read what this screen shows from `self.app.book`."""

    def action_back(self) -> None:
        """Leave a detail screen (never the last screen of a section)."""
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
