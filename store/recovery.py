"""The recovery plan, defined once: its steps in order, the next one, and whether clients came back.

The domain's four steps (DOMAIN.md §3) are five dated fields, the last step being asked
then heard: apologise, fix, follow up (with an optional gesture), feedback (asked, received).
Every screen, dialog and command asks this module what comes next.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .models import Incident, Order

STEPS = ("apologised", "fixed", "followed_up", "feedback_asked", "feedback_received")
"""The plan's dated fields, in the order they are done."""

STEP_NAMES = {"apologised": "apologise", "fixed": "fix", "followed_up": "follow up",
              "feedback_asked": "ask for feedback", "feedback_received": "hear feedback"}
"""Each step as the next thing to do (the `next` of `incident show --json`)."""

STEP_NUMBERS = {"apologised": "1", "fixed": "2", "followed_up": "3", "feedback_asked": "4a",
                "feedback_received": "4b"}
"""Each step's place among the domain's four (feedback is asked, then heard)."""

STEP_DETAILS = {
    "fixed": ("solution", "client_proposal"),
    "followed_up": ("gesture",),
    "feedback_received": ("feedback",),
}
"""The text fields each step may carry beside its date."""

CLOSE = "close"


@dataclass(frozen=True, slots=True)
class Recovery:
    """Clients who went through a closed recovery plan, how many ordered again, and the rate."""

    clients: int
    came_back: int
    rate: float | None


def pending_step(incident: Incident) -> str | None:
    """The first step (field name) not yet dated; None when every step is dated."""
    return next((step for step in STEPS if getattr(incident, step) is None), None)


def next_step(incident: Incident) -> str | None:
    """What to do next: a step's name, then 'close'; None once the plan is closed."""
    if incident.closed is not None:
        return None
    step = pending_step(incident)
    return STEP_NAMES[step] if step else CLOSE


def steps_missing_before(incident: Incident, step: str) -> list[str]:
    """The earlier steps still undated (a step is recorded only after those before it)."""
    return [s for s in STEPS[:STEPS.index(step)] if getattr(incident, s) is None]


def undone_steps(incident: Incident) -> list[str]:
    """Every step without a date, in order (shown before closing a plan early)."""
    return [s for s in STEPS if getattr(incident, s) is None]


def reachable(incident: Incident, step: str) -> bool:
    """The step can be recorded now: the plan is open and the steps before it are done."""
    return incident.closed is None and not steps_missing_before(incident, step)


def selectable(incident: Incident, step: str) -> bool:
    """The step can be chosen on an open plan: done (to correct its details) or reachable."""
    return incident.closed is None and (getattr(incident, step) is not None
                                        or reachable(incident, step))


LETTER_STEPS = {"apology": "apologised", "follow-up": "followed_up", "feedback": "feedback_asked"}
"""The step a letter of this kind records on the order's open plan."""


def step_for_letter(incident: Incident | None, kind: str) -> str | None:
    """The step that filing a letter of `kind` records on this plan, if it is due now."""
    step = LETTER_STEPS.get(kind)
    if incident is None or step is None or getattr(incident, step) is not None:
        return None
    return step if reachable(incident, step) else None


def letter_for(incident: Incident, order: Order) -> str:
    """The letter the plan calls for now: the apology first; the feedback request once the
    follow-up is done and the work delivered; otherwise a follow-up (where things stand)."""
    step = pending_step(incident)
    if step == "apologised":
        return "apology"
    if step == "feedback_asked" and order.delivered is not None:
        return "feedback"
    return "follow-up"


def step_letter(incident: Incident, order: Order) -> str | None:
    """The letter whose filing records the plan's pending step; None when that step has none."""
    kind = letter_for(incident, order)
    return kind if step_for_letter(incident, kind) is not None else None


def plan_days(incidents: Iterable[Incident]) -> dict[int, date]:
    """Client id → the close of their latest closed plan."""
    closed: dict[int, date] = {}
    for incident in incidents:
        if incident.closed is not None:
            known = closed.get(incident.client_id)
            closed[incident.client_id] = max(known, incident.closed) if known else incident.closed
    return closed


def recovery_figure(incidents: Iterable[Incident], orders: Iterable[Order]) -> Recovery:
    """Clients with a closed plan, and how many ordered (not cancelled) after their latest one."""
    closed = plan_days(incidents)
    last_order: dict[int, date] = {}
    for order in orders:
        if order.status != "cancelled" and order.client_id in closed:
            known = last_order.get(order.client_id)
            last_order[order.client_id] = max(known, order.received) if known else order.received
    came_back = sum(1 for client_id, day in closed.items()
                    if client_id in last_order and last_order[client_id] > day)
    return Recovery(len(closed), came_back, came_back / len(closed) if closed else None)
