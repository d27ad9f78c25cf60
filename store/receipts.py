"""Payments and the receipts book (livre des recettes): what is due, what came in, when.

A micro-entrepreneur keeps a chronological book of the payments she receives, each with its
date, client, invoice, nature, amount and method (Code de commerce art. L123-28; CGI art.
50-0 and 102 ter), and declares to URSSAF what she received in each month or quarter.
Entries are added, never edited: the book is the payments table in date order.
"""

from __future__ import annotations

import copy
from calendar import monthrange
from datetime import date
from decimal import Decimal

from tinydb import where

from . import validate as v
from .errors import ValidationError
from .i18n import _
from .invoice_lines import order_lines
from .invoicing import deposits_of, final_invoice
from .money_records import PAYMENT_METHODS, MoneyDocument, Payment, money
from .labels import status_label
from .models import Order
from .wording import said_day, said_money

ZERO = Decimal("0.00")
BILLS = ("invoice", "deposit")


def _sum(amounts) -> Decimal:
    return money(sum(amounts, Decimal("0")))


def amount_paid(book, doc: MoneyDocument) -> Decimal:
    """What was paid against a document: payments naming it and, for an order's final
    invoice, the order's payments made before any invoice named them."""
    paid = [p.amount for p in book.where("payments", "invoice", doc.number)]
    final = final_invoice(book, doc.order_ref) if doc.kind == "invoice" and doc.order_ref else None
    if final is not None and final.number == doc.number:
        paid += [p.amount for p in book.where("payments", "order_ref", doc.order_ref)
                 if not p.invoice]
    return _sum(paid)


def outstanding(book, doc: MoneyDocument) -> Decimal:
    """What is still due on an invoice: its total less payments and credit notes (0 for a
    quote or a credit note; negative when more was paid)."""
    if doc.kind not in BILLS:
        return ZERO
    credits = _sum(note.total for note in book.where("documents", "refers_to", doc.number)
                   if note.kind == "credit-note")
    return money(doc.total + credits - amount_paid(book, doc))


def _order_total(book, order: Order) -> Decimal:
    lines = order_lines(book, order, book.client(order.client_id).language)
    return _sum(line.total + line.vat for line in lines)


def dues(book, order: Order) -> list[tuple[str, Decimal]]:
    """What is left to pay on an order, oldest first: (invoice number or "", amount) for each
    deposit and the final invoice still owed, or the part not invoiced yet."""
    owed = [(doc.number, outstanding(book, doc)) for doc in deposits_of(book, order.ref)]
    final = final_invoice(book, order.ref)
    if final is not None:
        owed.append((final.number, outstanding(book, final)))
    elif order.status != "cancelled":
        asked = _sum(doc.total for doc in deposits_of(book, order.ref))
        early = _sum(p.amount for p in book.where("payments", "order_ref", order.ref)
                     if not p.invoice)
        owed.append(("", money(_order_total(book, order) - asked - early)))
    return [(number, amount) for number, amount in owed if amount > 0]


def left_to_pay(book, ref: str) -> Decimal:
    """Everything still owed on an order."""
    return _sum(amount for _, amount in dues(book, book.order(ref)))


def _mark_paid(book, ref: str, on: date) -> None:
    order = copy.deepcopy(book.order(ref))
    order.paid, order.status = on, "paid"
    book.save("orders", order)


def _record(book, order: Order, on: date, amount: Decimal, method: str) -> list[Payment]:
    """Payments spreading `amount` over what is owed, oldest first (inside a transaction)."""
    recorded, left = [], amount
    for number, owed in dues(book, order):
        if left <= 0:
            break
        part = min(left, owed)
        payment = Payment(on=on, amount=part, method=method, client_id=order.client_id,
                          order_ref=order.ref, invoice=number)
        payment.id = book.insert("payments", payment)
        recorded.append(payment)
        left = money(left - part)
    return recorded


def record_payment(book, ref: str, on: date, amount: Decimal | None = None,
                   method: str = "transfer") -> Payment:
    """Record a payment received on an order; without an amount, all that is still due.

    It settles the order's invoices oldest first (deposits, then the invoice), or the order
    itself before any invoice; an amount spanning several invoices is one entry per invoice
    (the first is returned). A delivered order is marked paid once nothing is left due.
    """
    order = book.order(ref)
    v.day("date", on)
    method = v.choice("method", method, PAYMENT_METHODS)
    if order.status == "quote":
        raise ValidationError("status", _("order {ref} is still a quote: nothing is owed "
                                          "yet").format(ref=ref))
    due = left_to_pay(book, ref)
    if due <= 0:
        raise ValidationError("amount", _("nothing is left to pay on order {ref}").format(ref=ref))
    paid = due if amount is None else v.price("amount", amount)
    if paid <= 0:
        raise ValidationError("amount", _("must be more than {zero}").format(
            zero=said_money(0, "0.00 €")))
    if paid > due:
        raise ValidationError("amount", _("{amount} is more than what is left to pay on order "
                                          "{ref} ({due})").format(amount=said_money(paid), ref=ref,
                                                                  due=said_money(due)))
    with book.transaction(_("payment of {amount} on {ref}").format(amount=said_money(paid),
                                                                   ref=ref)):
        first = _record(book, order, on, paid, method)[0]
        if order.status == "delivered" and left_to_pay(book, ref) <= 0:
            _mark_paid(book, ref, on)
    return book.get("payments", first.id)


def paid_ahead(book, ref: str) -> date | None:
    """The day the last payment came in, when an order was paid in full before delivery."""
    payments = book.where("payments", "order_ref", ref)
    if not payments or left_to_pay(book, ref) > 0:
        return None
    return max(payment.on for payment in payments)


def settle(book, ref: str, on: date, method: str = "transfer") -> Order:
    """Mark a delivered order paid, recording the payment of what is still due, if anything."""
    order = book.order(ref)
    if order.status != "delivered":
        raise ValidationError("status", _("order {ref} is {status}; deliver it first").format(
            ref=ref, status=status_label(order.status)))
    v.day("paid date", on)
    method = v.choice("method", method, PAYMENT_METHODS)
    with book.transaction(_("mark {ref} paid").format(ref=ref)):
        due = left_to_pay(book, ref)
        if due > 0:
            _record(book, order, on, due, method)
        _mark_paid(book, ref, on)
    return book.order(ref)


def period(year: int, quarter: int | None = None, month: int | None = None) -> tuple[date, date]:
    """The first and last days of a year, one of its quarters (1–4) or months (1–12)."""
    year = v.whole_number("year", year, minimum=v.MIN_YEAR, maximum=v.MAX_YEAR)
    if quarter is not None and month is not None:
        raise ValidationError("period", _("give a quarter or a month, not both"))
    if quarter is not None:
        quarter = v.whole_number("quarter", quarter, minimum=1, maximum=4)
        first, last = 3 * quarter - 2, 3 * quarter
    elif month is not None:
        first = last = v.whole_number("month", month, minimum=1, maximum=12)
    else:
        first, last = 1, 12
    return date(year, first, 1), date(year, last, monthrange(year, last)[1])


def receipts(book, start: date, end: date) -> list[Payment]:
    """The payments received from `start` to `end` (both included), in date order."""
    if end < start:
        raise ValidationError("period", _("ends ({end}) before it starts ({start})").format(
            end=said_day(end), start=said_day(start)))
    found = book.search("payments", (where("on") >= start.isoformat())
                        & (where("on") <= end.isoformat()))
    return sorted(found, key=lambda payment: (payment.on, payment.id))


def total(payments: list[Payment]) -> Decimal:
    """The sum of some payments."""
    return _sum(payment.amount for payment in payments)


def declaration_periods(book, year: int) -> list[tuple[date, date, Decimal]]:
    """The year's months or quarters (by the profile's declaration), each with its receipts."""
    monthly = book.profile.declaration == "monthly"
    spans = [period(year, month=m) if monthly else period(year, quarter=m)
             for m in range(1, 13 if monthly else 5)]
    return [(start, end, total(receipts(book, start, end))) for start, end in spans]


def unpaid_invoices(book, today: date) -> list[tuple[MoneyDocument, int, Decimal]]:
    """Invoices past their due date with money still owed: (invoice, days late, amount
    owed), the most days late first."""
    late = []
    for doc in book.all("documents"):
        if doc.kind in BILLS and doc.due is not None and doc.due < today:
            owed = outstanding(book, doc)
            if owed > 0:
                late.append((doc, (today - doc.due).days, owed))
    return sorted(late, key=lambda row: (-row[1], row[0].number))
