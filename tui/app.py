"""CarnetApp: opens one book and owns every change to it.

Screens and dialogs change the book only through `run_action_safely`, which turns a
CarnetError into one notification and tells every screen to re-read the book. Every text it
shows is in the interface's language (store/i18n.py), chosen once the book's profile is known.
Where it goes is navigation.py, undo and redo history.py, the quiet-moment imports preload.py,
the sections built before they are asked for prepare.py, backups and exports (written by a
worker) filing.py.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from babel.dates import format_date
from textual.reactive import reactive
from textual.worker import WorkerFailed

from cli import memory
from store.book import Book
from store.config import Config
from store.errors import BookLocked, CarnetError
from store.i18n import _, babel_locale

from . import cache_rings, failure, preferences
from . import memory as quiet_memory
from .bindings import APP, AREAS, Keymap, load_keymap
from .commands import CarnetCommands
from .filing import Filing
from .history import History
from .localized import LocalizedApp
from .navigation import SECTIONS, Navigation
from .preload import Preloading
from .prepare import Preparing
from .screens.book_problem import BookProblemScreen


class CarnetApp(Navigation, History, Preloading, Preparing, Filing, LocalizedApp):
    """The order book in the terminal: dashboard, clients, orders, loyalty, journal, money."""

    CSS_PATH = ["carnet.tcss", "dialogs.tcss"]
    TITLE = "Carnet"
    BINDINGS = APP
    COMMANDS = LocalizedApp.COMMANDS | {CarnetCommands}
    MODES = SECTIONS

    data_version: reactive[int] = reactive(0, init=False)
    """Bumped after every change to the book; screens watch it to re-read."""

    def __init__(self, data_dir: Path | str, today: date, read_only: bool = False):
        cache_rings.install()
        super().__init__()
        self.data_dir = Path(data_dir)
        """The folder of the book this app opened first."""
        self.today = today
        self._settled = False
        """The day every rule is computed for (`--today`)."""
        self.read_only = read_only
        """Open the book without taking the writer's lock."""
        self.book: Book | None = None
        """The open book, None until it is opened."""
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
        self._thresholds: tuple[int, int, int] | None = None
        """The collector's thresholds before the app spaced full collections out."""

    # -- the book ----------------------------------------------------------------

    def on_mount(self) -> None:
        self._thresholds = quiet_memory.defer_full_collections()
        self.note_activity()
        self.config = preferences.settings(self)
        preferences.start_language(self.config)
        preferences.start_theme(self, self.config)
        self.open_book(self.data_dir, read_only=self.read_only)
        self.keymap = load_keymap(self.data_dir, self.config.keymap)
        self.set_keymap(self.keymap.keys)
        for problem in self.keymap.problems:
            self.notify(problem, title=_("Keymap"), severity="warning", timeout=10)
        self.start_preloading()

    def open_book(self, data_dir: Path, read_only: bool = False, label: str = "") -> bool:
        """Open (or switch to) the book in `data_dir`; a refused book shows why."""
        try:
            with memory.book_loading():
                book = Book(data_dir, read_only=read_only)
        except BookLocked as exc:
            self._refused(str(exc), data_dir, offer_read_only=True)
            return False
        except (CarnetError, OSError) as exc:
            self._refused(str(exc), data_dir, offer_read_only=False)
            return False
        self._close_book()
        self.book, self.read_only, self.book_label = book, read_only, label
        self._settled = False
        built = self.current_mode != self.DEFAULT_MODE
        changed = preferences.start_language(self.config, book.profile.language)
        self._show_title()
        self.switch_mode("dashboard")
        if changed and built:
            preferences.rebuild_soon(self)
        self.refresh_data()
        if book.is_empty() and not read_only:
            self.open_welcome()
        return True

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
        try:
            book.close()
        except CarnetError as exc:
            return str(exc)
        return None

    async def action_quit(self) -> None:
        async with self.making_screens:
            problem = self._close_book()
        self.exit(return_code=1 if problem else 0, message=problem)

    def modules_preloaded(self) -> None:
        self.prepare_sections()

    def settle_book_memory(self) -> None:
        """The first lists of this book are built: keep their models from the collector, once."""
        if not self._settled:
            self._settled = True
            memory.settle()

    def on_unmount(self) -> None:
        self._close_book()
        memory.release()
        if self._thresholds is not None:
            quiet_memory.restore(self._thresholds)

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
        if isinstance(error, Exception) and self.making_failed(error):
            return
        super()._handle_exception(error)

    # -- language ----------------------------------------------------------------------

    def switch_language(self, lang: str) -> None:
        """Show the interface in `lang` ("fr", "en") from now on, and remember it."""
        preferences.switch_language(self, lang)
        if self.book is not None:
            self._show_title()
