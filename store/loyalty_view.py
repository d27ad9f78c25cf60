"""The loyalty section: every segment with its clients and their signals, and who moved since a day.

Segments are those of store.loyalty (RFM on the clients who are not parted), so the clients
list, the client card, this view and `loyalty --json` always agree. A client's segment on
an earlier day is their RFM computed on that day from the orders received by then.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from .book import Book
from .errors import ValidationError
from .i18n import _, ngettext
from .letter_choice import letter_for_loyalty
from .loyalty import (SEGMENTS, Rfm, Signals, at_risk_clients, group_by_client, placed, rfm,
                      signals)
from .models import Client, Incident, Interaction, Order
from .text import name_key
from .wording import said_day

SINCE_DAYS = 90
"""Movement is shown since this many days ago unless another day is chosen (a quarter)."""


@dataclass(frozen=True, slots=True)
class ClientLoyalty:
    """One client as the loyalty view shows them: segment, signals, and the letter that fits."""

    client: Client
    rfm: Rfm
    signals: Signals
    watch: list[str]
    """Why the client is at risk, as the dashboard says it (store.loyalty.at_risk_clients)."""
    letter: str


@dataclass(frozen=True, slots=True)
class Segment:
    """A named segment and its clients, most valuable first."""

    name: str
    clients: list[ClientLoyalty]


@dataclass(frozen=True, slots=True)
class Move:
    """A client whose segment changed between `since` and today, and why."""

    client: Client
    before: str | None
    """The segment on `since`; None when they were not a client yet."""
    after: str
    reasons: list[str]


@dataclass(frozen=True, slots=True)
class LoyaltyView:
    """The segments today and the moves since a day."""

    today: date
    since: date
    segments: list[Segment]
    moves: list[Move]

    @property
    def active_clients(self) -> int:
        """Clients counted in the segments: every client who is not parted."""
        return sum(len(segment.clients) for segment in self.segments)

    def client(self, client_id: int) -> ClientLoyalty | None:
        """The line of one client, if they are in a segment."""
        return next((line for segment in self.segments for line in segment.clients
                     if line.client.id == client_id), None)


def _incidents(found: Signals) -> str:
    """'2 incidents, 1 recovered', '1 incident, none recovered'."""
    if found.recovered:
        return ngettext("{count} incident, {recovered} recovered",
                        "{count} incidents, {recovered} recovered", found.incidents).format(
                            count=found.incidents, recovered=found.recovered)
    return ngettext("{count} incident, none recovered", "{count} incidents, none recovered",
                    found.incidents).format(count=found.incidents)


def signal_words(found: Signals) -> list[str]:
    """The signals worth saying, in a few words each: '1 gift', '2 complaints', 'silent'."""
    words = []
    if found.gifts:
        words.append(ngettext("{count} gift", "{count} gifts", found.gifts).format(
            count=found.gifts))
    if found.praise:
        words.append(ngettext("{count} praise", "{count} praises", found.praise).format(
            count=found.praise))
    if found.complaints:
        words.append(ngettext("{count} complaint", "{count} complaints", found.complaints).format(
            count=found.complaints))
    if found.incidents:
        words.append(_incidents(found))
    if found.silent:
        words.append(_("silent"))
    elif found.feedback_given:
        words.append(_("gave feedback"))
    return words


def default_since(today: date) -> date:
    """The day movement is measured from when none is chosen."""
    return today - timedelta(days=SINCE_DAYS)


@dataclass(frozen=True, slots=True)
class Grouped:
    """The book's orders, interactions and incidents grouped by client, once."""

    orders: dict[int, list[Order]]
    talks: dict[int, list[Interaction]]
    plans: dict[int, list[Incident]]

    @classmethod
    def of(cls, orders: Iterable[Order], interactions: Iterable[Interaction],
           incidents: Iterable[Incident]) -> Grouped:
        return cls(group_by_client(orders), group_by_client(interactions),
                   group_by_client(incidents))


def _watch(clients, orders, interactions, incidents, today: date) -> dict[int, list[str]]:
    """Why each client at risk is, by client id (as the dashboard's clients to look after)."""
    return {risk.client.id: risk.reasons
            for risk in at_risk_clients(clients, orders, interactions, incidents, today)}


def _lines(clients: list[Client], groups: Grouped, watch: dict[int, list[str]],
           today: date) -> list[ClientLoyalty]:
    lines = []
    for client in clients:
        if client.status == "parted":
            continue
        own = groups.orders.get(client.id, ())
        score = rfm(client, own, today)
        found = signals(client, own, groups.talks.get(client.id, ()),
                        groups.plans.get(client.id, ()))
        risks = watch.get(client.id, [])
        lines.append(ClientLoyalty(client, score, found, risks,
                                   letter_for_loyalty(score.segment, found, bool(risks))))
    return lines


def group_segments(lines: Iterable[ClientLoyalty]) -> list[Segment]:
    """The seven segments in their fixed order, each with its clients (revenue, then name)."""
    members: dict[str, list[ClientLoyalty]] = {name: [] for name in SEGMENTS}
    for line in lines:
        members[line.rfm.segment].append(line)
    return [Segment(name, sorted(found, key=lambda l: (-l.rfm.revenue, name_key(l.client))))
            for name, found in members.items()]


def rfm_on(client: Client, client_orders: Iterable[Order], day: date) -> Rfm | None:
    """The client's RFM on an earlier day; None when they were not a client yet."""
    known = [order for order in placed(client_orders) if order.received <= day]
    if not known and (client.created is None or client.created > day):
        return None
    return rfm(client, known, day)


def _reasons(before: Rfm | None, after: Rfm, since: date, talks: Iterable[Interaction],
             plans: Iterable[Incident]) -> list[str]:
    """Why a client moved: new orders or none, complaints and incidents since the day."""
    reasons = []
    new_orders = after.orders - (before.orders if before else 0)
    if new_orders > 0:
        reasons.append(ngettext("{count} order since {since}, the last on {last}",
                                "{count} orders since {since}, the last on {last}",
                                new_orders).format(count=new_orders, since=said_day(since),
                                                   last=said_day(after.last_order)))
    elif after.last_order is not None:
        reasons.append(_("no order since {day}").format(day=said_day(after.last_order)))
    complaints = sorted(t.when.date() for t in talks
                        if t.kind == "complaint" and t.when.date() > since)
    if complaints:
        reasons.append(_("complaint on {day}").format(day=said_day(complaints[-1]))
                       if len(complaints) == 1 else
                       _("{count} complaints since {day}").format(count=len(complaints),
                                                                  day=said_day(since)))
    for plan in sorted((p for p in plans if p.opened > since), key=lambda p: p.opened):
        if plan.closed is not None:
            reasons.append(_("incident on {ref} (recovered)").format(ref=plan.order_ref))
        else:
            reasons.append(_("incident on {ref} (plan open)").format(ref=plan.order_ref))
    return reasons


def _moves(clients: list[Client], groups: Grouped, now: dict[int, Rfm], since: date) -> list[Move]:
    """Clients (not parted) whose segment on `since` differs from today's, by name."""
    moves = []
    for client in clients:
        if client.id not in now:
            continue
        then = rfm_on(client, groups.orders.get(client.id, ()), since)
        after = now[client.id]
        if then is not None and then.segment == after.segment:
            continue
        moves.append(Move(client, then.segment if then else None, after.segment,
                          _reasons(then, after, since, groups.talks.get(client.id, ()),
                                   groups.plans.get(client.id, ()))))
    return sorted(moves, key=lambda move: name_key(move.client))


def loyalty_view(book: Book, today: date, since: date | None = None) -> LoyaltyView:
    """The loyalty section of the book on `today`, with movement since `since` (a quarter ago)."""
    since = default_since(today) if since is None else since
    if since > today:
        raise ValidationError("since", _("{day} is after today ({today}): movement is measured "
                                         "up to today").format(day=said_day(since),
                                                               today=said_day(today)))
    return view_of(book.clients(), book.orders(), book.interactions(), book.incidents(),
                   today, since)


def view_of(clients: list[Client], orders: list[Order], interactions: list[Interaction],
            incidents: list[Incident], today: date, since: date) -> LoyaltyView:
    """The loyalty view of these records: every client not parted in a segment, with RFM,
    signals, risks and the letter that fits, and the moves since `since`."""
    groups = Grouped.of(orders, interactions, incidents)
    lines = _lines(clients, groups, _watch(clients, orders, interactions, incidents, today), today)
    moves = _moves(clients, groups, {line.client.id: line.rfm for line in lines}, since)
    return LoyaltyView(today, since, group_segments(lines), moves)
