"""Money forms: issue a quote or an invoice, ask a deposit, record a payment, a credit note.

Every question names the number the document will take (the store's draft_* give the document
an issue would give, unstored); the PDF is then made in a worker (issuing.py).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path

from store import receipts
from store.amounts import parse_amount
from store.board import buyer_name
from store.dates import parse_past_date
from store.errors import ValidationError
from store.formats import amount_for_editing
from store.i18n import N_, _
from store.labels import METHOD_CHOICES, choices, document_name
from store.invoice_lines import gesture_discount
from store.invoicing import (credited, deposits_of, draft_credit_note, draft_invoice, draft_quote,
                             final_invoice)
from store.models import Incident, Order
from store.money_records import PAYMENT_METHODS, MoneyDocument
from store.numbering import next_number

from ..format import day, money
from .common import lookup, with_document, with_incident, with_order
from .confirm import ConfirmDialog
from .fields import Field
from .form import FormDialog
from .host import Host
from .issuing import issue

BILLS = ("invoice", "deposit")
"""The kinds a payment settles and a reminder is about."""
ISSUING = {"quote": N_("Issuing quote {number}"), "invoice": N_("Issuing invoice {number}"),
           "deposit": N_("Issuing deposit invoice {number}"),
           "credit-note": N_("Issuing credit note {number}")}
"""What the wait screen says while each kind of document is issued."""


def filed(app: Host, doc: MoneyDocument) -> Path | None:
    """The document's PDF, when it is recorded and still on disk."""
    if not doc.file:
        return None
    path = app.book.data_dir / doc.file
    return path if path.is_file() else None


def _already(app: Host, doc: MoneyDocument) -> bool:
    """Say where an issued document's PDF is; False when it must be written again."""
    path = filed(app, doc)
    if path is None:
        return False
    app.notify(_("{document} {number} was issued on {day}: {path}").format(
        document=document_name(doc.kind).capitalize(), number=doc.number, day=day(doc.issued),
        path=path), title=_("Already issued"), timeout=10)
    return True


def _question(doc: MoneyDocument, title: str) -> str:
    """Issue this quote or invoice? Its number, total, buyer, dates and what issuing means."""
    facts = dict(number=doc.number, ref=doc.order_ref, title=title, total=money(doc.total),
                 buyer=buyer_name(doc.buyer), day=day(doc.issued), due=day(doc.due))
    if doc.kind == "quote":
        lines = (_("Issue quote {number} for order {ref} — {title}?"),
                 _("{total} to {buyer}, dated {day}, valid until {due}."),
                 _("A quote changed later is issued anew as a revised quote, with its own "
                   "number."))
    else:
        lines = (_("Issue invoice {number} for order {ref} — {title}?"),
                 _("{total} to {buyer}, dated {day}, due {due}."),
                 _("The number is then taken for good: an issued invoice is never edited, "
                   "only corrected by a credit note."))
    return "\n".join(line.format(**facts) for line in lines)


def issue_from_order(app: Host, kind: str, ref: str) -> None:
    """Issue the order's quote or invoice after a confirmation naming its number."""
    draft_of = draft_quote if kind == "quote" else draft_invoice
    doc = lookup(app, lambda: draft_of(app.book, ref, app.today))
    if doc is None:
        return
    if doc.id and _already(app, doc):
        return
    if doc.id:
        question = (_("Quote {number} was issued on {day}, but its PDF is not in the book's "
                      "documents/ folder: write it again?") if doc.kind == "quote" else
                    _("Invoice {number} was issued on {day}, but its PDF is not in the book's "
                      "documents/ folder: write it again?")).format(number=doc.number,
                                                                    day=day(doc.issued))
        yes = _("Write the PDF")
    else:
        question = _question(doc, app.book.order(ref).title)
        yes = _("Issue {number}").format(number=doc.number)

    def answered(go: bool | None) -> None:
        if go:
            issue(app, _(ISSUING.get(doc.kind, ISSUING["invoice"])).format(number=doc.number),
                  kind, ref)
    app.push_screen(ConfirmDialog(question, yes=yes, no=_("Not now")), answered)


@with_order
def ask_deposit(app: Host, order: Order) -> None:
    """Ask for a deposit (facture d'acompte): the amount typed, the number shown."""
    ref = order.ref
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
        issue(app, _(ISSUING["deposit"]).format(number=doc.number), "deposit", ref,
              deposit=doc.subtotal)

    facts = dict(ref=ref, title=order.title, price=money(order.price), asked=money(asked))
    intro = ((_("{ref} — {title}, price {price}, deposits already asked {asked}.") if asked
              else _("{ref} — {title}, price {price}.")).format(**facts) + "\n"
             + _("The deposit invoice takes number {number}, dated today; the order's invoice "
                 "deducts it.").format(number=number))
    fields = [Field("amount", N_("Amount (€)"), "amount", aliases=("deposit",),
                    placeholder=N_("before VAT, e.g. 100 or 150,50"))]
    app.push_screen(FormDialog(_("Deposit on {ref}").format(ref=ref), fields, save, intro=intro,
                               submit_label=_("Issue {number}").format(number=number)), saved)


@with_document
def record_payment(app: Host, doc: MoneyDocument) -> None:
    """Record money received for an invoice: amount (what is due by default), method, day."""
    number = doc.number
    if doc.kind not in BILLS or not doc.order_ref:
        app.notify(_("{number} is a {document}: payments are recorded against invoices.")
                   .format(number=number, document=document_name(doc.kind)),
                   severity="warning")
        return
    ref, owed = doc.order_ref, receipts.outstanding(app.book, doc)
    fields = [Field("amount", N_("Amount (€)"), "amount",
                    value=amount_for_editing(owed) if owed > 0 else "",
                    placeholder=N_("empty: all that is still due on the order")),
              Field("method", N_("Method"), "select", value="transfer",
                    options=choices(PAYMENT_METHODS, METHOD_CHOICES)),
              Field("on", N_("Received"), "past", value="today", aliases=("date", "paid date"))]

    def save(values: dict) -> str:
        on = parse_past_date(str(values["on"]), app.today, "received")
        before = receipts.left_to_pay(app.book, ref)
        receipts.record_payment(app.book, ref, on, str(values["amount"]).strip() or None,
                                values["method"] or "transfer")
        paid = before - receipts.left_to_pay(app.book, ref)
        return _("{amount} received on {day} for {number} (order {ref})").format(
            amount=money(paid), day=day(on), number=number, ref=ref)

    intro = _("{number} — {buyer}, order {ref}: {total}, due {due}; {owed} still owed.").format(
        number=number, buyer=buyer_name(doc.buyer), ref=ref, total=money(doc.total),
        due=day(doc.due), owed=money(owed))
    app.push_screen(FormDialog(_("Payment for {number}").format(number=number), fields, save,
                               intro=intro, submit_label=_("Record")))


@with_document
def payment_letter(app: Host, doc: MoneyDocument) -> None:
    """Write a reminder about an unpaid invoice; a formal notice once a reminder was sent."""
    if doc.kind not in BILLS:
        app.notify(_("{number} is a {document}: reminders are about invoices.").format(
            number=doc.number, document=document_name(doc.kind)), severity="warning")
        return
    reminded = any(letter.kind == "reminder" and letter.order_ref == doc.order_ref
                   for letter in app.book.where("letters", "client_id", doc.client_id))
    kind = "formal-notice" if reminded else "reminder"
    app.open_letter(kind=kind, ref=doc.order_ref, client_id=doc.client_id)


def _typed_amount(text: str) -> str:
    """A typed amount as the interface writes money; as typed, with €, when it is no number."""
    try:
        amount = parse_amount(text)
        if amount.is_finite():
            return money(amount)
    except (InvalidOperation, ValueError, OverflowError):
        pass
    return f"{text.strip()} €"


def _takes_gesture_off(invoice: MoneyDocument, gesture: str) -> bool:
    """The invoice already has the gesture as a discount line (issued after it)."""
    return any(line.total < 0 and gesture in " ".join(line.description.split())
               for line in invoice.lines)


@with_incident
def credit_note_from_plan(app: Host, incident: Incident) -> None:
    """A credit note on the order's invoice for the plan's gesture, amount and reason proposed."""
    book, ref = app.book, incident.order_ref
    gesture = " ".join(incident.gesture.split())
    standing = deposits_of(book, ref)
    invoice = final_invoice(book, ref) or (standing[-1] if standing else None)
    if not gesture:
        app.notify(_("Record the gesture of goodwill first (g): the credit note is made from "
                     "it."), severity="warning")
        return
    if invoice is None:
        app.notify(_("Order {ref} has no invoice yet: when it is issued, the gesture is taken "
                     "off as a discount line if it names a % or an amount.").format(ref=ref),
                   severity="warning")
        return
    if _takes_gesture_off(invoice, gesture):
        app.notify(_("{number} already takes the gesture off (it was issued after it): no "
                     "credit note is needed.").format(number=invoice.number), severity="warning")
        return
    left = invoice.subtotal - credited(book, invoice.number)
    proposed = min(gesture_discount(gesture, invoice.subtotal), left)
    number = next_number(book, "credit-note", app.today.year)
    chosen: dict[str, MoneyDocument] = {}

    def save(values: dict) -> str:
        if not str(values["amount"]).strip():
            raise ValidationError("amount", _("type the amount the gesture gives back"))
        chosen["doc"] = draft_credit_note(book, invoice.number, values["amount"],
                                          str(values["reason"]), app.today)
        return ""

    def saved(done: bool | None) -> None:
        doc = chosen.get("doc")
        if done and doc is not None:
            issue(app, _(ISSUING["credit-note"]).format(number=doc.number), "credit-note",
                  invoice.number, amount=-doc.subtotal, reason=doc.reason)

    def question(values: dict) -> str:
        return (_("Issue credit note {number} for {amount} on {invoice}?").format(
                    number=number, amount=_typed_amount(str(values["amount"])),
                    invoice=invoice.number) + "\n"
                + _("Like an invoice, it is numbered for good and never edited."))

    fields = [Field("amount", N_("Amount (€)"), "amount",
                    value=amount_for_editing(proposed) if proposed > 0 else "",
                    placeholder=N_("before VAT")),
              Field("reason", N_("Reason"), value=gesture)]
    intro = _("On invoice {invoice} ({total}, issued {day}), {left} left to credit; the credit "
              "note takes number {number}, dated today.").format(
        invoice=invoice.number, total=money(invoice.total), day=day(invoice.issued),
        left=money(left), number=number)
    app.push_screen(FormDialog(_("Credit note for {ref}").format(ref=ref), fields, save,
                               intro=intro, submit_label=_("Issue {number}").format(number=number),
                               question=question), saved)
