"""The first screen of an empty book: set up the business, or explore the demo."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from store.book import Book
from store.demo import fill_demo
from store.errors import CarnetError
from store.i18n import N_, _

from ..widgets.footer import KeyFooter

DEMO_LABEL = N_("demo")
"""How the app labels the demo book (in the title bar)."""

BINDINGS = [
    Binding("p", "profile", N_("Set up"), id="welcome.profile",
            tooltip=N_("Enter your business's name and address for your letters")),
    Binding("d", "demo", N_("Demo"), id="welcome.demo",
            tooltip=N_("Explore a demo book, in a temporary folder; your book stays empty")),
    Binding("escape", "later", N_("Later"), id="welcome.later",
            tooltip=N_("Start with the empty book")),
    Binding("q", "app.quit", N_("Quit"), id="welcome.quit", tooltip=N_("Leave Carnet")),
]
"""Keys of the welcome screen, by id."""

TEXT = N_(
    "Carnet keeps your orders, deadlines and clients, the history of every exchange, the "
    "recovery plan after a mistake, and writes your letters as PDFs.\n\n"
    "This book is empty. Start by telling Carnet who you are (it heads your letters), or "
    "explore a demo book: a paleographer's year, with late work, a recovery plan, a loyal "
    "client and a difficult one. The demo is a copy in a temporary folder, labelled DEMO, "
    "and is deleted when you leave."
)


def make_demo_book(today) -> Path:
    """A demo book filled as of `today` in a new temporary folder (removed at exit)."""
    folder = Path(tempfile.mkdtemp(prefix="carnet-demo-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    book = Book(folder)
    try:
        fill_demo(book, today)
    finally:
        book.close()
    return folder


class WelcomeScreen(ModalScreen[None]):
    """Welcome on an empty book: the profile first, or the demo (modal: nothing else to see)."""

    BINDINGS = BINDINGS

    def compose(self) -> ComposeResult:
        with Vertical(id="welcome"):
            yield Static(_("Welcome to Carnet"), id="welcome-title")
            yield Static(_(TEXT), id="welcome-text")
            with Center():
                yield Button(_("Set up my business (p)"), variant="primary",
                             id="welcome-profile", compact=True, tooltip=_(BINDINGS[0].tooltip))
            with Center():
                yield Button(_("Explore the demo book (d)"), id="welcome-demo", compact=True,
                             tooltip=_(BINDINGS[1].tooltip))
        yield KeyFooter()

    @on(Button.Pressed, "#welcome-profile")
    def action_profile(self) -> None:
        self.dismiss()
        self.app.call_later(self.app.action_go, "profile")

    @on(Button.Pressed, "#welcome-demo")
    def action_demo(self) -> None:
        try:
            folder = make_demo_book(self.app.today)
        except (CarnetError, OSError) as error:
            self.app.notify(_("The demo book could not be made: {error}").format(error=error),
                            severity="error")
            return
        self.dismiss()
        if self.app.open_book(folder, label=_(DEMO_LABEL)):
            self.app.notify(_("This is the DEMO book, in a temporary folder; your own book is "
                              "untouched."), title=_("Demo"), timeout=8)

    def action_later(self) -> None:
        self.dismiss()
