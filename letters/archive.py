"""Filing letters: each PDF in the book's letters/<client>/ folder, recorded on the timeline."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date
from pathlib import Path

from store import invoicing, letter_state
from store.book import Book
from store.errors import NotFound
from store.i18n import _
from store.files import ensure_private_dir, write_atomic
from store.incidents import latest_plan
from store.models import PAYMENT_LETTER_KINDS, Client, Order
from store.reminders import bill_to_remind
from store.state import BookState
from store.orders import postpone
from store.relations import record_letter

from .compose import compose
from .draft import LetterDraft
from .layout import pdf_bytes

ORDER_REF = re.compile(r"^\d{4}-\d+$")
DOCUMENT_NUMBER = re.compile(r"^[A-Za-z]{1,5}-\d{4}-\d+$")
LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})


def safe_name(text: str) -> str:
    """ASCII letters, digits and dashes only: nothing in a name can leave its folder."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(LIGATURES)).encode(
        "ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower()[:40] or "client"


def client_folder(book: Book | BookState, client: Client) -> Path:
    """The client's folder in the archive, named by id (unique) and a readable name."""
    return book.data_dir / "letters" / f"{client.id:04d}-{safe_name(client.name)}"


def _free_path(folder: Path, draft: LetterDraft) -> Path:
    """'2026-12-01-apology-2026-014-fr.pdf'; '-2' only for a second such letter that day."""
    parts = (draft.date.isoformat(), draft.kind, draft.order_ref, draft.language)
    stem = "-".join(p for p in parts if p)
    path, n = folder / f"{stem}.pdf", 1
    while path.exists():
        n += 1
        path = folder / f"{stem}-{n}.pdf"
    return path


def _postpone_for(book: Book, draft: LetterDraft, new_due: date) -> None:
    """Move the order's due date to the date the letter gives (cause: mine)."""
    order = book.order(draft.order_ref)
    letter_state.check_new_date(order, new_due, draft.date)
    due = letter_state.due_for(order, new_due, draft.date)
    if due is not None:
        reason = letter_state.POSTPONE_REASON.get(book.profile.language,
                                                  letter_state.POSTPONE_REASON["en"])
        postpone(book, order.ref, due, reason, "mine", draft.date)


def write_letter_file(book: Book | BookState, client: Client, draft: LetterDraft,
                      data: bytes) -> Path:
    """Write the PDF into the client's folder (never over another, 0600); returns its path.

    It reads only `book`, which may be a state of the book: a worker thread can call it.
    """
    letter_state.check_sender(book.profile)
    ensure_private_dir(book.data_dir / "letters")
    folder = ensure_private_dir(client_folder(book, client))
    path = _free_path(folder, draft)
    write_atomic(path, data)
    return path


def record_letter_file(book: Book, client: Client, draft: LetterDraft, path: Path, data: bytes,
                       new_due: date | None = None) -> None:
    """Record the PDF written at `path` as a letter sent; a refused record removes the file.

    With `new_due` (the date an apology gives), the order is postponed to it: the
    postponement and the letter are one undoable change.
    """
    try:
        with book.transaction(f"letter {draft.kind}"):
            if new_due is not None:
                _postpone_for(book, draft, new_due)
            record_letter(book, client.id, draft.kind, draft.language, draft.date,
                          str(path.relative_to(book.data_dir)),
                          hashlib.sha256(data).hexdigest(), draft.order_ref)
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def file_letter(book: Book, client: Client, draft: LetterDraft, data: bytes,
                new_due: date | None = None) -> Path:
    """Write the PDF and record it as a letter sent (see `record_letter_file`)."""
    path = write_letter_file(book, client, draft, data)
    record_letter_file(book, client, draft, path, data, new_due)
    return path


def invoice_number(ref: str) -> str:
    """The invoice number REF names ('F-2026-0001'), or '' for an order or a client."""
    ref = ref.strip()
    return ref.upper() if DOCUMENT_NUMBER.match(ref) else ""


def resolve(book: Book, ref: str) -> tuple[Client, Order | None]:
    """REF is an order reference (2026-014), an invoice number (F-2026-0001: its order) or a
    client id (12)."""
    ref = ref.strip()
    if ORDER_REF.match(ref):
        order = book.order(ref)
        return book.client(order.client_id), order
    if DOCUMENT_NUMBER.match(ref):
        doc = invoicing.document(book, ref.upper())
        if doc.order_ref is None:
            raise NotFound(_("{number} is about no order").format(number=doc.number))
        order = book.order(doc.order_ref)
        return book.client(order.client_id), order
    if ref.isascii() and ref.isdecimal():
        return book.client(int(ref)), None
    raise NotFound(_("{ref} is neither an order reference (like 2026-014), an invoice number "
                     "(like F-2026-0001) nor a client id").format(ref=repr(ref)))


def draft_for(book: Book, kind: str, client: Client, order: Order | None, today: date,
              lang: str | None = None, new_date: date | None = None,
              enclosures: list[str] | tuple[str, ...] = (), mail: str = "",
              invoice: str = "") -> LetterDraft:
    """Compose from the book's records, its own templates overriding the shipped ones.

    A reminder or a formal notice is about `invoice` when given, else the order's invoice
    most late."""
    letter_state.check_sender(book.profile)
    orders = book.where("orders", "client_id", client.id)
    if kind == "feedback":
        order = letter_state.delivered_order(client, order, orders)
    incident = latest_plan(book, order.ref) if order else None
    bill = (bill_to_remind(book, order.ref, today, invoice)
            if kind in PAYMENT_LETTER_KINDS and order is not None else None)
    return compose(kind, book.profile, client, order, incident, today, lang,
                   templates_dir=book.data_dir / "templates", orders=orders,
                   interactions=book.where("interactions", "client_id", client.id),
                   new_date=new_date, enclosures=enclosures, mail=mail, bill=bill)


def write_letter(book: Book, kind: str, ref: str, today: date, lang: str | None = None,
                 new_date: date | None = None, enclosures: list[str] | tuple[str, ...] = (),
                 mail: str = "") -> Path:
    """Compose, render, file and record one letter; returns the archived PDF's path."""
    client, order = resolve(book, ref)
    draft = draft_for(book, kind, client, order, today, lang, new_date, enclosures, mail,
                      invoice_number(ref))
    return file_letter(book, client, draft, pdf_bytes(draft, book.profile), new_date)
