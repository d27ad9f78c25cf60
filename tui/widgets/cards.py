"""The text of the client screen: contact card, loyalty signals, timeline rows."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.content import Content

from store.book import Book
from store.i18n import N_, _, ngettext, qualified
from store.labels import channel_label, entry_label, exchange_label, segment_label, status_label
from store.loyalty import client_talk, rfm, signals
from store.models import Client, FollowUp, Incident, Interaction, Order

from ..format import ago, day, money
from .text import markup

STATUS_MARK = {"active": "", "difficult": N_("⚠ difficult"), "parted": N_("parted")}
"""A client's standing as the card warns of it (translated where shown)."""
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
    lines.append(markup(_("[dim]prefers[/dim] {channel} [dim]· writes in[/dim] {lang}"),
                        channel=channel_label(client.channel), lang=client.language))
    if client.tags:
        lines.append(markup(_("[dim]tags[/dim] {tags}"), tags=", ".join(client.tags)))
    if client.status != "active":
        lines.append(Content.from_markup("[b $warning]$status[/] $note",
                                         status=_(STATUS_MARK[client.status]),
                                         note=client.status_note))
    if client.notes:
        lines.append(Content.from_markup("[i]$notes[/i]", notes=client.notes))
    return Content("\n").join(lines)


def loyalty_card(book: Book, client: Client, today: date) -> Content:
    """The client's segment and the relationship signals behind it."""
    orders = book.where("orders", "client_id", client.id)
    incidents = book.where("incidents", "client_id", client.id)
    score = rfm(client, orders, today)
    sig = signals(client, orders, client_talk(book, client.id), incidents)
    segment = (_("parted — out of the reminders") if client.status == "parted"
               else segment_label(score.segment))
    orders = (_("{count}, last {day}").format(count=sig.orders, day=day(score.last_order))
              if score.last_order else str(sig.orders))
    recovered = (ngettext("{count}, {recovered} recovered (ordered again)",
                          "{count}, {recovered} recovered (ordered again)", sig.recovered)
                 .format(count=sig.incidents, recovered=sig.recovered)
                 if sig.incidents else "0")
    rows = [(_("orders"), orders), (_("revenue"), money(sig.revenue)),
            (_("gifts"), str(sig.gifts)), (_("praise"), str(sig.praise)),
            (_("complaints"), str(sig.complaints)), (_("incidents"), recovered)]
    if sig.feedback_given and not sig.silent:
        rows.append((_("feedback"), _("given")))
    width = max(11, *(len(name) + 1 for name, _value in rows))
    lines = [markup(_("[b]Loyalty[/b]  {segment}"), segment=segment)]
    lines += [_signal(name, value, width) for name, value in rows[:6]]
    if sig.silent:
        lines.append(Content.from_markup(_("[b $warning]silent[/] [dim]— never gave feedback; "
                                           "ask (l → feedback letter)[/dim]")))
    lines += [_signal(name, value, width) for name, value in rows[6:]]
    return Content("\n").join(lines)


def _signal(name: str, value: str, width: int = 11) -> Content:
    return Content.from_markup("[dim]$label[/dim] $value", label=name.ljust(width), value=value)


def _interaction_text(item: Interaction) -> str:
    mood = f" ({item.satisfaction}/5)" if item.satisfaction else ""
    about = f" [{item.order_ref}]" if item.order_ref else ""
    return _("{exchange}{about}{mood}: {text}").format(
        exchange=exchange_label(item.channel, item.direction), about=about, mood=mood,
        text=item.text)


def incident_state(item: Incident) -> str:
    """'closed 23 Nov 2026' or 'open'."""
    return (_("closed {day}").format(day=day(item.closed)) if item.closed
            else qualified(N_("incident|open")))


def _incident_text(item: Incident) -> str:
    return f"{item.order_ref} · {incident_state(item)} · {item.what}"


def _followup_text(item: FollowUp, today: date) -> str:
    state = (_("done {day}").format(day=day(item.done)) if item.done
             else _("due {when}").format(when=ago(item.due, today)))
    return f"{state} · {item.what}"


def _order_text(item: Order, today: date) -> str:
    state = (_("{status} (paused)").format(status=status_label(item.status)) if item.paused
             else status_label(item.status))
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
    return key, (day(when), Text(entry_label(what), style=style), text)
