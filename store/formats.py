"""Dates, numbers and amounts as the interface shows them, in its language (Babel).

French: '22 nov. 2026', '1 250,50 €', '12 %'; English: '22 Nov 2026', '€1,250.50', '12%'.
Letters format their own, in the letter's language (letters/localize.py).

Babel is imported when a first value is formatted, not before: the command line's
read paths that print no formatted value never load it, and a day ('22 nov. 2026') is
written from the month names below without it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache

from .i18n import _, babel_locale


MEDIUM_MONTHS = {
    "fr_FR": ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.",
              "oct.", "nov.", "déc."),
    "en_GB": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov",
              "Dec"),
}
"""Babel's short months for its medium date, 'd MMM y' (tests/test_cli_imports.py checks)."""


def day(value: date) -> str:
    """'22 nov. 2026' / '22 Nov 2026'."""
    locale = babel_locale()
    months = MEDIUM_MONTHS.get(locale)
    if months is None:
        return _day(value, locale)
    return f"{value.day} {months[value.month - 1]} {value.year}"


@lru_cache(maxsize=8192)
def _day(value: date, locale: str) -> str:
    from babel.dates import format_date

    return format_date(value, format="medium", locale=locale)


def weekday(value: date) -> str:
    """'vendredi 4 déc. 2026' / 'Friday 4 Dec 2026': a date with its day, for a preview."""
    from babel.dates import format_date

    return format_date(value, format="EEEE d MMM y", locale=babel_locale())


def money(value: Decimal | int | float | str, currency: str = "EUR") -> str:
    """'1 250 €', '1 250,50 €' / '€1,250', '€1,250.50': no cents when there are none."""
    from babel.numbers import format_currency, get_decimal_symbol

    amount = Decimal(str(value))
    locale = babel_locale()
    text = format_currency(amount, currency, locale=locale)
    if amount == amount.to_integral_value():
        text = text.replace(f"{get_decimal_symbol(locale)}00", "")
    return text


def number(value: Decimal | int | float, digits: int = 0) -> str:
    """'1 250' / '1,250'; `digits` decimals when asked ('3,5' / '3.5')."""
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=babel_locale())


def percent(rate: float | None) -> str:
    """'81 %' / '81%' for a rate of 0.81, or '—' when there is nothing to measure."""
    return "—" if rate is None else _("{value}%").format(value=number(round(rate * 100)))


def amount_for_editing(value: Decimal | int | str) -> str:
    """An amount as a form shows it for editing, the way it is typed: '1 250,50' / '1,250.50'."""
    amount = Decimal(str(value))
    digits = 0 if amount == amount.to_integral_value() else 2
    return number(amount, digits)
