"""Recovery plans as figures: the next step of a plan, and whether clients came back."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .models import Incident, Order

STEPS = (("apologised", "apologise"), ("fixed", "fix"), ("followed_up", "follow up"),
         ("feedback_asked", "ask for feedback"))
"""The four steps in order: (the incident's date field, the step's name)."""


@dataclass(frozen=True, slots=True)
class Recovery:
    """Clients who went through a closed recovery plan, how many ordered again, and the rate."""

    clients: int
    came_back: int
    rate: float | None


def next_step(incident: Incident) -> str | None:
    """The first step not yet dated, then 'close'; None once the plan is closed."""
    if incident.closed is not None:
        return None
    return next((name for field, name in STEPS if getattr(incident, field) is None), "close")


def recovery_figure(incidents: Iterable[Incident], orders: Iterable[Order]) -> Recovery:
    """Clients with a closed plan, and how many ordered (not cancelled) after their latest one."""
    closed: dict[int, date] = {}
    for incident in incidents:
        if incident.closed is not None:
            known = closed.get(incident.client_id)
            closed[incident.client_id] = max(known, incident.closed) if known else incident.closed
    last_order: dict[int, date] = {}
    for order in orders:
        if order.status != "cancelled" and order.client_id in closed:
            known = last_order.get(order.client_id)
            last_order[order.client_id] = max(known, order.received) if known else order.received
    came_back = sum(1 for client_id, day in closed.items()
                    if client_id in last_order and last_order[client_id] > day)
    return Recovery(len(closed), came_back, came_back / len(closed) if closed else None)
