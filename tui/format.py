"""How dates, amounts and delays read on screen, in the interface's language (letters format their own)."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date

from store import formats
from store.dates import days, days_since
from store.formats import money, percent
from store.i18n import _, babel_locale, ngettext

__all__ = ["ago", "day", "days", "late", "money", "month", "month_initial", "month_name",
           "month_year", "percent"]


def day(value: date | None) -> str:
    """'23 Nov 2026' / '23 nov. 2026', or '—'."""
    return formats.day(value) if value else "—"


def month(value: date) -> str:
    """A month in a chart's column: 'Nov' / 'nov', at most 4 letters."""
    return format_date(value, format="MMM", locale=babel_locale()).rstrip(".")[:4]


def month_initial(value: date) -> str:
    """'N': a month under a narrow bar."""
    return format_date(value, format="MMMMM", locale=babel_locale())


def month_year(value: date) -> str:
    """'Nov 2026' / 'nov. 2026'."""
    return format_date(value, format="MMM y", locale=babel_locale())


def month_name(value: date) -> str:
    """'November 2026' / 'novembre 2026'."""
    return format_date(value, format="MMMM y", locale=babel_locale())


def late(count: int | None) -> str:
    """'12 d late', or '' when on time."""
    return _("{count} d late").format(count=count) if count else ""


def ago(value: date | None, today: date) -> str:
    """'today', '3 days ago', 'in 2 days', or 'never'."""
    if value is None:
        return _("never")
    delta = days_since(value, today)
    if delta == 0:
        return _("today")
    if delta > 0:
        return ngettext("{count} day ago", "{count} days ago", delta).format(count=delta)
    return ngettext("in {count} day", "in {count} days", -delta).format(count=-delta)
