"""The kaizen figures month by month: on time, average delay, repeat clients, revenue (§5)."""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .paradox import Paradox, paradox
from .performance import (OnTime, average_days_late, last_months, on_time, on_time_by_month,
                          order_value, repeat_client_share)
from .recovery import Recovery, recovery_figure

MONTHS = 12
"""How many months the journal shows."""


@dataclass(frozen=True, slots=True)
class MonthFigures:
    """One month of kaizen figures."""

    month: date
    on_time: OnTime
    average_delay: float | None
    repeat_share: float | None
    revenue: Decimal
    """Price plus extras of the orders delivered that month (cash received once invoices exist)."""


@dataclass(frozen=True, slots=True)
class Summary:
    """The last twelve months in a few figures, and whether clients came back after a plan."""

    since: date
    on_time: OnTime
    average_delay: float | None
    recovery: Recovery


def month_bounds(key: str) -> tuple[date, date]:
    """First and last day of the month 'YYYY-MM'."""
    year, month = int(key[:4]), int(key[5:])
    return date(year, month, 1), date(year, month, monthrange(year, month)[1])


def _received_since(orders: list, first_day: date) -> list:
    """Orders received since `first_day`, plus each client's first order if older.

    The repeat-client share gives the same answer on these as on the whole book.
    """
    earliest = {}
    for order in orders:
        known = earliest.get(order.client_id)
        if order.status != "cancelled" and (known is None or order.received < known.received):
            earliest[order.client_id] = order
    recent = [order for order in orders if order.received >= first_day]
    return recent + [order for order in earliest.values() if order.received < first_day]


def monthly_figures(orders: list, today: date, months: int = MONTHS) -> list[MonthFigures]:
    """The kaizen figures of the last `months` months, newest first."""
    first_day = month_bounds(last_months(today, months)[0])[0]
    delivered = [o for o in orders if o.delivered is not None and o.delivered >= first_day]
    received = _received_since(orders, first_day)
    rows = []
    for key, figures in on_time_by_month(delivered, today, months):
        start, end = month_bounds(key)
        rows.append(MonthFigures(start, figures, average_days_late(delivered, start, end),
                                 repeat_client_share(received, start, end),
                                 _revenue(delivered, start, end)))
    return rows[::-1]


def _revenue(delivered: list, start: date, end: date) -> Decimal:
    return sum((order_value(o) for o in delivered
                if o.status != "cancelled" and start <= o.delivered <= end), Decimal("0"))


def summary(orders: list, incidents: list, months: list[MonthFigures], today: date) -> Summary:
    """The months' span (oldest first day to today) in one line, and the recovery figure."""
    start = months[-1].month
    return Summary(start, on_time(orders, start, today), average_days_late(orders, start, today),
                   recovery_figure(incidents, orders))


@dataclass(frozen=True, slots=True)
class Kaizen:
    """Everything `kaizen` and the journal show: months newest first, the summary, the paradox."""

    today: date
    months: list[MonthFigures]
    summary: Summary
    paradox: Paradox


def kaizen(orders: list, incidents: list, today: date, months: int = MONTHS) -> Kaizen:
    """The kaizen figures of the book on `today`."""
    rows = monthly_figures(orders, today, months)
    return Kaizen(today, rows, summary(orders, incidents, rows, today), paradox(orders, incidents))
