"""Segments over time: how many clients were in each segment at the end of each month."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .kaizen import MONTHS, month_bounds
from .loyalty import SEGMENTS, frequency_score, group_by_client, placed, recency_score, segment_for
from .models import Client, Order
from .performance import last_months


@dataclass(frozen=True, slots=True)
class SegmentCounts:
    """Clients per segment on one day (the end of a month, or today for the current one)."""

    day: date
    counts: dict[str, int]


def _segment(received: list[date], day: date, created: date | None) -> str | None:
    """The segment from the sorted days orders were received, on `day` (None: not a client)."""
    placed_by_then = bisect_right(received, day)
    if placed_by_then == 0:
        return None if created is None or created > day else "new"
    recency = recency_score((day - received[placed_by_then - 1]).days)
    frequency = frequency_score(placed_by_then)
    return segment_for(recency, frequency, placed_by_then)


def segments_by_month(clients: Iterable[Client], orders: Iterable[Order], today: date,
                      months: int = MONTHS) -> list[SegmentCounts]:
    """Clients (not parted today) per segment at each month's end, oldest first."""
    orders_of = group_by_client(orders)
    histories = [(sorted(o.received for o in placed(orders_of.get(c.id, ()))), c.created)
                 for c in clients if c.status != "parted"]
    found = []
    for key in last_months(today, months):
        day = min(month_bounds(key)[1], today)
        counts = dict.fromkeys(SEGMENTS, 0)
        for received, created in histories:
            segment = _segment(received, day, created)
            if segment is not None:
                counts[segment] += 1
        found.append(SegmentCounts(day, counts))
    return found
