"""Issuing and filing a money document: number, PDF (Factur-X for bills), file and record.

It all happens in one change of the book: a render or a write that fails takes no number
and leaves no file. The PDFs live in the book's `documents/` folder, named by number.
"""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal
from pathlib import Path

from store import invoicing
from store.book import Book
from store.errors import ValidationError
from store.i18n import _
from store.files import ensure_private_dir, write_private
from store.money_records import DOCUMENT_KINDS, MoneyDocument

from .facturx import TYPE_CODES, with_facturx
from .money_layout import document_pdf

FOLDER = "documents"


def document_path(book: Book, number: str) -> Path:
    """Where a document's PDF is filed."""
    return book.data_dir / FOLDER / f"{number}.pdf"


def render(doc: MoneyDocument) -> bytes:
    """The document's PDF: Factur-X (PDF/A-3 with its XML) for a bill or a credit note."""
    pdf = document_pdf(doc)
    return with_facturx(pdf, doc) if doc.kind in TYPE_CODES else pdf


def _issue(book: Book, kind: str, ref_or_number: str, on: date, lang: str | None,
           deposit: Decimal | None, amount: Decimal | None, reason: str) -> MoneyDocument:
    if kind == "quote":
        return invoicing.issue_quote(book, ref_or_number, on, lang)
    if kind == "invoice":
        return invoicing.issue_invoice(book, ref_or_number, on, lang)
    if kind == "deposit":
        if deposit is None:
            raise ValidationError("deposit", _("a deposit invoice needs its amount"))
        return invoicing.issue_invoice(book, ref_or_number, on, lang, deposit=deposit)
    if kind == "credit-note":
        if amount is None:
            raise ValidationError("amount", _("a credit note needs its amount"))
        return invoicing.issue_credit_note(book, ref_or_number, amount, reason, on)
    raise ValidationError("kind", _("{kind} is not one of {kinds}").format(
        kind=repr(kind), kinds=", ".join(DOCUMENT_KINDS)))


def issue_and_file(book: Book, kind: str, ref_or_number: str, on: date,
                   lang: str | None = None, deposit: Decimal | None = None,
                   amount: Decimal | None = None, reason: str = "") -> tuple[MoneyDocument, Path]:
    """Issue (or find) the document, file its PDF and record it; (document, path).

    A document already issued and filed is returned with its file, untouched.
    """
    written: Path | None = None
    try:
        with book.transaction(f"issue {kind}"):
            doc = _issue(book, kind, ref_or_number, on, lang, deposit, amount, reason)
            path = document_path(book, doc.number)
            if doc.file and (book.data_dir / doc.file).is_file():
                return doc, book.data_dir / doc.file
            data = render(doc)
            ensure_private_dir(path.parent)
            write_private(path, data)
            written = path
            invoicing.record_file(book, doc.number, str(path.relative_to(book.data_dir)),
                                  hashlib.sha256(data).hexdigest())
    except BaseException:
        if written is not None:
            written.unlink(missing_ok=True)
        raise
    return invoicing.document(book, doc.number), path
