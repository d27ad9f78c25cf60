"""The first screen of an empty book: set up the business, or explore the demo.

The demo book is built by a thread worker, in a folder of its own; the screen then opens it.
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from store.book import Book
from store.demo import fill_demo
from store.errors import CarnetError
from store.i18n import N_, _
from store.scratch import scratch_folder

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
    """A demo book filled as of `today` in a new temporary folder (removed when Carnet quits)."""
    folder = scratch_folder("carnet-demo-")
    book = Book(folder)
    try:
        fill_demo(book, today)
    finally:
        book.close()
    return folder


class WelcomeScreen(ModalScreen[None]):
    """Welcome on an empty book: the profile first, or the demo (modal: nothing else to see)."""

    BINDINGS = BINDINGS
    making_demo = False
    """The demo book is being built (a second `d` waits for it)."""

    class DemoMade(Message):
        """The worker built the demo book in `folder`, or (`folder` None) met `error`."""

        def __init__(self, folder: Path | None, error: Exception | None = None) -> None:
            super().__init__()
            self.folder = folder
            self.error = error

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
        if not self.making_demo:
            self.making_demo = True
            self._make_demo(self.app.today)

    @work(thread=True, group="demo-book")
    def _make_demo(self, today) -> None:
        """Build the demo book in a new folder; never touches a widget nor the open book."""
        try:
            self.post_message(self.DemoMade(make_demo_book(today)))
        except (CarnetError, OSError) as error:
            self.post_message(self.DemoMade(None, error))

    @on(DemoMade)
    def _demo_made(self, event: DemoMade) -> None:
        self.making_demo = False
        if event.folder is None:
            self.app.notify(_("The demo book could not be made: {error}").format(
                error=event.error), severity="error")
            return
        self.dismiss()
        if self.app.open_book(event.folder, label=_(DEMO_LABEL)):
            self.app.notify(_("This is the DEMO book, in a temporary folder; your own book is "
                              "untouched."), title=_("Demo"), timeout=8)

    def action_later(self) -> None:
        self.dismiss()
