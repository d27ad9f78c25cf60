"""Lists for browsing a big book: filtered in the store, cut into pages for the screen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from .book import Book
from .clients import find_clients
from .deadlines import overdue, ref_key
from .loyalty import last_contact, segments
from .models import Client, Order

T = TypeVar("T")
ORDER_FILTERS = ("all", "open", "overdue", "quote", "accepted", "in progress", "delivered",
                 "paid", "cancelled")
"""What the orders list can be narrowed to: a status, or open / overdue work."""


@dataclass(frozen=True)
class Page(Generic[T]):
    """Some rows of a longer list: where they start and how many there are in all."""

    rows: list[T]
    offset: int
    total: int


@dataclass(frozen=True)
class OrderRow:
    """An order as a list shows it: with its client's name and days late (None if on time)."""

    order: Order
    client_name: str
    days_late: int | None


@dataclass(frozen=True)
class ClientRow:
    """A client as a list shows it: with segment, last contact and number of orders."""

    client: Client
    segment: str | None
    last_contact: date | None
    orders: int


def cut(items: list[T], offset: int, limit: int) -> Page[T]:
    """The page of `items` starting at `offset` (clamped to the last page)."""
    total = len(items)
    offset = max(0, min(offset, (max(total - 1, 0) // limit) * limit))
    return Page(items[offset:offset + limit], offset, total)


def _late_by_ref(book: Book, today: date) -> dict[str, int]:
    lines = overdue(book.orders(), book.clients_by_id(), book.profile, today)
    return {line.order.ref: line.days_late for line in lines}


def order_page(book: Book, today: date, text: str = "", show: str = "all",
               client_id: int | None = None, offset: int = 0, limit: int = 200) -> Page[OrderRow]:
    """Orders matching `text` (reference, title, document, client) and `show`, newest first;
    overdue ones most late first."""
    names = {c.id: c.name for c in book.clients()}
    late = _late_by_ref(book, today)
    needle = text.casefold().strip()
    found = []
    for order in book.orders():
        if client_id is not None and order.client_id != client_id:
            continue
        if show == "open" and not order.is_open:
            continue
        if show == "overdue" and order.ref not in late:
            continue
        if show not in ("all", "open", "overdue") and order.status != show:
            continue
        name = names.get(order.client_id, "?")
        haystack = f"{order.ref} {order.title} {order.document.nature} {name}".casefold()
        if needle and needle not in haystack:
            continue
        found.append(OrderRow(order, name, late.get(order.ref)))
    if show == "overdue":
        found.sort(key=lambda row: (-row.days_late, ref_key(row.order.ref)))
    else:
        found.sort(key=lambda row: ref_key(row.order.ref), reverse=True)
    return cut(found, offset, limit)


def client_page(book: Book, today: date, text: str = "", offset: int = 0,
                limit: int = 200) -> Page[ClientRow]:
    """Clients whose name, organisation, email, city or tags contain `text`, by name."""
    page = cut(find_clients(book, text), offset, limit)
    orders = book.orders()
    shown = {c.id for c in page.rows}
    counts = dict.fromkeys(shown, 0)
    for order in orders:
        if order.client_id in shown:
            counts[order.client_id] += 1
    score = segments(page.rows, orders, today)
    contact = last_contact(book.interactions())
    rows = [ClientRow(c, score[c.id].segment if c.id in score else None,
                      contact[c.id].date() if c.id in contact else None, counts[c.id])
            for c in page.rows]
    return Page(rows, page.offset, page.total)
