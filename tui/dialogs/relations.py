"""Forms on the relationship: log or correct an exchange, a gift, a gesture."""

from __future__ import annotations

from datetime import datetime

from textual import on
from textual.widgets import Select

from store import relations as ops
from store.dates import parse_optional_date, parse_past_date
from store.formats import day as day_text, weekday
from store.i18n import N_, _
from store.labels import (CHANNEL_LABELS, DIRECTION_CHOICES, KIND_LABELS, SATISFACTION_LABELS,
                          choices, kind_label)
from store.models import CHANNELS, DIRECTIONS, INTERACTION_KINDS, Client, Interaction

from .common import lookup, order_field, with_client, with_interaction
from .fields import Field
from .followups import DUE_AFTER_DAYS
from .form import FormDialog
from .host import Host


def _satisfaction_options() -> tuple[tuple[str, int], ...]:
    """'1 — very unhappy' … '5 — delighted', in the interface's language."""
    return tuple((f"{n} — {_(word)}", n) for n, word in SATISFACTION_LABELS.items())


def _moment(app: Host, text: str, field: str):
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


def _exchange_fields(app: Host, client: Client, current: Interaction | None,
                     order_ref: str | None) -> list[Field]:
    """Kind, channel, direction, day, order, text and satisfaction, as logged or to log."""
    return [
        Field("kind", N_("Kind"), "select", value=current.kind if current else "note",
              options=choices(INTERACTION_KINDS, KIND_LABELS)),
        Field("channel", N_("Channel"), "select",
              value=current.channel if current else client.channel,
              options=choices(CHANNELS, CHANNEL_LABELS)),
        Field("direction", N_("Direction"), "select",
              value=current.direction if current else "in",
              options=choices(DIRECTIONS, DIRECTION_CHOICES)),
        Field("when", N_("When"), "past",
              value=f"{current.when:%d/%m/%Y}" if current else "today"),
        order_field(app, client.id, current.order_ref if current else order_ref),
        Field("text", N_("What was said"), "area", value=current.text if current else ""),
        Field("satisfaction", N_("Satisfaction"), "select", options=_satisfaction_options(),
              value=current.satisfaction if current else "", blank=True),
    ]


@with_client
def log_interaction(app: Host, client: Client, order_ref: str | None = None):
    """Keep an exchange on the client's timeline: now, by their preferred channel.

    A promised call-back asks for the day it is due and becomes a follow-up."""
    fields = _exchange_fields(app, client, None, order_ref)
    fields.insert(1, Field("due", N_("Call back by"), "date", value=f"+{DUE_AFTER_DAYS}",
                           aliases=("due date",)))

    def save(values: dict) -> str:
        when = _moment(app, str(values["when"]), "when")
        promised = values["kind"] == CALL_BACK
        due = parse_optional_date(str(values["due"]), app.today, "due") if promised else None
        ops.log_interaction(app.book, client.id, values["kind"], str(values["text"]), when,
                            values["channel"], values["direction"], values["order_ref"],
                            values["satisfaction"], due=due)
        kind = kind_label(values["kind"]).capitalize()
        if due:
            return _("{kind} logged for {name}; follow-up scheduled for {day}").format(
                kind=kind, name=client.name, day=weekday(due))
        return _("{kind} logged for {name}").format(kind=kind, name=client.name)

    title = _("Log an exchange with {name}").format(name=client.name)
    return app.push_screen(ExchangeForm(title, fields, save, submit_label=_("Log")))


@with_interaction
def edit_interaction(app: Host, current: Interaction):
    """Correct a logged exchange in the form it was logged with, prefilled."""
    client = lookup(app, lambda: app.book.client(current.client_id))
    if client is None:
        return None
    fields = _exchange_fields(app, client, current, None)

    def save(values: dict) -> str:
        day = parse_past_date(str(values["when"]), app.today, "when")
        when = current.when if day == current.when.date() else _moment(app, str(values["when"]),
                                                                      "when")
        ops.edit_interaction(app.book, current.id, kind=values["kind"],
                             text=str(values["text"]), when=when, channel=values["channel"],
                             direction=values["direction"], order_ref=values["order_ref"],
                             satisfaction=values["satisfaction"])
        kind = kind_label(values["kind"]).capitalize()
        return _("{kind} of {day} saved").format(kind=kind, day=day_text(day))

    title = _("Edit an exchange with {name}").format(name=client.name)
    return app.push_screen(ExchangeForm(title, fields, save))


@with_client
def gift_received(app: Host, client: Client):
    """A gift from a client (a book of stamps): a loyalty signal worth keeping."""
    fields = [
        Field("what", N_("Gift"), aliases=("gift",), placeholder=N_("e.g. a book of stamps")),
        Field("on", N_("Received"), "past", value="today"),
        order_field(app, client.id, None),
    ]

    def save(values: dict) -> str:
        on = parse_past_date(str(values["on"]), app.today, "received")
        ops.record_gift(app.book, client.id, str(values["what"]), on, values["order_ref"])
        return _("Gift from {name} recorded").format(name=client.name)

    return app.push_screen(FormDialog(_("Gift from {name}").format(name=client.name), fields,
                                      save, submit_label=_("Record")))


@with_client
def gesture_given(app: Host, client: Client, incident_id: int | None = None):
    """A gesture of goodwill given; tied to the recovery plan when there is one."""
    incident = None
    if incident_id is not None:
        incident = lookup(app, lambda: app.book.get("incidents", incident_id))
        if incident is None:
            return None
    fields = [
        Field("what", N_("Gesture"), aliases=("gesture",),
              placeholder=N_("a discount, a free summary, a letter…")),
        Field("on", N_("Given"), "past", value="today"),
        order_field(app, client.id, incident.order_ref if incident else None),
    ]

    def save(values: dict) -> str:
        on = parse_past_date(str(values["on"]), app.today, "given")
        ops.record_gesture(app.book, client.id, str(values["what"]), on, values["order_ref"],
                           incident_id)
        return _("Gesture for {name} recorded").format(name=client.name)

    intro = (_("Part of the recovery plan on {ref}.").format(ref=incident.order_ref)
             if incident else "")
    return app.push_screen(FormDialog(_("Gesture for {name}").format(name=client.name), fields,
                                      save, intro=intro, submit_label=_("Record")))
