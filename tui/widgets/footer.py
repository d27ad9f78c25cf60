"""The footer of every screen: the keys that fit, translated, with Help and the palette always.

Modelled on Textual 8.2.8's Footer.compose, with three differences: descriptions and tooltips
are msgids translated when shown; the keys that do not fit the width are left out whole
(they stay in the palette and the help screen) instead of being cut; Help and the palette key
are kept at the right end whatever the width. It recomposes only when what it would show
changes (opening a screen announces its bindings several times: mount, focus, resume).
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from store.i18n import _

HELP_ACTION = "help"
"""The action whose key the footer never leaves out."""

KEY_PADDING = 3
"""Cells a footer key takes beside its key and description (" k " and a trailing space)."""

GAP = 1
"""Cells at least between the keys that fit and Help."""

PALETTE_PADDING = 3
"""The palette key's: compact (as in Textual's footer), with a border and a right padding."""


class FooterSpace(Widget):
    """The room between the keys that fit and Help, at the right end."""

    DEFAULT_CSS = "FooterSpace { width: 1fr; height: 1; }"

    def render(self) -> str:
        return ""


class KeyFooter(Footer):
    """The screen's keys that fit, translated; recomposed only when that changes."""

    _shown: tuple | None = None
    """What was last composed, as compared by `_keys`."""

    def _keys(self) -> tuple:
        """What the footer would show now: the keys that fit, Help, the palette key, with
        their state, their key's label and the language's text."""
        if not self._bindings_ready:
            return ()
        keys, pinned = self._candidates()
        room = (self.size.width or self.app.size.width) - sum(_width(key) for key in pinned)
        fitting = []
        for key in keys:
            room -= _width(key)
            if room < GAP:
                break
            fitting.append(key)
        return tuple(fitting), tuple(pinned)

    def _candidates(self) -> tuple[list[tuple], list[tuple]]:
        """The shown keys, one per action in the screen's order; and Help and the palette's."""
        display, palette = self.app.get_key_display, self.app.COMMAND_PALETTE_BINDING
        keys, help_key, palette_key, actions = [], [], [], set()
        for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items():
            shown = (binding.key, display(binding), _(binding.description), binding.action,
                     enabled, _(tooltip or binding.tooltip or binding.description))
            if key == palette:
                if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
                    palette_key = [shown + ("-command-palette",)]
            elif binding.show and binding.action not in actions:
                actions.add(binding.action)
                target = help_key if binding.action == HELP_ACTION else keys
                target.append(shown + ("-help" if target is help_key else "",))
        return keys, help_key + palette_key

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        fitting, pinned = self._shown = self._keys()
        for key in fitting:
            yield _footer_key(key)
        yield FooterSpace()
        for key in pinned:
            yield _footer_key(key)

    async def recompose(self) -> None:
        if self.is_attached and self._keys() == self._shown:
            return
        await super().recompose()

    def on_resize(self) -> None:
        if self._bindings_ready and self._keys() != self._shown:
            self.call_after_refresh(self.recompose)


def _width(key: tuple) -> int:
    """Cells one key takes in the footer."""
    return cell_len(key[1]) + cell_len(key[2]) + (
        PALETTE_PADDING if key[6] == "-command-palette" else KEY_PADDING)


def _footer_key(key: tuple) -> FooterKey:
    """The widget of one key: (key, label, description, action, enabled, tooltip, classes)."""
    name, label, description, action, enabled, tooltip, classes = key
    widget = FooterKey(name, label, description, action, disabled=not enabled, tooltip=tooltip,
                       classes=classes)
    if classes == "-command-palette":
        return widget
    return widget.data_bind(compact=Footer.compact)
