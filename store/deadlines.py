"""Deadlines: days paused, effective due dates, days late, overdue and due-soon work.

Pure functions of plain records and *today*. The clock stops while an order is paused
(waiting on the client): paused days push the due date back, day for day.
"""

from __future__ import annotations

from collections import namedtuple
from datetime import date, timedelta

from .models import Client, Order, Profile

DUE_SOON_DAYS = 7
"""How far ahead (in days) open work counts as due soon."""


class DeadlineLine(namedtuple("DeadlineLine", ("order", "client", "days_late", "effective_due"))):
    """One open order on a deadline list: its client (or None), days late (< 0: days left)."""

    __slots__ = ()


def ref_key(ref: str) -> tuple:
    """Sort key of a reference: 2026-1000 after 2026-999."""
    year, _, number = ref.partition("-")
    return (year, int(number) if number.isdigit() else 0, ref)


def _clock_stop(order: Order, today: date) -> date:
    """The day an open pause stops counting: today, or delivery/cancellation if earlier."""
    ended = order.delivered or order.cancelled
    return min(ended, today) if ended else today


def all_paused_days(order: Order, today: date) -> int:
    """Every day spent waiting on the client; an open pause counts up to today."""
    total = 0
    for pause in order.pauses:
        end = pause.end if pause.end is not None else _clock_stop(order, today)
        total += max(0, (end - pause.start).days)
    return total


def paused_days(order: Order, today: date) -> int:
    """Days spent waiting on the client since the due date was last set; an open pause counts
    up to today.

    A postponement names a firm date that already allows for the waiting before it, so only
    the days paused after it push that date back."""
    since = order.postponements[-1].on if order.postponements else None
    total = 0
    for pause in order.pauses:
        start = pause.start if since is None else max(pause.start, since)
        end = pause.end if pause.end is not None else _clock_stop(order, today)
        total += max(0, (end - start).days)
    return total


def client_postponed_days(order: Order) -> int:
    """Days the due date was moved by postponements the client caused."""
    return sum((p.to_date - p.from_date).days for p in order.postponements if p.cause == "client")


def effective_due(order: Order, today: date) -> date:
    """The current due date pushed back by the days paused."""
    return order.due + timedelta(days=paused_days(order, today))


def tolerance_for(client: Client | None, profile: Profile) -> int:
    """The client's own delay tolerance, else the business default."""
    if client is not None and client.tolerance_days is not None:
        return client.tolerance_days
    return profile.tolerance_days


def days_late(order: Order, today: date) -> int:
    """Days past the effective due date (0 on the day itself, negative = days left)."""
    return (today - effective_due(order, today)).days


def _is_overdue_by(order: Order, late: int, tolerance: int) -> bool:
    """Open and more than `tolerance` days past the effective due date."""
    return order.is_open and late > tolerance


def _is_due_soon_by(order: Order, late: int, tolerance: int, within: int) -> bool:
    """Open, not overdue, and due within `within` days (or late but still within tolerance)."""
    return order.is_open and -within <= late <= tolerance


def _deadline_lines(orders: list[Order], clients_by_id: dict[int, Client], profile: Profile,
                    today: date, keep) -> list[DeadlineLine]:
    """Open orders kept by keep(order, days_late, tolerance), most late first."""
    lines = []
    for order in orders:
        if not order.is_open:
            continue
        client = clients_by_id.get(order.client_id)
        due = effective_due(order, today)
        late = (today - due).days
        if keep(order, late, tolerance_for(client, profile)):
            lines.append(DeadlineLine(order, client, late, due))
    return sorted(lines, key=lambda line: (-line.days_late, ref_key(line.order.ref)))


def overdue(orders: list[Order], clients_by_id: dict[int, Client], profile: Profile,
            today: date) -> list[DeadlineLine]:
    """Overdue orders, most late first, ties by reference; parted clients' work is still owed."""
    return _deadline_lines(orders, clients_by_id, profile, today, _is_overdue_by)


def due_soon(orders: list[Order], clients_by_id: dict[int, Client], profile: Profile,
             today: date, within: int = DUE_SOON_DAYS) -> list[DeadlineLine]:
    """Open orders due within `within` days (or late within tolerance), soonest first."""
    def keep(order: Order, late: int, tolerance: int) -> bool:
        return _is_due_soon_by(order, late, tolerance, within)
    return _deadline_lines(orders, clients_by_id, profile, today, keep)


def delivered_late_days(order: Order) -> int | None:
    """Days delivered after the original due, less client postponements and pauses (< 0 = early)."""
    if order.delivered is None or order.status == "cancelled":
        return None
    forgiven = client_postponed_days(order) + all_paused_days(order, order.delivered)
    return (order.delivered - order.due_original).days - forgiven


def delivered_late_days_current(order: Order) -> int | None:
    """Days delivered after the current due date plus paused days (negative = early)."""
    if order.delivered is None or order.status == "cancelled":
        return None
    return (order.delivered - order.due).days - paused_days(order, order.delivered)
