"""Forms of a recovery plan: open it, date each of its steps, close it with a lesson."""

from __future__ import annotations

from dataclasses import replace

from store import incidents as ops
from store.dates import parse_past_date
from store.formats import day
from store.i18n import N_, _
from store.labels import next_label
from store.models import Incident, Order
from store.recovery import next_step, undone_steps
from store.plan_steps import record_step_with_gesture

from .common import cause_options, with_incident, with_order
from .fields import Field
from .form import FormDialog
from .host import Host

STEP_TITLES = {
    "apologised": N_("Admitted the error and apologised"),
    "fixed": N_("Fixed the problem"),
    "followed_up": N_("Followed up"),
    "feedback_asked": N_("Asked for feedback"),
    "feedback_received": N_("Received the feedback"),
}
"""Each step of the plan, once done (N_: translate where shown)."""
STEP_ACTIONS = {
    "apologised": N_("Admit the error and apologise"),
    "fixed": N_("Fix the problem"),
    "followed_up": N_("Follow up, with a gesture"),
    "feedback_asked": N_("Ask for feedback"),
    "feedback_received": N_("Hear the feedback"),
}
"""Each step of the plan, as the form that records it is titled (N_: translate where shown)."""
STEP_FIELDS = {
    "fixed": (Field("solution", N_("Solution"), "area",
                    placeholder=N_("what was done to fix it")),
              Field("client_proposal", N_("They proposed"), "area",
                    aliases=("client proposal",), placeholder=N_("what the client found fair"))),
    "followed_up": (Field("gesture", N_("Gesture"),
                          placeholder=N_("a discount, a free extra…")),),
    "feedback_received": (Field("feedback", N_("Feedback"), "area",
                                placeholder=N_("their words, even a grudging “fine”")),),
}
"""The details each step asks for, beyond its date."""


@with_order
def open_incident(app: Host, order: Order):
    """Open a recovery plan on an order (what happened, whose doing), then show the plan."""
    ref = order.ref
    fields = [
        Field("what", N_("What happened"), "area", aliases=("what happened",)),
        Field("cause", N_("Cause"), "select", value="mine", options=cause_options()),
    ]

    opened: list[int] = []

    def save(values: dict) -> str:
        incident = ops.open_incident(app.book, ref, app.today, str(values["what"]),
                                     values["cause"] or "")
        opened.append(incident.id)
        return _("Recovery plan opened on {ref}; next: {step}").format(
            ref=ref, step=next_label(next_step(incident)))

    def show_plan(saved: bool | None) -> None:
        if saved and opened:
            app.open_incident(opened[0])

    return app.push_screen(FormDialog(_("Incident on {ref}").format(ref=ref), fields, save,
                                      intro=order.title, submit_label=_("Open plan")),
                           show_plan)


@with_incident
def record_step(app: Host, incident: Incident, step: str):
    """Date one step of the plan, with the details it asks for."""
    current = {name: getattr(incident, name) for name in ("solution", "client_proposal",
                                                           "gesture", "feedback")}
    details = [replace(f, value=current.get(f.name, "")) for f in STEP_FIELDS.get(step, ())]
    fields = [Field("on", N_("Date"), "past", value="today",
                    aliases=(step.replace("_", " "),))] + details

    def save(values: dict) -> str:
        on = parse_past_date(str(values.pop("on")), app.today, "date")
        details = {name: str(value) for name, value in values.items()}
        record_step_with_gesture(app.book, incident.id, step, on, **details)
        return f"{_(STEP_TITLES[step])} — {day(on)}"

    intro = _("Recovery plan on {ref}").format(ref=incident.order_ref)
    return app.push_screen(FormDialog(_(STEP_ACTIONS[step]), fields, save, intro=intro,
                                      submit_label=_("Record")))


@with_incident
def close_incident(app: Host, incident: Incident):
    """Close the plan; the lesson learned goes to the journal."""
    fields = [
        Field("lesson", N_("Lesson"), "area", placeholder=N_("what you will do differently")),
        Field("on", N_("Closed on"), "past", value="today", aliases=("closing date",)),
    ]

    def save(values: dict) -> str:
        on = parse_past_date(str(values["on"]), app.today, "closed on")
        ops.close_incident(app.book, incident.id, on, str(values["lesson"]))
        return _("Plan closed; the lesson is in the journal")

    def question(values: dict) -> str | None:
        missing = [_(STEP_TITLES[s]).lower() for s in undone_steps(incident)]
        if not missing:
            return None
        return (_("Not done yet: {steps}.").format(steps=_("; ").join(missing)) + "\n"
                + _("Close the plan anyway?"))

    title = _("Close the plan on {ref}").format(ref=incident.order_ref)
    return app.push_screen(FormDialog(title, fields, save, intro=_("What did this teach you?"),
                                      question=question, submit_label=_("Close plan")))


def add_lesson(app: Host):
    """Note a lesson or an idea in the journal, not tied to an incident."""
    fields = [Field("text", N_("Lesson"), "area", aliases=("lesson",),
                    placeholder=N_("an idea, something a client said, what you will change"))]

    def save(values: dict) -> str:
        ops.add_lesson(app.book, app.today, str(values["text"]))
        return _("Noted in the journal")

    return app.push_screen(FormDialog(_("A lesson for the journal"), fields, save,
                                      submit_label=_("Note it")))
