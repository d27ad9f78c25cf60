"""The command palette: every action of Carnet as "area: verb" ("order: postpone")."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from store.models import LETTER_KINDS

from . import failure
from .bindings import APP

Command = tuple[str, Callable, str]
"""What the palette shows, what it runs, and its help line."""

HIDDEN = {"nav.back", "app.palette", "list.leave_search", "help.close"}


def command_name(binding_id: str) -> str:
    """'order.postpone' → 'order: postpone'; 'go.clients' → 'go: clients'."""
    area, _, verb = binding_id.partition(".")
    return f"{area}: {verb.replace('_', ' ')}"


class CarnetCommands(Provider):
    """The app's sections, the current screen's actions and the letters it can write."""

    def _bindings(self, node, bindings) -> list[Command]:
        return [(command_name(b.id), partial(node.run_action, b.action), b.tooltip)
                for b in bindings if b.id and b.id not in HIDDEN]

    def commands(self) -> list[Command]:
        """Everything that makes sense on the screen the palette was opened from."""
        app, screen = self.app, self.screen
        if getattr(app, "book", None) is None:
            return []
        found = self._bindings(screen, getattr(screen, "BINDINGS", []))
        found += self._bindings(app, APP)
        found += [("client: new", partial(app.call_dialog, "new_client"), "Add a client"),
                  ("order: new", partial(app.call_dialog, "new_order", None), "Take an order"),
                  ("kaizen: charts", partial(app.push_section_screen, "TrendsScreen"),
                   "On time, delay, revenue, repeat clients and segments, month by month")]
        found += self._book_commands(app)
        ref = getattr(screen, "ref", None)
        client_id = getattr(screen, "client_id", None)
        if ref or client_id is not None:
            from letters.draft import NEEDS_ORDER  # the letters package loads ReportLab: not at start
            kinds = [k for k in LETTER_KINDS if ref or k not in NEEDS_ORDER]
            found += [(f"letter: {kind}", partial(app.open_letter, kind, ref, client_id),
                       f"Compose a {kind} letter") for kind in kinds]
        unique = {}
        for name, run, help_text in found:
            unique.setdefault(name, (name, partial(failure.guarded, app, run), help_text))
        return list(unique.values())

    def _book_commands(self, app) -> list[Command]:
        """Backup and exports, written into the book's folder; the path is notified."""
        from store.exchange.folder import EXPORTS, export_to_folder

        def saved(path) -> str:
            return f"Saved: {path}"
        moment = datetime.combine(app.today, datetime.now().time())
        found = [("book: backup", partial(app.run_action_safely, app.book.files.backup,
                                          success=saved), "A timestamped copy in backups/")]
        found += [(f"export: {label}", partial(app.run_action_safely, export_to_folder,
                                               app.book, name, moment, success=saved),
                   f"Write {label} into the book's exports/ folder")
                  for name, (label, _, _) in EXPORTS.items()]
        return found

    async def discover(self) -> Hits:
        for name, run, help_text in self.commands():
            yield DiscoveryHit(name, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, run, help_text in self.commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), run, help=help_text)
