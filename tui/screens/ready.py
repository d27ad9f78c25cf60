"""Record screens made once and shown again for every record: an order, a client.

Making a record's screen costs more than showing it (composing, styling and mounting it, then
~5,000 objects left to the collector when it closes). The app keeps one of each, made in a
quiet moment (tui/prepare.py). Opening a record points that screen at it, reads it in a
worker and pushes the screen once it is filled, so that it is painted once, with its data.
"""

from __future__ import annotations

from .base import BookScreen


class ReadyScreen(BookScreen):
    """A record's screen that can be pointed at another record and shown again."""

    pointed = True
    """It has a record to show (a screen made in advance has none until opened)."""
    waiting = False
    """Pointed at a record whose reading has not come back yet: pushed when it does."""

    def point_at(self, key: object) -> None:
        """Show `key`'s record: read it now, push this screen once it is on it."""
        self.pointed, self.waiting, self._stale = True, True, False
        self.aim(key)
        self.read_later()

    def aim(self, key: object) -> None:
        """Forget the record shown and take `key`'s (UI thread, before reading)."""
        raise NotImplementedError

    def read_ahead(self) -> None:
        if self.pointed:
            super().read_ahead()

    def appear(self) -> None:
        """The record is on screen (called by `show`): push the screen if it waits for it."""
        if self.waiting:
            self.waiting = False
            if self not in self.app.screen_stack:
                self.app.push_screen(self)

    def given_up(self) -> bool:
        """The record could not be read while waiting to be shown: not shown (the caller
        tells why). False when the screen is not waiting."""
        waiting, self.waiting = self.waiting, False
        return waiting
