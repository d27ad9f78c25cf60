"""The relationship: interactions, gifts and gestures, follow-ups, letters sent."""

from __future__ import annotations

import copy
from datetime import date, datetime, time

from . import validate as v
from .book import Book
from .errors import ValidationError
from .models import CHANNELS, DIRECTIONS, INTERACTION_KINDS, LANGUAGES, LETTER_KINDS
from .models import FollowUp, Interaction, Letter


def _moment(when: date | datetime) -> datetime:
    return when if isinstance(when, datetime) else datetime.combine(when, time(9, 0))


def log_interaction(book: Book, client_id: int, kind: str, text: str, when: date | datetime,
                    channel: str = "email", direction: str = "in", order_ref: str | None = None,
                    satisfaction: int | None = None) -> Interaction:
    """Keep an exchange on the client's timeline."""
    book.client(client_id)
    if order_ref:
        order = book.order(order_ref)
        if order.client_id != client_id:
            raise ValidationError("order", f"order {order_ref} belongs to another client")
    interaction = Interaction(
        client_id=client_id, when=_moment(when),
        kind=v.choice("kind", kind, INTERACTION_KINDS),
        channel=v.choice("channel", channel, CHANNELS),
        direction=v.choice("direction", direction, DIRECTIONS),
        text=v.text("text", text), order_ref=order_ref or None,
        satisfaction=v.satisfaction("satisfaction", satisfaction))
    with book.transaction(f"log {kind}"):
        interaction.id = book.insert("interactions", interaction)
    return interaction


def record_gift(book: Book, client_id: int, what: str, on: date,
                order_ref: str | None = None) -> Interaction:
    """A gift received from a client (a book of stamps): a loyalty signal."""
    v.text("gift", what, required=True)
    return log_interaction(book, client_id, "gift received", what, on, "other", "in", order_ref)


def record_gesture(book: Book, client_id: int, what: str, on: date,
                   order_ref: str | None = None, incident_id: int | None = None) -> Interaction:
    """A gesture of goodwill given; tied to the recovery plan when there is one."""
    v.text("gesture", what, required=True)
    with book.transaction("gesture given"):
        interaction = log_interaction(book, client_id, "gesture given", what, on, "other", "out",
                                      order_ref)
        if incident_id is not None:
            incident = copy.deepcopy(book.get("incidents", incident_id))
            incident.gesture = what
            book.save("incidents", incident)
    return interaction


def add_followup(book: Book, client_id: int, due: date, what: str,
                 order_ref: str | None = None) -> FollowUp:
    """A promise to call back or answer, with its due date."""
    book.client(client_id)
    if order_ref:
        book.order(order_ref)
    followup = FollowUp(client_id, due, v.text("what", what, required=True), order_ref or None)
    with book.transaction("new follow-up"):
        followup.id = book.insert("followups", followup)
    return followup


def complete_followup(book: Book, followup_id: int, on: date) -> FollowUp:
    followup = copy.deepcopy(book.get("followups", followup_id))
    if followup.done:
        raise ValidationError("follow-up", f"was already done on {followup.done.isoformat()}")
    followup.done = on
    with book.transaction("follow-up done"):
        book.save("followups", followup)
    return followup


def pending_followups(book: Book, today: date, within: int = 0) -> list[FollowUp]:
    """Follow-ups not done and due by today + `within` days, most overdue first."""
    parted = {c.id for c in book.clients() if c.status == "parted"}
    due = [f for f in book.followups() if f.done is None and f.client_id not in parted
           and (f.due - today).days <= within]
    return sorted(due, key=lambda f: (f.due, f.id))


def record_letter(book: Book, client_id: int, kind: str, language: str, on: date, path: str,
                  sha256: str, order_ref: str | None = None) -> Letter:
    """File a generated letter and put it on the client's timeline."""
    v.choice("kind", kind, LETTER_KINDS)
    v.choice("language", language, LANGUAGES)
    with book.transaction(f"letter {kind}"):
        letter = Letter(client_id, kind, language, on, path, sha256, order_ref)
        letter.id = book.insert("letters", letter)
        log_interaction(book, client_id, "letter sent", f"{kind} letter ({language}): {path}",
                        on, "letter", "out", order_ref)
    return letter


def timeline(book: Book, client_id: int) -> list[tuple[date, str, object]]:
    """Everything about one client, newest first: (date, kind of record, record)."""
    items: list[tuple[date, str, object]] = []
    items += [(o.received, "order", o) for o in book.where("orders", "client_id", client_id)]
    items += [(i.when.date(), "interaction", i)
              for i in book.where("interactions", "client_id", client_id)]
    items += [(i.opened, "incident", i) for i in book.where("incidents", "client_id", client_id)]
    items += [(f.due, "follow-up", f) for f in book.where("followups", "client_id", client_id)]
    return sorted(items, key=lambda item: (item[0], item[1]), reverse=True)
