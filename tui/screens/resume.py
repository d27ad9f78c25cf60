"""Showing a screen again without restyling every widget it holds.

Textual restyles a screen's whole tree each time it is shown again (ScreenResume with
`refresh_styles`): 0.2 s for the profile's form of 30 fields, on every switch to it. The
styles only change with the theme or the stylesheet, and then `App.switch_mode` re-applies
them (`refresh_css`, counted by `_css_update_count`); otherwise the restyling is skipped. A
screen pushed for the first time was styled as it mounted, just before: it is skipped too.
"""

from __future__ import annotations

from textual import events

from .prompt import PromptPaint


NEVER_REFRESHED = -1
"""Textual's count on a screen pushed (not switched to): styled as it mounted, moments ago."""


class QuickResume(PromptPaint):
    """A screen shown again keeps its styles unless the stylesheet changed meanwhile."""

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        if self._css_update_count == NEVER_REFRESHED:
            self._css_update_count = self.app._css_update_count
        if self._css_update_count == self.app._css_update_count:
            event.refresh_styles = False
        else:
            self._css_update_count = self.app._css_update_count
            """Restyled by Textual as this event is handled: not again until the next change."""
