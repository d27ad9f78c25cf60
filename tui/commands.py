"""The command palette: every action of Carnet by what it does, in the interface's language."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from functools import partial

from rich.align import Align
from rich.text import Text
from textual.app import SystemCommand
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.screen import ModalScreen
from textual.widgets.option_list import Option

from store.i18n import LANGUAGES, N_, _, language
from store.models import LETTER_KINDS

from . import failure
from .bindings import APP

Command = tuple[str, Callable, str]
"""What the palette shows, what it runs, and its help line."""

HIDDEN = {"nav.back", "app.palette", "list.leave_search", "help.close", "app.quit"}
"""Bindings the palette leaves out (quitting is one of the system commands)."""

LETTER_COMMANDS = {
    "apology": (N_("Letter: apology"), N_("Compose the letter of apology")),
    "follow-up": (N_("Letter: follow-up"), N_("Compose the follow-up letter")),
    "summary": (N_("Letter: summary"), N_("Compose the summary of the document")),
    "thanks": (N_("Letter: thanks"), N_("Compose the letter of thanks")),
    "scope": (N_("Letter: scope reminder"), N_("Compose the reminder of the agreed scope")),
    "feedback": (N_("Letter: feedback request"), N_("Compose the request for feedback")),
}
"""Each letter kind's command and help line (msgids)."""

LANGUAGE_COMMANDS = {
    "fr": (N_("Language: français"), N_("Show Carnet in French, from now on")),
    "en": (N_("Language: English"), N_("Show Carnet in English, from now on")),
}
"""The command that puts each interface language in force, and its help line (msgids)."""


class CarnetCommands(Provider):
    """The app's sections, the current screen's actions and the letters it can write."""

    def _bindings(self, node, bindings) -> list[Command]:
        return [(_(b.description), partial(node.run_action, b.action), _(b.tooltip))
                for b in bindings if b.id and b.id not in HIDDEN]

    def commands(self) -> list[Command]:
        """Everything that makes sense on the screen the palette was opened from."""
        app, screen = self.app, self.screen
        if getattr(app, "book", None) is None:
            return []
        from .dialogs import new_client, new_order  # the forms load after start-up

        found = self._bindings(screen, getattr(screen, "BINDINGS", []))
        found += self._bindings(app, APP)
        found += [(_("New client"), partial(app.open_dialog, new_client), _("Add a client")),
                  (_("New order"), partial(app.open_dialog, new_order, None),
                   _("Take an order")),
                  (_("Kaizen charts"), app.open_trends,
                   _("On time, delay, revenue, repeat clients and segments, month by month"))]
        found += self._book_commands(app)
        found += self._letter_commands(app, screen)
        if not isinstance(screen, ModalScreen):
            found += [(_(name), partial(app.switch_language, lang), _(help_text))
                      for lang, (name, help_text) in LANGUAGE_COMMANDS.items()
                      if lang in LANGUAGES and lang != language()]
        unique = {}
        for name, run, help_text in found:
            unique.setdefault(name, (name, partial(failure.guarded, app, run), help_text))
        return list(unique.values())

    def _letter_commands(self, app, screen) -> list[Command]:
        """The letters the screen's order or client can have."""
        ref = getattr(screen, "ref", None)
        client_id = getattr(screen, "client_id", None)
        if not ref and client_id is None:
            return []
        from letters.draft import NEEDS_ORDER  # the letters package loads ReportLab: not at start
        kinds = [k for k in LETTER_KINDS if ref or k not in NEEDS_ORDER]
        return [(_(LETTER_COMMANDS[kind][0]), partial(app.open_letter, kind, ref, client_id),
                 _(LETTER_COMMANDS[kind][1])) for kind in kinds if kind in LETTER_COMMANDS]

    def _book_commands(self, app) -> list[Command]:
        """Backup and exports, written into the book's folder by a worker (tui/filing.py)."""
        from store.exchange.folder import EXPORTS

        moment = datetime.combine(app.today, datetime.now().time())
        found = [(_("Back up the book"), app.back_up_book, _("A timestamped copy in backups/"))]
        found += [(_("Export: {what}").format(what=_(label)),
                   partial(app.export_book, name, moment),
                   _("Write {what} into the book's exports/ folder").format(what=_(label)))
                  for name, (label, _suffix, _build) in EXPORTS.items()]
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


def system_commands(app, screen) -> Iterable[SystemCommand]:
    """Textual's own commands (theme, keys, maximize, screenshot, quit), translated."""
    yield SystemCommand(_("Theme"), _("Change the colours (Carnet remembers the choice)"),
                        app.action_change_theme)
    yield SystemCommand(_("Quit"), _("Close the book and leave Carnet"), app.action_quit)
    yield SystemCommand(_("Keys"), _("Every key and what it does"), app.action_help)
    if screen.maximized is not None:
        yield SystemCommand(_("Minimize"), _("Give the maximized widget its place back"),
                            screen.action_minimize)
    elif screen.focused is not None and screen.focused.allow_maximize:
        yield SystemCommand(_("Maximize"), _("Show the focused widget alone, full screen"),
                            screen.action_maximize)
    yield SystemCommand(_("Screenshot"), _("Save an SVG picture of the screen"),
                        lambda: app.set_timer(0.1, app.deliver_screenshot))


class CarnetPalette(CommandPalette):
    """Textual's command palette, its "No matches found" in the interface's language."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual 8.2.8's (pinned), but for the translated line.
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(Option(
                    Align.center(Text(_("No matches found"), style="not bold")),
                    disabled=True, id=self._NO_MATCHES))
            self._list_visible = bool(search_value)

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
