"""The relationship: interactions, gifts and gestures, follow-ups, letters sent."""

from __future__ import annotations

import copy
from datetime import date, datetime, time

from . import story
from . import validate as v
from .book import Book
from .errors import ValidationError
from .i18n import _
from .labels import kind_label, letter_name
from .timeline import SOURCES as TIMELINE_SOURCES, Timeline
from .models import (CHANNELS, DIRECTIONS, INTERACTION_KINDS, LANGUAGES, LETTER_KINDS,
                     PAYMENT_LETTER_KINDS)
from .models import FollowUp, Interaction, Letter
from .wording import said_day


LABEL_CHARS = 40
"""How much of a follow-up's text names it in an undo question."""


def shortened(text: str) -> str:
    """The text cut at a word with an ellipsis when it is long (for change labels)."""
    text = " ".join(text.split())
    if len(text) <= LABEL_CHARS:
        return text
    cut = text[:LABEL_CHARS - 1].rsplit(" ", 1)[0] or text[:LABEL_CHARS - 1]
    return cut + "…"


def _moment(when: date | datetime) -> datetime:
    return when if isinstance(when, datetime) else datetime.combine(when, time(9, 0))


def _order_of(book: Book, client_id: int, order_ref: str | None) -> str | None:
    """The order a record is about (None for none); refused when it is another client's."""
    if order_ref:
        order = book.order(order_ref)
        if order.client_id != client_id:
            raise ValidationError("order", _("order {ref} belongs to another client").format(
                ref=order_ref))
    return order_ref or None


def _interaction(book: Book, client_id: int, kind: str, text: str, when: date | datetime,
                 channel: str, direction: str, order_ref: str | None,
                 satisfaction: int | None) -> Interaction:
    """A checked interaction (not stored yet)."""
    book.client(client_id)
    order_ref = _order_of(book, client_id, order_ref)
    return Interaction(
        client_id=client_id, when=_moment(v.day("when", when)),
        kind=v.choice("kind", kind, INTERACTION_KINDS),
        channel=v.choice("channel", channel, CHANNELS),
        direction=v.choice("direction", direction, DIRECTIONS),
        text=v.text("text", text), order_ref=order_ref,
        satisfaction=v.satisfaction("satisfaction", satisfaction))


def log_interaction(book: Book, client_id: int, kind: str, text: str, when: date | datetime,
                    channel: str = "email", direction: str = "in", order_ref: str | None = None,
                    satisfaction: int | None = None, due: date | None = None) -> Interaction:
    """Keep an exchange on the client's timeline, and let it advance the story.

    A promised call-back needs `due` and becomes a follow-up; a feedback on an order is
    recorded on its recovery plan and closes the follow-ups about asking for it."""
    interaction = _interaction(book, client_id, kind, text, when, channel, direction,
                               order_ref, satisfaction)
    if kind == "call-back promised" and due is None:
        raise ValidationError("due", _("a promised call-back needs the day it is due"))
    if due is not None and kind != "call-back promised":
        raise ValidationError("due", _("only a promised call-back has a due date"))
    if due is not None:
        v.not_before("due", due, "day of the promise", interaction.when.date())
    with book.transaction(_("log {kind} for {name}").format(kind=kind_label(kind),
                                                            name=book.client(client_id).name)):
        interaction.id = book.insert("interactions", interaction)
        if kind == "call-back promised":
            story.promised_call_back(book, interaction, due)
        elif kind == "feedback":
            story.after_feedback(book, interaction)
    return interaction


def edit_interaction(book: Book, interaction_id: int, **changes) -> Interaction:
    """Correct a logged exchange (kind, text, when, channel, direction, order, satisfaction)."""
    current = book.get("interactions", interaction_id)
    allowed = ("kind", "text", "when", "channel", "direction", "order_ref", "satisfaction")
    unknown = [name for name in changes if name not in allowed]
    if unknown:
        raise ValidationError(unknown[0], _("cannot be edited on an exchange"))
    values = {name: getattr(current, name) for name in allowed} | changes
    edited = _interaction(book, current.client_id, values["kind"], values["text"],
                          values["when"], values["channel"], values["direction"],
                          values["order_ref"], values["satisfaction"])
    edited.id = interaction_id
    with book.transaction(_("edit the {kind} of {day}").format(kind=kind_label(current.kind),
                                                               day=said_day(current.when.date()))):
        book.save("interactions", edited)
    return book.get("interactions", interaction_id)


def delete_interaction(book: Book, interaction_id: int) -> Interaction:
    """Remove a logged exchange (a mistake); undo brings it back."""
    interaction = book.get("interactions", interaction_id)
    with book.transaction(_("delete the {kind} of {day}").format(
            kind=kind_label(interaction.kind), day=said_day(interaction.when.date()))):
        book.delete("interactions", interaction_id)
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
    with book.transaction(kind_label("gesture given")):
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
    followup = FollowUp(client_id, v.day("due", due), v.text("what", what, required=True),
                        _order_of(book, client_id, order_ref))
    with book.transaction(_("new follow-up: {what}").format(what=shortened(followup.what))):
        followup.id = book.insert("followups", followup)
    return followup


def edit_followup(book: Book, followup_id: int, what: str | None = None,
                  due: date | None = None, order_ref: str | None = ...) -> FollowUp:
    """Change what a follow-up says, when it is due, or the order it is about."""
    followup = copy.deepcopy(book.get("followups", followup_id))
    if what is not None:
        followup.what = v.text("what", what, required=True)
    if due is not None:
        followup.due = v.day("due", due)
    if order_ref is not ...:
        followup.order_ref = _order_of(book, followup.client_id, order_ref)
    with book.transaction(_("edit the follow-up {what}").format(what=shortened(followup.what))):
        book.save("followups", followup)
    return book.get("followups", followup_id)


def complete_followup(book: Book, followup_id: int, on: date) -> FollowUp:
    """Mark a follow-up done on a day."""
    followup = copy.deepcopy(book.get("followups", followup_id))
    if followup.done:
        raise ValidationError("follow-up", _("was already done on {day}").format(
            day=said_day(followup.done)))
    followup.done = on
    with book.transaction(_("follow-up done: {what}").format(what=shortened(followup.what))):
        book.save("followups", followup)
    return followup


def delete_followup(book: Book, followup_id: int) -> FollowUp:
    """Remove a follow-up entered by mistake; undo brings it back."""
    followup = book.get("followups", followup_id)
    with book.transaction(_("delete the follow-up {what}").format(what=shortened(followup.what))):
        book.delete("followups", followup_id)
    return followup


def open_followups(book: Book, today: date) -> list[FollowUp]:
    """Every follow-up not done (parted clients' left out), most late first."""
    return pending_followups(book, today, within=None)


def pending_followups(book: Book, today: date, within: int | None = 0) -> list[FollowUp]:
    """Follow-ups not done and due by today + `within` days (None: any day), most late first."""
    parted = {c.id for c in book.clients() if c.status == "parted"}
    due = [f for f in book.followups() if f.done is None and f.client_id not in parted
           and (within is None or (f.due - today).days <= within)]
    return sorted(due, key=lambda f: (f.due, f.id))


def record_letter(book: Book, client_id: int, kind: str, language: str, on: date, path: str,
                  sha256: str, order_ref: str | None = None) -> Letter:
    """File a generated letter and put it on the client's timeline."""
    v.choice("kind", kind, LETTER_KINDS + PAYMENT_LETTER_KINDS)
    v.choice("language", language, LANGUAGES)
    if order_ref:
        label = _("{letter} about {ref}").format(letter=letter_name(kind), ref=order_ref)
    else:
        label = letter_name(kind)
    with book.transaction(label):
        letter = Letter(client_id, kind, language, on, path, sha256, order_ref)
        letter.id = book.insert("letters", letter)
        log_interaction(book, client_id, "letter sent", f"{kind} letter ({language}): {path}",
                        on, "letter", "out", order_ref)
        story.after_letter(book, letter)
    return letter


ORDER_TABLES = ("interactions", "incidents", "followups", "letters", "documents", "payments")
"""What an order's screen gathers about it, each looked up by order_ref."""


def index_lookups(book: Book) -> None:
    """Index now what a client's timeline and an order's screen look up (100,000
    interactions on a 20-year book: ~30 ms a field, else paid by the first record opened)."""
    for table, _field, _kind in TIMELINE_SOURCES:
        book.where(table, "client_id", None)
    for table in ORDER_TABLES:
        book.where(table, "order_ref", None)


def timeline(book: Book, client_id: int) -> list[tuple[date, str, object]]:
    """Everything about one client, newest first: (date, kind of record, record)."""
    return list(Timeline(book, client_id))
