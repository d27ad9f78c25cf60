"""Textual's own words in the interface's language: the palette's system commands and
placeholders, the Ctrl+C hint, the screenshot notices; and keys shown as their character."""

from __future__ import annotations

from collections.abc import Iterable

from rich.markup import escape
from textual import events, on
from textual.app import App, SystemCommand

from store.i18n import _

from .bindings import key_label
from .commands import CarnetPalette, system_commands


class LocalizedApp(App):
    """A Textual app whose built-in texts go through the interface's catalog."""

    def get_system_commands(self, screen) -> Iterable[SystemCommand]:
        yield from system_commands(self, screen)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CarnetPalette.is_open(self):
            self.push_screen(CarnetPalette(id="--command-palette",
                                           placeholder=_("Search for commands…")))

    def search_themes(self) -> None:
        from textual.theme import ThemeProvider

        self.push_screen(CarnetPalette(providers=[ThemeProvider],
                                       placeholder=_("Search for themes…")))

    def action_help_quit(self) -> None:
        """Ctrl+C does not quit: say which key does."""
        quits = [active.binding for active in self.active_bindings.values()
                 if active.binding.action in ("quit", "app.quit")]
        quits.sort(key=lambda binding: binding.id != "app.quit")
        if quits:
            key = escape(self.get_key_display(quits[0]))
            self.notify(_("Press [b]{key}[/b] to quit Carnet").format(key=key),
                        title=_("Do you want to quit?"))

    def get_key_display(self, binding) -> str:
        return key_label(super().get_key_display(binding))

    @on(events.DeliveryComplete)
    def _on_delivery_complete(self, event: events.DeliveryComplete) -> None:
        if event.name == "screenshot":
            event.prevent_default()
            self.notify(_("Saved: {path}").format(path=event.path or ""),
                        title=_("Screenshot"))

    @on(events.DeliveryFailed)
    def _on_delivery_failed(self, event: events.DeliveryFailed) -> None:
        if event.name == "screenshot":
            event.prevent_default()
            self.notify(_("The screenshot could not be saved."), title=_("Screenshot"),
                        severity="error")
