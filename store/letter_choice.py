"""Which letter a situation calls for: the default kind wherever a letter is one key away."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from .models import FollowUp, Incident, Order
from .recovery import letter_for


def letter_for_order(order: Order, plan: Incident | None, today: date) -> str:
    """The plan's letter while one is open; an apology for work past its date; else a follow-up
    (where the work stands, or whether the delivered work met expectations)."""
    from .letter_state import passed
    if plan is not None and plan.is_open:
        return letter_for(plan, order)
    if passed(order, today):
        return "apology"
    return "follow-up"


def letter_for_client(client_id: int, orders: Iterable[Order]) -> str:
    """A feedback request once something was delivered, else thanks for the trust."""
    delivered = any(o.client_id == client_id and o.delivered is not None
                    and o.status != "cancelled" for o in orders)
    return "feedback" if delivered else "thanks"


def letter_for_followup(followup: FollowUp) -> str:
    """A follow-up about feedback calls for the feedback request; any other for a follow-up."""
    return "feedback" if followup.purpose in ("ask feedback", "hear feedback") else "follow-up"


SLIPPING = ("at risk", "hibernating", "lost")
"""Segments of clients drifting away: a follow-up asks how things stand."""


def letter_for_loyalty(segment: str, signals, at_risk: bool = False) -> str:
    """A follow-up to a client at risk or slipping away, thanks to a champion, a feedback
    request to a silent client, else thanks for the trust."""
    if at_risk or segment in SLIPPING:
        return "follow-up"
    if segment == "champion":
        return "thanks"
    return "feedback" if signals.silent else "thanks"
