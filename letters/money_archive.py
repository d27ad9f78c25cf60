"""Issuing and filing a money document: number, PDF (Factur-X for bills), file and record.

The PDF is rendered from a draft and written first (a worker thread can do it), then the
document is issued and the file recorded in one change of the book: a render or a write that
fails takes no number, a record that fails leaves no file. The PDFs live in the book's
`documents/` folder, named by number.
"""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal
from pathlib import Path

from store import invoicing
from store.book import Book
from store.errors import CarnetError, ValidationError
from store.i18n import _
from store.files import ensure_private_dir, write_atomic
from store.money_records import DOCUMENT_KINDS, MoneyDocument
from store.state import BookState

from .facturx import TYPE_CODES, with_facturx
from .money_layout import document_pdf

FOLDER = "documents"


def document_path(book: Book | BookState, number: str) -> Path:
    """Where a document's PDF is filed."""
    return book.data_dir / FOLDER / f"{number}.pdf"


def render(doc: MoneyDocument) -> bytes:
    """The document's PDF: Factur-X (PDF/A-3 with its XML) for a bill or a credit note."""
    pdf = document_pdf(doc)
    return with_facturx(pdf, doc) if doc.kind in TYPE_CODES else pdf


def draft(book: Book | BookState, kind: str, ref_or_number: str, on: date,
          lang: str | None = None, deposit: Decimal | None = None, amount: Decimal | None = None,
          reason: str = "") -> MoneyDocument:
    """The document issuing would give, not stored: the one already issued, or a new one
    showing the number it would take. It reads only `book`, which may be a state of the book."""
    if kind == "quote":
        return invoicing.draft_quote(book, ref_or_number, on, lang)
    if kind == "invoice":
        return invoicing.draft_invoice(book, ref_or_number, on, lang)
    if kind == "deposit":
        if deposit is None:
            raise ValidationError("deposit", _("a deposit invoice needs its amount"))
        return invoicing.draft_invoice(book, ref_or_number, on, lang, deposit=deposit)
    if kind == "credit-note":
        if amount is None:
            raise ValidationError("amount", _("a credit note needs its amount"))
        return invoicing.draft_credit_note(book, ref_or_number, amount, reason, on)
    raise ValidationError("kind", _("{kind} is not one of {kinds}").format(
        kind=repr(kind), kinds=", ".join(DOCUMENT_KINDS)))


def filed(book: Book | BookState, doc: MoneyDocument) -> Path | None:
    """Where an issued document's PDF was filed, when it is still on the disk."""
    if doc.file and (book.data_dir / doc.file).is_file():
        return book.data_dir / doc.file
    return None


def write_file(book: Book | BookState, doc: MoneyDocument) -> tuple[Path, str]:
    """Render a drafted document and write its PDF (0600); (path, SHA-256).

    It reads only `book`, which may be a state of the book: a worker thread can call it.
    """
    data = render(doc)
    path = document_path(book, doc.number)
    ensure_private_dir(path.parent)
    write_atomic(path, data)
    return path, hashlib.sha256(data).hexdigest()


def record(book: Book, doc: MoneyDocument, path: Path, sha256: str) -> MoneyDocument:
    """Issue the drafted document (its number taken now) and record the PDF written at `path`,
    as one change; a refusal, or a number other than the file's, removes the file (unless
    another document's PDF has replaced it since)."""
    number = doc.number
    try:
        with book.transaction(f"issue {doc.kind}"):
            issued = invoicing.issue_draft(book, doc)
            if issued.number != number:
                raise CarnetError(_("the book changed while {number} was being written; nothing "
                                    "was issued: issue it again").format(number=number))
            invoicing.record_file(book, number, str(path.relative_to(book.data_dir)), sha256)
    except BaseException:
        if path.is_file() and hashlib.sha256(path.read_bytes()).hexdigest() == sha256:
            path.unlink()
        raise
    return invoicing.document(book, number)


def issue_and_file(book: Book, kind: str, ref_or_number: str, on: date,
                   lang: str | None = None, deposit: Decimal | None = None,
                   amount: Decimal | None = None, reason: str = "") -> tuple[MoneyDocument, Path]:
    """Issue (or find) the document, file its PDF and record it; (document, path).

    A document already issued and filed is returned with its file, untouched.
    """
    doc = draft(book, kind, ref_or_number, on, lang, deposit, amount, reason)
    path = filed(book, doc)
    if path is not None:
        return doc, path
    path, sha256 = write_file(book, doc)
    return record(book, doc, path, sha256), path
