"""Which unpaid invoice a payment reminder or a formal notice is about, and what it says."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .errors import ValidationError
from .i18n import _
from .mentions import is_business
from .money_records import MoneyDocument
from .receipts import unpaid_invoices


@dataclass(frozen=True, slots=True)
class Bill:
    """An invoice past its due date: the document, how late, and what is still owed."""

    invoice: MoneyDocument
    days_late: int
    owed: Decimal

    @property
    def business(self) -> bool:
        """Penalties and the €40 indemnity apply (a professional buyer)."""
        return is_business(self.invoice.buyer)


def bill_to_remind(book, ref: str, today: date, number: str = "") -> Bill:
    """The order's invoice (or deposit invoice) numbered `number`, else its most late one,
    past due with money owed; refused when there is none: a reminder is only for what is
    late."""
    late = [Bill(doc, days, owed) for doc, days, owed in unpaid_invoices(book, today)
            if doc.order_ref == ref and (not number or doc.number == number)]
    if not late:
        if number:
            refusal = _("{number} is not an unpaid invoice past its due date: there is nothing "
                        "to remind").format(number=number)
        else:
            refusal = _("order {ref} has no unpaid invoice past its due date: there is nothing "
                        "to remind").format(ref=ref)
        raise ValidationError("invoice", refusal)
    return late[0]
