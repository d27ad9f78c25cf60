"""The sections' screens, built before they are asked for, one per quiet moment.

Textual composes, styles and lays out a screen the first time it is shown: on a 20-year book
that was 0.2–0.6 s, paid at the key press. Once the user pauses, each section not yet shown is
built off the stack, laid out at the terminal's size and given its data, so that the first
switch to it costs what a second one does. Building a mode's screen off the stack takes the
steps Textual takes for a mode's first screen (`_register`, `_load_screen_css`, the mode's
stack): Textual is pinned to one version (pyproject.toml), and the TUI tests cover these steps.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from textual.app import App
from textual.await_complete import AwaitComplete
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import AwaitMount
from textual.worker import WorkerError

from . import failure, memory
from .screens.base import BookScreen
from .screens.ready import ReadyScreen
from .widgets.footer import KeyFooter

PREPARE_WHEN_QUIET = 0.5
"""Seconds without a key or a click before the next section is built (~0.1–0.3 s of CPU)."""
PREPARE_STEP = 0.1
"""Seconds between checks for a quiet moment while sections remain to be built."""
HANDLED_WITHIN = 5.0
"""Seconds a screen being made may take to handle what is queued for it; a widget whose
handler failed handles nothing more, and its making is then given up."""


def ready_screens() -> dict[str, Callable[[], ReadyScreen]]:
    """The record screens made in advance and shown again for every record, by kind."""
    from .screens.clients import ClientScreen
    from .screens.orders import OrderScreen
    from .screens.letter import LetterScreen
    from .screens.recovery import RecoveryScreen
    from .screens.trends import TrendsScreen
    return {"order": lambda: OrderScreen(""), "client": lambda: ClientScreen(0),
            "trends": TrendsScreen, "plan": lambda: RecoveryScreen(0), "letter": LetterScreen}


class Preparing(App):
    """Builds each section's screen in a quiet moment, and tells when all are built."""

    last_activity: float
    screens_prepared = False
    """True once every section's screen is built (or there is no book to show), and what lives
    frozen (tui/memory.py) if only long-lived screens are shown."""
    _preparing = False
    _freeze_watch: Timer | None = None
    _frozen_at = 0.0
    """`time.monotonic()` of the last freeze of what lives (tui/memory.py)."""
    _making: Screen | None = None
    """The screen being made in advance, while it composes, mounts and reads."""
    _making_failed = False
    """An error was met while making `_making`: it is thrown away, never shown."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.ready: dict[str, ReadyScreen] = {}
        """The record screens made in advance, by kind ("order", "client", "plan", "letter"…)."""
        self.making_screens = asyncio.Lock()
        """Held while a screen is made in advance: what drops or remakes screens (a language
        switch, quitting) holds it too, so that it never pulls a screen from under its making."""
        self.unmakeable: set[str] = set()
        """Sections and record kinds whose making failed once: made when asked for instead."""

    def prepare_sections(self) -> None:
        """From now on, build the sections not yet built, one per quiet moment."""
        self.screens_prepared = False
        if not self._preparing:
            self._preparing = True
            self.set_timer(PREPARE_STEP, self._prepare_next)
        if self._freeze_watch is None:
            self._freeze_watch = self.set_interval(memory.FREEZE_WHEN_QUIET / 2,
                                                   self._freeze_when_quiet)

    def _freeze_when_quiet(self) -> None:
        if self.screens_prepared and memory.worth_freezing(
                self.last_activity, self._frozen_at, self._only_long_lived_shown()):
            memory.collect_quietly()
            self._frozen_at = time.monotonic()

    def _freeze(self) -> None:
        memory.freeze_what_lives()
        self._frozen_at = time.monotonic()

    def _only_long_lived_shown(self) -> bool:
        """Every screen on the stack lives as long as the app: a section's or a ready one."""
        return all(screen in self.ready.values()
                   for stack in self._screen_stacks.values() for screen in stack[1:])

    def sections_to_prepare(self) -> list[str]:
        """The sections whose screen is not built yet, in the order they are listed."""
        return [mode for mode in self.MODES if mode in self._modes
                and mode not in self._screen_stacks and mode not in self.unmakeable]

    def records_to_prepare(self) -> list[str]:
        """The kinds of record screen not made yet."""
        return [kind for kind in ready_screens()
                if kind not in self.ready and kind not in self.unmakeable]

    async def _prepare_next(self) -> None:
        async with self.making_screens:
            more = await self._prepare_one()
        if more:
            self.set_timer(PREPARE_STEP, self._prepare_next)

    async def _prepare_one(self) -> bool:
        """Make the next screen if the user is quiet; False once there is none left to make."""
        if getattr(self, "book", None) is None or not self.is_running:
            sections, records = [], []
        else:
            sections, records = self.sections_to_prepare(), self.records_to_prepare()
        if not sections and not records:
            self._preparing, self.screens_prepared = False, True
            if self.is_running and self._only_long_lived_shown():
                self._freeze()
            return False
        if time.monotonic() - self.last_activity >= PREPARE_WHEN_QUIET:
            name = sections[0] if sections else records[0]
            self._making_failed = False
            try:
                await (self.prepare_section(name) if sections else self.prepare_record(name))
            except Exception as error:  # noqa: BLE001 — a head start must never end the app
                self._making_failed = True
                failure.report(self, error)
            if self._making_failed:
                self._throw_away(name, section=bool(sections))
            self._making = None
        return True

    def making_failed(self, error: Exception) -> bool:
        """Whether `error` was met while a screen was made in advance: then it is reported,
        that screen thrown away, and the app goes on."""
        if self._making is None or failure.debugging():
            return False
        self._making_failed = True
        failure.report(self, error)
        return True

    def _throw_away(self, name: str, section: bool) -> None:
        """Forget a screen whose making failed; that section or kind is made when asked for."""
        self.unmakeable.add(name)
        if section:
            screen = self._screen_stacks.pop(name, [None])[0]
        else:
            screen = self.ready.pop(name, None)
            if screen is not None:
                self.uninstall_screen(f"ready-{name}")
        if screen is not None and screen.is_attached and not self._stacked(screen):
            screen.remove()

    def open_ready(self, kind: str, key: object) -> bool:
        """Show `key`'s record on the screen made in advance for `kind`; False when there is
        none free (not made yet, or already on the stack): the caller makes one."""
        screen = self.ready.get(kind)
        if screen is None or not screen.made or not screen.is_attached or self._stacked(screen):
            return False
        screen.point_at(key)
        return True

    def _stacked(self, screen: Screen) -> bool:
        """Whether `screen` is on a stack: the current section's or another's."""
        return any(screen in stack for stack in self._screen_stacks.values())

    def drop_ready(self) -> None:
        """Forget the record screens made in advance (made again in the next quiet moment)."""
        ready, self.ready = self.ready, {}
        for kind, screen in ready.items():
            self.uninstall_screen(f"ready-{kind}")
            if not self._stacked(screen):
                screen.remove()

    def prepare_record(self, kind: str) -> AwaitComplete:
        """Make `kind`'s record screen now, off the stack, pointed at no record yet."""
        screen = self._making = ready_screens()[kind]()
        screen.pointed, screen.made = screen.READ_AHEAD, False
        self.ready[kind] = screen
        self.install_screen(screen, f"ready-{kind}")
        widgets = self._register(self, screen)
        self._load_screen_css(screen)
        screen._css_update_count = self._css_update_count
        return AwaitComplete(self._finish_preparing(screen, widgets))

    def prepare_section(self, mode: str) -> AwaitComplete:
        """Build `mode`'s screen now, off the stack: composed, styled, laid out, its data read
        and its lines rendered once (Textual keeps them until they change)."""
        screen = self._making = self._modes[mode]()
        widgets = self._register(self, screen)
        self._screen_stacks[mode] = [screen]
        self._load_screen_css(screen)
        screen._css_update_count = self._css_update_count
        return AwaitComplete(self._finish_preparing(screen, widgets))

    async def _finish_preparing(self, screen: Screen, widgets: list) -> None:
        await AwaitMount(screen, widgets)
        await _composed(screen)
        if self._making_failed or not self.is_running or not screen.is_attached \
                or screen.is_current:
            return
        screen._update_auto_focus()
        for footer in screen.query(KeyFooter):
            footer.refresh(recompose=True)
        await _handled(screen)
        screen._refresh_layout(self.size)
        if isinstance(screen, BookScreen):
            screen.read_ahead()
        if isinstance(screen, ReadyScreen):
            screen.warm_up()
            screen.made = True
        for reader in [worker for worker in self.workers if worker.node is screen]:
            try:
                await reader.wait()
            except WorkerError:
                pass
        await _handled(screen)
        if not self._making_failed and self.is_running and screen.is_attached \
                and not screen.is_current:
            screen._refresh_layout(self.size)
            screen._compositor.render_full_update()


async def _composed(screen: Screen, rounds: int = 50) -> None:
    """Wait until every widget of the screen is mounted, nested containers' included (a
    container composes its children once it is mounted itself)."""
    count = -1
    for _ in range(rounds):
        nodes = len(list(screen.walk_children(with_self=True)))
        if nodes == count:
            return
        count = nodes
        await _handled(screen)


async def _handled(screen: Screen) -> None:
    """Wait until the screen and its widgets have handled what is queued for them."""
    pending = []
    for node in screen.walk_children(with_self=True):
        done = asyncio.Event()
        if node.call_later(done.set):
            pending.append(done.wait())
    try:
        await asyncio.wait_for(asyncio.gather(*pending), HANDLED_WITHIN)
    except TimeoutError:
        if not screen.app._making_failed:
            screen.app.making_failed(TimeoutError(f"{type(screen).__name__} did not mount"))
