"""Forms on the relationship: log an exchange, a gift, a gesture; close a follow-up."""

from __future__ import annotations

from datetime import datetime

from textual.app import App

from store import relations as ops
from store.dates import parse_date
from store.models import CHANNELS, DIRECTIONS, INTERACTION_KINDS

from .common import lookup, options, order_options
from .fields import Field
from .form import FormDialog

DIRECTION_OPTIONS = tuple((f"{d} — {'from the client' if d == 'in' else 'from me'}", d)
                          for d in DIRECTIONS)
SATISFACTION_OPTIONS = tuple((f"{n} — {word}", n) for n, word in
                             enumerate(("very unhappy", "unhappy", "neutral", "happy",
                                        "delighted"), start=1))


def _moment(app: App, text: str, field: str):
    """The typed day; today means now, so the timeline keeps the order of the day."""
    day = parse_date(text, app.today, field)
    if day == app.today:
        return datetime.combine(day, datetime.now().time().replace(second=0, microsecond=0))
    return day


def _order_field(app: App, client_id: int, ref: str | None) -> Field:
    choices = order_options(app, client_id)
    known = ref if any(value == ref for _, value in choices) else ""
    return Field("order_ref", "Order", "select", value=known, blank=True, options=choices,
                 aliases=("order",))


def log_interaction(app: App, client_id: int, order_ref: str | None = None):
    """Keep an exchange on the client's timeline: now, by their preferred channel."""
    client = lookup(app, lambda: app.book.client(client_id))
    if client is None:
        return None
    fields = [
        Field("kind", "Kind", "select", value="note", options=options(INTERACTION_KINDS)),
        Field("channel", "Channel", "select", value=client.channel, options=options(CHANNELS)),
        Field("direction", "Direction", "select", value="in",
              options=DIRECTION_OPTIONS),
        Field("when", "When", "date", value="today"),
        _order_field(app, client_id, order_ref),
        Field("text", "What was said", "area"),
        Field("satisfaction", "Satisfaction", "select", options=SATISFACTION_OPTIONS,
              blank=True),
    ]

    def save(values: dict) -> str:
        when = _moment(app, str(values["when"]), "when")
        ops.log_interaction(app.book, client_id, values["kind"], str(values["text"]), when,
                            values["channel"], values["direction"], values["order_ref"],
                            values["satisfaction"])
        return f"{values['kind'].capitalize()} logged for {client.name}"

    return app.push_screen(FormDialog(f"Log an exchange with {client.name}", fields, save,
                                      submit_label="Log"))


def gift_received(app: App, client_id: int):
    """A gift from a client (a book of stamps): a loyalty signal worth keeping."""
    client = lookup(app, lambda: app.book.client(client_id))
    if client is None:
        return None
    fields = [
        Field("what", "Gift", aliases=("gift",), placeholder="e.g. a book of stamps"),
        Field("on", "Received", "date", value="today"),
        _order_field(app, client_id, None),
    ]

    def save(values: dict) -> str:
        on = parse_date(str(values["on"]), app.today, "received")
        ops.record_gift(app.book, client_id, str(values["what"]), on, values["order_ref"])
        return f"Gift from {client.name} recorded"

    return app.push_screen(FormDialog(f"Gift from {client.name}", fields, save,
                                      submit_label="Record"))


def gesture_given(app: App, client_id: int, incident_id: int | None = None):
    """A gesture of goodwill given; tied to the recovery plan when there is one."""
    client = lookup(app, lambda: app.book.client(client_id))
    if client is None:
        return None
    incident = None
    if incident_id is not None:
        incident = lookup(app, lambda: app.book.get("incidents", incident_id))
        if incident is None:
            return None
    fields = [
        Field("what", "Gesture", aliases=("gesture",),
              placeholder="a discount, a free summary, a letter…"),
        Field("on", "Given", "date", value="today"),
        _order_field(app, client_id, incident.order_ref if incident else None),
    ]

    def save(values: dict) -> str:
        on = parse_date(str(values["on"]), app.today, "given")
        ops.record_gesture(app.book, client_id, str(values["what"]), on, values["order_ref"],
                           incident_id)
        return f"Gesture for {client.name} recorded"

    intro = f"Part of the recovery plan on {incident.order_ref}." if incident else ""
    return app.push_screen(FormDialog(f"Gesture for {client.name}", fields, save, intro=intro,
                                      submit_label="Record"))


def complete_followup(app: App, followup_id: int):
    """Mark a promised call-back or answer as done."""
    followup = lookup(app, lambda: app.book.get("followups", followup_id))
    if followup is None:
        return None
    client = lookup(app, lambda: app.book.client(followup.client_id))
    fields = [Field("on", "Done on", "date", value="today")]

    def save(values: dict) -> str:
        on = parse_date(str(values["on"]), app.today, "done on")
        ops.complete_followup(app.book, followup_id, on)
        return f"Follow-up done: {followup.what}"

    intro = f"{followup.what}\nFor {client.name if client else '?'}, due {followup.due:%d/%m/%Y}"
    return app.push_screen(FormDialog("Follow-up done", fields, save, intro=intro,
                                      submit_label="Done"))


def add_followup(app: App, client_id: int, order_ref: str | None = None):
    """A promised call-back or answer, due on a date, so it cannot be forgotten."""
    client = lookup(app, lambda: app.book.client(client_id))
    if client is None:
        return None
    fields = [
        Field("what", "Promised", placeholder="call back about the folios, send the quote…"),
        Field("due", "Due", "date", value="+2"),
        _order_field(app, client_id, order_ref),
    ]

    def save(values: dict) -> str:
        due = parse_date(str(values["due"]), app.today, "due")
        ops.add_followup(app.book, client_id, due, str(values["what"]), values["order_ref"])
        return f"Follow-up for {client.name} due {due:%d/%m/%Y}"

    return app.push_screen(FormDialog(f"Follow-up for {client.name}", fields, save,
                                      submit_label="Add"))
