"""The money sub-commands: quote, invoice, credit-note (issued and filed as PDFs), invoices,
receipts (the receipts book of a period) and paid (a payment received).

Every rule is the store's (store.invoicing, store.receipts, store.thresholds); the PDFs are
letters.money_archive's, imported only when a document is issued (ReportLab is heavy).
"""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal
from pathlib import Path

from store import listing, receipts, thresholds
from store import validate as v
from store.errors import CarnetError, ValidationError
from store.i18n import _, ngettext
from store.mentions import missing_details
from store.files import write_atomic

from . import money_rows as rows
from .common import emit, happened, print_rows, reading, writing


def amount(text: str | None, option: str) -> Decimal | None:
    """An amount typed on the command line (300, 1250.50, 1 250,50): more than zero."""
    if text is None:
        return None
    value = v.price(option, text)
    if value <= 0:
        raise ValidationError(option, _("{text!r} is not more than 0").format(text=text))
    return value


def _check_out(out: Path | None) -> None:
    """Refuse an --out that cannot be written before any number is taken."""
    if out is not None and out.is_dir():
        raise CarnetError(_("--out {path} is a directory; give a file name").format(path=out))
    if out is not None and not out.parent.is_dir():
        raise CarnetError(_("--out: the folder {folder} does not exist")
                          .format(folder=out.parent))


def _issue(args: argparse.Namespace, kind: str, ref_or_number: str, **options) -> int:
    """Issue (or find) the document, file its PDF, copy it to --out; print where it is."""
    _check_out(args.out)
    with writing(args) as book:
        from letters.money_archive import issue_and_file
        on = happened(args, getattr(args, "on", None), "--on")
        doc, path = issue_and_file(book, kind, ref_or_number, on, **options)
    for missing in missing_details(doc):
        print("carnet: " + _("warning: {number} lacks a mention: {missing}")
              .format(number=doc.number, missing=missing), file=sys.stderr)
    if args.out is not None:
        write_atomic(args.out, Path(path).read_bytes())
    print(args.out or path)
    return 0


def cmd_quote(args: argparse.Namespace) -> int:
    return _issue(args, "quote", args.ref, lang=args.lang)


def cmd_invoice(args: argparse.Namespace) -> int:
    deposit = amount(args.deposit, "--deposit")
    return _issue(args, "deposit" if deposit is not None else "invoice", args.ref,
                  lang=args.lang, deposit=deposit)


def cmd_credit_note(args: argparse.Namespace) -> int:
    reason = " ".join(args.reason.split())
    if not reason:
        raise ValidationError("--reason", _("is empty; say why the credit note is issued"))
    return _issue(args, "credit-note", args.number, amount=amount(args.amount, "--amount"),
                  reason=reason)


def cmd_invoices(args: argparse.Namespace) -> int:
    with reading(args) as book:
        found = rows.document_rows(book)
    if args.json:
        print(listing.to_json([rows.json_document(row) for row in found]))
        return 0
    print_rows(args, found, rows.DOCUMENT_COLUMNS,
               _("No document issued yet (`invoice REF` issues an order's invoice)."),
               ngettext("{count} document, by issue date", "{count} documents, by issue date",
                        len(found)).format(count=len(found)))
    return 0


def cmd_receipts(args: argparse.Namespace) -> int:
    year = args.year or args.today.year
    start, end = receipts.period(year, args.quarter, args.month)
    with reading(args) as book:
        received = receipts.receipts(book, start, end)
        entries = rows.receipt_rows(book, received)
        total = rows.text_amount(receipts.total(received))
        declared = [(first, last, rows.text_amount(sum_))
                    for first, last, sum_ in receipts.declaration_periods(book, year)
                    if first <= end and last >= start]
        declaration = book.profile.declaration
        warnings = thresholds.threshold_warnings(book, args.today)
    if args.json:
        print(listing.to_json({"from": start.isoformat(), "to": end.isoformat(),
                               "entries": entries, "total": total}))
        return 0
    print(rows.receipts_text(start, end, entries, total, declaration, declared, warnings))
    return 0


def cmd_paid(args: argparse.Namespace) -> int:
    """A payment received: without --amount the order is paid (delivered, all that is left
    received); with it, that amount goes to what is owed, oldest first."""
    paid = amount(args.amount, "--amount")
    with writing(args) as book:
        on = happened(args, args.on, "--on")
        before = {p.id for p in book.where("payments", "order_ref", args.ref)}
        if paid is None:
            receipts.settle(book, args.ref, on, args.method)
        else:
            receipts.record_payment(book, args.ref, on, paid, args.method)
        recorded = [p for p in book.where("payments", "order_ref", args.ref)
                    if p.id not in before]
        order = book.order(args.ref)
        row = listing.order_row(order, book.client(order.client_id).name)
        row["payments"] = rows.receipt_rows(book, recorded)
        line = rows.paid_line(order, recorded, receipts.left_to_pay(book, args.ref))
    return emit(args, line, row)
