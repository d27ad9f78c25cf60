"""What a freelancer does with orders: take, postpone, pause, deliver, cancel."""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import date

from . import validate as v
from .dates import short_date
from .deadlines import ref_key
from .book import Book
from .errors import ValidationError
from .i18n import N_, _
from .labels import status_label
from .text import fold
from .models import CAUSES, ORDER_STATUSES, Document, Extra, Order, Pause, Postponement
from .receipts import paid_ahead, settle
from .story import ask_feedback_later
from .wording import said_day

CLOSED_REFUSALS = {
    "postpone": N_("order {ref} is {status}; cannot postpone"),
    "pause": N_("order {ref} is {status}; cannot pause"),
    "deliver": N_("order {ref} is {status}; cannot deliver"),
    "cancel": N_("order {ref} is {status}; cannot cancel"),
    "change its status": N_("order {ref} is {status}; cannot change its status"),
}
"""What a delivered, paid or cancelled order refuses, by action."""


def next_ref(book: Book, year: int) -> str:
    """The next free reference of the year: 2026-001, 2026-002, …

    A reference an issued document or a payment still names is never given again, even when
    its order went with an erased client."""
    prefix = f"{year}-"
    refs = [o.ref for o in book.orders()]
    refs += [r.order_ref or "" for name in ("documents", "payments") for r in book.all(name)]
    used = [int(ref[len(prefix):]) for ref in refs
            if ref.startswith(prefix) and ref[len(prefix):].isascii()
            and ref[len(prefix):].isdecimal()]
    return f"{prefix}{max(used, default=0) + 1:03d}"


def _checked(book: Book, order: Order) -> Order:
    book.client(order.client_id)
    order.title = v.text("title", order.title, required=True, multiline=False)
    order.client_ref = v.reference("client_ref", order.client_ref)
    for name in ("service", "scope", "summary"):
        setattr(order, name, v.text(name, getattr(order, name)))
    document = order.document
    for name in ("nature", "date_text", "place", "script", "archive_ref"):
        setattr(document, name, v.text(f"document {name}", getattr(document, name)))
    document.pages = v.pages("document pages", document.pages)
    order.price = v.price("price", order.price)
    order.status = v.choice("status", order.status, ORDER_STATUSES)
    _check_days(order)
    v.not_before("due date", order.due_original, "received date", order.received)
    v.not_before("due date", order.due, "received date", order.received)
    if order.delivered:
        v.not_before("delivered date", order.delivered, "received date", order.received)
    return order


def _check_days(order: Order) -> None:
    """Every date of the order (its history's too) within the years Carnet keeps."""
    for name, label in (("due", "due date"), ("due_original", "original due date"),
                        ("received", "received date")):
        v.day(label, getattr(order, name))
    for name in ("delivered", "paid", "cancelled"):
        v.day(f"{name} date", getattr(order, name), optional=True)
    for moved in order.postponements:
        for name in ("on", "from_date", "to_date"):
            v.day("postponement", getattr(moved, name))
    for pause in order.pauses:
        v.day("pause", pause.start)
        v.day("pause", pause.end, optional=True)
    for extra in order.extras:
        v.day("extra", extra.on)
        v.price("extra price", extra.price)


def add_order(book: Book, today: date, client_id: int, title: str, due: date,
              received: date | None = None, document: Document | None = None, **fields) -> Order:
    """Take a new order; its reference is the next of the received year."""
    received = received or today
    with book.transaction(_("new order")):
        try:
            order = Order(ref=next_ref(book, received.year), client_id=client_id, title=title,
                          received=received, due_original=due, due=due,
                          document=document or Document(), **fields)
        except TypeError as exc:
            raise ValidationError("order", str(exc)) from None
        order = _checked(book, order)
        order.id = book.insert("orders", order)
    return book.order(order.ref)


def _change(book: Book, ref: str, label: str, mutate) -> Order:
    """Apply `mutate` to a copy of the order, validate, save as one change."""
    order = copy.deepcopy(book.order(ref))
    with book.transaction(label):
        mutate(order)
        book.save("orders", _checked(book, order))
    return book.order(ref)


def edit_order(book: Book, ref: str, **changes) -> Order:
    """Change descriptive fields of an order (not its dates' history)."""
    def mutate(order: Order) -> None:
        for name, value in changes.items():
            if name in ("id", "ref", "postponements", "pauses") or not hasattr(order, name):
                raise ValidationError(name, _("cannot be edited directly"))
            setattr(order, name, value)
    return _change(book, ref, _("edit {ref}").format(ref=ref), mutate)


def _require_open(order: Order, action: str) -> None:
    if not order.is_open:
        raise ValidationError("status", _(CLOSED_REFUSALS[action]).format(
            ref=order.ref, status=status_label(order.status)))


def postpone(book: Book, ref: str, new_due: date, reason: str, cause: str, today: date) -> Order:
    """Move the due date, keeping the history (from, to, reason, cause)."""
    def mutate(order: Order) -> None:
        _require_open(order, "postpone")
        v.choice("cause", cause, CAUSES)
        v.text("reason", reason, required=True)
        if new_due == order.due:
            raise ValidationError("new date", _("is already the due date ({day})").format(
                day=said_day(new_due)))
        if new_due < order.due:
            raise ValidationError("new date", _("{day} is before the current due date ({due}); a "
                                                "postponement moves it later — edit the order to "
                                                "bring it forward").format(
                                                    day=said_day(new_due), due=said_day(order.due)))
        order.postponements.append(Postponement(today, order.due, new_due, reason, cause))
        order.due = new_due
    return _change(book, ref, _("postpone {ref} to {day}").format(ref=ref,
                                                                   day=short_date(new_due)),
                   mutate)


def pause(book: Book, ref: str, today: date, reason: str = "") -> Order:
    """Stop the clock while waiting on the client."""
    def mutate(order: Order) -> None:
        _require_open(order, "pause")
        if order.paused:
            raise ValidationError("pause", _("order {ref} is already paused").format(ref=ref))
        order.pauses.append(Pause(today, None, v.text("reason", reason)))
    return _change(book, ref, _("pause {ref}").format(ref=ref), mutate)


def resume(book: Book, ref: str, today: date) -> Order:
    """Restart the clock once the client has answered."""
    def mutate(order: Order) -> None:
        if not order.paused:
            raise ValidationError("pause", _("order {ref} is not paused").format(ref=ref))
        v.not_before("resume date", today, "pause start", order.pauses[-1].start)
        order.pauses[-1].end = today
    return _change(book, ref, _("resume {ref}").format(ref=ref), mutate)


def deliver(book: Book, ref: str, on: date) -> Order:
    """Deliver the work; a feedback follow-up is scheduled a week later. Work paid in full
    beforehand is paid as soon as it is delivered."""
    def mutate(order: Order) -> None:
        _require_open(order, "deliver")
        if order.paused:
            order.pauses[-1].end = on
        order.delivered, order.status = on, "delivered"
    label = _("deliver {ref}").format(ref=ref)
    with book.transaction(label):
        order = _change(book, ref, label, mutate)
        ask_feedback_later(book, order.client_id, ref, order.title, on)
        paid_before = paid_ahead(book, ref)
        if paid_before is not None:
            order = settle(book, ref, paid_before)
    return order


def mark_paid(book: Book, ref: str, on: date) -> Order:
    """Mark a delivered order paid; what was still due goes to the receipts book."""
    return settle(book, ref, on)


def cancel(book: Book, ref: str, on: date) -> Order:
    def mutate(order: Order) -> None:
        _require_open(order, "cancel")
        order.cancelled, order.status = on, "cancelled"
    return _change(book, ref, _("cancel {ref}").format(ref=ref), mutate)


def check_deletable(book: Book, ref: str) -> None:
    """Refuse to delete an order past the quote, or with letters or a plan: it is cancelled."""
    order = book.order(ref)
    if order.status != "quote":
        raise ValidationError("order", _("order {ref} is {status}, not a quote: cancel it "
                                         "instead, so its history is kept").format(
                                             ref=ref, status=status_label(order.status)))
    if book.where("incidents", "order_ref", ref) or book.where("letters", "order_ref", ref):
        raise ValidationError("order", _("order {ref} has letters or a recovery plan: cancel it "
                                         "instead, so its history is kept").format(ref=ref))
    if book.where("documents", "order_ref", ref) or book.where("payments", "order_ref", ref):
        raise ValidationError("order", _("order {ref} has issued documents or payments: cancel "
                                         "it instead, so they keep their order").format(ref=ref))


def delete_order(book: Book, ref: str) -> Order:
    """Remove an order still a quote (nothing was promised yet); anything later is cancelled.

    Its follow-ups go with it; exchanges about it stay on the client's timeline."""
    order = book.order(ref)
    check_deletable(book, ref)
    with book.transaction(_("delete the quote {ref}").format(ref=ref)):
        for followup in book.where("followups", "order_ref", ref):
            book.delete("followups", followup.id)
        for interaction in book.where("interactions", "order_ref", ref):
            book.save("interactions", replace(interaction, order_ref=None))
        book.delete("orders", order.id)
    return order


def set_status(book: Book, ref: str, status: str) -> Order:
    """Move an open order between quote, accepted and in progress."""
    def mutate(order: Order) -> None:
        _require_open(order, "change its status")
        order.status = v.choice("status", status, ("quote", "accepted", "in progress"))
    return _change(book, ref, _("status {ref}").format(ref=ref), mutate)


def add_extra(book: Book, ref: str, what: str, price, on: date) -> Order:
    """Record work the client asked for later (e.g. a summary of the act)."""
    def mutate(order: Order) -> None:
        order.extras.append(Extra(on, v.text("extra", what, required=True), v.price("price", price)))
    return _change(book, ref, _("extra on {ref}").format(ref=ref), mutate)


def find_orders(book: Book, text: str = "", status: str | None = None,
                client_id: int | None = None) -> list[Order]:
    """Orders filtered in the store (not in a widget), newest reference first."""
    needle = fold(text).strip()
    found = []
    for order in book.orders():
        if status and order.status != status:
            continue
        if client_id is not None and order.client_id != client_id:
            continue
        if needle and needle not in fold(f"{order.ref} {order.title} {order.document.nature}"):
            continue
        found.append(order)
    return sorted(found, key=lambda o: ref_key(o.ref), reverse=True)
