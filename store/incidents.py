"""Recovery plans: open an incident, date its four steps, close it with a lesson."""

from __future__ import annotations

import copy
from datetime import date

from . import validate as v
from .book import Book
from .errors import ValidationError
from .models import CAUSES, Incident, Lesson

STEPS = ("apologised", "fixed", "followed_up", "feedback_asked", "feedback_received")
STEP_DETAILS = {
    "fixed": ("solution", "client_proposal"),
    "followed_up": ("gesture",),
    "feedback_received": ("feedback",),
}


def open_incident(book: Book, ref: str, today: date, what: str, cause: str = "mine") -> Incident:
    """Open a recovery plan on an order."""
    order = book.order(ref)
    incident = Incident(order_ref=ref, client_id=order.client_id, opened=today,
                        cause=v.choice("cause", cause, CAUSES),
                        what=v.text("what happened", what, required=True))
    with book.transaction(f"open incident on {ref}"):
        incident.id = book.insert("incidents", incident)
    return incident


def record_step(book: Book, incident_id: int, step: str, on: date, **details: str) -> Incident:
    """Date one step of the plan, in order, with its details (solution, gesture, feedback)."""
    incident = copy.deepcopy(book.get("incidents", incident_id))
    v.choice("step", step, STEPS)
    if incident.closed:
        raise ValidationError("step", "this recovery plan is closed")
    earlier = STEPS[:STEPS.index(step)]
    missing = [s for s in earlier if getattr(incident, s) is None]
    if missing:
        raise ValidationError("step", f"{step.replace('_', ' ')} comes after "
                                      f"{missing[0].replace('_', ' ')}, which is not done yet")
    v.not_before(step.replace("_", " "), on, "opening date", incident.opened)
    for name, value in details.items():
        if name not in STEP_DETAILS.get(step, ()):
            raise ValidationError(name, f"is not a detail of the step {step.replace('_', ' ')}")
        setattr(incident, name, v.text(name, value))
    setattr(incident, step, on)
    with book.transaction(f"recovery step: {step.replace('_', ' ')}"):
        book.save("incidents", incident)
    return book.get("incidents", incident_id)


def close_incident(book: Book, incident_id: int, on: date, lesson: str) -> Incident:
    """Close the plan; the lesson learned goes to the journal."""
    incident = copy.deepcopy(book.get("incidents", incident_id))
    if incident.closed:
        raise ValidationError("incident", f"was already closed on {incident.closed.isoformat()}")
    incident.lesson = v.text("lesson", lesson, required=True)
    v.not_before("closing date", on, "opening date", incident.opened)
    incident.closed = on
    with book.transaction("close incident"):
        book.save("incidents", incident)
        book.insert("lessons", Lesson(on, incident.lesson, incident_id))
    return book.get("incidents", incident_id)


def add_lesson(book: Book, on: date, text: str) -> Lesson:
    """A note or idea for the journal, not tied to an incident."""
    lesson = Lesson(on, v.text("lesson", text, required=True))
    with book.transaction("new lesson"):
        lesson.id = book.insert("lessons", lesson)
    return lesson


def open_incidents(book: Book) -> list[Incident]:
    return sorted((i for i in book.incidents() if i.is_open), key=lambda i: (i.opened, i.id))
