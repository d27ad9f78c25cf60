"""Yes or no before a change that cannot be taken back lightly."""

from __future__ import annotations

import asyncio

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from store.i18n import N_, _

from ..widgets.footer import KeyFooter
from .host import Host


class ConfirmDialog(ModalScreen[bool]):
    """A question answered yes (y, or the focused button) or no (n, escape)."""

    BINDINGS = [
        Binding("y", "answer(True)", N_("Yes"), id="confirm.yes", tooltip=N_("Yes, go ahead")),
        Binding("n", "answer(False)", N_("No"), id="confirm.no",
                tooltip=N_("No, leave things as they are")),
        Binding("escape", "answer(False)", N_("No"), id="confirm.cancel", show=False,
                tooltip=N_("No, leave things as they are")),
    ]

    def __init__(self, question: str, yes: str = "", no: str = "") -> None:
        super().__init__()
        self.question = question
        self.yes = yes or _("Yes")
        self.no = no or _("No")
        self.answer: asyncio.Future[bool] | None = None
        """Set to the answer when one is awaited through `confirm`."""

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-frame"):
            yield Static(self.question, id="confirm-question", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button(self.yes, variant="warning", id="confirm-yes", compact=True,
                             tooltip=_("Yes (y)"))
                yield Button(self.no, variant="primary", id="confirm-no", compact=True,
                             tooltip=_("No (n)"))
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.action_answer(event.button.id == "confirm-yes")

    def action_answer(self, yes: bool) -> None:
        if self.answer is not None and not self.answer.done():
            self.answer.set_result(yes)
        self.dismiss(yes)


def confirm(app: Host, question: str) -> asyncio.Future[bool]:
    """Ask; the answer can be awaited from a worker or a screen's handler (not the App's own)."""
    dialog = ConfirmDialog(question)
    dialog.answer = asyncio.get_running_loop().create_future()
    app.push_screen(dialog)
    return dialog.answer
