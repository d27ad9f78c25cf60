"""Every key of Carnet with what it does, as remapped by the user's keymap."""

from __future__ import annotations

from dataclasses import replace

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from ..bindings import HELP, KEYMAP_FILE


def keys_table(app, area: str, bindings) -> Table:
    """One area's bindings: key, what it does, and why you would press it."""
    table = Table(title=area, title_justify="left", title_style="bold", box=None,
                  show_header=False, padding=(0, 1), expand=True)
    table.add_column("key", style="bold", width=7, no_wrap=True)
    table.add_column("does", width=13, no_wrap=True)
    table.add_column("id", style="dim italic", width=18, no_wrap=True)
    table.add_column("why", style="dim", ratio=1)
    for binding in bindings:
        key = app.keymap.keys.get(binding.id, binding.key)
        shown = ", ".join(app.get_key_display(replace(binding, key=k, key_display=None))
                          for k in key.split(","))
        table.add_row(shown, binding.description, binding.id, binding.tooltip)
    return table


class HelpScreen(ModalScreen[None]):
    """All bindings, area by area, with their descriptions; Escape closes."""

    BINDINGS = HELP

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help", classes="modal-box"):
            yield Label("Keys", classes="modal-title")
            for area, bindings in self.app.key_areas.items():
                yield Static(keys_table(self.app, area, bindings), classes="help-area")
            where = self.app.keymap.path or f"{KEYMAP_FILE} in the book's folder"
            yield Static(Text.assemble(
                ("Remap any key by its id in ", "dim"), str(where), (", e.g. ", "dim"),
                '"order.postpone" = "P"', (".", "dim")), id="help-keymap")
