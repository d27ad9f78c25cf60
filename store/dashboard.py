"""What needs attention today, and the key figures: the rules composed for one screen."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from .book import Book
from .deadlines import DeadlineLine, due_soon, overdue
from .errors import NotFound
from .i18n import N_, _
from .incidents import open_incidents
from .loyalty import FEEDBACK_KINDS, AtRisk, at_risk_clients, silent_clients
from .milestones import Milestone, milestones
from .models import Client, FollowUp, Incident, Letter
from .money_records import MoneyDocument
from .performance import on_time, on_time_by_month, revenue
from .receipts import unpaid_invoices
from .recovery import letter_for, next_step
from .relations import pending_followups

SILENT_REASON = N_("never gave feedback: ask for it")
"""Why a silent client (who is not also at risk) is worth looking after."""
ON_TIME_WINDOW_DAYS = 90
TREND_MONTHS = 12


@dataclass(frozen=True, slots=True)
class FollowUpLine:
    """A follow-up due today or late, with its client and days late (0 = due today)."""

    followup: FollowUp
    client: Client | None
    days_late: int


@dataclass(frozen=True, slots=True)
class IncidentLine:
    """An open recovery plan, its client, the order's title and the next step to take."""

    incident: Incident
    client: Client | None
    order_title: str
    next_step: str
    letter: str
    """The letter the plan calls for now (store.recovery.letter_for)."""


@dataclass(frozen=True, slots=True)
class Dashboard:
    """Everything the dashboard shows, computed for one day."""

    today: date
    overdue: list[DeadlineLine]
    due_soon: list[DeadlineLine]
    followups: list[FollowUpLine]
    incidents: list[IncidentLine]
    at_risk: list[AtRisk]
    silent: list[Client]
    milestones: list[Milestone]
    on_time_rate: float | None
    """Share of deliveries of the last 90 days made by their original due date."""
    delivered_recently: int
    trend: list[tuple[date, float | None]]
    """(first day of the month, on-time rate or None), the last 12 months, oldest first."""
    active_orders: int
    revenue_this_year: Decimal
    letters_sent: dict[str, Letter]
    """The latest letter sent about each order on the lists, by reference (an apology once
    sent should show, so a second one is not sent by mistake)."""
    unpaid: list[tuple[MoneyDocument, int, Decimal]] = field(default_factory=list)
    """Invoices past their due date still owed: (invoice, days late, owed), most late first."""

    @property
    def attention_count(self) -> int:
        """Lines that call for an action today."""
        return len(self.overdue) + len(self.followups) + len(self.incidents) + len(self.unpaid)


def _incident_lines(book: Book, clients: dict[int, Client]) -> list[IncidentLine]:
    lines = []
    for incident in open_incidents(book):
        try:
            order = book.order(incident.order_ref)
        except NotFound:
            continue
        lines.append(IncidentLine(incident, clients.get(incident.client_id), order.title,
                                  next_step(incident), letter_for(incident, order)))
    return lines


def carries_feedback(doc: dict) -> bool:
    """The stored interactions the dashboard's loyalty rules read (feedback, complaints, scores)."""
    return doc["kind"] in FEEDBACK_KINDS or doc.get("satisfaction") is not None


def dashboard(book: Book, today: date) -> Dashboard:
    """Compose the rules over the whole book for `today`."""
    clients = book.clients_by_id()
    all_clients = list(clients.values())
    orders = book.orders()
    interactions = book.search("interactions", carries_feedback)
    profile = book.profile
    followups = [FollowUpLine(f, clients.get(f.client_id), (today - f.due).days)
                 for f in pending_followups(book, today)]
    recent = on_time(orders, today - timedelta(days=ON_TIME_WINDOW_DAYS), today)
    trend = [(date(int(key[:4]), int(key[5:]), 1), figure.rate_original)
             for key, figure in on_time_by_month(orders, today, TREND_MONTHS)]
    late = overdue(orders, clients, profile, today)
    soon = due_soon(orders, clients, profile, today)
    return Dashboard(
        today=today,
        overdue=late,
        due_soon=soon,
        followups=followups,
        incidents=_incident_lines(book, clients),
        at_risk=at_risk_clients(all_clients, orders, interactions, book.incidents(), today),
        silent=silent_clients(all_clients, orders, interactions),
        milestones=milestones(all_clients, orders, today),
        on_time_rate=recent.rate_original,
        delivered_recently=recent.delivered,
        trend=trend,
        active_orders=sum(1 for o in orders if o.is_open),
        revenue_this_year=revenue(orders, today.year),
        letters_sent=latest_letters(book, {line.order.ref for line in (*late, *soon)}),
        unpaid=unpaid_invoices(book, today),
    )


def latest_letters(book: Book, refs: set[str]) -> dict[str, Letter]:
    """The most recent letter about each of these orders."""
    latest: dict[str, Letter] = {}
    for letter in book.letters():
        if letter.order_ref in refs:
            known = latest.get(letter.order_ref)
            if known is None or (letter.date, letter.id) > (known.date, known.id):
                latest[letter.order_ref] = letter
    return latest


def look_after_rows(board: Dashboard) -> list[dict]:
    """Clients at risk (with their reasons), then silent clients not already listed."""
    rows = [{"client_id": risk.client.id, "client": risk.client.name,
             "reason": _("; ").join(risk.reasons), "why": "at risk"} for risk in board.at_risk]
    listed = {risk.client.id for risk in board.at_risk}
    rows += [{"client_id": client.id, "client": client.name, "reason": _(SILENT_REASON),
              "why": "silent"} for client in board.silent if client.id not in listed]
    return rows
