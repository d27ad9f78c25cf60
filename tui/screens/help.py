"""Every key of Carnet with what it does, as remapped by the user's keymap."""

from __future__ import annotations

from dataclasses import replace

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from store.i18n import _

from ..bindings import HELP, NAMED_KEYMAPS


def keys_table(app, area: str, bindings, ids: bool = False) -> Table:
    """One area's bindings: key, what it does, details (and each binding's id when asked)."""
    table = Table(title=_(area), title_justify="left", title_style="bold", box=None,
                  show_header=False, padding=(0, 1), expand=True)
    table.add_column("key", style="bold", width=7, no_wrap=True)
    table.add_column("does", width=20, no_wrap=True)
    if ids:
        table.add_column("id", style="dim italic", width=18, no_wrap=True)
    table.add_column("details", style="dim", ratio=1)
    for binding in bindings:
        key = app.keymap.keys.get(binding.id, binding.key)
        shown = ", ".join(app.get_key_display(replace(binding, key=k, key_display=None))
                          for k in key.split(","))
        cells = [shown, _(binding.description)] + ([binding.id] if ids else [])
        table.add_row(*cells, _(binding.tooltip))
    return table


class HelpScreen(ModalScreen[None]):
    """All bindings, area by area, with what they do; i shows their ids; Escape closes."""

    BINDINGS = HELP

    ids: reactive[bool] = reactive(False, init=False)
    """Show each binding's id (what a keymap file names)."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help", classes="modal-box"):
            yield Label(_("Keys"), classes="modal-title")
            for area, bindings in self.app.key_areas.items():
                yield Static(keys_table(self.app, area, bindings), classes="help-area")
            path = self.app.keymap.path
            if path is not None and path.parent != NAMED_KEYMAPS:
                hint = _('Remap any key by its id (i shows them) in {where}, e.g. '
                         '"order.postpone" = "P".').format(where=path)
            else:
                hint = _('Remap any key by its id (i shows them) in keymap.toml in the book\'s '
                         'folder, e.g. "order.postpone" = "P".')
            yield Static(Text(hint, style="dim"), id="help-keymap")

    def action_toggle_ids(self) -> None:
        self.ids = not self.ids

    def watch_ids(self, ids: bool) -> None:
        areas = self.query(".help-area").results(Static)
        for static, (area, bindings) in zip(areas, self.app.key_areas.items()):
            static.update(keys_table(self.app, area, bindings, ids=ids))
