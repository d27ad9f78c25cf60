"""The money records of a book: issued documents (quotes, invoices, credit notes) and payments.

An issued document is never edited: it keeps the seller and the buyer as they were when
it was issued, and its lines; a correction is a credit note that refers to it.
Amounts are `Decimal` here and strings in documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from .codec import stored
from .vocabulary import (DECLARATION_PERIODS, DOCUMENT_KINDS,  # noqa: F401  (re-exported)
                         PAYMENT_METHODS, VAT_REGIMES)

CENT = Decimal("0.01")


def money(value: Decimal | int | str) -> Decimal:
    """An amount rounded to the cent, half up, as invoices are."""
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


@stored
@dataclass(slots=True, eq=False, repr=False)
class Line:
    """One line of a document: what, how many, at what unit price, at what VAT rate (%)."""

    description: str
    quantity: Decimal = Decimal("1")
    unit_price: Decimal = Decimal("0")
    vat_rate: Decimal = Decimal("0")

    @property
    def total(self) -> Decimal:
        """Quantity × unit price, to the cent (before VAT)."""
        return money(self.quantity * self.unit_price)

    @property
    def vat(self) -> Decimal:
        """The VAT on this line, to the cent."""
        return money(self.total * self.vat_rate / 100)


@stored
@dataclass(slots=True, eq=False, repr=False)
class MoneyDocument:
    """An issued quote, invoice, deposit invoice or credit note; never edited once issued."""

    number: str
    kind: str
    client_id: int
    order_ref: str | None
    issued: date
    language: str
    lines: list[Line]
    seller: dict
    """The profile as it was when the document was issued (Profile.to_doc())."""
    buyer: dict
    """The client as it was when the document was issued (Client.to_doc() and its "id")."""
    service_date: date | None = None
    """When the service was rendered (the delivery), printed on an invoice."""
    due: date | None = None
    """Payment due date (invoice, deposit); valid-until date (quote); None for a credit note."""
    refers_to: str = ""
    """A credit note: the number of the invoice it corrects."""
    reason: str = ""
    """A credit note: why it is issued (a gesture of goodwill, an error…)."""
    deducted: list[str] = field(default_factory=list)
    """A final invoice: the deposit invoices whose amounts it deducts."""
    file: str = ""
    """The PDF, relative to the book's folder."""
    sha256: str = ""
    id: int = 0

    @property
    def subtotal(self) -> Decimal:
        """The lines' total before VAT."""
        return money(sum((line.total for line in self.lines), Decimal("0")))

    @property
    def vat(self) -> Decimal:
        """The VAT of all lines."""
        return money(sum((line.vat for line in self.lines), Decimal("0")))

    @property
    def total(self) -> Decimal:
        """What the document asks for (negative for a credit note)."""
        return money(self.subtotal + self.vat)


@stored
@dataclass(slots=True, eq=False, repr=False)
class Payment:
    """A payment received: one entry of the receipts book (livre des recettes)."""

    on: date
    amount: Decimal
    method: str
    client_id: int
    order_ref: str | None = None
    invoice: str = ""
    """The invoice number the payment settles, when there is one."""
    nature: str = "prestation de services"
    id: int = 0


MONEY_TABLES = {"documents": MoneyDocument, "payments": Payment}
