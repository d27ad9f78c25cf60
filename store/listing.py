"""Rows for the command line's listings (overdue, clients, orders) and their plain-text tables.

Rows are JSON-ready dicts (ISO dates, strings, numbers, None): `--json` prints them as
they are; the table shows a chosen subset. Every rule comes from store's rule modules.
"""

from __future__ import annotations

import json
import unicodedata
from collections import namedtuple
from datetime import date
from pathlib import Path

from . import deadlines
from .book import Book
from .deadlines import ref_key
from .i18n import N_, _, ngettext
from .labels import segment_label, status_label
from .models import OPEN_STATUSES, Order, iso
from .text import name_key
from .wording import days, said_day


class Column(namedtuple("Column", ("key", "header", "right", "shown"), defaults=(False, None))):
    """One column of a table: the row key, its header (N_-marked, translated when the table is
    drawn), right-aligned or not (default not), a formatter (default str)."""

    __slots__ = ()


def _paused(value: int) -> str:
    return _("{days} paused, not counted").format(days=days(value)) if value else ""


def shown_day(value: str) -> str:
    """An ISO date of a row as a table shows it (ISO in English, '20 déc. 2026' in French)."""
    return said_day(date.fromisoformat(value))


OVERDUE_COLUMNS = (
    Column("ref", N_("Ref")), Column("client", N_("Client")), Column("title", N_("Title")),
    Column("due", N_("Due"), False, shown_day), Column("days_late", N_("Late"), True, days),
    Column("paused_days", N_("Note"), False, _paused),
)
CLIENT_COLUMNS = (
    Column("id", N_("Id"), True), Column("name", N_("Name")),
    Column("status", N_("Status"), False, status_label),
    Column("segment", N_("Segment"), False, segment_label),
    Column("orders", N_("Orders"), True),
    Column("last_contact", N_("Last contact"), False, shown_day),
)
ORDER_COLUMNS = (
    Column("ref", N_("Ref")), Column("client", N_("Client")), Column("title", N_("Title")),
    Column("status", N_("Status"), False, status_label), Column("due", N_("Due"), False, shown_day),
    Column("delivered", N_("Delivered"), False, shown_day),
)
SHRINKABLE = ("title", "client", "name")
"""Columns cut (with …) when a table is wider than the terminal."""
MIN_SHRUNK = 12


def overdue_rows(book: Book, today: date) -> list[dict]:
    """Overdue orders, most late first (days late count from the due date pushed back by pauses)."""
    still_open = [order for status in OPEN_STATUSES
                  for order in book.where("orders", "status", status)]
    known = book.rows("clients")
    clients = {order.client_id: book.client(order.client_id) for order in still_open
               if str(order.client_id) in known}
    lines = deadlines.overdue(still_open, clients, book.profile, today)
    return [deadline_row(line) for line in lines]


def deadline_row(line: deadlines.DeadlineLine) -> dict:
    """One order of a deadline list (overdue or due soon); days_late is negative when early."""
    return {
        "ref": line.order.ref, "client": line.client.name if line.client else None,
        "client_id": line.order.client_id, "title": line.order.title,
        "due": iso(line.order.due), "effective_due": iso(line.effective_due),
        "due_original": iso(line.order.due_original), "days_late": line.days_late,
        "paused_days": (line.effective_due - line.order.due).days,
        "status": line.order.status, "paused": line.order.paused,
    }


def client_rows(book: Book, today: date) -> list[dict]:
    """Every client by name, with loyalty segment (None when parted) and last contact."""
    from . import loyalty

    clients = sorted(book.clients(), key=name_key)
    scores = loyalty.segments(clients, book.orders(), today)
    contact = loyalty.last_contact(book.interactions())
    counts = loyalty.order_counts(book.orders())
    rows = []
    for client in clients:
        score, last = scores.get(client.id), contact.get(client.id)
        rows.append({
            "id": client.id, "name": client.name, "status": client.status,
            "segment": score.segment if score else None,
            "last_contact": iso(last.date() if last else None),
            "orders": counts.get(client.id, 0), "city": client.city, "country": client.country,
            "email": client.email, "language": client.language,
        })
    return rows


def order_row(order: Order, client_name: str) -> dict:
    return {
        "ref": order.ref, "client": client_name, "client_id": order.client_id,
        "title": order.title, "client_ref": order.client_ref, "status": order.status,
        "received": iso(order.received),
        "due_original": iso(order.due_original), "due": iso(order.due),
        "delivered": iso(order.delivered), "paid": iso(order.paid),
        "price": str(order.price), "paused": order.paused,
    }


def order_rows(book: Book, today: date) -> list[dict]:
    """Every order, newest reference first."""
    names = {c.id: c.name for c in book.clients()}
    orders = sorted(book.orders(), key=lambda o: ref_key(o.ref), reverse=True)
    return [order_row(order, names.get(order.client_id, "?")) for order in orders]


def to_json(value: object) -> str:
    """Rows (or one object) as indented JSON, the letters kept as they are."""
    return json.dumps(value, ensure_ascii=False, indent=2)


COUNTED = {
    "order": lambda n: ngettext("{count} order", "{count} orders", n),
    "client": lambda n: ngettext("{count} client", "{count} clients", n),
    "document": lambda n: ngettext("{count} document", "{count} documents", n),
    "follow-up": lambda n: ngettext("{count} follow-up", "{count} follow-ups", n),
    "payment": lambda n: ngettext("{count} payment", "{count} payments", n),
    "letter": lambda n: ngettext("{count} letter", "{count} letters", n),
}
"""The nouns a listing counts, each with its singular and plural."""


def count(rows: list, noun: str) -> str:
    """'1 order', '3 orders' (in the interface's language for the nouns of COUNTED)."""
    counted = COUNTED.get(noun)
    if counted is not None:
        return counted(len(rows)).format(count=len(rows))
    return f"{len(rows)} {noun}" + ("" if len(rows) == 1 else "s")


EMPTY = {
    "clients": N_("No clients in the book at {folder} yet (`python app.py demo --data {folder}` "
                  "fills one with an example)."),
    "orders": N_("No orders in the book at {folder} yet (`python app.py demo --data {folder}` "
                 "fills one with an example)."),
}


def empty_book(data_dir: Path, what: str) -> str:
    """The line shown for an empty listing."""
    sentence = EMPTY.get(what)
    if sentence is not None:
        return _(sentence).format(folder=data_dir)
    return (f"No {what} in the book at {data_dir} yet "
            f"(`python app.py demo --data {data_dir}` fills one with an example).")


def _header(column: Column) -> str:
    return _(column.header) if column.header else ""


def _cell(row: dict, column: Column) -> str:
    value = row.get(column.key)
    if value is None or value == "":
        return "—"
    text = column.shown(value) if column.shown else str(value)
    return unicodedata.normalize("NFC", text)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[:max(width - 1, 0)] + "…"


def _shrink(widths: list[int], columns, excess: int) -> None:
    """Narrow the widest shrinkable column, a character at a time, until `excess` is gone."""
    floor = {i: max(len(_header(c)), MIN_SHRUNK) for i, c in enumerate(columns)
             if c.key in SHRINKABLE}
    while excess > 0:
        room = [i for i in floor if widths[i] > floor[i]]
        if not room:
            return
        widest = max(room, key=lambda i: widths[i])
        widths[widest] -= 1
        excess -= 1


def render_table(rows: list[dict], columns, width: int | None = None, gap: str = "  ") -> str:
    """An aligned plain-text table; long text columns are cut to fit `width` if given."""
    cells = [[_cell(row, column) for column in columns] for row in rows]
    headers = [_header(c) for c in columns]
    widths = [max([len(headers[i])] + [len(line[i]) for line in cells])
              for i, c in enumerate(columns)]
    if width:
        _shrink(widths, columns, sum(widths) + len(gap) * (len(columns) - 1) - width)

    def line(values: list[str]) -> str:
        parts = [(_cut(v, w).rjust(w) if c.right else _cut(v, w).ljust(w))
                 for v, w, c in zip(values, widths, columns)]
        return gap.join(parts).rstrip()

    header = line(headers)
    rule = gap.join("─" * w for w in widths)
    return "\n".join([header, rule] + [line(values) for values in cells])
