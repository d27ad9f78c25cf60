"""Forms on follow-ups: add one, edit it, mark it done, and the choice a follow-up line opens."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from store import relations as ops
from store.dates import parse_date, parse_past_date
from store.formats import day, weekday
from store.i18n import N_, _
from store.models import Client, FollowUp

from ..bindings import FOLLOW_UP
from ..widgets.footer import KeyFooter
from .common import lookup, order_field, with_client, with_followup
from .deletions import delete_followup
from .fields import Field
from .form import FormDialog
from .host import Host

DUE_AFTER_DAYS = 2
"""A follow-up added by hand is due this many days later unless another day is typed."""


def _about(app: Host, followup: FollowUp) -> str:
    """What the follow-up promises, for whom, and when it is (or was) due."""
    client = lookup(app, lambda: app.book.client(followup.client_id))
    name, ref = client.name if client else "?", followup.order_ref
    if followup.done:
        state = (_("For {name} about {ref}, done on {day}") if ref
                 else _("For {name}, done on {day}")).format(name=name, ref=ref,
                                                            day=day(followup.done))
    else:
        state = (_("For {name} about {ref}, due {day}") if ref
                 else _("For {name}, due {day}")).format(name=name, ref=ref,
                                                        day=weekday(followup.due))
    return f"{followup.what}\n{state}"


@with_client
def add_followup(app: Host, client: Client, order_ref: str | None = None):
    """A promised call-back or answer, due on a date, so it cannot be forgotten."""
    fields = [
        Field("what", N_("Promised"),
              placeholder=N_("call back about the folios, send the quote…")),
        Field("due", N_("Due"), "date", value=f"+{DUE_AFTER_DAYS}"),
        order_field(app, client.id, order_ref),
    ]

    def save(values: dict) -> str:
        due = parse_date(str(values["due"]), app.today, "due")
        ops.add_followup(app.book, client.id, due, str(values["what"]), values["order_ref"])
        return _("Follow-up for {name} due {day}").format(name=client.name, day=weekday(due))

    return app.push_screen(FormDialog(_("Follow-up for {name}").format(name=client.name),
                                      fields, save, submit_label=_("Add")))


@with_followup
def edit_followup(app: Host, followup: FollowUp):
    """Change what a follow-up promises, its due date, or the order it is about."""
    fields = [
        Field("what", N_("Promised"), value=followup.what),
        Field("due", N_("Due"), "date", value=f"{followup.due:%d/%m/%Y}"),
        order_field(app, followup.client_id, followup.order_ref),
    ]

    def save(values: dict) -> str:
        due = parse_date(str(values["due"]), app.today, "due")
        edited = ops.edit_followup(app.book, followup.id, str(values["what"]), due,
                                   values["order_ref"])
        return _("Follow-up saved, due {day}").format(day=weekday(edited.due))

    return app.push_screen(FormDialog(_("Edit the follow-up"), fields, save,
                                      intro=_about(app, followup)))


@with_followup
def complete_followup(app: Host, followup: FollowUp):
    """Mark a promised call-back or answer as done."""
    fields = [Field("on", N_("Done on"), "past", value="today")]

    def save(values: dict) -> str:
        on = parse_past_date(str(values["on"]), app.today, "done on")
        ops.complete_followup(app.book, followup.id, on)
        return _("Follow-up done: {what}").format(what=followup.what)

    return app.push_screen(FormDialog(_("Follow-up done"), fields, save,
                                      intro=_about(app, followup), submit_label=_("Done")))


ACTIONS = {"done": complete_followup, "edit": edit_followup, "delete": delete_followup}
"""The form each follow-up verb opens (the choice's answers, the dashboard's keys, a timeline
line's)."""


class FollowUpChoice(ModalScreen[str]):
    """A follow-up and what can be done with it: done, edit, delete (or nothing)."""

    BINDINGS = FOLLOW_UP

    def __init__(self, about: str) -> None:
        super().__init__()
        self.about = about
        """The follow-up, as `_about` describes it."""

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-frame"):
            yield Static(self.about, id="confirm-question", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button(_("Done"), variant="primary", id="choose-done", compact=True,
                             tooltip=_("Mark it done (d)"))
                yield Button(_("Edit"), id="choose-edit", compact=True,
                             tooltip=_("Edit it (e)"))
                yield Button(_("Delete"), variant="warning", id="choose-delete", compact=True,
                             tooltip=_("Delete it, after confirmation (x)"))
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#choose-done", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.action_choose((event.button.id or "").removeprefix("choose-"))

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)


@with_followup
def followup_actions(app: Host, followup: FollowUp):
    """Show a follow-up and open what the user chooses: done, edit or delete."""
    def chosen(choice: str | None) -> None:
        if choice in ACTIONS:
            ACTIONS[choice](app, followup.id)

    return app.push_screen(FollowUpChoice(_about(app, followup)), chosen)
