"""Recovery plans: open an incident, date its four steps, close it with a lesson."""

from __future__ import annotations

import copy
from datetime import date

from . import validate as v
from .book import Book
from .errors import NotFound, ValidationError
from .i18n import _
from .labels import step_label
from .models import CAUSES, Incident, Lesson
from .recovery import STEP_DETAILS, STEPS, steps_missing_before
from .wording import said_day


def apology_sent(book: Book, ref: str) -> date | None:
    """The day the latest apology letter about this order was filed, if one was."""
    days = [letter.date for letter in book.letters()
            if letter.order_ref == ref and letter.kind == "apology"]
    return max(days, default=None)


def open_incident(book: Book, ref: str, today: date, what: str, cause: str = "mine") -> Incident:
    """Open a recovery plan on an order; an apology already sent about it counts as step 1."""
    order = book.order(ref)
    if open_plan(book, ref) is not None:
        raise ValidationError("incident", _("order {ref} already has an open recovery "
                                            "plan").format(ref=ref))
    incident = Incident(order_ref=ref, client_id=order.client_id, opened=today,
                        cause=v.choice("cause", cause, CAUSES),
                        what=v.text("what happened", what, required=True),
                        apologised=apology_sent(book, ref))
    with book.transaction(_("open a recovery plan on {ref}").format(ref=ref)):
        incident.id = book.insert("incidents", incident)
    return incident


def latest_plan(book: Book, ref: str) -> Incident | None:
    """The order's open recovery plan, else its latest closed one, else None."""
    plans = sorted((i for i in book.incidents() if i.order_ref == ref),
                   key=lambda i: (i.is_open, i.opened, i.id))
    return plans[-1] if plans else None


def plan_of(book: Book, ref: str) -> Incident:
    """The order's open recovery plan, else its latest closed one; refuses when it has none."""
    plan = latest_plan(book, ref)
    if plan is None:
        book.order(ref)
        raise NotFound(_("order {ref} has no recovery plan").format(ref=ref))
    return plan


def open_plan(book: Book, ref: str | None) -> Incident | None:
    """The order's open recovery plan, if it has one."""
    if not ref:
        return None
    return next((i for i in book.incidents() if i.order_ref == ref and i.is_open), None)


def record_step(book: Book, incident_id: int, step: str, on: date, **details: str) -> Incident:
    """Date one step of the plan, in order, with its details (solution, gesture, feedback)."""
    incident = copy.deepcopy(book.get("incidents", incident_id))
    v.choice("step", step, STEPS)
    if incident.closed:
        raise ValidationError("step", _("this recovery plan is closed"))
    if getattr(incident, step) is not None and not details:
        raise ValidationError("step", _("{step} was already recorded on {day}").format(
            step=step_label(step), day=said_day(getattr(incident, step))))
    missing = steps_missing_before(incident, step)
    if missing:
        raise ValidationError("step", _("{step} comes after {missing}, which is not done "
                                        "yet").format(step=step_label(step),
                                                      missing=step_label(missing[0])))
    v.not_before(step.replace("_", " "), on, "opening date", incident.opened)
    for name, value in details.items():
        if name not in STEP_DETAILS.get(step, ()):
            raise ValidationError(name, _("is not a detail of the step {step}").format(
                step=step_label(step)))
        setattr(incident, name, v.text(name, value))
    setattr(incident, step, on)
    with book.transaction(step_change(step, incident.order_ref)):
        book.save("incidents", incident)
    return book.get("incidents", incident_id)


def close_incident(book: Book, incident_id: int, on: date, lesson: str) -> Incident:
    """Close the plan; the lesson learned goes to the journal."""
    incident = copy.deepcopy(book.get("incidents", incident_id))
    if incident.closed:
        raise ValidationError("incident", _("was already closed on {day}").format(
            day=said_day(incident.closed)))
    incident.lesson = v.text("lesson", lesson, required=True)
    v.not_before("closing date", on, "opening date", incident.opened)
    incident.closed = on
    with book.transaction(_("close the recovery plan on {ref}").format(ref=incident.order_ref)):
        book.save("incidents", incident)
        book.insert("lessons", Lesson(on, incident.lesson, incident_id))
    return book.get("incidents", incident_id)


def add_lesson(book: Book, on: date, text: str) -> Lesson:
    """A note or idea for the journal, not tied to an incident."""
    lesson = Lesson(on, v.text("lesson", text, required=True))
    with book.transaction(_("new lesson")):
        lesson.id = book.insert("lessons", lesson)
    return lesson


def step_change(step: str, ref: str) -> str:
    """The change recording a step, as undo names it: 'followed up on 2026-014'."""
    return _("{step} on {ref}").format(step=step_label(step), ref=ref)


def open_incidents(book: Book) -> list[Incident]:
    """The recovery plans still open, the oldest first."""
    return sorted((i for i in book.incidents() if i.is_open), key=lambda i: (i.opened, i.id))
