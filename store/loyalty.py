"""Loyalty: last contact, RFM scores and segments, relationship signals, silent and at-risk clients.

RFM uses ABSOLUTE thresholds a one-person business can read, not quantiles:
- Recency, days since the last order received: <=90 → 5, <=180 → 4, <=365 → 3, <=730 → 2,
  else 1.
- Frequency, orders placed: >=10 → 5, >=6 → 4, >=3 → 3, 2 → 2, 1 → 1.
- Monetary, price + extras of those orders (euros): >=3000 → 5, >=1500 → 4, >=600 → 3,
  >=200 → 2, else 1.
A client without orders scores 0 on all three and is in the segment 'new'.
Cancelled orders are not counted anywhere here. Parted clients are left out of segments,
silent and at-risk lists (they keep their history).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from .deadlines import ref_key
from .i18n import _, ngettext
from .text import name_key
from .wording import said_day
from .models import Client, Incident, Interaction, Order
from .performance import order_value

RECENCY_DAYS = ((90, 5), (180, 4), (365, 3), (730, 2))
"""(at most this many days since the last order, score); older scores 1."""
FREQUENCY_ORDERS = ((10, 5), (6, 4), (3, 3), (2, 2), (1, 1))
"""(at least this many orders, score)."""
MONETARY_EUROS = ((3000, 5), (1500, 4), (600, 3), (200, 2))
"""(at least this much in total, score); less scores 1."""
SEGMENTS = ("champion", "loyal", "promising", "new", "at risk", "hibernating", "lost")
FEEDBACK_KINDS = ("feedback", "praise", "complaint")
COMPLAINT_WINDOW_DAYS = 90
"""A complaint this recent puts a client at risk."""


@dataclass(frozen=True, slots=True)
class Rfm:
    """A client's RFM scores (1–5, 0 without orders), segment and the figures behind them."""

    recency: int
    frequency: int
    monetary: int
    segment: str
    last_order: date | None
    orders: int
    revenue: Decimal


@dataclass(frozen=True, slots=True)
class Signals:
    """What the relationship says beyond money: gifts, praise, complaints, recoveries, feedback."""

    orders: int
    revenue: Decimal
    gifts: int
    praise: int
    complaints: int
    incidents: int
    recovered: int
    feedback_given: bool
    silent: bool


@dataclass(frozen=True, slots=True)
class AtRisk:
    """A client worth attention, with the short reasons why."""

    client: Client
    reasons: list[str]


def group_by_client(records: Iterable) -> dict[int, list]:
    """Records (orders, interactions, incidents) grouped by client_id, in one pass."""
    groups: dict[int, list] = {}
    for record in records:
        groups.setdefault(record.client_id, []).append(record)
    return groups


def placed(orders: Iterable[Order]) -> list[Order]:
    """The orders that count as business: all but cancelled ones."""
    return [order for order in orders if order.status != "cancelled"]


def order_counts(orders: Iterable[Order]) -> dict[int, int]:
    """Orders placed (cancelled ones not counted) per client id: what every list shows."""
    counts: dict[int, int] = {}
    for order in placed(orders):
        counts[order.client_id] = counts.get(order.client_id, 0) + 1
    return counts


def last_contact(interactions: Iterable[Interaction]) -> dict[int, datetime]:
    """The latest interaction's moment per client, in one pass."""
    latest: dict[int, datetime] = {}
    for interaction in interactions:
        known = latest.get(interaction.client_id)
        if known is None or interaction.when > known:
            latest[interaction.client_id] = interaction.when
    return latest


def recency_score(days: int) -> int:
    return next((score for limit, score in RECENCY_DAYS if days <= limit), 1)


def frequency_score(orders: int) -> int:
    return next((score for least, score in FREQUENCY_ORDERS if orders >= least), 0)


def monetary_score(total: Decimal) -> int:
    return next((score for least, score in MONETARY_EUROS if total >= least), 1)


def segment_for(recency: int, frequency: int, orders: int) -> str:
    """The named segment of R and F scores; the first matching rule wins."""
    if orders == 0:
        return "new"
    if recency >= 4 and frequency >= 4:
        return "champion"
    if recency >= 3 and frequency >= 3:
        return "loyal"
    if frequency == 1 and recency >= 4:
        return "new"
    if recency >= 3:
        return "promising"
    if recency <= 2 and frequency >= 3:
        return "at risk"
    if recency == 2:
        return "hibernating"
    return "lost"


def rfm(client: Client, client_orders: Iterable[Order], today: date) -> Rfm:
    """A client's RFM scores and segment from their orders (cancelled ones ignored)."""
    kept = placed(client_orders)
    if not kept:
        return Rfm(0, 0, 0, "new", None, 0, Decimal("0"))
    last = max(order.received for order in kept)
    total = sum((order_value(order) for order in kept), Decimal("0"))
    recency, frequency = recency_score((today - last).days), frequency_score(len(kept))
    return Rfm(recency, frequency, monetary_score(total),
               segment_for(recency, frequency, len(kept)), last, len(kept), total)


def segments(clients: Iterable[Client], orders: Iterable[Order], today: date) -> dict[int, Rfm]:
    """RFM of every client who is not parted, keyed by client id."""
    orders_of = group_by_client(orders)
    return {client.id: rfm(client, orders_of.get(client.id, ()), today)
            for client in clients if client.status != "parted"}


def gave_feedback(interaction: Interaction) -> bool:
    """An inbound feedback, praise or complaint, or any exchange with a satisfaction score."""
    return ((interaction.direction == "in" and interaction.kind in FEEDBACK_KINDS)
            or interaction.satisfaction is not None)


def _has_delivery(orders: Iterable[Order]) -> bool:
    return any(order.delivered is not None and order.status != "cancelled" for order in orders)


@dataclass(frozen=True, slots=True)
class Talk:
    """What a client's exchanges say, counted: how many of each kind, and whether they ever
    gave feedback."""

    kinds: dict[str, int]
    feedback_given: bool


def talk_of(client_interactions: Iterable[Interaction]) -> Talk:
    """One client's exchanges, counted."""
    kinds: dict[str, int] = {}
    feedback_given = False
    for interaction in client_interactions:
        kinds[interaction.kind] = kinds.get(interaction.kind, 0) + 1
        feedback_given = feedback_given or gave_feedback(interaction)
    return Talk(kinds, feedback_given)


def talks_by_client(interactions: Iterable[Interaction]) -> dict[int, Talk]:
    """Every client's exchanges, counted, in one pass over the book's."""
    return {client_id: talk_of(own) for client_id, own in group_by_client(interactions).items()}


TALKS = "exchanges counted by client"
"""What `prepare_talks` derives from the interactions table (kept while it is unchanged)."""


def _talks(book, wait: bool) -> dict[int, Talk] | None:
    return book.table_derived("interactions", TALKS,
                              lambda _rows: talks_by_client(book.interactions()), wait=wait)


def prepare_talks(book) -> None:
    """Count every client's exchanges now (in the background), for `client_talk`."""
    _talks(book, wait=True)


def client_talk(book, client_id: int) -> Talk:
    """A client's exchanges counted: from the book's prepared counts when they are ready for
    this state of it, else counted now."""
    prepared = _talks(book, wait=False)
    if prepared is not None:
        return prepared.get(client_id) or Talk({}, False)
    return talk_of(book.where("interactions", "client_id", client_id))


def signals(client: Client, client_orders: Iterable[Order],
            client_interactions: Iterable[Interaction] | Talk,
            client_incidents: Iterable[Incident]) -> Signals:
    """The relationship signals of one client from their own records (their exchanges, or
    those already counted)."""
    kept = placed(client_orders)
    talk = (client_interactions if isinstance(client_interactions, Talk)
            else talk_of(client_interactions))
    kinds, feedback_given = talk.kinds, talk.feedback_given
    incidents = list(client_incidents)
    last_order = max((order.received for order in kept), default=None)
    recovered = sum(1 for incident in incidents if incident.closed is not None
                    and last_order is not None and last_order > incident.closed)
    return Signals(
        orders=len(kept), revenue=sum((order_value(o) for o in kept), Decimal("0")),
        gifts=kinds.get("gift received", 0), praise=kinds.get("praise", 0),
        complaints=kinds.get("complaint", 0), incidents=len(incidents), recovered=recovered,
        feedback_given=feedback_given, silent=_has_delivery(kept) and not feedback_given)


def silent_clients(clients: Iterable[Client], orders: Iterable[Order],
                   interactions: Iterable[Interaction]) -> list[Client]:
    """Clients (not parted) with a delivered order who never gave feedback, by name."""
    delivered_to = {order.client_id for order in orders
                    if order.delivered is not None and order.status != "cancelled"}
    spoke = {i.client_id for i in interactions if gave_feedback(i)}
    return sorted((client for client in clients if client.status != "parted"
                   and client.id in delivered_to and client.id not in spoke), key=name_key)


def _recent_complaints(interactions: Iterable[Interaction], today: date) -> dict[int, list[date]]:
    since = today - timedelta(days=COMPLAINT_WINDOW_DAYS)
    recent: dict[int, list[date]] = {}
    for interaction in interactions:
        if interaction.kind == "complaint" and since <= interaction.when.date() <= today:
            recent.setdefault(interaction.client_id, []).append(interaction.when.date())
    return recent


def _complaint_reason(days: list[date]) -> str:
    if len(days) == 1:
        return _("complaint on {day}").format(day=said_day(days[0]))
    return _("{count} complaints in the last {window} days").format(count=len(days),
                                                                    window=COMPLAINT_WINDOW_DAYS)


def at_risk_clients(clients: Iterable[Client], orders: Iterable[Order],
                    interactions: Iterable[Interaction], incidents: Iterable[Incident],
                    today: date) -> list[AtRisk]:
    """Clients (not parted) at risk, with an open incident, a recent complaint or difficult."""
    orders_of = group_by_client(orders)
    open_refs: dict[int, list[str]] = {}
    for incident in incidents:
        if incident.is_open:
            open_refs.setdefault(incident.client_id, []).append(incident.order_ref)
    complaints = _recent_complaints(interactions, today)
    found = []
    for client in sorted((c for c in clients if c.status != "parted"), key=name_key):
        reasons = []
        score = rfm(client, orders_of.get(client.id, ()), today)
        if score.segment == "at risk":
            reasons.append(ngettext("at risk: {count} order, none since {day}",
                                    "at risk: {count} orders, none since {day}",
                                    score.orders).format(count=score.orders,
                                                         day=said_day(score.last_order)))
        reasons += [_("open incident on {ref}").format(ref=ref)
                    for ref in sorted(open_refs.get(client.id, ()), key=ref_key)]
        if client.id in complaints:
            reasons.append(_complaint_reason(sorted(complaints[client.id])))
        if client.status == "difficult":
            reasons.append(_("marked difficult"))
        if reasons:
            found.append(AtRisk(client, reasons))
    return found
