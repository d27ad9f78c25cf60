"""Recovery plans on the command line: incident open, step, close, show."""

from __future__ import annotations

import argparse

from store import board, incidents, plan_steps
from store.book import Book
from store.errors import CarnetError
from store.models import Incident
from store.recovery import STEPS, undone_steps

from .common import emit, reading, to_json, writing


def _row(book: Book, incident: Incident) -> dict:
    return board.incident_row(incident, book.client(incident.client_id))


def _next(row: dict) -> str:
    return f"next: {row['next']}" if row["next"] else "closed"


def cmd_incident(args: argparse.Namespace) -> int:
    if args.action == "show":
        return show(args)
    with writing(args) as book:
        if args.action == "open":
            incident = incidents.open_incident(book, args.ref, args.today, args.what, args.cause)
            done = "recovery plan opened"
        elif args.action == "step":
            incident = plan_steps.record_plan_step(book, args.ref, args.step, args.today,
                                                   args.note)
            done = f"{args.step} on {args.today.isoformat()}"
        else:
            if args.lesson is None:
                raise CarnetError("incident close needs --lesson TEXT: the lesson learned goes "
                                  "to the journal")
            incident = plan_steps.close_plan(book, args.ref, args.today, args.lesson)
            undone = ", ".join(undone_steps(incident))
            done = f"closed on {args.today.isoformat()}" + (
                f" (steps left undone: {undone})" if undone else "")
        row = _row(book, incident)
    after = f"; next: {row['next']}" if row["next"] else ""
    return emit(args, f"{incident.order_ref} {done}{after}", row)


def show(args: argparse.Namespace) -> int:
    with reading(args) as book:
        row = _row(book, incidents.plan_of(book, args.ref))
    if args.json:
        print(to_json(row))
        return 0
    state = "open" if row["closed"] is None else f"closed on {row['closed']}"
    print(f"Recovery plan on {row['ref']} ({row['client']}), opened {row['opened']}, {state}")
    print(f"What happened: {row['what']} (cause: {row['cause']})")
    for step in STEPS:
        note = row.get(plan_steps.STEP_NOTES.get(step, ""), "")
        print(f"  {step:<18} {row[step] or '—'}" + (f"  {note}" if note else ""))
    print(f"Lesson: {row['lesson']}" if row["lesson"] else _next(row).capitalize())
    return 0
