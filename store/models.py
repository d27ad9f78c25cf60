"""The records of a book, as dataclasses with exact round-trips to storage documents.

Dates are `datetime.date` (or `datetime`) here and ISO-8601 strings in documents;
prices are `Decimal` here and strings in documents, so nothing is lost to floats
(`to_doc`/`from_doc` come from store/codec.py, by each field's type).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal

from .codec import iso, stored
from .vocabulary import (CAUSES, CHANNELS, CIVILITIES, CLIENT_STATUSES, DIRECTIONS,
                         FOLLOWUP_PURPOSES, INTERACTION_KINDS, LANGUAGES, LEGAL_FORMS,
                         LETTER_KINDS, OPEN_STATUSES, ORDER_STATUSES, PAYMENT_LETTER_KINDS,
                         TEXT_ALIGNS, TYPEFACES)


@stored
@dataclass(slots=True)
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
@dataclass(slots=True)
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
@dataclass(slots=True)
class Document:
    """The transcribed document: what it is, when, where, in what script."""

    nature: str = ""
    date_text: str = ""
    place: str = ""
    script: str = ""
    archive_ref: str = ""
    pages: int | None = None


@stored
@dataclass(slots=True)
class Postponement:
    """A due date moved: from, to, why, and whose doing."""

    on: date
    from_date: date = field(metadata={"doc": "from"})
    to_date: date = field(metadata={"doc": "to"})
    reason: str = ""
    cause: str = "mine"


@stored
@dataclass(slots=True)
class Pause:
    """Work stopped while waiting on the client; `end` is None while it lasts."""

    start: date
    end: date | None = None
    reason: str = ""


@stored
@dataclass(slots=True)
class Extra:
    """Work requested after the order was agreed (e.g. a summary of the act)."""

    on: date
    what: str
    price: Decimal = Decimal("0")


@stored
@dataclass(slots=True)
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


@stored
@dataclass(slots=True)
class Interaction:
    """One exchange with a client, kept so nothing has to be asked twice."""

    client_id: int
    when: datetime
    kind: str = "note"
    channel: str = "email"
    direction: str = "in"
    text: str = ""
    order_ref: str | None = None
    satisfaction: int | None = None
    id: int = 0


@stored
@dataclass(slots=True)
class Incident:
    """A recovery plan: four dated steps after a mistake, then a lesson."""

    order_ref: str
    client_id: int
    opened: date
    cause: str = "mine"
    what: str = ""
    apologised: date | None = None
    fixed: date | None = None
    solution: str = ""
    client_proposal: str = ""
    followed_up: date | None = None
    gesture: str = ""
    feedback_asked: date | None = None
    feedback_received: date | None = None
    feedback: str = ""
    closed: date | None = None
    lesson: str = ""
    id: int = 0

    @property
    def is_open(self) -> bool:
        return self.closed is None


@stored
@dataclass(slots=True)
class FollowUp:
    """Something promised to a client (a call-back, an answer) with a due date."""

    client_id: int
    due: date
    what: str
    order_ref: str | None = None
    done: date | None = None
    purpose: str = ""
    id: int = 0


@stored
@dataclass(slots=True)
class Letter:
    """A letter sent, archived as a PDF and identified by its hash."""

    client_id: int
    kind: str
    language: str
    date: date
    path: str
    sha256: str
    order_ref: str | None = None
    id: int = 0


@stored
@dataclass(slots=True)
class Lesson:
    """An entry in the journal of lessons learned (kaizen)."""

    on: date
    text: str
    incident_id: int | None = None
    id: int = 0


from .money_records import MONEY_TABLES  # noqa: E402  (its records use no model above)

TABLE_MODELS = {
    "clients": Client, "orders": Order, "interactions": Interaction,
    "incidents": Incident, "followups": FollowUp, "letters": Letter, "lessons": Lesson,
    **MONEY_TABLES,
}

__all__ = [
    "ORDER_STATUSES", "OPEN_STATUSES", "CLIENT_STATUSES", "CAUSES", "CHANNELS", "DIRECTIONS",
    "INTERACTION_KINDS", "LANGUAGES", "CIVILITIES", "LETTER_KINDS", "PAYMENT_LETTER_KINDS",
    "FOLLOWUP_PURPOSES",
    "TYPEFACES", "TEXT_ALIGNS", "LEGAL_FORMS", "Profile", "Client",
    "Document", "Postponement", "Pause", "Extra", "Order", "Interaction", "Incident",
    "FollowUp", "Letter", "Lesson", "TABLE_MODELS", "iso", "replace",
]
