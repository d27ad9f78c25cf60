"""The screens and forms start-up leaves out, imported in a quiet moment; the keys they bring.

Their bindings sit beside their classes (tui/bindings.py has those of start-up): the help lists
them, and the keymap is checked against them, once they are imported.
"""

from __future__ import annotations

import time

from textual import events, on, work
from textual.app import App
from textual.binding import Binding
from textual.message import Message
from textual.timer import Timer

from store.i18n import N_, _

from .bindings import AREAS, Keymap, known_ids, unknown_ids
from .screens.help import HelpScreen

PRELOAD_WHEN_QUIET = 1.0
"""Seconds without a key, a click or a screen shown before the letter and form modules are
imported (~0.2 s of CPU, ReportLab mostly: it would slow whatever the user just asked for)."""


def later_areas() -> dict[str, list[Binding]]:
    """The bindings of the forms and screens start-up leaves out, by area name (a msgid,
    translated where shown); importing them is the preloading."""
    from .dialogs import ConfirmDialog, FormDialog
    from .screens.journal import JournalScreen
    from .screens.letter import LetterScreen
    from .screens.loyalty import LoyaltyScreen
    from .screens.profile import ProfileScreen
    from .screens.recovery import RecoveryScreen
    from .screens.welcome import WelcomeScreen

    owners = {
        N_("Forms"): FormDialog, N_("Confirmation"): ConfirmDialog,
        N_("Recovery plan"): RecoveryScreen, N_("Letter"): LetterScreen,
        N_("Loyalty"): LoyaltyScreen, N_("Journal"): JournalScreen,
        N_("Profile"): ProfileScreen, N_("Welcome"): WelcomeScreen,
    }
    return {area: [b for b in owner.BINDINGS if isinstance(b, Binding) and b.id]
            for area, owner in owners.items()}


class Preloading(App):
    """Imports the later screens once the user pauses, and lists their keys in the help."""

    key_areas: dict[str, list[Binding]]
    keymap: Keymap
    last_activity = 0.0
    """`time.monotonic()` of the last key, click or screen shown."""
    _quiet_watch: Timer

    def start_preloading(self) -> None:
        """Watch for a quiet moment from now on."""
        self.screen_change_signal.subscribe(self, lambda _screen: self.note_activity())
        self._quiet_watch = self.set_interval(PRELOAD_WHEN_QUIET / 4, self._preload_when_quiet)

    def note_activity(self) -> None:
        """The user just did something: background imports wait for a quiet moment."""
        self.last_activity = time.monotonic()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown)):
            self.note_activity()
        await super().on_event(event)

    def _preload_when_quiet(self) -> None:
        if time.monotonic() - self.last_activity >= PRELOAD_WHEN_QUIET:
            self._quiet_watch.stop()
            self._preload()

    class Preloaded(Message):
        """The letter, journal, profile and form modules are imported; their bindings by area."""

        def __init__(self, areas: dict[str, list[Binding]]) -> None:
            super().__init__()
            self.areas = areas

    @work(thread=True, group="preload")
    def _preload(self) -> None:
        """Import the heavier screens (PDF layout, templates) in a quiet moment, off the UI."""
        self.post_message(self.Preloaded(later_areas()))

    @on(Preloaded)
    def _preloaded(self, event: Preloaded) -> None:
        self.key_areas = {**AREAS, **event.areas}
        for problem in unknown_ids(self.keymap, known_ids(self.key_areas)):
            self.notify(problem, title=_("Keymap"), severity="warning", timeout=10)
        self.modules_preloaded()

    def modules_preloaded(self) -> None:
        """The later modules are imported: what comes next in a quiet moment starts here."""

    def action_help(self) -> None:
        """Every key and what it does, the later screens' included (imported now if need be)."""
        if len(self.key_areas) == len(AREAS):
            self._preloaded(self.Preloaded(later_areas()))
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())
