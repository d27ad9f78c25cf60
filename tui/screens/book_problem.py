"""Shown when the book cannot be opened as asked: the store's message, and the way out."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from store.i18n import N_, _


class BookProblemScreen(ModalScreen[str]):
    """The book is locked, newer, or unreadable: say so; offer read-only when it helps."""

    BINDINGS = [Binding("escape", "dismiss('quit')", N_("Quit"), id="problem.quit",
                        tooltip=N_("Leave Carnet"))]

    def __init__(self, message: str, offer_read_only: bool) -> None:
        super().__init__()
        self.message = message
        """The store's own sentence."""
        self.offer_read_only = offer_read_only
        """The book can still be read (another Carnet holds it)."""

    def compose(self) -> ComposeResult:
        with Vertical(id="problem", classes="modal-box"):
            yield Label(_("This book cannot be opened"), classes="modal-title")
            yield Static(self.message[:1].upper() + self.message[1:] + ".", id="problem-message")
            with Horizontal(classes="modal-buttons"):
                if self.offer_read_only:
                    yield Button(_("Open read-only"), id="read-only", variant="primary")
                yield Button(_("Quit"), id="quit", variant="error")

    @on(Button.Pressed)
    def _chosen(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)
