"""Forms on the relationship: log or correct an exchange, a gift, a gesture."""

from __future__ import annotations

from datetime import datetime

from textual import on
from textual.app import App
from textual.widgets import Select

from store import relations as ops
from store.dates import parse_optional_date, parse_past_date
from store.models import CHANNELS, DIRECTIONS, INTERACTION_KINDS, Client, Interaction

from .common import lookup, options, order_field
from .fields import Field
from .followups import DUE_AFTER_DAYS
from .form import FormDialog

DIRECTION_OPTIONS = tuple((f"{d} — {'from the client' if d == 'in' else 'from me'}", d)
                          for d in DIRECTIONS)
SATISFACTION_OPTIONS = tuple((f"{n} — {word}", n) for n, word in
                             enumerate(("very unhappy", "unhappy", "neutral", "happy",
                                        "delighted"), start=1))


def _moment(app: App, text: str, field: str):
    """The typed day; today means now, so the timeline keeps the order of the day."""
    day = parse_past_date(text, app.today, field)
    if day == app.today:
        return datetime.combine(day, datetime.now().time().replace(second=0, microsecond=0))
    return day


CALL_BACK = "call-back promised"
"""The kind of exchange that promises something by a day: it asks for that day."""


class ExchangeForm(FormDialog):
    """The exchange form; its due date shows only while the kind is a promised call-back."""

    def on_mount(self) -> None:
        super().on_mount()
        self._show_due()

    @on(Select.Changed, "#field-kind")
    def _show_due(self) -> None:
        rows = self.query("#row-due")
        if rows:
            rows.first().display = self.values().get("kind") == CALL_BACK


def _exchange_fields(app: App, client: Client, current: Interaction | None,
                     order_ref: str | None) -> list[Field]:
    """Kind, channel, direction, day, order, text and satisfaction, as logged or to log."""
    return [
        Field("kind", "Kind", "select", value=current.kind if current else "note",
              options=options(INTERACTION_KINDS)),
        Field("channel", "Channel", "select",
              value=current.channel if current else client.channel, options=options(CHANNELS)),
        Field("direction", "Direction", "select", value=current.direction if current else "in",
              options=DIRECTION_OPTIONS),
        Field("when", "When", "date",
              value=f"{current.when:%d/%m/%Y}" if current else "today"),
        order_field(app, client.id, current.order_ref if current else order_ref),
        Field("text", "What was said", "area", value=current.text if current else ""),
        Field("satisfaction", "Satisfaction", "select", options=SATISFACTION_OPTIONS,
              value=current.satisfaction if current else "", blank=True),
    ]


def log_interaction(app: App, client_id: int, order_ref: str | None = None):
    """Keep an exchange on the client's timeline: now, by their preferred channel.

    A promised call-back asks for the day it is due and becomes a follow-up."""
    client = lookup(app, lambda: app.book.client(client_id))
    if client is None:
        return None
    fields = _exchange_fields(app, client, None, order_ref)
    fields.insert(1, Field("due", "Call back by", "date", value=f"+{DUE_AFTER_DAYS}",
                           aliases=("due date",)))

    def save(values: dict) -> str:
        when = _moment(app, str(values["when"]), "when")
        promised = values["kind"] == CALL_BACK
        due = parse_optional_date(str(values["due"]), app.today, "due") if promised else None
        ops.log_interaction(app.book, client_id, values["kind"], str(values["text"]), when,
                            values["channel"], values["direction"], values["order_ref"],
                            values["satisfaction"], due=due)
        logged = f"{values['kind'].capitalize()} logged for {client.name}"
        return f"{logged}; follow-up scheduled for {due:%a %d/%m/%Y}" if due else logged

    return app.push_screen(ExchangeForm(f"Log an exchange with {client.name}", fields, save,
                                        submit_label="Log"))


def edit_interaction(app: App, interaction_id: int):
    """Correct a logged exchange in the form it was logged with, prefilled."""
    current = lookup(app, lambda: app.book.get("interactions", interaction_id))
    if current is None:
        return None
    client = lookup(app, lambda: app.book.client(current.client_id))
    if client is None:
        return None
    fields = _exchange_fields(app, client, current, None)

    def save(values: dict) -> str:
        day = parse_past_date(str(values["when"]), app.today, "when")
        when = current.when if day == current.when.date() else _moment(app, str(values["when"]),
                                                                      "when")
        ops.edit_interaction(app.book, interaction_id, kind=values["kind"],
                             text=str(values["text"]), when=when, channel=values["channel"],
                             direction=values["direction"], order_ref=values["order_ref"],
                             satisfaction=values["satisfaction"])
        return f"{values['kind'].capitalize()} of {day:%d/%m/%Y} saved"

    return app.push_screen(ExchangeForm(f"Edit an exchange with {client.name}", fields, save))


def gift_received(app: App, client_id: int):
    """A gift from a client (a book of stamps): a loyalty signal worth keeping."""
    client = lookup(app, lambda: app.book.client(client_id))
    if client is None:
        return None
    fields = [
        Field("what", "Gift", aliases=("gift",), placeholder="e.g. a book of stamps"),
        Field("on", "Received", "date", value="today"),
        order_field(app, client_id, None),
    ]

    def save(values: dict) -> str:
        on = parse_past_date(str(values["on"]), app.today, "received")
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
        order_field(app, client_id, incident.order_ref if incident else None),
    ]

    def save(values: dict) -> str:
        on = parse_past_date(str(values["on"]), app.today, "given")
        ops.record_gesture(app.book, client_id, str(values["what"]), on, values["order_ref"],
                           incident_id)
        return f"Gesture for {client.name} recorded"

    intro = f"Part of the recovery plan on {incident.order_ref}." if incident else ""
    return app.push_screen(FormDialog(f"Gesture for {client.name}", fields, save, intro=intro,
                                      submit_label="Record"))
