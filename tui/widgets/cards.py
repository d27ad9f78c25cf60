"""The text of the client screen: contact card, loyalty signals, timeline rows."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.content import Content

from store.book import Book
from store.loyalty import rfm, signals
from store.models import Client, FollowUp, Incident, Interaction, Order

from ..format import ago, day, money

STATUS_MARK = {"active": "", "difficult": "⚠ difficult", "parted": "parted"}
SHORT_KINDS = {"call-back promised": "call-back"}
"""Interaction kinds too long for the timeline's column."""


def client_card(client: Client) -> Content:
    """Civility, name, organisation, address, email, phone, preferences, notes."""
    lines = [Content.from_markup("[b]$name[/b]", name=" ".join(
        p for p in (client.civility, client.name) if p))]
    if client.organisation and client.organisation != client.name:
        lines.append(Content(client.organisation))
    lines += [Content(line) for line in client.address_lines]
    place = " ".join(p for p in (client.postcode, client.city) if p)
    lines += [Content(text) for text in (place, client.country, client.email, client.phone) if text]
    lines.append(Content.from_markup(
        "[dim]prefers[/dim] $channel [dim]· writes in[/dim] $lang",
        channel=client.channel, lang=client.language))
    if client.tags:
        lines.append(Content.from_markup("[dim]tags[/dim] $tags", tags=", ".join(client.tags)))
    if client.status != "active":
        lines.append(Content.from_markup("[b $warning]$status[/] $note",
                                         status=STATUS_MARK[client.status],
                                         note=client.status_note))
    if client.notes:
        lines.append(Content.from_markup("[i]$notes[/i]", notes=client.notes))
    return Content("\n").join(lines)


def loyalty_card(book: Book, client: Client, today: date) -> Content:
    """The client's segment and the relationship signals behind it."""
    orders = [o for o in book.orders() if o.client_id == client.id]
    interactions = [i for i in book.interactions() if i.client_id == client.id]
    incidents = [i for i in book.incidents() if i.client_id == client.id]
    score = rfm(client, orders, today)
    sig = signals(client, orders, interactions, incidents)
    segment = "parted — out of the reminders" if client.status == "parted" else score.segment
    since = f", last {day(score.last_order)}" if score.last_order else ""
    lines = [
        Content.from_markup("[b]Loyalty[/b]  $segment", segment=segment),
        _signal("orders", f"{sig.orders}{since}"),
        _signal("revenue", money(sig.revenue)),
        _signal("gifts", str(sig.gifts)),
        _signal("praise", str(sig.praise)),
        _signal("complaints", str(sig.complaints)),
        _signal("incidents", f"{sig.incidents}, {sig.recovered} recovered (ordered again)"
                if sig.incidents else "0"),
    ]
    if sig.silent:
        lines.append(Content.from_markup("[b $warning]silent[/] [dim]— never gave feedback; "
                                         "ask (l → feedback letter)[/dim]"))
    elif sig.feedback_given:
        lines.append(_signal("feedback", "given"))
    return Content("\n").join(lines)


def _signal(label: str, value: str) -> Content:
    return Content.from_markup("[dim]$label[/dim] $value", label=f"{label:<11}", value=value)


def _interaction_text(item: Interaction) -> str:
    mood = f" ({item.satisfaction}/5)" if item.satisfaction else ""
    about = f" [{item.order_ref}]" if item.order_ref else ""
    return f"{item.channel} {item.direction}{about}{mood}: {item.text}"


def _incident_text(item: Incident) -> str:
    state = f"closed {day(item.closed)}" if item.closed else "open"
    return f"{item.order_ref} · {state} · {item.what}"


def _followup_text(item: FollowUp, today: date) -> str:
    state = f"done {day(item.done)}" if item.done else f"due {ago(item.due, today)}"
    return f"{state} · {item.what}"


def _order_text(item: Order, today: date) -> str:
    state = item.status + (" (paused)" if item.paused else "")
    return f"{item.ref} · {state} · {item.title}"


def timeline_row(item: tuple[date, str, object], today: date) -> tuple[str, tuple]:
    """A (key, cells) row of the client timeline; keys read "order:2026-014", "incident:3"…"""
    when, kind, record = item
    if kind == "order":
        key, what, text = f"order:{record.ref}", "order", _order_text(record, today)
    elif kind == "incident":
        key, what, text = f"incident:{record.id}", "incident", _incident_text(record)
    elif kind == "follow-up":
        key, what, text = f"follow-up:{record.id}", "follow-up", _followup_text(record, today)
    else:
        what = SHORT_KINDS.get(record.kind, record.kind)
        key, text = f"interaction:{record.id}", _interaction_text(record)
    style = {"complaint": "bold", "incident": "bold", "praise": "italic",
             "gift received": "italic"}.get(what, "")
    return key, (day(when), Text(what, style=style), text)
