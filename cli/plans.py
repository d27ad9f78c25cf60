"""Recovery plans on the command line: incident open, step, close, show."""

from __future__ import annotations

import argparse

from store import board, incidents, plan_steps
from store.book import Book
from store.errors import CarnetError
from store.i18n import _
from store.labels import CAUSE_TAGS, STEP_NAMES, label, next_line
from store.models import Incident
from store.recovery import STEPS, undone_steps

from .common import emit, reading, said, to_json, writing


def _row(book: Book, incident: Incident) -> dict:
    return board.incident_row(incident, book.client(incident.client_id))


def _done(args: argparse.Namespace, book: Book) -> tuple[Incident, str]:
    """Open, step or close the plan; returns it and what the line says was done."""
    if args.action == "open":
        incident = incidents.open_incident(book, args.ref, args.today, args.what, args.cause)
        return incident, _("recovery plan opened")
    if args.action == "step":
        incident = plan_steps.record_plan_step(book, args.ref, args.step, args.today, args.note)
        return incident, _("{step} on {date}").format(step=label(STEP_NAMES, args.step),
                                                      date=said(args.today))
    if args.lesson is None:
        raise CarnetError(_("incident close needs --lesson TEXT: the lesson learned goes to "
                            "the journal"))
    incident = plan_steps.close_plan(book, args.ref, args.today, args.lesson)
    undone = ", ".join(label(STEP_NAMES, step) for step in undone_steps(incident))
    if undone:
        return incident, _("closed on {date} (steps left undone: {steps})").format(
            date=said(args.today), steps=undone)
    return incident, _("closed on {date}").format(date=said(args.today))


def cmd_incident(args: argparse.Namespace) -> int:
    if args.action == "show":
        return show(args)
    with writing(args) as book:
        incident, done = _done(args, book)
        row = _row(book, incident)
    line = f"{incident.order_ref} {done}"
    if row["next"]:
        line = _("{done}; {rest}").format(done=line, rest=next_line(row["next"]))
    return emit(args, line, row)


def show(args: argparse.Namespace) -> int:
    with reading(args) as book:
        row = _row(book, incidents.plan_of(book, args.ref))
    if args.json:
        print(to_json(row))
        return 0
    words = dict(ref=row["ref"], client=row["client"], opened=said(row["opened"]))
    if row["closed"] is None:
        print(_("Recovery plan on {ref} ({client}), opened {opened}, open").format(**words))
    else:
        print(_("Recovery plan on {ref} ({client}), opened {opened}, closed on {closed}")
              .format(closed=said(row["closed"]), **words))
    print(_("What happened: {what} ({cause})").format(what=row["what"],
                                                      cause=label(CAUSE_TAGS, row["cause"])))
    for step in STEPS:
        note = row.get(plan_steps.STEP_NOTES.get(step, ""), "")
        print(f"  {label(STEP_NAMES, step):<18} {said(row[step]) or '—'}"
              + (f"  {note}" if note else ""))
    if row["lesson"]:
        print(_("Lesson: {lesson}").format(lesson=row["lesson"]))
    else:
        text = next_line(row["next"])
        print(text[:1].upper() + text[1:])
    return 0
