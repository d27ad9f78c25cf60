"""Good news worth a thank-you note: a client's 10th or 25th order, the anniversary of the first.

Only orders that were not cancelled count. Parted clients get no milestones.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from .deadlines import ref_key
from .i18n import _, language, ngettext
from .loyalty import group_by_client, placed
from .models import Client, Order
from .text import name_key

ORDER_COUNTS = (10, 25)
"""The order counts worth celebrating."""
HORIZON_DAYS = 30


@dataclass(frozen=True, slots=True)
class Milestone:
    """A client's milestone: kind 'order-count' (count = nth order) or 'anniversary' (years)."""

    client: Client
    kind: str
    on: date
    detail: str
    count: int


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 10th, 11th, 21st, 25th."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def nth(n: int) -> str:
    """An order's rank in the interface's language: '10th' / '10e' (1re: une commande)."""
    if language() == "fr":
        return "1re" if n == 1 else f"{n}e"
    return ordinal(n)


def anniversary(first: date, year: int) -> date:
    """The anniversary of `first` in `year`; 28 February stands in for 29 February."""
    try:
        return first.replace(year=year)
    except ValueError:
        return first.replace(year=year, day=28)


def _order_counts(client: Client, ranked: list[Order], since: date,
                  today: date) -> list[Milestone]:
    found = []
    for count in ORDER_COUNTS:
        if len(ranked) >= count and since <= ranked[count - 1].received <= today:
            order = ranked[count - 1]
            detail = _("{nth} order: {ref} {title}").format(nth=nth(count), ref=order.ref,
                                                           title=order.title)
            found.append(Milestone(client, "order-count", order.received, detail, count))
    return found


def _anniversaries(client: Client, first: Order, today: date, until: date) -> list[Milestone]:
    found = []
    for year in range(max(today.year, first.received.year + 1), until.year + 1):
        on = anniversary(first.received, year)
        if today <= on <= until:
            years = year - first.received.year
            detail = ngettext("{count} year since the first order ({ref})",
                              "{count} years since the first order ({ref})", years).format(
                                  count=years, ref=first.ref)
            found.append(Milestone(client, "anniversary", on, detail, years))
    return found


def milestones(clients: Iterable[Client], orders: Iterable[Order], today: date,
               horizon: int = HORIZON_DAYS) -> list[Milestone]:
    """Nth orders received in the last `horizon` days and first-order anniversaries in the next."""
    since, until = today - timedelta(days=horizon), today + timedelta(days=horizon)
    orders_of = group_by_client(placed(orders))
    found = []
    for client in clients:
        if client.status == "parted" or client.id not in orders_of:
            continue
        ranked = sorted(orders_of[client.id], key=lambda o: (o.received, ref_key(o.ref)))
        found += _order_counts(client, ranked, since, today)
        found += _anniversaries(client, ranked[0], today, until)
    return sorted(found, key=lambda m: (m.on, name_key(m.client), m.kind))
