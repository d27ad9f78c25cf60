"""The kaizen figures month by month: on time, average delay, repeat clients (DOMAIN.md §5)."""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date

from .performance import (OnTime, average_days_late, last_months, on_time_by_month,
                          repeat_client_share)

MONTHS = 12
"""How many months the journal shows."""


@dataclass(frozen=True, slots=True)
class MonthFigures:
    """One month of kaizen figures."""

    month: date
    on_time: OnTime
    average_delay: float | None
    repeat_share: float | None


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
                                 repeat_client_share(received, start, end)))
    return rows[::-1]
