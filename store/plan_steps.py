"""A recovery plan named by its order: its open plan, a step with a one-line note, closing it.

What the command line's `incident` writes call, so the note goes to the field the plan
screen's dialog fills and a gesture is logged on the client's timeline the same way.
"""

from __future__ import annotations

from datetime import date

from .book import Book
from .errors import NotFound, ValidationError
from .i18n import _
from .incidents import close_incident, open_plan, plan_of, record_step, step_change
from .models import Incident
from .recovery import STEP_DETAILS, STEPS
from .relations import log_interaction, record_gesture
from .wording import said_day

STEP_NOTES = {step: details[0] for step, details in STEP_DETAILS.items()}
"""The detail a step's note fills; the other steps carry only their date."""


def open_plan_on(book: Book, ref: str) -> Incident:
    """The order's open plan; refuses an unknown order, or one without an open plan."""
    plan = open_plan(book, ref)
    if plan is not None:
        return plan
    latest = plan_of(book, ref)
    raise NotFound(_("the recovery plan on {ref} was closed on {day}; open a new one with "
                     "`incident open`").format(ref=ref, day=said_day(latest.closed)))


def note_field(step: str) -> str:
    """The detail a note on this step fills; refuses a step that carries none."""
    if step not in STEPS:
        raise ValidationError("step", _("{value} is not one of {allowed}").format(
            value=repr(step), allowed=", ".join(STEPS)))
    if step not in STEP_NOTES:
        noted = ", ".join(STEP_NOTES)
        raise ValidationError("note", _("the step {step} carries no note (only {noted} "
                                        "do)").format(step=step, noted=noted))
    return STEP_NOTES[step]


def record_plan_step(book: Book, ref: str, step: str, on: date,
                     note: str | None = None) -> Incident:
    """Date a step of the order's open plan, the note in its detail; a gesture is also logged."""
    plan = open_plan_on(book, ref)
    details = {note_field(step): note} if note is not None else {}
    return record_step_with_gesture(book, plan.id, step, on, **details)


def record_step_with_gesture(book: Book, incident_id: int, step: str, on: date,
                             **details: str) -> Incident:
    """Date a step with its details; a new gesture is also logged on the client's timeline,
    and feedback heard is logged as the client's feedback on the order, which closes the
    follow-ups about asking for it, as logging it from the timeline does."""
    plan = book.get("incidents", incident_id)
    gesture = details.get("gesture", "").strip()
    with book.transaction(step_change(step, plan.order_ref)):
        if gesture and gesture != plan.gesture:
            record_gesture(book, plan.client_id, gesture, on, plan.order_ref, plan.id)
        record_step(book, incident_id, step, on, **details)
        if step == "feedback_received" and plan.feedback_received is None:
            heard = details.get("feedback", "").strip() or _("feedback heard on the recovery plan")
            log_interaction(book, plan.client_id, "feedback", heard, on, "other", "in",
                            plan.order_ref)
        return book.get("incidents", incident_id)


def close_plan(book: Book, ref: str, on: date, lesson: str) -> Incident:
    """Close the order's open plan; the lesson goes to the journal."""
    return close_incident(book, open_plan_on(book, ref).id, on, lesson)
