"""The records of a book, as dataclasses with exact round-trips to storage documents.

Dates are `datetime.date` (or `datetime`) here and ISO-8601 strings in documents;
prices are `Decimal` here and strings in documents, so nothing is lost to floats
(`to_doc`/`from_doc` come from store/codec.py, by each field's type).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from .codec import iso, stored
from .vocabulary import (CAUSES, CHANNELS, CIVILITIES, CLIENT_STATUSES, DIRECTIONS,
                         FOLLOWUP_PURPOSES, INTERACTION_KINDS, LANGUAGES, LEGAL_FORMS,
                         LETTER_KINDS, OPEN_STATUSES, ORDER_STATUSES, PAYMENT_LETTER_KINDS,
                         TEXT_ALIGNS, TYPEFACES)


@stored
@dataclass(slots=True, eq=False, repr=False)
class Profile:
    """The business itself: identity for letterheads and default rules."""

    name: str = ""
    trade: str = ""
    address_lines: list[str] = field(default_factory=list)
    postcode: str = ""
    city: str = ""
    country: str = ""
    email: str = ""
    phone: str = ""
    siret: str = ""
    legal_form: str = ""
    vat_note: str = ""
    signature: str = ""
    signature_image: str = ""
    letter_city: str = ""
    language: str = "fr"
    tolerance_days: int = 0
    typeface: str = "dejavu"
    text_align: str = "justify"
    vat_regime: str = "franchise"
    """'franchise' (VAT-exempt, art. 293 B du CGI) or 'vat' (VAT charged at `vat_rate` %)."""
    vat_rate: str = "20"
    vat_number: str = ""
    payment_days: int = 30
    """Days from an invoice to its payment due date."""
    penalty_rate: str = ""
    """Late-payment penalty rate printed on invoices ('' = the legal default wording)."""
    iban: str = ""
    bic: str = ""
    mediator: str = ""
    """The consumer mediator private clients may turn to (name and web address)."""
    quote_prefix: str = "D"
    invoice_prefix: str = "F"
    credit_prefix: str = "A"
    quote_days: int = 30
    """How long a quote stays valid."""
    declaration: str = "quarterly"
    """How often receipts are declared to URSSAF: 'monthly' or 'quarterly'."""


@stored
@dataclass(slots=True, eq=False, repr=False)
class Client:
    """A person or organisation who orders work."""

    id: int = 0
    civility: str = ""
    first_name: str = ""
    last_name: str = ""
    organisation: str = ""
    address_lines: list[str] = field(default_factory=list)
    postcode: str = ""
    city: str = ""
    country: str = ""
    email: str = ""
    phone: str = ""
    language: str = "fr"
    channel: str = "email"
    tags: list[str] = field(default_factory=list)
    status: str = "active"
    status_note: str = ""
    notes: str = ""
    tolerance_days: int | None = None
    created: date | None = None
    siren: str = ""
    """A business client's SIREN or SIRET (printed on its invoices)."""
    vat_number: str = ""

    @property
    def name(self) -> str:
        """Display name: the person's name, else the organisation."""
        person = " ".join(p for p in (self.first_name, self.last_name) if p)
        return person or self.organisation


@stored
@dataclass(slots=True, eq=False, repr=False)
class Document:
    """The transcribed document: what it is, when, where, in what script."""

    nature: str = ""
    date_text: str = ""
    place: str = ""
    script: str = ""
    archive_ref: str = ""
    pages: int | None = None


@stored
@dataclass(slots=True, eq=False, repr=False)
class Postponement:
    """A due date moved: from, to, why, and whose doing."""

    on: date
    from_date: date = field(metadata={"doc": "from"})
    to_date: date = field(metadata={"doc": "to"})
    reason: str = ""
    cause: str = "mine"


@stored
@dataclass(slots=True, eq=False, repr=False)
class Pause:
    """Work stopped while waiting on the client; `end` is None while it lasts."""

    start: date
    end: date | None = None
    reason: str = ""


@stored
@dataclass(slots=True, eq=False, repr=False)
class Extra:
    """Work requested after the order was agreed (e.g. a summary of the act)."""

    on: date
    what: str
    price: Decimal = Decimal("0")


@stored
@dataclass(slots=True, eq=False, repr=False)
class Order:
    """One piece of work for a client, with its promised and actual dates."""

    ref: str
    client_id: int
    title: str
    received: date
    due_original: date
    due: date
    id: int = 0
    service: str = ""
    document: Document = field(default_factory=Document)
    scope: str = ""
    price: Decimal = Decimal("0")
    status: str = "accepted"
    postponements: list[Postponement] = field(default_factory=list)
    pauses: list[Pause] = field(default_factory=list)
    delivered: date | None = None
    paid: date | None = None
    cancelled: date | None = None
    extras: list[Extra] = field(default_factory=list)
    summary: str = ""
    client_ref: str = ""
    """The client's own reference for the order (printed "V/réf." on letters)."""

    @property
    def is_open(self) -> bool:
        """Still to deliver (not delivered, paid or cancelled)."""
        return self.status in OPEN_STATUSES

    @property
    def paused(self) -> bool:
        """Currently waiting on the client."""
        return bool(self.pauses) and self.pauses[-1].end is None


LATER = ("Interaction", "Incident", "FollowUp", "Letter", "Lesson")
"""The records of store/history.py, importable from here, built when first asked for."""


def __getattr__(name: str):
    if name in LATER:
        from . import history
        return getattr(history, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


TABLES = ("clients", "orders", "interactions", "incidents", "followups", "letters", "lessons",
          "documents", "payments")
"""The tables of records, in the order of an export: this module's, store/history.py's, then
store/money_records.py's (documents and payments)."""


class TableModels(Mapping):
    """Each table's record class; a table of the history or the money is imported when asked."""

    def __init__(self, first: dict[str, type]):
        self.loaded = dict(first)

    def __getitem__(self, name: str) -> type:
        model = self.loaded.get(name)
        if model is None and name in TABLES:
            if name in ("documents", "payments"):
                from .money_records import MONEY_TABLES as more
            else:
                from .history import HISTORY_TABLES as more
            self.loaded.update(more)
            model = self.loaded.get(name)
        if model is None:
            raise KeyError(name)
        return model

    def __contains__(self, name: object) -> bool:
        return name in TABLES

    def __iter__(self):
        return iter(TABLES)

    def __len__(self) -> int:
        return len(TABLES)


TABLE_MODELS = TableModels({"clients": Client, "orders": Order})
"""The record class of each table, in the order of the tables in an export."""

__all__ = [
    "ORDER_STATUSES", "OPEN_STATUSES", "CLIENT_STATUSES", "CAUSES", "CHANNELS", "DIRECTIONS",
    "INTERACTION_KINDS", "LANGUAGES", "CIVILITIES", "LETTER_KINDS", "PAYMENT_LETTER_KINDS",
    "FOLLOWUP_PURPOSES",
    "TYPEFACES", "TEXT_ALIGNS", "LEGAL_FORMS", "Profile", "Client",
    "Document", "Postponement", "Pause", "Extra", "Order", "Interaction", "Incident",
    "FollowUp", "Letter", "Lesson", "TABLE_MODELS", "iso", "replace",
]
