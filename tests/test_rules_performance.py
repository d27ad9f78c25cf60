"""Kaizen figures: is Claire delivering on time more often, and do clients come back?"""

from datetime import date
from decimal import Decimal

import pytest

from store.models import Extra, Pause, Postponement
from store.performance import (
    average_days_late, on_time, on_time_by_month, repeat_client_share, revenue,
)
from tests.factories import make_order

TODAY = date(2026, 11, 22)


def delivered(due, on, **kw):
    return make_order(due=due, status=kw.pop("status", "delivered"), delivered=on, **kw)


def postponed(original, new, cause, on):
    return delivered(new, on, due_original=original, postponements=[
        Postponement(original, original, new, "reason", cause)])


def test_delivered_on_the_due_date_is_on_time():
    figures = on_time([delivered(date(2026, 3, 10), date(2026, 3, 10))])
    assert figures.delivered == 1
    assert figures.rate_original == 1.0 and figures.rate_current == 1.0


def test_one_day_after_the_due_date_is_late_whatever_the_tolerance():
    figures = on_time([delivered(date(2026, 3, 10), date(2026, 3, 11))])
    assert (figures.on_time_original, figures.on_time_current) == (0, 0)
    assert figures.rate_original == 0.0


def test_a_postponement_asked_by_the_client_does_not_count_against_the_original_rate():
    figures = on_time([postponed(date(2026, 3, 1), date(2026, 3, 15), "client",
                                 date(2026, 3, 15))])
    assert (figures.on_time_original, figures.on_time_current) == (1, 1)


def test_a_postponement_of_my_own_makes_the_order_late_against_the_original_date():
    figures = on_time([postponed(date(2026, 3, 1), date(2026, 3, 15), "mine",
                                 date(2026, 3, 15)),
                       postponed(date(2026, 3, 1), date(2026, 3, 15), "other",
                                 date(2026, 3, 15))])
    assert (figures.on_time_original, figures.on_time_current) == (0, 2)
    assert figures.rate_original == 0.0 and figures.rate_current == 1.0


def test_days_paused_waiting_on_the_client_extend_both_deadlines():
    order = delivered(date(2026, 3, 10), date(2026, 3, 14),
                      pauses=[Pause(date(2026, 3, 1), date(2026, 3, 5))])
    figures = on_time([order])
    assert (figures.on_time_original, figures.on_time_current) == (1, 1)


def test_cancelled_and_undelivered_orders_are_left_out():
    orders = [make_order(due=date(2026, 3, 1)),
              make_order(due=date(2026, 3, 1), status="cancelled", cancelled=date(2026, 3, 2)),
              delivered(date(2026, 3, 1), date(2026, 3, 1), status="paid")]
    figures = on_time(orders)
    assert figures.delivered == 1 and figures.on_time_current == 1


def test_no_deliveries_gives_no_rate_rather_than_zero():
    figures = on_time([])
    assert figures.delivered == 0
    assert figures.rate_original is None and figures.rate_current is None


def test_the_period_includes_both_bounds():
    orders = [delivered(date(2026, 3, 31), d) for d in
              (date(2026, 2, 28), date(2026, 3, 1), date(2026, 3, 31), date(2026, 4, 1))]
    assert on_time(orders, date(2026, 3, 1), date(2026, 3, 31)).delivered == 2
    assert on_time(orders, start=date(2026, 3, 2)).delivered == 2
    assert on_time(orders, end=date(2026, 3, 1)).delivered == 2


def test_months_run_oldest_first_to_this_month_with_empty_months_present():
    orders = [
        delivered(date(2026, 10, 31), date(2026, 10, 31)),
        delivered(date(2026, 10, 31), date(2026, 11, 1)),
        delivered(date(2026, 1, 1), date(2025, 12, 31)),
        delivered(date(2025, 11, 30), date(2025, 11, 30)),
    ]
    months = on_time_by_month(orders, TODAY)
    assert [key for key, _ in months][:2] == ["2025-12", "2026-01"]
    assert [key for key, _ in months][-2:] == ["2026-10", "2026-11"]
    assert len(months) == 12
    figures = dict(months)
    assert figures["2025-12"].rate_current == 1.0
    assert figures["2026-10"].on_time_current == 1
    assert figures["2026-11"].delivered == 1 and figures["2026-11"].rate_current == 0.0
    assert figures["2026-05"].delivered == 0 and figures["2026-05"].rate_current is None


def test_months_cross_the_new_year():
    months = on_time_by_month([], date(2027, 2, 1), months=4)
    assert [key for key, _ in months] == ["2026-11", "2026-12", "2027-01", "2027-02"]


def test_average_delay_counts_early_deliveries_as_zero_and_forgives_pauses():
    orders = [delivered(date(2026, 3, 10), date(2026, 3, 5)),
              delivered(date(2026, 3, 10), date(2026, 3, 16)),
              delivered(date(2026, 3, 10), date(2026, 3, 14),
                        pauses=[Pause(date(2026, 3, 1), date(2026, 3, 3))])]
    assert average_days_late(orders) == pytest.approx((0 + 6 + 2) / 3)
    assert average_days_late(orders, start=date(2026, 3, 6)) == pytest.approx(4)
    assert average_days_late([]) is None


def test_repeat_client_share_counts_orders_from_clients_who_came_before():
    orders = [
        make_order(client_id=1, received=date(2025, 6, 1)),
        make_order(client_id=1, received=date(2026, 3, 1)),
        make_order(client_id=2, received=date(2026, 3, 5)),
        make_order(client_id=2, received=date(2026, 3, 20)),
        make_order(client_id=3, received=date(2026, 3, 7)),
        make_order(client_id=3, received=date(2026, 3, 7)),
        make_order(client_id=4, received=date(2025, 1, 1), status="cancelled"),
        make_order(client_id=4, received=date(2026, 3, 9)),
    ]
    share = repeat_client_share(orders, date(2026, 3, 1), date(2026, 3, 31))
    assert share == pytest.approx(2 / 6)
    assert repeat_client_share(orders, date(2024, 1, 1), date(2024, 12, 31)) is None


def test_revenue_is_price_and_extras_of_the_years_deliveries():
    orders = [
        delivered(date(2026, 1, 10), date(2026, 1, 10), price="450.00",
                  extras=[Extra(date(2026, 1, 20), "summary", Decimal("60.50"))]),
        delivered(date(2025, 12, 30), date(2025, 12, 31), price="100"),
        make_order(price="999"),
    ]
    assert revenue(orders, 2026) == Decimal("510.50")
    assert revenue(orders, 2025) == Decimal("100")
    assert revenue(orders, 2024) == Decimal("0")
