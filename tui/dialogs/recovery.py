"""Forms of a recovery plan: open it, date each of its steps, close it with a lesson."""

from __future__ import annotations

from dataclasses import replace

from textual.app import App

from store import incidents as ops
from store.dates import parse_past_date
from store.recovery import next_step, undone_steps
from store.plan_steps import record_step_with_gesture

from .common import CAUSE_OPTIONS, lookup
from .fields import Field
from .form import FormDialog

STEP_TITLES = {
    "apologised": "Admitted the error and apologised",
    "fixed": "Fixed the problem",
    "followed_up": "Followed up",
    "feedback_asked": "Asked for feedback",
    "feedback_received": "Received the feedback",
}
"""Each step of the plan, once done."""
STEP_ACTIONS = {
    "apologised": "Admit the error and apologise",
    "fixed": "Fix the problem",
    "followed_up": "Follow up, with a gesture",
    "feedback_asked": "Ask for feedback",
    "feedback_received": "Hear the feedback",
}
"""Each step of the plan, as the form that records it is titled."""
STEP_FIELDS = {
    "fixed": (Field("solution", "Solution", "area", placeholder="what was done to fix it"),
              Field("client_proposal", "They proposed", "area", aliases=("client proposal",),
                    placeholder="what the client found fair")),
    "followed_up": (Field("gesture", "Gesture", placeholder="a discount, a free extra…"),),
    "feedback_received": (Field("feedback", "Feedback", "area",
                                placeholder="their words, even a grudging “fine”"),),
}
"""The details each step asks for, beyond its date."""


def open_incident(app: App, ref: str):
    """Open a recovery plan on an order (what happened, whose doing), then show the plan."""
    order = lookup(app, lambda: app.book.order(ref))
    if order is None:
        return None
    fields = [
        Field("what", "What happened", "area", aliases=("what happened",)),
        Field("cause", "Cause", "select", value="mine", options=CAUSE_OPTIONS),
    ]

    opened: list[int] = []

    def save(values: dict) -> str:
        incident = ops.open_incident(app.book, ref, app.today, str(values["what"]),
                                     values["cause"] or "")
        opened.append(incident.id)
        return f"Recovery plan opened on {ref}; next: {next_step(incident)}"

    def show_plan(saved: bool | None) -> None:
        if saved and opened and hasattr(app, "open_incident"):
            app.open_incident(opened[0])

    return app.push_screen(FormDialog(f"Incident on {ref}", fields, save,
                                      intro=f"{order.title}", submit_label="Open plan"),
                           show_plan)


def record_step(app: App, incident_id: int, step: str):
    """Date one step of the plan, with the details it asks for."""
    incident = lookup(app, lambda: app.book.get("incidents", incident_id))
    if incident is None:
        return None
    current = {name: getattr(incident, name) for name in ("solution", "client_proposal",
                                                           "gesture", "feedback")}
    details = [replace(f, value=current.get(f.name, "")) for f in STEP_FIELDS.get(step, ())]
    fields = [Field("on", "Date", "date", value="today",
                    aliases=(step.replace("_", " "),))] + details

    def save(values: dict) -> str:
        on = parse_past_date(str(values.pop("on")), app.today, "date")
        details = {name: str(value) for name, value in values.items()}
        record_step_with_gesture(app.book, incident_id, step, on, **details)
        return f"{STEP_TITLES[step]} — {on:%d/%m/%Y}"

    return app.push_screen(FormDialog(STEP_ACTIONS[step], fields, save,
                                      intro=f"Recovery plan on {incident.order_ref}",
                                      submit_label="Record"))


def close_incident(app: App, incident_id: int):
    """Close the plan; the lesson learned goes to the journal."""
    incident = lookup(app, lambda: app.book.get("incidents", incident_id))
    if incident is None:
        return None
    fields = [
        Field("lesson", "Lesson", "area", placeholder="what you will do differently"),
        Field("on", "Closed on", "date", value="today", aliases=("closing date",)),
    ]

    def save(values: dict) -> str:
        on = parse_past_date(str(values["on"]), app.today, "closed on")
        ops.close_incident(app.book, incident_id, on, str(values["lesson"]))
        return "Plan closed; the lesson is in the journal"

    def question(values: dict) -> str | None:
        missing = [STEP_TITLES[s].lower() for s in undone_steps(incident)]
        if not missing:
            return None
        return (f"Not done yet: {'; '.join(missing)}.\n"
                "Close the plan anyway?")

    return app.push_screen(FormDialog(f"Close the plan on {incident.order_ref}", fields, save,
                                      intro="What did this teach you?", question=question,
                                      submit_label="Close plan"))


def add_lesson(app: App):
    """Note a lesson or an idea in the journal, not tied to an incident."""
    fields = [Field("text", "Lesson", "area", aliases=("lesson",),
                    placeholder="an idea, something a client said, what you will change")]

    def save(values: dict) -> str:
        ops.add_lesson(app.book, app.today, str(values["text"]))
        return "Noted in the journal"

    return app.push_screen(FormDialog("A lesson for the journal", fields, save,
                                      submit_label="Note"))
