"""Dates as people type them, in French or English: 2026-12-20, 20/12, 20 déc., Dec 20,
vendredi, next friday, demain, +2 sem, in 3 days.

A day and month without a year keep today's year unless that puts them more than about two
months (YEAR_WINDOW days) in the past, then they mean next year: "15/01" typed in December
is a deadline in January. For a day something already happened (parse_past_date) the window
points the other way: "20/12" typed in January is last December. A weekday alone is the next
such day, today excluded ("vendredi", "next friday"); for a past day, the last one before
today; "lundi dernier" / "last monday" is always the last one.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from . import date_words as words
from .errors import ValidationError
from . import formats
from .i18n import BABEL_LOCALES, N_, _, babel_locale
from .wording import days  # noqa: F401  (re-exported: '12 days')

YEAR_WINDOW = 61
"""Days (about two months) a yearless date may lie behind today and keep today's year."""

DATE_HELP = N_("a date such as 2026-12-01, 20/12, 20 Dec, Friday, +7 or tomorrow")
"""What a date field takes, shown as a hint; translate with _() where shown."""

_OFFSET = re.compile(r"^([+-]) ?(\d{1,4}) ?([a-z]*)$")
_IN = re.compile(r"^(?:dans|in) (\d{1,4}|[a-z]+) ?([a-z]*)$")
_AGO = re.compile(r"^(?:il y a (\d{1,4}|[a-z]+) ?([a-z]*)|(\d{1,4}|[a-z]+) ?([a-z]*) ago)$")
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$")
_YEAR = re.compile(r"^\d{2}$|^\d{4}$")


def parse_date(text: str, today: date, field: str = "date") -> date:
    """Read a typed date relative to `today`; refuses anything else naming the field."""
    return _parse(text, today, field, past=False)


def parse_past_date(text: str, today: date, field: str = "date") -> date:
    """A day something already happened (a delivery, a payment, a call): today or before."""
    day = _parse(text, today, field, past=True)
    if day > today:
        raise ValidationError(field, _("{day} is after today ({today}); what is recorded as "
                                       "done has happened already").format(
            day=formats.day(day), today=formats.day(today)))
    return day


def parse_optional_date(text: str, today: date, field: str = "date") -> date | None:
    """Like parse_date, but an empty text means no date."""
    return parse_date(text, today, field) if text.strip() else None


def _parse(text: str, today: date, field: str, past: bool) -> date:
    typed = text.strip()
    if not typed:
        raise ValidationError(field, _("is empty; expected a date such as 2026-12-01, 20/12, "
                                       "20 Dec, Friday, +7 or tomorrow"))
    try:
        found = _read(words.fold(typed), today, past)
    except (ValueError, OverflowError):
        raise ValidationError(field, _("{text} is not a real date").format(
            text=quoted(typed))) from None
    if found is None:
        raise ValidationError(field, _("{text} is not a date such as 2026-12-01, 20/12, "
                                       "20 Dec, Friday, +7 or tomorrow").format(text=quoted(typed)))
    day, weekday = found
    if weekday is not None and weekday != day.weekday():
        raise ValidationError(field, _("{text} does not match: {day} is a {weekday}").format(
            text=quoted(typed), day=formats.day(day), weekday=weekday_name(day)))
    return day


def _read(text: str, today: date, past: bool) -> tuple[date, int | None] | None:
    """The date the folded text names and the weekday it claims, or None if it names none."""
    if text in words.RELATIVE_DAYS:
        return today + timedelta(days=words.RELATIVE_DAYS[text]), None
    for reader in (_offset, _weekday):
        day = reader(text, today, past)
        if day is not None:
            return day, None
    iso = _ISO.match(text)
    if iso:
        return date(*map(int, iso.groups())), None
    numeric = _NUMERIC.match(text)
    if numeric:
        day, month, year = numeric.groups()
        return _day_month(int(day), int(month), year, today, past), None
    return _written(text, today, past)


def _offset(text: str, today: date, past: bool) -> date | None:
    """'+2', '+2 sem', '-3j', 'dans 3 jours', 'in 2 weeks', 'il y a 3 jours', '3 days ago'."""
    sign, count, unit = 1, None, ""
    if match := _OFFSET.match(text):
        sign, count, unit = (1 if match[1] == "+" else -1), match[2], match[3]
    elif match := _IN.match(text):
        count, unit = match[1], match[2]
    elif match := _AGO.match(text):
        sign, count, unit = -1, match[1] or match[3], match[2] or match[4] or ""
    if count is None or unit not in words.UNITS:
        return None
    number = int(count) if count.isdigit() else words.ONE.get(count)
    if number is None:
        return None
    kind, per_unit = words.UNITS[unit]
    if kind == "days":
        return today + timedelta(days=sign * number * per_unit)
    return add_months(today, sign * number * per_unit)


def add_months(day: date, months: int) -> date:
    """The same day `months` calendar months later (or earlier), clamped to the month's end."""
    import calendar

    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def _weekday(text: str, today: date, past: bool) -> date | None:
    """'vendredi', 'ce vendredi', 'vendredi prochain', 'next friday', 'lundi dernier'."""
    parts = text.split(" ")
    direction = -1 if past else 1
    if len(parts) == 2 and (parts[0] in words.NEXT or parts[1] in words.NEXT):
        direction, parts = 1, [p for p in parts if p not in words.NEXT]
    elif len(parts) == 2 and (parts[0] in words.LAST or parts[1] in words.LAST):
        direction, parts = -1, [p for p in parts if p not in words.LAST]
    elif len(parts) == 2 and parts[0] in words.THIS:
        parts = parts[1:]
    if len(parts) != 1 or parts[0] not in words.weekdays():
        return None
    ahead = (words.weekdays()[parts[0]] - today.weekday()) % 7 or 7
    return today + timedelta(days=ahead if direction > 0 else ahead - 7 or -7)


def _written(text: str, today: date, past: bool) -> tuple[date, int | None] | None:
    """'20 déc', 'le 1er décembre 2026', 'Dec 20 2026', 'vendredi 4 déc. 2026'."""
    parts = text.split(" ")
    weekday = words.weekdays().get(parts[0]) if len(parts) > 2 else None
    if weekday is not None:
        day = _day_and_month(parts[1:], today, past)
        if day is not None:
            return day, weekday
    day = _day_and_month(parts, today, past)
    return None if day is None else (day, None)


def _day_and_month(parts: list[str], today: date, past: bool) -> date | None:
    """The date of [le] day month [year] or month day [year], or None."""
    if parts and parts[0] in ("le", "the"):
        parts = parts[1:]
    year = parts.pop() if len(parts) == 3 and _YEAR.match(parts[-1]) else None
    if len(parts) != 2:
        return None
    first, second = parts
    if words.ORDINAL.match(first) and second in words.months():
        number, month = words.ORDINAL.match(first)[1], words.months()[second]
    elif first in words.months() and words.ORDINAL.match(second):
        number, month = words.ORDINAL.match(second)[1], words.months()[first]
    else:
        return None
    return _day_month(int(number), month, year, today, past)


def _day_month(number: int, month: int, year: str | None, today: date, past: bool) -> date:
    """The date of a day and month, in the year typed or the one YEAR_WINDOW points to."""
    if year is not None:
        return date(int(year) + (2000 if len(year) == 2 else 0), month, number)
    day = date(today.year, month, number)
    if not past and day < today - timedelta(days=YEAR_WINDOW):
        return date(today.year + 1, month, number)
    if past and day > today + timedelta(days=YEAR_WINDOW):
        return date(today.year - 1, month, number)
    return day


def quoted(text: str) -> str:
    """What was typed, quoted for a message: escaped, and cut short when long."""
    shown = text if len(text) <= 40 else text[:39] + "…"
    return _("'{text}'").format(text=repr(shown)[1:-1])


def weekday_name(day: date) -> str:
    """'vendredi' / 'Friday', in the interface language."""
    from babel.dates import get_day_names

    return get_day_names("wide", locale=babel_locale())[day.weekday()]


def short_date(day: date, lang: str | None = None) -> str:
    """'20 déc. 2026' / '20 Dec 2026': in the interface language, or in `lang` if given."""
    if lang is None:
        return formats.day(day)
    from babel.dates import format_date

    return format_date(day, format="medium", locale=BABEL_LOCALES.get(lang, "fr_FR"))


def days_since(day: date, today: date) -> int:
    """Days from `day` to `today` (negative when `day` is ahead)."""
    return (today - day).days
