"""Kaizen figures: on-time rate (per month too), average delay, repeat clients, revenue.

The on-time rate is strict: the delay tolerance is NOT applied, a delivery one day after
the deadline is late. Delays caused by the client never count against it: days paused
while waiting on the client always push the deadline back, and so do client-caused
postponements when measuring against the original date. Cancelled and undelivered orders
are left out. The repeat-client share ignores cancelled orders, and "an earlier order"
means one received on a strictly earlier day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .deadlines import delivered_late_days, delivered_late_days_current
from .models import Order


@dataclass(frozen=True, slots=True)
class OnTime:
    """Delivered orders in a period and how many were on time; rates are 0..1, None if none."""

    delivered: int
    on_time_original: int
    on_time_current: int
    rate_original: float | None
    rate_current: float | None


def _in_window(day: date, start: date | None, end: date | None) -> bool:
    return (start is None or day >= start) and (end is None or day <= end)


def _delivered(orders: list[Order], start: date | None = None, end: date | None = None):
    """Delivered, not cancelled orders whose delivery date falls in [start, end]."""
    for order in orders:
        if (order.delivered is not None and order.status != "cancelled"
                and _in_window(order.delivered, start, end)):
            yield order


def is_on_time_original(order: Order) -> bool:
    """Delivered by the original date plus client-caused postponements and paused days."""
    late = delivered_late_days(order)
    return late is not None and late <= 0


def is_on_time_current(order: Order) -> bool:
    """Delivered by the current (renegotiated) date plus paused days."""
    late = delivered_late_days_current(order)
    return late is not None and late <= 0


def _on_time_of(delivered: list[Order]) -> OnTime:
    count = len(delivered)
    original = sum(1 for order in delivered if is_on_time_original(order))
    current = sum(1 for order in delivered if is_on_time_current(order))
    return OnTime(count, original, current,
                  original / count if count else None, current / count if count else None)


def on_time(orders: list[Order], start: date | None = None, end: date | None = None) -> OnTime:
    """On-time figures over orders delivered in [start, end] (either bound optional)."""
    return _on_time_of(list(_delivered(orders, start, end)))


def month_key(day: date) -> str:
    """'YYYY-MM' of a date."""
    return f"{day.year:04d}-{day.month:02d}"


def last_months(today: date, months: int) -> list[str]:
    """The `months` month keys ending with today's month, oldest first."""
    keys = []
    year, month = today.year, today.month
    for _ in range(months):
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return keys[::-1]


def on_time_by_month(orders: list[Order], today: date,
                     months: int = 12) -> list[tuple[str, OnTime]]:
    """On-time figures per delivery month, oldest first, ending with today's month."""
    keys = last_months(today, months)
    buckets: dict[str, list[Order]] = {key: [] for key in keys}
    for order in _delivered(orders):
        bucket = buckets.get(month_key(order.delivered))
        if bucket is not None:
            bucket.append(order)
    return [(key, _on_time_of(buckets[key])) for key in keys]


def average_days_late(orders: list[Order], start: date | None = None,
                      end: date | None = None) -> float | None:
    """Mean days late vs the current date plus pauses (early counts as 0); None if none."""
    lateness = [max(0, delivered_late_days_current(order))
                for order in _delivered(orders, start, end)]
    return sum(lateness) / len(lateness) if lateness else None


def repeat_client_share(orders: list[Order], start: date, end: date) -> float | None:
    """Share of orders received in [start, end] from clients who ordered on an earlier day."""
    kept = [order for order in orders if order.status != "cancelled"]
    first: dict[int, date] = {}
    for order in kept:
        known = first.get(order.client_id)
        if known is None or order.received < known:
            first[order.client_id] = order.received
    window = [order for order in kept if _in_window(order.received, start, end)]
    if not window:
        return None
    repeats = sum(1 for order in window if order.received > first[order.client_id])
    return repeats / len(window)


def order_value(order: Order) -> Decimal:
    """Price plus extras requested later."""
    return order.price + sum((extra.price for extra in order.extras), Decimal("0"))


def revenue(orders: list[Order], year: int) -> Decimal:
    """Price plus extras of the orders delivered in `year` (cancelled ones excluded)."""
    return sum((order_value(order) for order in _delivered(orders)
                if order.delivered.year == year), Decimal("0"))
