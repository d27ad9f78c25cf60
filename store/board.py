"""JSON-ready rows of what needs attention: follow-ups, recovery plans, the dashboard.

Pure functions of the book and *today*, beside listing.py: the command line prints them
as they are (`followups --json`, `incident show --json`, `dashboard --json`), and every
rule comes from the store's rule modules (dashboard, recovery, relations), imported by the
rows that need them: `followups` loads no dashboard.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from .book import Book
from .listing import deadline_row
from .models import Client, iso
from .relations import open_followups

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .dashboard import Dashboard, IncidentLine
    from .history import FollowUp, Incident
    from .milestones import Milestone
    from .money_records import MoneyDocument


def _name(client: Client | None) -> str | None:
    return client.name if client is not None else None


def record_row(record) -> dict:
    """Any stored record as JSON: its id (when it has one) and its stored fields."""
    doc = record.to_doc()
    return {"id": record.id, **doc} if hasattr(record, "id") else doc


def followup_row(followup: FollowUp, client: Client | None, today: date) -> dict:
    """One follow-up; days_late is 0 when due today, negative while still ahead."""
    return {
        "id": followup.id, "client_id": followup.client_id, "client": _name(client),
        "what": followup.what, "due": iso(followup.due),
        "days_late": (today - followup.due).days, "order": followup.order_ref,
        "done": iso(followup.done), "purpose": followup.purpose,
    }


def followup_rows(book: Book, today: date) -> list[dict]:
    """Every open follow-up (parted clients' left out), most late first."""
    clients = book.clients_by_id()
    return [followup_row(f, clients.get(f.client_id), today) for f in open_followups(book, today)]


def incident_row(incident: Incident, client: Client | None = None) -> dict:
    """A recovery plan: its dates (ISO or null), its details and the next thing to do."""
    from .recovery import STEPS, next_step

    row = {"ref": incident.order_ref, "id": incident.id, "client_id": incident.client_id,
           "client": _name(client), "what": incident.what, "cause": incident.cause,
           "opened": iso(incident.opened)}
    row.update({step: iso(getattr(incident, step)) for step in STEPS})
    row.update({"closed": iso(incident.closed), "next": next_step(incident),
                "solution": incident.solution, "client_proposal": incident.client_proposal,
                "gesture": incident.gesture, "feedback": incident.feedback,
                "lesson": incident.lesson})
    return row


def plan_row(line: IncidentLine) -> dict:
    """An open plan as the dashboard lists it."""
    return {"ref": line.incident.order_ref, "id": line.incident.id,
            "client_id": line.incident.client_id, "client": _name(line.client),
            "title": line.order_title, "what": line.incident.what, "next": line.next_step}


def milestone_row(milestone: Milestone) -> dict:
    return {"client_id": milestone.client.id, "client": milestone.client.name,
            "kind": milestone.kind, "on": iso(milestone.on), "detail": milestone.detail,
            "count": milestone.count}


def buyer_name(buyer: dict) -> str:
    """A document's buyer as it was issued to: the person, else the organisation."""
    person = " ".join(part for part in (buyer.get("first_name"), buyer.get("last_name")) if part)
    return person or buyer.get("organisation", "")


def unpaid_row(doc: MoneyDocument, days_late: int, owed: Decimal) -> dict:
    """An invoice past its due date, still owed (amount as a decimal string)."""
    from .money_records import money

    return {"number": doc.number, "kind": doc.kind, "ref": doc.order_ref,
            "client_id": doc.client_id, "client": buyer_name(doc.buyer), "due": iso(doc.due),
            "days_late": days_late, "outstanding": str(money(owed))}


def board_row(board: Dashboard) -> dict:
    """The dashboard as one JSON object: what needs attention on `board.today`."""
    from .dashboard import look_after_rows

    return {
        "today": iso(board.today),
        "overdue": [deadline_row(line) for line in board.overdue],
        "followups": [followup_row(line.followup, line.client, board.today)
                      for line in board.followups],
        "plans": [plan_row(line) for line in board.incidents],
        "due_soon": [deadline_row(line) for line in board.due_soon],
        "look_after": look_after_rows(board),
        "milestones": [milestone_row(m) for m in board.milestones],
        "unpaid": [unpaid_row(*line) for line in board.unpaid],
        "on_time_rate": board.on_time_rate,
        "active_orders": board.active_orders,
    }


def dashboard_row(book: Book, today: date) -> dict:
    """`dashboard --json`: the same dashboard the TUI shows, as JSON."""
    from .dashboard import dashboard

    return board_row(dashboard(book, today))
