"""iCalendar (RFC 5545) export: open orders' due dates and pending follow-ups, stable UIDs."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from ..models import OPEN_STATUSES
from .contentlines import escape, property_line
from .identity import book_identity

WORDS = {
    "fr": {"calendar": "Carnet — échéances", "due": "Échéance", "followup": "Relance",
           "client": "Client", "order": "Commande", "title": "Objet", "what": "À faire",
           "original": "Échéance initiale"},
    "en": {"calendar": "Carnet — due dates", "due": "Due", "followup": "Follow-up",
           "client": "Client", "order": "Order", "title": "Title", "what": "To do",
           "original": "Original due date"},
}


def _day(value: date) -> str:
    return f"{value.year:04d}{value.month:02d}{value.day:02d}"


def _end(day: date) -> str:
    """The day after (exclusive end); on the last day a calendar can hold, one day's length."""
    if day == date.max:
        return property_line("DURATION", "P1D")
    return property_line("DTEND", _day(day + timedelta(days=1)), "VALUE=DATE")


def _event(uid: str, stamp: str, day: date, summary: str, description: str,
           category: str) -> list[str]:
    return [
        property_line("BEGIN", "VEVENT"),
        property_line("UID", escape(uid)),
        property_line("DTSTAMP", stamp),
        property_line("DTSTART", _day(day), "VALUE=DATE"),
        _end(day),
        property_line("SUMMARY", escape(summary)),
        property_line("DESCRIPTION", escape(description)),
        property_line("CATEGORIES", escape(category)),
        property_line("TRANSP", "TRANSPARENT"),
        property_line("END", "VEVENT"),
    ]


def order_uid(ref: str, identity: str) -> str:
    return f"order-{ref}-{identity}@carnet"


def followup_uid(followup_id: int, identity: str) -> str:
    return f"followup-{followup_id}-{identity}@carnet"


def export_ics(book, now: datetime) -> bytes:
    """The calendar as bytes (UTF-8, CRLF, folded at 75 octets)."""
    words = WORDS.get(book.profile.language, WORDS["fr"])
    identity = book_identity(book)
    stamp = now.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    clients = book.clients_by_id()
    lines = [property_line("BEGIN", "VCALENDAR"), property_line("VERSION", "2.0"),
             property_line("PRODID", "-//Carnet//Carnet 0.1//" + book.profile.language.upper()),
             property_line("CALSCALE", "GREGORIAN"),
             property_line("X-WR-CALNAME", escape(words["calendar"]))]
    for order in sorted((o for o in book.orders() if o.status in OPEN_STATUSES),
                        key=lambda o: (o.due, o.ref)):
        client = clients[order.client_id]
        description = "\n".join([
            f"{words['order']}: {order.ref}", f"{words['title']}: {order.title}",
            f"{words['client']}: {client.name}",
            f"{words['original']}: {order.due_original.isoformat()}"])
        lines += _event(order_uid(order.ref, identity), stamp, order.due,
                        f"{words['due']} {order.ref}: {order.title} ({client.name})",
                        description, words["due"])
    pending = [f for f in book.followups()
               if f.done is None and clients[f.client_id].status != "parted"]
    for followup in sorted(pending, key=lambda f: (f.due, f.id)):
        client = clients[followup.client_id]
        details = [f"{words['what']}: {followup.what}", f"{words['client']}: {client.name}"]
        if followup.order_ref:
            details.append(f"{words['order']}: {followup.order_ref}")
        first_line = followup.what.split("\n", 1)[0]
        lines += _event(followup_uid(followup.id, identity), stamp, followup.due,
                        f"{words['followup']} {client.name}: {first_line}",
                        "\n".join(details), words["followup"])
    lines.append(property_line("END", "VCALENDAR"))
    return "".join(lines).encode("utf-8")
