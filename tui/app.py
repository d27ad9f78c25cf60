"""CarnetApp: opens one book, switches between its sections, owns every change to it.

Screens and dialogs change the book only through `run_action_safely`, which turns a
CarnetError into one notification and tells every screen to re-read the book. Every text it
shows is in the interface's language (store/i18n.py), chosen once the book's profile is known.
"""

from __future__ import annotations

import inspect
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from babel.dates import format_date
from textual import events, on, work
from textual.message import Message
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widgets import Input, TextArea
from textual.worker import WorkerFailed

from store.book import Book
from store.config import Config
from store.errors import BookLocked, CarnetError
from store.i18n import _, babel_locale
from store.invoicing import document

from . import failure, memory, preferences, wiring
from .bindings import APP, AREAS, Keymap, known_ids, load_keymap, unknown_ids
from .commands import CarnetCommands
from .localized import LocalizedApp
from .screens.book_problem import BookProblemScreen
from .screens.clients import ClientScreen, ClientsScreen
from .screens.dashboard import DashboardScreen
from .screens.help import HelpScreen
from .screens.orders import OrderScreen, OrdersScreen


PRELOAD_WHEN_QUIET = 1.0
"""Seconds without a key, a click or a screen shown before the letter and form modules are
imported (~0.2 s of CPU, ReportLab mostly: it would slow whatever the user just asked for)."""


def _b_screen(name: str) -> Callable:
    """A mode factory for a section screen looked up by name (journal, profile)."""
    return lambda: wiring.screen(name)()


class CarnetApp(LocalizedApp):
    """The order book in the terminal: dashboard, clients, orders, loyalty, journal, money."""

    CSS_PATH = ["carnet.tcss", "dialogs.tcss"]
    TITLE = "Carnet"
    BINDINGS = APP
    COMMANDS = LocalizedApp.COMMANDS | {CarnetCommands}
    MODES = {
        "dashboard": DashboardScreen, "clients": ClientsScreen, "orders": OrdersScreen,
        "loyalty": _b_screen("LoyaltyScreen"), "journal": _b_screen("JournalScreen"),
        "profile": _b_screen("ProfileScreen"), "money": _b_screen("MoneyScreen"),
    }
    SECTIONS = {"loyalty": "LoyaltyScreen", "journal": "JournalScreen",
                "profile": "ProfileScreen", "money": "MoneyScreen"}

    data_version: reactive[int] = reactive(0, init=False)
    """Bumped after every change to the book; screens watch it to re-read."""

    def __init__(self, data_dir: Path | str, today: date, read_only: bool = False):
        super().__init__()
        self.data_dir = Path(data_dir)
        """The folder of the book this app opened first."""
        self.today = today
        """The day every rule is computed for (`--today`)."""
        self.read_only = read_only
        """Open the book without taking the writer's lock."""
        self.book: Book | None = None
        """The open book, None until it is opened."""
        self._gc_thresholds: tuple[int, int, int] | None = None
        self.book_label = ""
        """Shown in the title when set ("demo")."""
        self.key_areas = dict(AREAS)
        """Every binding by area, as the help screen lists them (the forms' join once loaded)."""
        self.keymap = Keymap()
        """The user's key overrides by binding id (read once the language is known)."""
        self.config = Config()
        """The config file's settings, read at start-up."""
        self.remembered_theme = ""
        """The theme the config file holds (saved again only when the user picks another)."""

    # -- the book ----------------------------------------------------------------

    def on_mount(self) -> None:
        self.note_activity()
        self.config = preferences.settings(self)
        preferences.start_language(self.config)
        preferences.start_theme(self, self.config)
        self.open_book(self.data_dir, read_only=self.read_only)
        self.keymap = load_keymap(self.data_dir, self.config.keymap)
        self.set_keymap(self.keymap.keys)
        for problem in self.keymap.problems:
            self.notify(problem, title=_("Keymap"), severity="warning", timeout=10)
        self.screen_change_signal.subscribe(self, lambda _screen: self.note_activity())
        self._quiet_watch = self.set_interval(PRELOAD_WHEN_QUIET / 4, self._preload_when_quiet)

    last_activity = 0.0
    """`time.monotonic()` of the last key, click or screen shown."""

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

        def __init__(self, areas: dict) -> None:
            super().__init__()
            self.areas = areas

    @work(thread=True, group="preload")
    def _preload(self) -> None:
        """Import the heavier screens (PDF layout, templates) in a quiet moment, off the UI."""
        self.post_message(self.Preloaded(wiring.other_areas()))

    @on(Preloaded)
    def _preloaded(self, event: Preloaded) -> None:
        self.key_areas = {**AREAS, **event.areas}
        for problem in unknown_ids(self.keymap, known_ids(self.key_areas)):
            self.notify(problem, title=_("Keymap"), severity="warning", timeout=10)

    def open_book(self, data_dir: Path, read_only: bool = False, label: str = "") -> bool:
        """Open (or switch to) the book in `data_dir`; a refused book shows why."""
        try:
            book = Book(data_dir, read_only=read_only)
        except BookLocked as exc:
            self._refused(str(exc), data_dir, offer_read_only=True)
            return False
        except (CarnetError, OSError) as exc:
            self._refused(str(exc), data_dir, offer_read_only=False)
            return False
        self._close_book()
        self.book, self.read_only, self.book_label = book, read_only, label
        built = self.current_mode != self.DEFAULT_MODE
        changed = preferences.start_language(self.config, book.profile.language)
        self._show_title()
        self.switch_mode("dashboard")
        if changed and built:
            self.call_later(preferences.rebuild_screens, self)
        self.refresh_data()
        if book.is_empty() and not read_only:
            self.push_section_screen("WelcomeScreen")
        return True

    def settle_book_memory(self) -> None:
        """Once the dashboard and the lists have built the book's models, freeze them (memory)."""
        if self._gc_thresholds is None:
            self._gc_thresholds = memory.settle()

    @property
    def book_settled(self) -> bool:
        """The open book's models are built and kept out of the cyclic garbage collector."""
        return self._gc_thresholds is not None

    def _refused(self, message: str, data_dir: Path, offer_read_only: bool) -> None:
        def chosen(choice: str | None) -> None:
            if choice == "read-only":
                self.open_book(data_dir, read_only=True)
            elif self.book is None:
                self.exit(return_code=1, message=message)
        self.push_screen(BookProblemScreen(message, offer_read_only), chosen)

    def _show_title(self) -> None:
        profile = self.book.profile
        self.title = (_("Carnet — {name}").format(name=profile.name) if profile.name
                      else "Carnet")
        marks = [format_date(self.today, "EEE d MMM y", locale=babel_locale())]
        if self.book_label:
            marks.append(self.book_label.upper())
        if self.read_only:
            marks.append(_("read-only"))
        self.sub_title = " · ".join(marks)

    def _close_book(self) -> str | None:
        """Close the open book; returns the store's message if closing failed."""
        book, self.book = self.book, None
        if book is None:
            return None
        if self._gc_thresholds is not None:
            memory.release(self._gc_thresholds)
            self._gc_thresholds = None
        try:
            book.close()
        except CarnetError as exc:
            return str(exc)
        return None

    async def action_quit(self) -> None:
        problem = self._close_book()
        self.exit(return_code=1 if problem else 0, message=problem)

    def on_unmount(self) -> None:
        self._close_book()

    # -- changes -------------------------------------------------------------------

    def refresh_data(self) -> None:
        """Tell every screen the book changed (visible ones re-read at once)."""
        if self.book is not None:
            self._show_title()
        self.data_version += 1

    def run_action_safely(self, fn: Callable, *args, success: str | Callable | None = None,
                          **kwargs):
        """Run a store operation; a CarnetError becomes one error notification (returns None),
        an unexpected error one saying whether the book changed (tui/failure.py)."""
        ran, result = failure.attempt(self, fn, *args, **kwargs)
        if not ran:
            return None
        if success is not None:
            self.notify(success(result) if callable(success) else success)
        self.refresh_data()
        return result

    def _handle_exception(self, error: Exception) -> None:
        """A worker's unexpected error is one notification, not the end of Carnet."""
        if isinstance(error, WorkerFailed) and isinstance(error.error, Exception) \
                and not failure.debugging():
            failure.report(self, error.error)
            return
        super()._handle_exception(error)

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """While typing or in a form, ctrl+z and ctrl+y belong to the text field, not the book."""
        if action in ("undo", "redo"):
            typing = isinstance(self.focused, (Input, TextArea))
            return not (typing or isinstance(self.screen, ModalScreen))
        return True

    def action_undo(self) -> None:
        """Ask, naming it, then revert the last change made since Carnet opened the book."""
        self._walk("undo")

    def action_redo(self) -> None:
        """Ask, naming it, then apply again the change undone last."""
        self._walk("redo")

    def _walk(self, way: str) -> None:
        if self.book is None:
            return
        label = self.book.undo_label if way == "undo" else self.book.redo_label
        if label is None:
            self.notify(_("Nothing to undo: only changes made since Carnet opened this book can "
                          "be undone.") if way == "undo" else _("Nothing to redo."))
            return
        from .dialogs.confirm import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if yes:
                self._step_history(way)
        question = (_("Undo: {change}?") if way == "undo" else _("Redo: {change}?"))
        self.push_screen(ConfirmDialog(question.format(change=label),
                                       yes=_("Undo") if way == "undo" else _("Redo"),
                                       no=_("Keep")), answered)

    def _step_history(self, way: str) -> None:
        try:
            label = self.book.undo() if way == "undo" else self.book.redo()
        except CarnetError as exc:
            self.notify(str(exc), severity="error")
            return
        done = _("Undone: {change}") if way == "undo" else _("Redone: {change}")
        self.notify(done.format(change=label))
        self.refresh_data()

    # -- language, palette, keys -----------------------------------------------------

    def switch_language(self, lang: str) -> None:
        """Show the interface in `lang` ("fr", "en") from now on, and remember it."""
        preferences.switch_language(self, lang)
        if self.book is not None:
            self._show_title()

    # -- navigation ----------------------------------------------------------------

    def action_go(self, section: str) -> None:
        """Show a section: dashboard, clients, orders, loyalty, journal, profile, money."""
        if self.book is None or isinstance(self.screen, ModalScreen):
            return
        if section in self.SECTIONS and wiring.screen(self.SECTIONS[section]) is None:
            name = next((b.description for b in APP if b.action == f"go('{section}')"), section)
            self.notify(_("The {section} is not available yet.").format(section=_(name)),
                        severity="warning")
            return
        if self.current_mode == section:
            while len(self.screen_stack) > 1:
                self.pop_screen()
            return
        self.switch_mode(section)

    def action_help(self) -> None:
        if len(self.key_areas) == len(AREAS):
            self._preloaded(self.Preloaded(wiring.other_areas()))
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def open_order(self, ref: str) -> None:
        self.push_screen(OrderScreen(ref))

    def open_client(self, client_id: int) -> None:
        self.push_screen(ClientScreen(client_id))

    def open_record(self, key: str) -> None:
        """Open what a list line points at: 'order:2026-014', 'client:5[:why]',
        'incident:3', 'follow-up:7' (done, edit or delete), 'interaction:4' (correcting it)
        or 'invoice:F-2026-0001' (its order)."""
        kind, _, rest = key.partition(":")
        number = rest.split(":")[0]
        if kind == "order":
            self.open_order(rest)
        elif kind == "invoice":
            self.open_document_order(rest)
        elif kind == "client":
            self.open_client(int(number))
        elif kind == "incident":
            self.open_incident(int(number))
        elif kind == "follow-up":
            self.call_dialog("followup_actions", int(number))
        elif kind == "interaction":
            self.call_dialog("edit_interaction", int(number))

    def open_document_order(self, number: str) -> None:
        """Open the order an issued document is about."""
        ran, doc = failure.attempt(self, document, self.book, number)
        if ran and doc.order_ref:
            self.open_order(doc.order_ref)

    def show_document(self, number: str) -> None:
        """Say where an issued document's PDF is filed."""
        ran, doc = failure.attempt(self, document, self.book, number)
        if not ran:
            return
        path = self.book.data_dir / doc.file if doc.file else None
        if path is not None and path.is_file():
            self.notify(_("{number}: {path}").format(number=number, path=path),
                        title=_("Filed"), timeout=10)
        else:
            self.notify(_("{number} has no PDF in the book's documents/ folder.")
                        .format(number=number), severity="warning")

    def push_section_screen(self, name: str, *args, **kwargs) -> None:
        """Push a screen looked up by name (letter, recovery, welcome…) if it exists."""
        screen = wiring.screen(name)
        if screen is None:
            self.notify(_("{screen} is not available yet.")
                        .format(screen=name.removesuffix("Screen")), severity="warning")
            return
        self.push_screen(screen(*args, **kwargs))

    def open_incident(self, incident_id: int) -> None:
        self.push_section_screen("RecoveryScreen", incident_id)

    def open_letter(self, kind: str | None = None, ref: str | None = None,
                    client_id: int | None = None) -> None:
        self.push_section_screen("LetterScreen", kind=kind, ref=ref, client_id=client_id)

    def call_dialog(self, name: str, *args) -> None:
        """Open the form `tui.dialogs.<name>(app, *args)`; coroutines run in a worker."""
        if self.book is None:
            return
        if self.read_only:
            self.notify(_("This book is open read-only: nothing can be changed."),
                        severity="warning")
            return
        fn = wiring.dialog(name)
        if fn is None:
            self.notify(_("The {form} form is not available yet.")
                        .format(form=name.replace("_", " ")), severity="warning")
            return
        if inspect.iscoroutinefunction(fn):
            self.run_worker(fn(self, *args), group="dialogs")
        else:
            fn(self, *args)
