"""How dates, amounts and delays read on screen (the letters format their own)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from store.dates import days, days_since, short_date
from store.performance import percent


def day(value: date | None) -> str:
    """'23 Nov 2026', or '—'."""
    return short_date(value) if value else "—"


def money(value: Decimal | int | float) -> str:
    """'1 250 €', '1 250,50 €' (euros written the French way; no cents when there are none)."""
    amount = Decimal(value)
    text = f"{amount:,.0f}" if amount == amount.to_integral() else f"{amount:,.2f}"
    return text.replace(",", "\u202f").replace(".", ",") + " €"


def late(count: int | None) -> str:
    """'12 d late', or '' when on time."""
    return f"{count} d late" if count else ""


def ago(value: date | None, today: date) -> str:
    """'today', '3 days ago', 'in 2 days', or 'never'."""
    if value is None:
        return "never"
    delta = days_since(value, today)
    if delta == 0:
        return "today"
    return f"{days(delta)} ago" if delta > 0 else f"in {days(-delta)}"


DOCUMENT_NAMES = {"quote": "quote", "invoice": "invoice", "deposit": "deposit invoice",
                  "credit-note": "credit note"}
"""A money document's kind inside a sentence."""


def document_name(kind: str) -> str:
    """'deposit invoice' for "deposit"; an unknown kind as it is."""
    return DOCUMENT_NAMES.get(kind, kind)
