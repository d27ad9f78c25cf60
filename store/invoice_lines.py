"""The lines of a document: an order's price and extras, a gesture as a discount, deposits.

Amounts on lines are before VAT; a VAT-registered profile (vat_regime "vat") charges its
vat_rate on every line, a VAT-exempt one (art. 293 B du CGI) charges none.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from .dates import short_date
from .incidents import latest_plan
from .money_records import Line, money
from .models import Order, Profile

WORDS = {
    "fr": {"discount": "Geste commercial\u00a0: {gesture}",
           "deposit": "Acompte sur la commande {ref} — {title}",
           "deducted": "Acompte facturé le {day} ({number})",
           "credit": "Avoir sur la facture {number}\u00a0: {reason}"},
    "en": {"discount": "Goodwill gesture: {gesture}",
           "deposit": "Deposit on order {ref} — {title}",
           "deducted": "Deposit invoiced on {day} ({number})",
           "credit": "Credit on invoice {number}: {reason}"},
}
"""The wording of the lines Carnet writes itself, in the document's language."""

_NUMBER = r"([0-9]+(?:[ \u00a0\u202f][0-9]{3})*(?:[.,][0-9]{1,2})?)"
_PERCENT = re.compile(_NUMBER + r"\s*%")
_EUROS_AFTER = re.compile(_NUMBER + r"\s*(?:€|EUR\b|euros?\b)", re.IGNORECASE)
_EUROS_BEFORE = re.compile(r"€\s*" + _NUMBER)


def _day(day: date, lang: str) -> str:
    """A date inside a line: "03/03/2026" in French, "3 Mar 2026" in English."""
    return f"{day:%d/%m/%Y}" if lang == "fr" else short_date(day, lang)


def wording(lang: str, key: str, **values: str) -> str:
    """One of WORDS in `lang` (French when the language has no wording of its own)."""
    return WORDS.get(lang, WORDS["fr"])[key].format(**values)


def vat_rate(profile: Profile) -> Decimal:
    """The rate charged on each line: the profile's when it charges VAT, else 0."""
    if profile.vat_regime != "vat":
        return Decimal("0")
    try:
        return Decimal(profile.vat_rate)
    except InvalidOperation:
        return Decimal("0")


def _read_number(text: str) -> Decimal:
    return Decimal(re.sub(r"[ \u00a0\u202f]", "", text).replace(",", "."))


def gesture_discount(gesture: str, subtotal: Decimal) -> Decimal:
    """What a gesture's text takes off a subtotal: "Remise de 10 %" → 10 %, "50 €" → 50;
    nothing when it names neither (a gift, a free summary). Never more than the subtotal."""
    percent = _PERCENT.search(gesture)
    if percent:
        rate = _read_number(percent.group(1))
        return money(subtotal * rate / 100) if 0 < rate <= 100 else Decimal("0.00")
    euros = _EUROS_AFTER.search(gesture) or _EUROS_BEFORE.search(gesture)
    if euros:
        return min(money(_read_number(euros.group(1))), money(subtotal))
    return Decimal("0.00")


def price_description(order: Order) -> str:
    """The price line's text: "Transcription intégrale — Acte de vente", or the title alone."""
    service = " ".join(order.service.split())
    return f"{service} — {order.title}" if service else order.title


def order_lines(book, order: Order, lang: str = "fr") -> list[Line]:
    """The price (title), each extra, and the recovery plan's gesture as a discount line when
    its text names a percentage or an amount."""
    rate = vat_rate(book.profile)
    lines = [Line(price_description(order), Decimal("1"), order.price, rate)]
    lines += [Line(extra.what, Decimal("1"), extra.price, rate) for extra in order.extras]
    plan = latest_plan(book, order.ref)
    gesture = " ".join(plan.gesture.split()) if plan else ""
    if gesture:
        subtotal = sum((line.total for line in lines), Decimal("0"))
        discount = gesture_discount(gesture, subtotal)
        if discount:
            lines.append(Line(wording(lang, "discount", gesture=gesture), Decimal("1"),
                              -discount, rate))
    return lines


def deposit_line(order: Order, amount: Decimal, rate: Decimal, lang: str) -> Line:
    """The one line of a deposit invoice."""
    return Line(wording(lang, "deposit", ref=order.ref, title=order.title), Decimal("1"),
                amount, rate)


def deducted_line(deposit, lang: str) -> Line:
    """A final invoice's negative line taking off a deposit already invoiced."""
    rate = deposit.lines[0].vat_rate if deposit.lines else Decimal("0")
    return Line(wording(lang, "deducted", day=_day(deposit.issued, lang), number=deposit.number),
                Decimal("1"), -deposit.subtotal, rate)


def credit_line(invoice, amount: Decimal, reason: str) -> Line:
    """A credit note's one negative line, at the rate of the invoice it corrects."""
    rate = max((line.vat_rate for line in invoice.lines), default=Decimal("0"))
    return Line(wording(invoice.language, "credit", number=invoice.number, reason=reason),
                Decimal("1"), -amount, rate)
