"""Painting a change as soon as it is made, still in batches when changes keep coming.

Textual paints a screen on the ticks of an update timer (60 a second) that is paused while
nothing changes. Resumed, it waits for its next tick, and after a long paint it skips one:
a key pressed after a quiet moment waited 15–33 ms for a paint that had nothing to wait for
(the opening of a client on a 20-year book waited twice, 40 ms of its 150). Here a screen
that falls idle with something to paint paints at once if its last paint is `LEAST_GAP` old,
or when that gap ends.
"""

from __future__ import annotations

import time

from textual import events
from textual.screen import UPDATE_PERIOD, Screen
from textual.timer import Timer

LEAST_GAP = UPDATE_PERIOD / 4
"""Seconds between two paints at least: changes that keep coming (a worker's progress, keys
held down) are painted in batches, not one by one."""


class PromptPaint(Screen):
    """A screen that paints what changed when it falls idle, at most once every `LEAST_GAP`."""

    _painted_at = 0.0
    """When this screen last laid out or painted (time.monotonic)."""
    _resumed = False
    """On top and told so (ScreenResume handled): a screen just pushed is not painted until
    then (its widgets have not all asked for their new layout yet: it would be painted
    twice)."""
    _paint_timer: Timer | None = None
    """The paint waiting for the end of the gap, if one is."""

    def _to_paint(self) -> bool:
        """On top, something to lay out or paint, and nothing holding it back (a screen seen
        under a dialog is left to Textual's timer)."""
        return (self.app.screen is self and not self.app._batch_count
                and bool(self._layout_required or self._scroll_required
                         or self._repaint_required or self._dirty_widgets))

    def _on_screen_resume(self) -> None:
        self._resumed = True

    def _on_screen_suspend(self) -> None:
        self._resumed = False

    async def _on_idle(self, event: events.Idle) -> None:
        if not self._to_paint():
            await super()._on_idle(event)
            return
        event.prevent_default()
        if not self._resumed:
            return
        wait = LEAST_GAP - (time.monotonic() - self._painted_at)
        if wait <= 0 and not self._widgets_to_report():
            self._paint()
        elif self._paint_timer is None:
            self._paint_timer = self.set_timer(max(wait, LEAST_GAP), self._end_of_gap)

    def _widgets_to_report(self) -> bool:
        """Some widget changed and has not yet told the screen (it does when it next idles,
        and the screen idles again after): painting now would paint the screen twice."""
        return any((widget._layout_required or widget._repaint_required
                    or widget._scroll_required) and widget._is_mounted and not widget._closing
                   for widget in self.walk_children())

    def _end_of_gap(self) -> None:
        self._paint_timer = None
        if self._to_paint():
            self._paint()

    def _paint(self) -> None:
        """Lay out and paint now, then idle again (what waits for the paint runs then)."""
        self._on_timer_update()
        self.check_idle()

    def _on_timer_update(self) -> None:
        self._painted_at = time.monotonic()
        super()._on_timer_update()
