"""Money forms: issue a quote or an invoice, ask a deposit, record a payment, a credit note.

Every question names the number the document will take (the store's draft_* give the document
an issue would give, unstored); the PDF is then made in a worker (issuing.py).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from textual.app import App

from store import models, receipts
from store.board import buyer_name
from store.dates import parse_past_date
from store.errors import ValidationError
from store.invoice_lines import gesture_discount
from store.invoicing import (credited, deposits_of, document, draft_credit_note, draft_invoice,
                             draft_quote, final_invoice)
from store.money_records import PAYMENT_METHODS, MoneyDocument
from store.numbering import next_number

from ..format import day, document_name, money
from .common import lookup
from .confirm import ConfirmDialog
from .fields import Field
from .form import FormDialog
from .issuing import issue

BILLS = ("invoice", "deposit")
"""The kinds a payment settles and a reminder is about."""
METHOD_LABELS = {"transfer": "bank transfer"}
METHOD_OPTIONS = tuple((METHOD_LABELS.get(method, method), method) for method in PAYMENT_METHODS)


def filed(app: App, doc: MoneyDocument) -> Path | None:
    """The document's PDF, when it is recorded and still on disk."""
    if not doc.file:
        return None
    path = app.book.data_dir / doc.file
    return path if path.is_file() else None


def _already(app: App, doc: MoneyDocument) -> bool:
    """Say where an issued document's PDF is; False when it must be written again."""
    path = filed(app, doc)
    if path is None:
        return False
    app.notify(f"{document_name(doc.kind).capitalize()} {doc.number} was issued on "
               f"{day(doc.issued)}: {path}", title="Already issued", timeout=10)
    return True


def _question(doc: MoneyDocument, title: str) -> str:
    what = document_name(doc.kind)
    until = "valid until" if doc.kind == "quote" else "due"
    after = ("A quote changed later is issued anew as a revised quote, with its own number."
             if doc.kind == "quote" else
             "The number is then taken for good: an issued invoice is never edited, only "
             "corrected by a credit note.")
    return (f"Issue {what} {doc.number} for order {doc.order_ref} — {title}?\n"
            f"{money(doc.total)} to {buyer_name(doc.buyer)}, dated {day(doc.issued)}, "
            f"{until} {day(doc.due)}.\n{after}")


def issue_from_order(app: App, kind: str, ref: str) -> None:
    """Issue the order's quote or invoice after a confirmation naming its number."""
    draft_of = draft_quote if kind == "quote" else draft_invoice
    doc = lookup(app, lambda: draft_of(app.book, ref, app.today))
    if doc is None:
        return
    if doc.id and _already(app, doc):
        return
    what = document_name(doc.kind)
    if doc.id:
        question = (f"{what.capitalize()} {doc.number} was issued on {day(doc.issued)}, but its "
                    "PDF is not in the book's documents/ folder: write it again?")
        yes = "Write the PDF"
    else:
        question, yes = _question(doc, app.book.order(ref).title), f"Issue {doc.number}"

    def answered(go: bool | None) -> None:
        if go:
            issue(app, f"Issuing {what} {doc.number}", kind, ref)
    app.push_screen(ConfirmDialog(question, yes=yes, no="Not now"), answered)


def ask_deposit(app: App, ref: str) -> None:
    """Ask for a deposit (facture d'acompte): the amount typed, the number shown."""
    order = lookup(app, lambda: app.book.order(ref))
    if order is None:
        return
    number = next_number(app.book, "deposit", app.today.year)
    asked = sum((doc.subtotal for doc in deposits_of(app.book, ref)), Decimal("0"))
    chosen: dict[str, MoneyDocument] = {}

    def save(values: dict) -> str:
        chosen["doc"] = draft_invoice(app.book, ref, app.today, deposit=values["amount"])
        return ""

    def saved(done: bool | None) -> None:
        doc = chosen.get("doc")
        if not done or doc is None or (doc.id and _already(app, doc)):
            return
        issue(app, f"Issuing deposit invoice {doc.number}", "deposit", ref, deposit=doc.subtotal)

    intro = (f"{ref} — {order.title}, price {money(order.price)}"
             + (f", deposits already asked {money(asked)}" if asked else "") + ".\n"
             f"The deposit invoice takes number {number}, dated today; the order's invoice "
             "deducts it.")
    fields = [Field("amount", "Amount (€)", aliases=("deposit",),
                    placeholder="before VAT, e.g. 100 or 150,50")]
    app.push_screen(FormDialog(f"Deposit on {ref}", fields, save, intro=intro,
                               submit_label=f"Issue {number}"), saved)


def record_payment(app: App, number: str) -> None:
    """Record money received for an invoice: amount (what is due by default), method, day."""
    doc = lookup(app, lambda: document(app.book, number))
    if doc is None:
        return
    if doc.kind not in BILLS or not doc.order_ref:
        app.notify(f"{number} is a {document_name(doc.kind)}: payments are recorded against "
                   "invoices.", severity="warning")
        return
    ref, owed = doc.order_ref, receipts.outstanding(app.book, doc)
    fields = [Field("amount", "Amount (€)", value=str(owed) if owed > 0 else "",
                    placeholder="empty: all that is still due on the order"),
              Field("method", "Method", "select", value="transfer", options=METHOD_OPTIONS),
              Field("on", "Received", "date", value="today", aliases=("date", "paid date"))]

    def save(values: dict) -> str:
        on = parse_past_date(str(values["on"]), app.today, "received")
        before = receipts.left_to_pay(app.book, ref)
        receipts.record_payment(app.book, ref, on, str(values["amount"]).strip() or None,
                                values["method"] or "transfer")
        paid = before - receipts.left_to_pay(app.book, ref)
        return f"{money(paid)} received on {on:%d/%m/%Y} for {number} (order {ref})"

    intro = (f"{number} — {buyer_name(doc.buyer)}, order {ref}: {money(doc.total)}, "
             f"due {day(doc.due)}; {money(owed)} still owed.")
    app.push_screen(FormDialog(f"Payment for {number}", fields, save, intro=intro,
                               submit_label="Record"))


def payment_letter(app: App, number: str) -> None:
    """Write a reminder about an unpaid invoice; a formal notice once a reminder was sent."""
    doc = lookup(app, lambda: document(app.book, number))
    if doc is None:
        return
    kinds = getattr(models, "PAYMENT_LETTER_KINDS", ())
    if doc.kind not in BILLS:
        app.notify(f"{number} is a {document_name(doc.kind)}: reminders are about invoices.",
                   severity="warning")
        return
    if "reminder" not in kinds:
        app.notify("Payment reminders are not available yet.", severity="warning")
        return
    reminded = any(letter.kind == "reminder" and letter.order_ref == doc.order_ref
                   for letter in app.book.where("letters", "client_id", doc.client_id))
    kind = "formal-notice" if reminded and "formal-notice" in kinds else "reminder"
    app.open_letter(kind=kind, ref=doc.order_ref, client_id=doc.client_id)


def _takes_gesture_off(invoice: MoneyDocument, gesture: str) -> bool:
    """The invoice already has the gesture as a discount line (issued after it)."""
    return any(line.total < 0 and gesture in " ".join(line.description.split())
               for line in invoice.lines)


def credit_note_from_plan(app: App, incident_id: int) -> None:
    """A credit note on the order's invoice for the plan's gesture, amount and reason proposed."""
    incident = lookup(app, lambda: app.book.get("incidents", incident_id))
    if incident is None:
        return
    book, ref = app.book, incident.order_ref
    gesture = " ".join(incident.gesture.split())
    standing = deposits_of(book, ref)
    invoice = final_invoice(book, ref) or (standing[-1] if standing else None)
    if not gesture:
        app.notify("Record the gesture of goodwill first (g): the credit note is made from it.",
                   severity="warning")
        return
    if invoice is None:
        app.notify(f"Order {ref} has no invoice yet: when it is issued, the gesture is taken "
                   "off as a discount line if it names a % or an amount.", severity="warning")
        return
    if _takes_gesture_off(invoice, gesture):
        app.notify(f"{invoice.number} already takes the gesture off (it was issued after it): "
                   "no credit note is needed.", severity="warning")
        return
    left = invoice.subtotal - credited(book, invoice.number)
    proposed = min(gesture_discount(gesture, invoice.subtotal), left)
    number = next_number(book, "credit-note", app.today.year)
    chosen: dict[str, MoneyDocument] = {}

    def save(values: dict) -> str:
        if not str(values["amount"]).strip():
            raise ValidationError("amount", "type the amount the gesture gives back")
        chosen["doc"] = draft_credit_note(book, invoice.number, values["amount"],
                                          str(values["reason"]), app.today)
        return ""

    def saved(done: bool | None) -> None:
        doc = chosen.get("doc")
        if done and doc is not None:
            issue(app, f"Issuing credit note {doc.number}", "credit-note", invoice.number,
                  amount=-doc.subtotal, reason=doc.reason)

    def question(values: dict) -> str:
        return (f"Issue credit note {number} for {values['amount']} € on {invoice.number}?\n"
                "Like an invoice, it is numbered for good and never edited.")

    fields = [Field("amount", "Amount (€)", value=str(proposed) if proposed > 0 else "",
                    placeholder="before VAT"),
              Field("reason", "Reason", value=gesture)]
    intro = (f"On invoice {invoice.number} ({money(invoice.total)}, issued "
             f"{day(invoice.issued)}), {money(left)} left to credit; the credit note takes "
             f"number {number}, dated today.")
    app.push_screen(FormDialog(f"Credit note for {ref}", fields, save, intro=intro,
                               submit_label=f"Issue {number}", question=question), saved)
