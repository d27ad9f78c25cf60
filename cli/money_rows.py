"""The money commands' rows and text: issued documents, the receipts book, a payment.

Rows are JSON-ready (ISO dates, amounts as decimal strings "1250.00"); every figure comes
from store.invoicing and store.receipts.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from store import invoicing, receipts
from store.board import buyer_name
from store.listing import Column, render_table
from store.money_records import Payment, money

DOCUMENT_KEYS = ("number", "kind", "ref", "client_id", "issued", "due", "total", "paid", "file")
DOCUMENT_COLUMNS = (
    Column("number", "Number"), Column("kind", "Kind"), Column("ref", "Order"),
    Column("client", "Client"), Column("issued", "Issued"), Column("due", "Due"),
    Column("total", "Total", True), Column("paid", "Paid", True),
    Column("outstanding", "Due now", True),
)
RECEIPT_COLUMNS = (
    Column("date", "Date"), Column("client", "Client"), Column("invoice", "Invoice"),
    Column("nature", "Nature"), Column("amount", "Amount", True), Column("method", "Method"),
)
BILLED = ("invoice", "deposit")
"""The kinds a payment settles."""


def text_amount(value: Decimal) -> str:
    """An amount as the JSON and the tables give it: "1250.00"."""
    return str(money(value))


def document_rows(book) -> list[dict]:
    """Every issued document, by issue date then number; paid and still due for invoices."""
    found = []
    for doc in invoicing.documents(book):
        billed = doc.kind in BILLED
        found.append({
            "number": doc.number, "kind": doc.kind, "ref": doc.order_ref,
            "client_id": doc.client_id, "client": buyer_name(doc.buyer),
            "issued": doc.issued.isoformat(), "due": doc.due.isoformat() if doc.due else None,
            "total": text_amount(doc.total),
            "paid": text_amount(receipts.amount_paid(book, doc)) if billed else None,
            "outstanding": text_amount(receipts.outstanding(book, doc)) if billed else None,
            "file": doc.file or None,
        })
    return found


def json_document(row: dict) -> dict:
    """A document row with the keys `invoices --json` promises, in that order."""
    return {key: row[key] for key in DOCUMENT_KEYS}


def _client_names(book) -> dict[int, str]:
    names = {doc.client_id: buyer_name(doc.buyer) for doc in invoicing.documents(book)}
    names.update({client.id: client.name for client in book.clients()})
    return names


def receipt_rows(book, payments: list[Payment]) -> list[dict]:
    """The receipts book's entries: date, client, invoice, nature, amount, method."""
    names = _client_names(book)
    return [{"date": p.on.isoformat(), "client": names.get(p.client_id, f"client {p.client_id}"),
             "invoice": p.invoice, "nature": p.nature, "amount": text_amount(p.amount),
             "method": p.method} for p in payments]


def paid_line(order, recorded: list[Payment], left: Decimal) -> str:
    """What `paid` prints: the order, what came and what it settles, what is left."""
    if not recorded:
        return f"{order.ref} paid on {order.paid.isoformat()}; nothing was left to receive"
    first = recorded[0]
    settled = ", ".join(payment.invoice for payment in recorded if payment.invoice)
    line = (f"{order.ref}: {text_amount(receipts.total(recorded))} received on "
            f"{first.on.isoformat()} by {first.method}" + (f" for {settled}" if settled else ""))
    if order.status == "paid":
        return f"{line}; paid in full"
    return f"{line}; {text_amount(left)} still due" if left > 0 else line


def receipts_text(start: date, end: date, entries: list[dict], total: str, declaration: str,
                  declared: list[tuple[date, date, str]], warnings: list[str]) -> str:
    """The receipts book of a period as text: entries, total, URSSAF totals, warnings."""
    span = f"{start.isoformat()} to {end.isoformat()}"
    parts = [f"Receipts book, {span}: {len(entries)} "
             f"{'entry' if len(entries) == 1 else 'entries'}, in order of date"]
    if entries:
        parts.append(render_table(entries, RECEIPT_COLUMNS))
    else:
        parts.append(f"No payment received from {span}.")
    parts.append(f"Total received: {total}")
    if declared:
        lines = [f"To declare to URSSAF ({declaration}, on what was received):"]
        lines += [f"  {first.isoformat()} to {last.isoformat()}  {amount:>12}"
                  for first, last, amount in declared]
        parts.append("\n".join(lines))
    if warnings:
        parts.append("\n".join(f"Warning: {warning}" for warning in warnings))
    return "\n\n".join(parts)
