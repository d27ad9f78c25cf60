"""Errors a user may see: each carries one clear, human sentence."""

from __future__ import annotations

import re

from .i18n import N_, _

FIELD_LABELS = {
    "address": N_("address"), "address_lines": N_("address_lines"),
    "amount": N_("amount"), "apologised": N_("apologised"), "bic": N_("bic"),
    "cause": N_("cause"), "channel": N_("channel"), "city": N_("city"),
    "civility": N_("civility"), "client": N_("client"), "client_proposal": N_("client_proposal"),
    "client_ref": N_("client_ref"), "closing date": N_("closing date"),
    "country": N_("country"), "created": N_("created"), "credit_prefix": N_("credit_prefix"),
    "date": N_("date"), "day of the promise": N_("day of the promise"),
    "declaration": N_("declaration"), "delivered date": N_("delivered date"),
    "delivery date": N_("delivery date"), "deposit": N_("deposit"),
    "direction": N_("direction"), "document archive_ref": N_("document archive_ref"),
    "document date_text": N_("document date_text"), "document nature": N_("document nature"),
    "document pages": N_("document pages"), "document place": N_("document place"),
    "document script": N_("document script"), "due": N_("due"), "due date": N_("due date"),
    "email": N_("email"), "extra": N_("extra"), "extra price": N_("extra price"),
    "feedback": N_("feedback"), "feedback asked": N_("feedback asked"),
    "feedback received": N_("feedback received"), "file": N_("file"),
    "first_name": N_("first_name"), "fixed": N_("fixed"), "follow-up": N_("follow-up"),
    "followed up": N_("followed up"), "gesture": N_("gesture"), "gift": N_("gift"),
    "iban": N_("iban"), "incident": N_("incident"), "invoice": N_("invoice"),
    "invoice's date": N_("invoice's date"), "invoice_prefix": N_("invoice_prefix"),
    "kind": N_("kind"), "language": N_("language"), "last_name": N_("last_name"),
    "legal mentions": N_("legal mentions"), "legal_form": N_("legal_form"),
    "lesson": N_("lesson"), "letter_city": N_("letter_city"), "letterhead": N_("letterhead"),
    "lines": N_("lines"), "mail": N_("mail"), "mediator": N_("mediator"),
    "method": N_("method"), "month": N_("month"), "name": N_("name"),
    "new date": N_("new date"), "note": N_("note"), "notes": N_("notes"),
    "opening date": N_("opening date"), "order": N_("order"),
    "organisation": N_("organisation"), "original due date": N_("original due date"),
    "paid date": N_("paid date"), "cancelled date": N_("cancelled date"),
    "pause": N_("pause"), "pause start": N_("pause start"), "payment_days": N_("payment_days"),
    "penalty_rate": N_("penalty_rate"), "period": N_("period"), "phone": N_("phone"),
    "postcode": N_("postcode"), "postponement": N_("postponement"), "price": N_("price"),
    "profile": N_("profile"), "quarter": N_("quarter"), "quote_days": N_("quote_days"),
    "quote_prefix": N_("quote_prefix"), "reason": N_("reason"),
    "received date": N_("received date"), "ref": N_("ref"), "resume date": N_("resume date"),
    "satisfaction": N_("satisfaction"), "scope": N_("scope"), "sender": N_("sender"),
    "service": N_("service"), "signature": N_("signature"),
    "signature image": N_("signature image"), "signature_image": N_("signature_image"),
    "since": N_("since"), "siren": N_("siren"), "siret": N_("siret"),
    "solution": N_("solution"), "status": N_("status"), "status note": N_("status note"),
    "step": N_("step"), "summary": N_("summary"), "tags": N_("tags"), "text": N_("text"),
    "text_align": N_("text_align"), "title": N_("title"), "tolerance": N_("tolerance"),
    "trade": N_("trade"), "typeface": N_("typeface"), "vat_note": N_("vat_note"),
    "vat_number": N_("vat_number"), "vat_rate": N_("vat_rate"),
    "vat_regime": N_("vat_regime"), "what": N_("what"), "what happened": N_("what happened"),
    "when": N_("when"), "year": N_("year"),
}
"""Field names as refusals name them (English: the name itself), translated where shown."""

ADDRESS_LINE = r"address line ([0-9]+)"
"""A numbered address line's field (compiled by `re` when a refusal first names one)."""


def field_label(field: str) -> str:
    """A field's name in the interface's language ('due' → 'échéance'); others as given."""
    label = FIELD_LABELS.get(field)
    if label is not None:
        return _(label)
    numbered = re.fullmatch(ADDRESS_LINE, field)
    if numbered:
        return _("address line {number}").format(number=numbered[1])
    return field


class CarnetError(Exception):
    """Base of every error meant for the user (the CLI prints it, exit 2)."""


class ValidationError(CarnetError):
    """A field's value was refused; names the field (its label in the interface's language)."""

    def __init__(self, field: str, message: str):
        super().__init__(_("{field}: {message}").format(field=field_label(field), message=message))
        self.field = field
        self.message = message


class NotFound(CarnetError):
    """An unknown client id, order reference or record."""


class BookError(CarnetError):
    """The book on disk cannot be used as asked."""


class BookLocked(BookError):
    """Another Carnet holds the book open for writing."""


class BookChanged(BookError):
    """The files changed behind Carnet's back (a sync tool, another program)."""


class BookConflict(BookChanged):
    """Two versions of the book (a journal and a snapshot that do not belong together)."""


class BookVersionError(BookError):
    """The book was written by a newer Carnet."""


class BookCorrupt(BookError):
    """The book's files cannot be read."""


class ReadOnlyBook(BookError):
    """A write was attempted on a book opened read-only."""
