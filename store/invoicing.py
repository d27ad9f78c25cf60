"""Issuing quotes, invoices, deposit invoices and credit notes from orders.

An issued document is never edited: it is stored with its number, its lines and the seller
and buyer as they were, so editing the order, the client or the profile later changes
nothing on it. A correction is a credit note referring to the invoice.

When an invoice is due (art. 289, I-3 du CGI: "dès la réalisation de la prestation"): a
final invoice is issued once the order is delivered (or paid), never before — its service
date is the delivery; money asked before the work is done is a deposit invoice ("facture
d'acompte", art. 289, I-1-c), issued while the order is accepted or in progress. A quote
("devis") is issued while the order is open. Amounts given for deposits and credit notes
are before VAT (the same as the total when VAT-exempt).
"""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from . import validate as v
from .errors import NotFound, ValidationError
from .i18n import N_, _
from .invoice_lines import credit_line, deducted_line, deposit_line, order_lines as _lines
from .invoice_lines import vat_rate
from .mentions import is_business, required_mentions
from .models import LANGUAGES, Order
from .money_records import Line, MoneyDocument, money
from .labels import document_kind, status_label
from .numbering import check_chronology, next_number
from .wording import said_money

PRIVATE = ("phone", "channel", "tags", "status", "status_note", "notes", "tolerance_days",
           "created")
"""Client fields a document does not take: what Carnet keeps about a client for her alone
(an issued document is kept 10 years, even after the client asks to be erased)."""

__all__ = ["credited", "deposits_of", "document", "documents", "draft_credit_note",
           "draft_invoice", "draft_quote", "final_invoice",
           "is_business", "issue_credit_note", "issue_draft", "issue_invoice", "issue_quote",
           "order_lines", "record_file", "required_mentions"]


def order_lines(book, order: Order, lang: str | None = None) -> list[Line]:
    """The price (title), each extra, the plan's gesture as a discount line when it names a %
    or an amount; generated wording in `lang` (the client's language by default)."""
    return _lines(book, order, lang or book.client(order.client_id).language)


def document(book, number: str) -> MoneyDocument:
    """The issued document with that number."""
    found = book.where("documents", "number", number)
    if not found:
        raise NotFound(_("no issued document numbered {number}").format(number=repr(number)))
    return found[0]


def documents(book) -> list[MoneyDocument]:
    """Every issued document, by issue date then number."""
    return sorted(book.all("documents"), key=lambda doc: (doc.issued, doc.number))


def credited(book, number: str) -> Decimal:
    """How much the credit notes referring to an invoice take off it, before VAT (positive)."""
    return money(sum((-note.subtotal for note in book.where("documents", "refers_to", number)
                      if note.kind == "credit-note"), Decimal("0")))


def _cancelled(book, doc: MoneyDocument) -> bool:
    """An invoice wholly cancelled by credit notes (it may then be issued anew)."""
    return doc.subtotal > 0 and credited(book, doc.number) >= doc.subtotal


def _of_order(book, ref: str, kind: str) -> list[MoneyDocument]:
    return sorted((doc for doc in book.where("documents", "order_ref", ref) if doc.kind == kind),
                  key=lambda doc: (doc.issued, doc.number))


def final_invoice(book, ref: str) -> MoneyDocument | None:
    """The order's invoice (not a deposit) still standing, if one was issued."""
    standing = [doc for doc in _of_order(book, ref, "invoice") if not _cancelled(book, doc)]
    return standing[-1] if standing else None


def deposits_of(book, ref: str) -> list[MoneyDocument]:
    """The order's deposit invoices still standing (not wholly cancelled), oldest first."""
    return [doc for doc in _of_order(book, ref, "deposit") if not _cancelled(book, doc)]


def _language(book, lang: str | None, client_id: int) -> str:
    return v.choice("language", lang or book.client(client_id).language, LANGUAGES)


def _buyer(book, client_id: int, client_ref: str = "") -> dict:
    """The client as a document holds it: who and where, not the notes kept about them; and
    the client's own reference for the order (V/réf.) when there is one."""
    client = book.client(client_id)
    doc = {name: value for name, value in client.to_doc().items() if name not in PRIVATE}
    reference = {"client_ref": client_ref.strip()} if client_ref.strip() else {}
    return copy.deepcopy({**doc, "id": client.id, **reference})


def _new(book, order: Order, kind: str, on: date, lang: str | None, lines: list[Line],
         **fields) -> MoneyDocument:
    """A document for the order, not yet numbered nor stored."""
    return MoneyDocument(number="", kind=kind, client_id=order.client_id, order_ref=order.ref,
                         issued=on, language=_language(book, lang, order.client_id),
                         lines=lines, seller=copy.deepcopy(book.profile.to_doc()),
                         buyer=_buyer(book, order.client_id, order.client_ref), **fields)


def _numbered(book, doc: MoneyDocument) -> MoneyDocument:
    """A draft with the number it would take if it were stored now (not stored)."""
    check_chronology(book, doc.kind, doc.issued)
    doc.number = next_number(book, doc.kind, doc.issued.year)
    return doc


WHAT = {"quote": N_("quote {number}"), "invoice": N_("invoice {number}"),
        "deposit": N_("deposit invoice {number}"), "credit-note": N_("credit note {number}")}
"""Issuing a document of each kind, as undo names the change."""


def issue_draft(book, doc: MoneyDocument) -> MoneyDocument:
    """Store a draft as one change ("invoice F-2026-0003"): the number is taken only if it is
    stored; a document already issued (its id set) is returned as it is."""
    if doc.id:
        return doc
    with book.transaction(_(WHAT[doc.kind]).format(number=doc.number)):
        _numbered(book, doc)
        doc.id = book.insert("documents", doc)
    return document(book, doc.number)


def _refuse_nothing_to_ask(lines: list[Line], ref: str) -> None:
    if money(sum((line.total for line in lines), Decimal("0"))) <= 0:
        raise ValidationError("price", _("order {ref} comes to nothing ({zero}): give it a price "
                                         "before issuing a document").format(
                                             ref=ref, zero=said_money(0, "0.00 €")))


def issue_quote(book, ref: str, on: date, lang: str | None = None) -> MoneyDocument:
    """A quote for an open order, valid `quote_days`; the same quote again while the order's
    lines and client are unchanged, a new number once they change (a revised quote)."""
    return issue_draft(book, draft_quote(book, ref, on, lang))


def draft_quote(book, ref: str, on: date, lang: str | None = None) -> MoneyDocument:
    """The quote issue_quote would give, not stored: the one already issued (its id set), or
    a new one showing the number it would take (id 0)."""
    order = book.order(ref)
    v.day("date", on)
    if not order.is_open:
        raise ValidationError("status", _("order {ref} is {status}: a quote comes before the "
                                          "work").format(ref=ref,
                                                         status=status_label(order.status)))
    doc = _new(book, order, "quote", on, lang, order_lines(book, order, lang),
               due=on + timedelta(days=book.profile.quote_days))
    _refuse_nothing_to_ask(doc.lines, ref)
    for earlier in reversed(_of_order(book, ref, "quote")):
        if (_same_lines(earlier.lines, doc.lines) and earlier.buyer == doc.buyer
                and earlier.language == doc.language):
            return earlier
    return _numbered(book, doc)


def _same_lines(one: list[Line], other: list[Line]) -> bool:
    return [line.to_doc() for line in one] == [line.to_doc() for line in other]


def _check_invoiceable(order: Order, deposit: bool) -> None:
    ref, status = order.ref, order.status
    if status == "cancelled":
        raise ValidationError("status", _("order {ref} is cancelled: there is nothing to "
                                          "invoice").format(ref=ref))
    if status == "quote":
        raise ValidationError("status", _("order {ref} is still a quote: issue a quote, or mark "
                                          "it accepted first").format(ref=ref))
    if deposit and status in ("delivered", "paid"):
        raise ValidationError("deposit", _("order {ref} is {status}: issue its invoice, not a "
                                           "deposit").format(ref=ref, status=status_label(status)))
    if not deposit and status not in ("delivered", "paid"):
        raise ValidationError("status", _("order {ref} is not delivered yet: an invoice follows "
                                          "the delivery (ask for a deposit before it)").format(
                                              ref=ref))


def issue_invoice(book, ref: str, on: date, lang: str | None = None,
                  deposit: Decimal | None = None) -> MoneyDocument:
    """The order's invoice, due `payment_days` later; the one already issued if there is one.

    With `deposit`, a deposit invoice for that amount (before VAT) instead; the final invoice
    deducts the deposits still standing, one negative line each.
    """
    return issue_draft(book, draft_invoice(book, ref, on, lang, deposit))


def draft_invoice(book, ref: str, on: date, lang: str | None = None,
                  deposit: Decimal | None = None) -> MoneyDocument:
    """The invoice issue_invoice would give, not stored: the one already issued (its id set),
    or a new one showing the number it would take (id 0)."""
    order = book.order(ref)
    v.day("date", on)
    _check_invoiceable(order, deposit is not None)
    if deposit is not None:
        return _draft_deposit(book, order, on, lang, v.price("deposit", deposit))
    existing = final_invoice(book, ref)
    if existing is not None:
        return existing
    v.not_before("date", on, "delivery date", order.delivered or order.paid or on)
    lines = order_lines(book, order, lang)
    _refuse_nothing_to_ask(lines, ref)
    doc = _new(book, order, "invoice", on, lang, lines, service_date=order.delivered,
               due=on + timedelta(days=book.profile.payment_days))
    deposits = deposits_of(book, ref)
    doc.lines += [deducted_line(paid, doc.language) for paid in deposits]
    doc.deducted = [paid.number for paid in deposits]
    if doc.total < 0:
        raise ValidationError("deposit", _("the deposits of order {ref} come to more than its "
                                           "price: issue a credit note on one of them "
                                           "first").format(ref=ref))
    return _numbered(book, doc)


def _draft_deposit(book, order: Order, on: date, lang: str | None,
                   amount: Decimal) -> MoneyDocument:
    if amount <= 0:
        raise ValidationError("deposit", _("must be more than {zero}").format(
            zero=said_money(0, "0.00 €")))
    for earlier in deposits_of(book, order.ref):
        if earlier.issued == on and earlier.subtotal == amount:
            return earlier
    price = money(sum((line.total for line in order_lines(book, order, lang)), Decimal("0")))
    asked = money(sum((doc.subtotal for doc in deposits_of(book, order.ref)), Decimal("0")))
    if asked + amount >= price:
        raise ValidationError("deposit", _("{amount} would bring the deposits of order {ref} to "
                                           "{asked}, not less than its price ({price}): a "
                                           "deposit is a part of the price").format(
                                               amount=said_money(amount), ref=order.ref,
                                               asked=said_money(asked + amount),
                                               price=said_money(price)))
    doc = _new(book, order, "deposit", on, lang, [],
               due=on + timedelta(days=book.profile.payment_days))
    doc.lines = [deposit_line(order, amount, vat_rate(book.profile), doc.language)]
    return _numbered(book, doc)


def issue_credit_note(book, invoice_number: str, amount: Decimal, reason: str,
                      on: date) -> MoneyDocument:
    """A credit note on an invoice or a deposit invoice, for `amount` before VAT: never more
    than the invoice less the credit notes already issued on it."""
    return issue_draft(book, draft_credit_note(book, invoice_number, amount, reason, on))


def draft_credit_note(book, invoice_number: str, amount: Decimal, reason: str,
                      on: date) -> MoneyDocument:
    """The credit note issue_credit_note would give, not stored, with the number it would
    take."""
    invoice = document(book, invoice_number)
    if invoice.kind not in ("invoice", "deposit"):
        raise ValidationError("invoice", _("{number} is a {kind}: a credit note corrects an "
                                           "invoice").format(number=invoice_number,
                                                             kind=document_kind(invoice.kind)))
    amount = v.price("amount", amount)
    reason = " ".join(v.text("reason", reason, required=True).split())
    v.day("date", on)
    v.not_before("date", on, "invoice's date", invoice.issued)
    if amount <= 0:
        raise ValidationError("amount", _("must be more than {zero}").format(
            zero=said_money(0, "0.00 €")))
    left = money(invoice.subtotal - credited(book, invoice_number))
    if amount > left:
        raise ValidationError("amount", _("{amount} is more than what is left to credit on "
                                          "{number} ({left})").format(
                                              amount=said_money(amount), number=invoice_number,
                                              left=said_money(left)))
    note = replace(invoice, number="", kind="credit-note", issued=on, id=0,
                   lines=[credit_line(invoice, amount, reason)],
                   seller=copy.deepcopy(book.profile.to_doc()),
                   buyer=copy.deepcopy(invoice.buyer),
                   service_date=None, due=None, refers_to=invoice_number, reason=reason,
                   deducted=[], file="", sha256="")
    return _numbered(book, note)


def record_file(book, number: str, path: str, sha256: str) -> None:
    """Record where an issued document's PDF is (relative to the book) and its SHA-256.

    A file once recorded is not replaced by another unless it is gone from the disk.
    """
    doc = document(book, number)
    path, sha256 = v.text("file", path, multiline=False), v.text("sha256", sha256,
                                                                  multiline=False)
    if (doc.file, doc.sha256) == (path, sha256):
        return
    if doc.file and (book.data_dir / doc.file).exists():
        raise ValidationError("file", _("{number} is already filed as {file}: an issued "
                                        "document's file is never replaced").format(
                                            number=number, file=doc.file))
    with book.transaction(_("file {number}").format(number=number)):
        book.save("documents", replace(doc, file=path, sha256=sha256))
