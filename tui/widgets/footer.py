"""The footer of every screen: Textual's, rebuilt only when the keys it shows change.

Textual's Footer recomposes (removes and mounts a widget per key) each time the screen
announces its bindings, which opening a screen does several times (mount, focus, resume).
"""

from __future__ import annotations

from textual.widgets import Footer


class KeyFooter(Footer):
    """The screen's keys, with descriptions; recomposed only when they differ from those shown."""

    _shown: tuple | None = None
    """The keys last composed, as compared by `_keys`."""

    def _keys(self) -> tuple:
        """What the footer would show now: the shown bindings (and the palette's), their state
        and their key's label; hidden bindings coming and going (a table's arrows) change nothing."""
        if not self._bindings_ready:
            return ()
        display, palette = self.app.get_key_display, self.app.COMMAND_PALETTE_BINDING
        return tuple((key, active.binding, active.enabled, active.tooltip,
                      display(active.binding))
                     for key, active in self.screen.active_bindings.items()
                     if active.binding.show or key == palette)

    async def recompose(self) -> None:
        if self.is_attached:
            keys = self._keys()
            if keys == self._shown:
                return
            self._shown = keys
        await super().recompose()
