"""Lists for browsing a big book: filtered in the store, cut into pages for the screen.

What every page needs (names, days late, search text, last contacts) is derived once per
state of the book and day, so typing in a search box only scans prepared rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Generic, TypeVar

from .text import fold
from .book import Book
from .clients import client_index, matching
from .relations import index_lookups
from .deadlines import overdue, ref_key
from .loyalty import last_contact, order_counts, prepare_talks, segments
from .models import Client, Order
from .state import BookState
from .timeline import prepare as order_timelines

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


class _Derived:
    """What the lists derive from one revision of a book on one day, computed when first asked."""

    def __init__(self, book: BookState, today: date) -> None:
        self.book, self.today = book, today

    @cached_property
    def names(self) -> dict[int, str]:
        return {c.id: c.name for c in self.book.clients()}

    @cached_property
    def late(self) -> dict[str, int]:
        lines = overdue(self.book.orders(), self.book.clients_by_id(), self.book.profile,
                        self.today)
        return {line.order.ref: line.days_late for line in lines}

    @cached_property
    def newest_first(self) -> list[tuple[Order, str]]:
        """Every order with its lower-cased search text, newest reference first."""
        names = self.names
        rows = [(o, fold(f"{o.ref} {o.title} {o.document.nature} {names.get(o.client_id, '?')}"))
                for o in self.book.orders()]
        return sorted(rows, key=lambda row: ref_key(row[0].ref), reverse=True)

    @cached_property
    def clients(self) -> list[tuple[Client, str]]:
        """Every client with its folded search text, by name (the index clients.py keeps)."""
        return client_index(self.book)

    @cached_property
    def order_counts(self) -> dict[int, int]:
        return order_counts(self.book.orders())

    @cached_property
    def segments(self) -> dict[int, str]:
        scores = segments(self.book.clients(), self.book.orders(), self.today)
        return {cid: score.segment for cid, score in scores.items()}

    @cached_property
    def last_contact(self) -> dict[int, date]:
        return {cid: when.date() for cid, when in last_contact(self.book.interactions()).items()}


def _for(book: Book | BookState, today: date) -> _Derived:
    return book.remembered(("browse", today), lambda state: _Derived(state, today))


def prepare(book: Book, today: date) -> None:
    """Derive now what the lists will need (e.g. in the background, before they are opened)."""
    derived = _for(book, today)
    for name in ("names", "late", "newest_first", "clients", "order_counts", "segments",
                 "last_contact"):
        getattr(derived, name)
    index_lookups(book)
    state = book.state if isinstance(book, Book) else book
    order_timelines(state)
    prepare_talks(state)


def _shown(order: Order, show: str, late: dict[str, int]) -> bool:
    if show == "all":
        return True
    if show == "open":
        return order.is_open
    if show == "overdue":
        return order.ref in late
    return order.status == show


def order_page(book: Book, today: date, text: str = "", show: str = "all",
               client_id: int | None = None, offset: int = 0, limit: int = 200) -> Page[OrderRow]:
    """Orders matching `text` (reference, title, document, client) and `show`, newest first;
    overdue ones most late first."""
    derived = _for(book, today)
    late, names = derived.late, derived.names
    needle = fold(text).strip()
    found = [order for order, haystack in derived.newest_first
             if (client_id is None or order.client_id == client_id)
             and _shown(order, show, late) and needle in haystack]
    if show == "overdue":
        found.sort(key=lambda order: -late[order.ref])
    page = cut(found, offset, limit)
    rows = [OrderRow(o, names.get(o.client_id, "?"), late.get(o.ref)) for o in page.rows]
    return Page(rows, page.offset, page.total)


def client_page(book: Book, today: date, text: str = "", offset: int = 0,
                limit: int = 200) -> Page[ClientRow]:
    """Clients whose name, organisation, email, city or tags contain `text`, by name."""
    derived = _for(book, today)
    page = cut(matching(derived.clients, text), offset, limit)
    rows = [ClientRow(c, derived.segments.get(c.id), derived.last_contact.get(c.id),
                      derived.order_counts.get(c.id, 0))
            for c in page.rows]
    return Page(rows, page.offset, page.total)
