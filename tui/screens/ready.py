"""Record screens made once and shown again for every record: an order, a client.

Making a record's screen costs more than showing it (composing, styling and mounting it, then
~5,000 objects left to the collector when it closes). The app keeps one of each, made in a
quiet moment (tui/prepare.py). Opening a record points that screen at it, reads it (in a
worker where reading is slow) and pushes the screen once it is filled, so that it is painted
once, with its data.
"""

from __future__ import annotations

from .base import BookScreen


NOTHING = object()
"""No record shown yet."""


class ReadyScreen(BookScreen):
    """A record's screen that can be pointed at another record and shown again."""

    SHOWN_AS_LEFT = True
    """A record opened again, unchanged, shows the screen as it was left (a letter, whose
    wording the user may have edited, is composed afresh instead)."""
    READ_AHEAD = False
    """Read as soon as made (a screen of the whole book, such as the charts, has no record to
    wait for)."""
    made = True
    """Composed, mounted and laid out (a screen made in advance: once its making is done)."""
    pointed = True
    """It has a record to show (a screen made in advance has none until opened)."""
    waiting = False
    """Pointed at a record whose reading has not come back yet: pushed when it does."""
    key: object = None
    """The record pointed at."""
    shown_key: object = NOTHING
    """The record on screen, as of the book's last reading."""
    asked_from: tuple = ()
    """The screen and section shown when the record was asked for: if the user has left
    them by the time it is read, the record is not pushed over wherever she went."""

    def point_at(self, key: object) -> None:
        """Show `key`'s record: at once if it is on screen and the book has not changed since,
        else read it now and push this screen once it is on it."""
        if self.SHOWN_AS_LEFT and self.pointed and key == self.shown_key and not self._stale:
            self.app.push_screen(self)
            return
        self.pointed, self.waiting, self._stale = True, True, False
        self.key, self.shown_key = key, NOTHING
        self.asked_from = self._where_the_user_is()
        self.aim(key)
        self.reload()

    def record_key(self) -> object:
        return self.key

    def _where_the_user_is(self) -> tuple:
        return self.app.screen, self.app.current_mode

    def aim(self, key: object) -> None:
        """Forget the record shown and take `key`'s (UI thread, before reading)."""

    def read_ahead(self) -> None:
        if self.pointed:
            super().read_ahead()

    def warm_up(self) -> None:
        """Do now, in a quiet moment, what showing the first record would pay for once
        (nothing by default); off the UI thread, touching no widget."""

    def _book_changed(self, version: int) -> None:
        super()._book_changed(version)
        if self.waiting:
            self._stale = False
            self.reload()

    def appear(self) -> None:
        """The record is on screen (called by `show`, or by a `reload` that reads on the UI
        thread): push the screen if it waits for it."""
        self.shown_key = self.key
        if self.waiting:
            self.waiting = False
            if self not in self.app.screen_stack \
                    and self.asked_from == self._where_the_user_is():
                self.app.push_screen(self)

    def show_error(self, error) -> None:
        self.given_up()
        super().show_error(error)

    def read_failed(self, error: Exception) -> None:
        self.given_up()
        super().read_failed(error)

    def given_up(self) -> bool:
        """The record could not be read while waiting to be shown: not shown (the caller
        tells why). False when the screen is not waiting."""
        waiting, self.waiting = self.waiting, False
        self.shown_key = NOTHING
        return waiting
