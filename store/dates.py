"""Dates as people type them: 2026-12-01, 1/12/2026, 1/12, +7, demain, tomorrow."""

from __future__ import annotations

import re
from datetime import date, timedelta

from .errors import ValidationError

_WORDS = {
    "today": 0, "aujourd'hui": 0, "aujourd’hui": 0, "auj": 0,
    "tomorrow": 1, "demain": 1, "après-demain": 2, "apres-demain": 2,
    "yesterday": -1, "hier": -1,
}
_OFFSET = re.compile(r"^([+-])\s*(\d{1,4})\s*([djwsm]?)$")
_UNITS = {"": 1, "d": 1, "j": 1, "w": 7, "s": 7, "m": 30}
_DAY_MONTH = re.compile(r"^(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2}|\d{4}))?$")

DATE_HELP = "a date such as 2026-12-01, 1/12/2026, +7 or demain/tomorrow"


def parse_date(text: str, today: date, field: str = "date") -> date:
    """Read a typed date relative to `today`; refuses anything else naming the field."""
    cleaned = text.strip().lower()
    if not cleaned:
        raise ValidationError(field, f"is empty; expected {DATE_HELP}")
    if cleaned in _WORDS:
        return today + timedelta(days=_WORDS[cleaned])
    offset = _OFFSET.match(cleaned)
    if offset:
        sign, number, unit = offset.groups()
        days = int(number) * _UNITS[unit]
        return today + timedelta(days=days if sign == "+" else -days)
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        pass
    day_month = _DAY_MONTH.match(cleaned)
    if day_month:
        day, month, year = day_month.groups()
        full_year = today.year if year is None else int(year) + (2000 if len(year) == 2 else 0)
        try:
            return date(full_year, int(month), int(day))
        except ValueError:
            raise ValidationError(field, f"{text.strip()!r} is not a real date") from None
    raise ValidationError(field, f"{text.strip()!r} is not {DATE_HELP}")


def parse_past_date(text: str, today: date, field: str = "date") -> date:
    """A day something already happened (a delivery, a payment, a call): today or before."""
    day = parse_date(text, today, field)
    if day > today:
        raise ValidationError(field, f"{day.isoformat()} is after today ({today.isoformat()}); "
                                     "what is recorded as done has happened already")
    return day


def short_date(day: date) -> str:
    """'20 Dec 2026': a date as a list or a change's label names it."""
    return f"{day.day} {day:%b %Y}"


def days(count: int) -> str:
    """'1 day', '12 days'."""
    return f"{count} day" if abs(count) == 1 else f"{count} days"


def days_since(day: date, today: date) -> int:
    """Days from `day` to `today` (negative when `day` is ahead)."""
    return (today - day).days


def parse_optional_date(text: str, today: date, field: str = "date") -> date | None:
    """Like parse_date, but an empty text means no date."""
    return parse_date(text, today, field) if text.strip() else None
