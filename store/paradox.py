"""The recovery paradox measured (DOMAIN.md §3): do clients who lived through a plan come back?

Two groups, each measured from one day per client:
- **after a plan**: clients with a closed recovery plan, from the close of their latest one
  (as store.recovery.recovery_figure counts them, so the journal agrees);
- **never an incident**: clients with a delivered order and no incident at all, from their
  first delivery (the moment any client decides whether to come back).
"Came back" means an order (not cancelled) received after that day; spend is price plus
extras, before (received up to that day) and after, averaged over the group's clients.
Parted clients count: a client lost after a recovery is exactly what this measures.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from statistics import median

from .i18n import _
from .loyalty import group_by_client, placed
from .models import Incident, Order
from .performance import order_value
from .recovery import plan_days


@dataclass(frozen=True, slots=True)
class Cohort:
    """One group of clients and what they did after their day."""

    label: str
    clients: int
    came_back: int
    median_days: float | None
    """Median days from the day to the next order, among those who came back."""
    spend_before: Decimal
    """Average spend per client up to the day."""
    spend_after: Decimal
    """Average spend per client after the day."""

    @property
    def rate(self) -> float | None:
        """Share of the group who ordered again; None for an empty group."""
        return self.came_back / self.clients if self.clients else None


@dataclass(frozen=True, slots=True)
class Paradox:
    """Clients after a closed plan beside clients who never had an incident."""

    after_plan: Cohort
    untroubled: Cohort


def _average(total: Decimal, count: int) -> Decimal:
    return (total / count).quantize(Decimal("0.01")) if count else Decimal("0")


def cohort(label: str, days: dict[int, date], orders_of: dict[int, list[Order]]) -> Cohort:
    """The figures of the clients in `days` (client id → the day they are measured from)."""
    before = after = Decimal("0")
    waits = []
    for client_id, day in days.items():
        kept = placed(orders_of.get(client_id, ()))
        before += sum((order_value(o) for o in kept if o.received <= day), Decimal("0"))
        after += sum((order_value(o) for o in kept if o.received > day), Decimal("0"))
        later = [o.received for o in kept if o.received > day]
        if later:
            waits.append((min(later) - day).days)
    return Cohort(label, len(days), len(waits), float(median(waits)) if waits else None,
                  _average(before, len(days)), _average(after, len(days)))


def first_delivery_days(orders_of: dict[int, list[Order]], troubled: set[int]) -> dict[int, date]:
    """Client id → their first delivery, for clients never in an incident."""
    days = {}
    for client_id, own in orders_of.items():
        delivered = [o.delivered for o in placed(own) if o.delivered is not None]
        if delivered and client_id not in troubled:
            days[client_id] = min(delivered)
    return days


def paradox(orders: Iterable[Order], incidents: Iterable[Incident]) -> Paradox:
    """The two groups of the recovery paradox, from the whole book."""
    incidents = list(incidents)
    orders_of = group_by_client(orders)
    troubled = {incident.client_id for incident in incidents}
    return Paradox(cohort(_("after a recovery plan"), plan_days(incidents), orders_of),
                   cohort(_("never an incident"), first_delivery_days(orders_of, troubled),
                          orders_of))
