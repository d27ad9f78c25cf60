"""Dates, amounts and numbers inside the store's sentences, in the interface's language.

English keeps the forms its messages always had (ISO dates, "1250.00 €", "100,000"), which
scripts and tests read; French says them as a French user writes them (store.formats).
Babel is imported only when a French sentence is built.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from .i18n import language, ngettext


def _french() -> bool:
    return language() == "fr"


def said_day(value: date) -> str:
    """'2026-12-20' (as the command line takes it), '20 déc. 2026' in French."""
    if not _french():
        return value.isoformat()
    from .formats import day
    return day(value)


def days(count: int) -> str:
    """'1 day', '12 days' / '1 jour', '12 jours'."""
    return ngettext("{count} day", "{count} days", abs(count)).format(count=count)


def said_money(value: Decimal | int | str, english: str | None = None) -> str:
    """'1250.00 €' (or `english`, the form an English message had), '1 250 €' in French."""
    if not _french():
        return english if english is not None else f"{value} €"
    from .formats import money
    return money(value)


def said_number(value: int) -> str:
    """'100,000', '100 000' in French."""
    if not _french():
        return f"{value:,}"
    from .formats import number
    return number(value)
