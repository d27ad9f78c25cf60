"""The money commands' rows and text: issued documents, the receipts book, a payment.

Rows are JSON-ready (ISO dates, amounts as decimal strings "1250.00"); every figure comes
from store.invoicing and store.receipts.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from store import invoicing, receipts
from store.board import buyer_name
from store.i18n import N_, _, ngettext
from store.labels import PAID_BY, document_name, method_label
from store.listing import Column, render_table
from store.money_records import Payment, money

from .common import amount as said_amount, said, translated


DOCUMENT_KEYS = ("number", "kind", "ref", "client_id", "issued", "due", "total", "paid", "file")
DOCUMENT_COLUMNS = (
    Column("number", N_("Number")), Column("kind", N_("Kind"), False, document_name),
    Column("ref", N_("Order")), Column("client", N_("Client")),
    Column("issued", N_("Issued"), False, said), Column("due", N_("Due"), False, said),
    Column("total", N_("Total"), True, said_amount),
    Column("paid", N_("Paid"), True, said_amount),
    Column("outstanding", N_("Due now"), True, said_amount),
)
RECEIPT_COLUMNS = (
    Column("date", N_("Date"), False, said), Column("client", N_("Client")),
    Column("invoice", N_("Invoice")), Column("nature", N_("Nature")),
    Column("amount", N_("Amount"), True, said_amount),
    Column("method", N_("Method"), False, method_label),
)
"""Headers N_-marked, translated where the table is printed."""
DECLARED = {
    "quarterly": N_("To declare to URSSAF (quarterly, on what was received):"),
    "monthly": N_("To declare to URSSAF (monthly, on what was received):"),
}
"""The URSSAF heading, by how often the receipts are declared."""
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
        return _("{ref} paid on {date}; nothing was left to receive").format(
            ref=order.ref, date=said(order.paid))
    first = recorded[0]
    settled = ", ".join(payment.invoice for payment in recorded if payment.invoice)
    by = _(PAID_BY[first.method]) if first.method in PAID_BY else \
        _("by {method}").format(method=first.method)
    words = dict(ref=order.ref, amount=said_amount(text_amount(receipts.total(recorded))),
                 date=said(first.on), by=by, invoices=settled)
    line = (_("{ref}: {amount} received on {date} {by} for {invoices}") if settled
            else _("{ref}: {amount} received on {date} {by}")).format(**words)
    if order.status == "paid":
        return _("{done}; {rest}").format(done=line, rest=_("paid in full"))
    if left > 0:
        rest = _("{amount} still due").format(amount=said_amount(text_amount(left)))
        return _("{done}; {rest}").format(done=line, rest=rest)
    return line


def receipts_text(start: date, end: date, entries: list[dict], total: str, declaration: str,
                  declared: list[tuple[date, date, str]], warnings: list[str]) -> str:
    """The receipts book of a period as text: entries, total, URSSAF totals, warnings."""
    span = dict(start=said(start), end=said(end))
    parts = [ngettext("Receipts book, {start} to {end}: {count} entry, in order of date",
                      "Receipts book, {start} to {end}: {count} entries, in order of date",
                      len(entries)).format(count=len(entries), **span)]
    if entries:
        parts.append(render_table(entries, translated(RECEIPT_COLUMNS)))
    else:
        parts.append(_("No payment received from {start} to {end}.").format(**span))
    parts.append(_("Total received: {total}").format(total=said_amount(total)))
    if declared:
        lines = [_(DECLARED.get(declaration, "To declare to URSSAF ({period}, on what was "
                                              "received):")).format(period=declaration)]
        lines += ["  " + _("{start} to {end}").format(start=said(first), end=said(last))
                  + f"  {said_amount(amount):>12}" for first, last, amount in declared]
        parts.append("\n".join(lines))
    if warnings:
        parts.append("\n".join(_("Warning: {warning}").format(warning=warning)
                               for warning in warnings))
    return "\n\n".join(parts)
