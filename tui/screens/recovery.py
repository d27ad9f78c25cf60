"""A recovery plan: the four steps after a mistake, each dated, then the lesson learned."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from store.errors import NotFound
from store.formats import day as day_text
from store.i18n import N_, _
from store.labels import CAUSE_TAGS, label
from store.models import Incident, Order
from store.recovery import (STEP_NUMBERS, STEPS, letter_for, pending_step, selectable,
                            step_letter)

from .. import dialogs
from ..dialogs.recovery import STEP_TITLES
from ..widgets.footer import KeyFooter
from .columns import date_width
from .ready import ReadyScreen

TO_DO = {
    "apologised": N_("Admit the error and apologise — no blame, no long excuses"),
    "fixed": N_("Fix the problem — ask what solution they would find fair"),
    "followed_up": N_("Follow up, with a gesture of goodwill"),
    "feedback_asked": N_("Ask for feedback, actively"),
    "feedback_received": N_("Hear the feedback (a grudging “fine” deserves questions)"),
}
"""Each step as still to be done."""
NEXT = {
    "apologised": N_("admit the error and apologise"),
    "fixed": N_("fix the problem"),
    "followed_up": N_("follow up, with a gesture of goodwill"),
    "feedback_asked": N_("ask for feedback, actively"),
    "feedback_received": N_("hear the feedback (a grudging “fine” deserves questions)"),
}
"""Each step as the status line names the next one."""
LETTER_NAMES = {"apology": N_("an apology"), "follow-up": N_("a follow-up"),
                "feedback": N_("a feedback request")}
"""A letter kind inside a sentence."""
DETAILS = {"fixed": (("solution", N_("Solution")), ("client_proposal", N_("They proposed"))),
           "followed_up": (("gesture", N_("Gesture")),),
           "feedback_received": (("feedback", N_("Said")),)}

BINDINGS = [
    Binding("r", "record", N_("Record step"), id="recovery.record",
            tooltip=N_("Date the selected step, with its details")),
    Binding("n", "next_step", N_("Next step"), id="recovery.next",
            tooltip=N_("Record the next step of the plan")),
    Binding("c", "close_plan", N_("Close plan"), id="recovery.close",
            tooltip=N_("Close the plan with the lesson learned")),
    Binding("l", "letter", N_("Letter"), id="recovery.letter",
            tooltip=N_("Write the letter of the next step: apology, then follow-up, then "
                       "feedback")),
    Binding("g", "gesture", N_("Gesture"), id="recovery.gesture", show=False,
            tooltip=N_("Record a gesture of goodwill given")),
    Binding("a", "credit_note", N_("Credit note"), id="recovery.credit_note", show=False,
            tooltip=N_("A credit note (avoir) on the order's invoice for the gesture, after "
                       "confirmation")),
    Binding("o", "order", N_("Order"), id="recovery.order", show=False,
            tooltip=N_("Open the order")),
    Binding("k", "client", N_("Client"), id="recovery.client", show=False,
            tooltip=N_("Open the client")),
    Binding("escape", "back", N_("Back"), id="nav.back",
            tooltip=N_("Back to the previous screen")),
]
"""Keys of the recovery plan, by id."""


def step_prompt(incident: Incident, step: str) -> Table:
    """One step: done with its date and details, or still to do."""
    day = getattr(incident, step)
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(width=5)
    grid.add_column(ratio=1)
    grid.add_column(width=date_width())
    mark = Text(f"{'✓' if day else '·'} {STEP_NUMBERS[step]:<2}", style="bold green" if day else "dim")
    if day:
        grid.add_row(mark, Text(_(STEP_TITLES[step])), Text(day_text(day), style="bold"))
    else:
        grid.add_row(mark, Text(_(TO_DO[step]), style="dim"), Text("—", style="dim"))
    for name, title in DETAILS.get(step, ()):
        value = getattr(incident, name)
        if value:
            grid.add_row("", Text.assemble((_("{label}: ").format(label=_(title)), "italic"),
                                           value), "")
    return grid


class RecoveryScreen(ReadyScreen):
    """One recovery plan: what happened, the dated steps, and what is next."""

    BINDINGS = BINDINGS
    AUTO_FOCUS = "#plan-steps"

    def __init__(self, incident_id: int) -> None:
        super().__init__()
        self.incident_id = incident_id
        """The plan shown."""
        self.incident: Incident | None = None
        """The plan as last read."""
        self.order: Order | None = None
        """The plan's order as last read."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="plan-head")
        yield OptionList(id="plan-steps")
        yield Static(id="plan-status")
        yield KeyFooter()

    def section(self) -> str:
        ref = self.incident.order_ref if self.incident else "…"
        return _("Recovery plan {ref}").format(ref=ref)

    def aim(self, key: object) -> None:
        self.incident_id, self.incident, self.order = int(key), None, None
        self.query_one("#plan-steps", OptionList).highlighted = None

    def reload(self) -> None:
        book = self.app.book
        try:
            incident = self.incident = book.get("incidents", self.incident_id)
            order, client = book.order(incident.order_ref), book.client(incident.client_id)
        except NotFound:
            self.app.notify(_("This recovery plan is no longer in the book."),
                            severity="warning")
            if not self.given_up():
                self.action_back()
            return
        head = Text()
        head.append(f"{order.ref} — {order.title}\n", style="bold")
        cause = label(CAUSE_TAGS, incident.cause)
        head.append(_("{client} · opened {day} · {cause}").format(
            client=client.name, day=day_text(incident.opened), cause=cause) + "\n")
        head.append(_("What happened: "), style="italic")
        head.append(incident.what)
        self.query_one("#plan-head", Static).update(head)
        self.order = order
        self._show_steps(incident)
        self.query_one("#plan-status", Static).update(self._status(incident, order))
        self.appear()

    def _show_steps(self, incident: Incident) -> None:
        steps = self.query_one("#plan-steps", OptionList)
        highlighted = steps.highlighted
        pending = pending_step(incident)
        steps.clear_options()
        steps.add_options(
            Option(step_prompt(incident, step), id=step, disabled=not selectable(incident, step))
            for step in STEPS)
        if incident.is_open:
            default = STEPS.index(pending) if pending else len(STEPS) - 1
            steps.highlighted = default if highlighted is None else highlighted

    def _status(self, incident: Incident, order: Order) -> Text:
        if incident.closed:
            status = Text(_("Closed {day}. Lesson: ").format(day=day_text(incident.closed)),
                          style="bold")
            status.append(incident.lesson, style="")
            return status
        pending = pending_step(incident)
        if pending is None:
            return Text(_("Every step is done: close the plan with what it taught you (c)."))
        step = _(NEXT[pending])
        letter = step_letter(incident, order)
        if letter is None:
            return Text(_("Next: {step} (n).").format(step=step))
        return Text(_("Next: {step} (n) — or write {letter} (l): filing it records the step.")
                    .format(step=step, letter=_(LETTER_NAMES[letter])))

    @on(OptionList.OptionSelected, "#plan-steps")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        dialogs.record_step(self.app, self.incident_id, event.option.id)

    def action_record(self) -> None:
        steps = self.query_one("#plan-steps", OptionList)
        option = steps.highlighted_option
        if option is not None and not option.disabled:
            dialogs.record_step(self.app, self.incident_id, option.id)

    def action_next_step(self) -> None:
        if self.incident is None or self.incident.closed:
            self.app.notify(_("This plan is closed."))
            return
        pending = pending_step(self.incident)
        if pending is None:
            self.action_close_plan()
            return
        dialogs.record_step(self.app, self.incident_id, pending)

    def action_close_plan(self) -> None:
        if self.incident is not None and self.incident.closed:
            self.app.notify(_("This plan is already closed."))
            return
        dialogs.close_incident(self.app, self.incident_id)

    def action_gesture(self) -> None:
        if self.incident is not None:
            dialogs.gesture_given(self.app, self.incident.client_id, self.incident_id)

    def action_letter(self) -> None:
        if self.incident is not None:
            kind = letter_for(self.incident, self.order) if self.order else None
            self.app.open_letter(kind=kind, ref=self.incident.order_ref,
                                 client_id=self.incident.client_id)

    def action_credit_note(self) -> None:
        """Propose a credit note for the gesture: its amount and reason, then confirm."""
        if self.incident is not None:
            self.app.open_dialog(dialogs.credit_note_from_plan, self.incident_id)

    def action_order(self) -> None:
        if self.incident is not None:
            self.app.open_order(self.incident.order_ref)

    def action_client(self) -> None:
        if self.incident is not None:
            self.app.open_client(self.incident.client_id)
