"""Dates typed the way people say them, in French and English, read back to the same day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from babel.dates import format_date
from hypothesis import given, settings
from hypothesis import strategies as st

from store import formats
from store.dates import days, parse_date, parse_optional_date, parse_past_date, short_date
from store.errors import ValidationError
from store.i18n import babel_locale, use_language

TODAY = date(2026, 12, 2)
"""A Wednesday."""


@pytest.mark.parametrize("typed, expected", [
    ("2026-12-20", date(2026, 12, 20)), ("20/12/2026", date(2026, 12, 20)),
    ("20/12/26", date(2026, 12, 20)), ("20/12", date(2026, 12, 20)), ("20.12", date(2026, 12, 20)),
    ("20-12-2026", date(2026, 12, 20)),
    ("20 déc", date(2026, 12, 20)), ("20 DÉC.", date(2026, 12, 20)),
    ("20 decembre", date(2026, 12, 20)), ("20 décembre", date(2026, 12, 20)),
    ("20 déc. 2026", date(2026, 12, 20)), ("le 1er décembre 2027", date(2027, 12, 1)),
    ("Dec 20", date(2026, 12, 20)), ("20 Dec 2026", date(2026, 12, 20)),
    ("december 20", date(2026, 12, 20)), ("December 20, 2026", date(2026, 12, 20)),
    ("22nd December", date(2026, 12, 22)), ("4 sept. 2027", date(2027, 9, 4)),
    ("4 Sept 2027", date(2027, 9, 4)), ("4 sep 2027", date(2027, 9, 4)),
    ("3 févr. 2027", date(2027, 2, 3)), ("3 fevrier 2027", date(2027, 2, 3)),
    ("14 juil.", date(2027, 7, 14)), ("15 août", date(2027, 8, 15)),
    ("Mar 3 2027", date(2027, 3, 3)),
])
def test_a_day_and_month_are_read_in_either_language(typed, expected):
    assert parse_date(typed, TODAY) == expected


@pytest.mark.parametrize("typed, offset", [
    ("demain", 1), ("après-demain", 2), ("apres-demain", 2), ("hier", -1), ("avant-hier", -2),
    ("aujourd'hui", 0), ("Aujourd’hui", 0), ("AUJOURD'HUI", 0), ("tomorrow", 1), ("Today", 0),
    ("yesterday", -1),
    ("+2", 2), ("+2j", 2), ("+2d", 2), ("+ 2 jours", 2), ("-3", -3), ("+2 semaines", 14),
    ("+2 sem", 14), ("+2s", 14), ("+2w", 14), ("+2 weeks", 14),
    ("dans 3 jours", 3), ("in 3 days", 3), ("dans 2 semaines", 14), ("in 2 weeks", 14),
    ("dans une semaine", 7), ("in a week", 7), ("il y a 3 jours", -3), ("3 days ago", -3),
])
def test_a_day_counted_from_today(typed, offset):
    assert parse_date(typed, TODAY) == TODAY + timedelta(days=offset)


@pytest.mark.parametrize("typed, expected", [
    ("+1 mois", date(2027, 1, 2)), ("+1 month", date(2027, 1, 2)), ("+1m", date(2027, 1, 2)),
    ("dans 2 mois", date(2027, 2, 2)), ("+1 an", date(2027, 12, 2)),
])
def test_months_are_calendar_months(typed, expected):
    assert parse_date(typed, TODAY) == expected


def test_a_month_later_is_clamped_to_the_end_of_a_shorter_month():
    assert parse_date("+1 mois", date(2027, 1, 31)) == date(2027, 2, 28)
    assert parse_date("+1 month", date(2028, 1, 31)) == date(2028, 2, 29)


@pytest.mark.parametrize("typed, expected", [
    ("lundi", date(2026, 12, 7)), ("vendredi", date(2026, 12, 4)), ("Friday", date(2026, 12, 4)),
    ("monday", date(2026, 12, 7)), ("ven.", date(2026, 12, 4)), ("fri", date(2026, 12, 4)),
    ("mercredi", date(2026, 12, 9)), ("wednesday", date(2026, 12, 9)),
    ("vendredi prochain", date(2026, 12, 4)), ("next friday", date(2026, 12, 4)),
    ("mercredi prochain", date(2026, 12, 9)), ("ce vendredi", date(2026, 12, 4)),
    ("lundi dernier", date(2026, 11, 30)), ("last wednesday", date(2026, 11, 25)),
])
def test_a_weekday_is_the_next_such_day_today_excluded(typed, expected):
    assert parse_date(typed, TODAY) == expected


def test_a_weekday_for_something_done_is_the_last_such_day():
    assert parse_past_date("lundi", TODAY) == date(2026, 11, 30)
    assert parse_past_date("wednesday", TODAY) == date(2026, 11, 25)


def test_a_date_without_year_far_behind_today_is_next_year():
    """Typed in December, "15/01" is a deadline in January, not eleven months ago."""
    assert parse_date("15/01", TODAY) == date(2027, 1, 15)
    assert parse_date("15 janvier", TODAY) == date(2027, 1, 15)
    assert parse_date("20/11", TODAY) == date(2026, 11, 20)
    assert parse_date("5/10", TODAY) == date(2026, 10, 5)
    assert parse_date("1/9", TODAY) == date(2027, 9, 1)


def test_a_past_date_without_year_far_ahead_of_today_is_last_year():
    assert parse_past_date("20/12", date(2027, 1, 5)) == date(2026, 12, 20)
    assert parse_past_date("15 nov.", TODAY) == date(2026, 11, 15)


@pytest.mark.parametrize("typed", ["", "  ", "31/02/2026", "next week", "2026-13-01", "+",
                                   "bientôt", "20 bidule", "29/02", "+9999 ans", "jui 3"])
def test_what_cannot_be_read_is_refused_naming_the_field(typed):
    with pytest.raises(ValidationError) as refused:
        parse_date(typed, TODAY, "due date")
    assert refused.value.field == "due date"
    assert "\n" not in str(refused.value)


def test_a_weekday_that_does_not_match_the_date_is_refused():
    with pytest.raises(ValidationError) as refused:
        parse_date("vendredi 5 déc. 2026", TODAY)
    assert "Saturday" in refused.value.message


def test_errors_say_what_was_typed_and_give_examples_in_english():
    with pytest.raises(ValidationError) as refused:
        parse_date("bientôt", TODAY, "due")
    assert refused.value.message == ("'bientôt' is not a date such as 2026-12-01, 20/12, "
                                     "20 Dec, Friday, +7 or tomorrow")


def test_errors_are_french_in_french():
    use_language("fr")
    with pytest.raises(ValidationError) as refused:
        parse_date("bientôt", TODAY, "due")
    assert "«\u00a0bientôt\u00a0»" in refused.value.message and "demain" in refused.value.message
    with pytest.raises(ValidationError) as refused:
        parse_date("31/02/2026", TODAY)
    assert "n’est pas une date réelle" in refused.value.message
    with pytest.raises(ValidationError) as refused:
        parse_past_date("+2", TODAY)
    assert "4 déc. 2026" in refused.value.message and "aujourd’hui" in refused.value.message


def test_something_done_cannot_be_dated_after_today():
    with pytest.raises(ValidationError) as refused:
        parse_past_date("demain", TODAY, "delivered")
    assert refused.value.message.startswith("3 Dec 2026 is after today (2 Dec 2026)")


def test_an_optional_date_left_empty_is_none():
    assert parse_optional_date(" ", TODAY) is None
    assert parse_optional_date("vendredi", TODAY) == date(2026, 12, 4)


def test_day_counts_and_short_dates_in_both_languages():
    assert (days(1), days(12), days(-1), days(0)) == ("1 day", "12 days", "-1 day", "0 days")
    assert short_date(date(2026, 12, 20)) == "20 Dec 2026"
    use_language("fr")
    assert (days(1), days(12), days(0)) == ("1 jour", "12 jours", "0 jour")
    assert short_date(date(2026, 12, 20)) == "20 déc. 2026"
    assert short_date(date(2026, 12, 20), "en") == "20 Dec 2026"


DAYS = st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31))


@settings(max_examples=150, deadline=None)
@given(day=DAYS, lang=st.sampled_from(["fr", "en"]), read_in=st.sampled_from(["fr", "en"]))
def test_a_date_as_the_interface_shows_it_reads_back_to_itself(day, lang, read_in):
    """What formats.day() or formats.weekday() shows, in either language, parses to that day;
    the day and month alone ('22 nov.') read as that day of some year."""
    use_language(lang)
    shown = (formats.day(day), formats.weekday(day),
             format_date(day, format="d MMM", locale=babel_locale()))
    use_language(read_in)
    assert parse_date(shown[0], TODAY) == day
    assert parse_date(shown[1], TODAY) == day
    if (day.month, day.day) != (2, 29):
        yearless = parse_date(shown[2], TODAY)
        assert (yearless.month, yearless.day) == (day.month, day.day)
