"""Deadlines as Claire lives them: what is late, what is due soon, what the pauses change."""

from datetime import date

from store.deadlines import (
    days_late, delivered_late_days, due_soon, effective_due, overdue, paused_days, tolerance_for,
)
from store.models import Pause, Postponement
from tests.factories import make_client, make_order, make_profile

TODAY = date(2026, 11, 22)


def is_overdue(order, tolerance: int, today: date) -> bool:
    """The order is on the overdue list of a business with this tolerance."""
    return bool(overdue([order], {}, make_profile(tolerance_days=tolerance), today))


def is_due_soon(order, tolerance: int, today: date, **within) -> bool:
    """The order is on the due-soon list of a business with this tolerance."""
    return bool(due_soon([order], {}, make_profile(tolerance_days=tolerance), today, **within))


def test_an_order_due_today_is_not_late_and_is_due_soon():
    order = make_order(due=TODAY)
    assert days_late(order, TODAY) == 0
    assert not is_overdue(order, 0, TODAY)
    assert is_due_soon(order, 0, TODAY)


def test_one_day_past_the_due_date_with_no_tolerance_is_overdue():
    order = make_order(due=date(2026, 11, 21))
    assert days_late(order, TODAY) == 1
    assert is_overdue(order, 0, TODAY)
    assert not is_due_soon(order, 0, TODAY)


def test_exactly_at_the_tolerance_is_not_overdue_one_day_more_is():
    at_tolerance = make_order(due=date(2026, 11, 19))
    one_more = make_order(due=date(2026, 11, 18))
    assert not is_overdue(at_tolerance, 3, TODAY)
    assert is_due_soon(at_tolerance, 3, TODAY), "late but within tolerance is still due soon"
    assert is_overdue(one_more, 3, TODAY)


def test_due_soon_covers_the_next_seven_days_inclusive():
    assert is_due_soon(make_order(due=date(2026, 11, 29)), 0, TODAY)
    assert not is_due_soon(make_order(due=date(2026, 11, 30)), 0, TODAY)
    assert is_due_soon(make_order(due=date(2026, 11, 30)), 0, TODAY, within=8)


def test_delivered_and_cancelled_work_is_never_overdue_nor_due_soon():
    late = date(2026, 10, 1)
    delivered = make_order(due=late, status="delivered", delivered=date(2026, 10, 20))
    cancelled = make_order(due=late, status="cancelled", cancelled=date(2026, 10, 2))
    paid = make_order(due=TODAY, status="paid", delivered=TODAY, paid=TODAY)
    for order in (delivered, cancelled, paid):
        assert not is_overdue(order, 0, TODAY)
        assert not is_due_soon(order, 0, TODAY)


def test_the_clients_tolerance_overrides_the_business_default():
    profile = make_profile(tolerance_days=2)
    assert tolerance_for(None, profile) == 2
    assert tolerance_for(make_client(tolerance_days=None), profile) == 2
    assert tolerance_for(make_client(tolerance_days=10), profile) == 10
    assert tolerance_for(make_client(tolerance_days=0), profile) == 0, "0 is a real tolerance"


def test_a_closed_pause_pushes_the_due_date_back_by_its_length():
    order = make_order(due=date(2026, 11, 15),
                       pauses=[Pause(date(2026, 11, 1), date(2026, 11, 6), "waiting for scans")])
    assert paused_days(order, TODAY) == 5
    assert effective_due(order, TODAY) == date(2026, 11, 20)
    assert days_late(order, TODAY) == 2


def test_an_open_pause_counts_up_to_today_so_the_clock_stands_still():
    order = make_order(due=date(2026, 11, 15), pauses=[Pause(date(2026, 11, 10))])
    assert paused_days(order, TODAY) == 12
    assert days_late(order, TODAY) == -5
    assert days_late(order, date(2026, 12, 31)) == -5
    assert not is_overdue(order, 0, date(2026, 12, 31))


def test_several_pauses_add_up():
    order = make_order(due=date(2026, 11, 1), pauses=[
        Pause(date(2026, 10, 1), date(2026, 10, 4)), Pause(date(2026, 11, 20))])
    assert paused_days(order, TODAY) == 3 + 2


def test_overdue_lists_most_late_first_with_ties_by_reference():
    henri, marie = make_client(first_name="Henri"), make_client(first_name="Marie")
    clients = {henri.id: henri, marie.id: marie}
    orders = [
        make_order(ref="2026-010", client_id=henri.id, due=date(2026, 11, 20)),
        make_order(ref="2026-9", client_id=marie.id, due=date(2026, 11, 1)),
        make_order(ref="2026-100", client_id=henri.id, due=date(2026, 11, 1)),
        make_order(ref="2026-011", client_id=marie.id, due=TODAY),
    ]
    lines = overdue(orders, clients, make_profile(), TODAY)
    assert [(line.order.ref, line.days_late) for line in lines] == [
        ("2026-9", 21), ("2026-100", 21), ("2026-010", 2)]
    assert lines[0].client is marie


def test_overdue_applies_each_clients_tolerance():
    patient = make_client(tolerance_days=14)
    strict = make_client(tolerance_days=None)
    orders = [make_order(client_id=patient.id, due=date(2026, 11, 12)),
              make_order(client_id=strict.id, due=date(2026, 11, 12))]
    lines = overdue(orders, {c.id: c for c in (patient, strict)},
                    make_profile(tolerance_days=5), TODAY)
    assert [line.client for line in lines] == [strict]


def test_a_parted_clients_unfinished_work_is_still_overdue():
    parted = make_client(status="parted")
    lines = overdue([make_order(client_id=parted.id, due=date(2026, 11, 1))],
                    {parted.id: parted}, make_profile(), TODAY)
    assert len(lines) == 1 and lines[0].client is parted


def test_due_soon_lists_soonest_first_including_late_within_tolerance():
    client = make_client(tolerance_days=3)
    orders = [
        make_order(ref="2026-001", client_id=client.id, due=date(2026, 11, 27)),
        make_order(ref="2026-002", client_id=client.id, due=date(2026, 11, 20)),
        make_order(ref="2026-003", client_id=client.id, due=TODAY),
        make_order(ref="2026-004", client_id=client.id, due=date(2026, 11, 10)),
        make_order(ref="2026-005", client_id=client.id, due=date(2026, 12, 24)),
    ]
    lines = due_soon(orders, {client.id: client}, make_profile(), TODAY)
    assert [line.order.ref for line in lines] == ["2026-002", "2026-003", "2026-001"]
    assert [line.days_late for line in lines] == [2, 0, -5]


def test_delivered_on_the_due_date_is_zero_days_late():
    order = make_order(due=date(2026, 6, 30), status="delivered", delivered=date(2026, 6, 30))
    assert delivered_late_days(order) == 0


def test_delivered_late_days_forgive_the_clients_postponements_and_pauses():
    order = make_order(
        due_original=date(2026, 6, 1), due=date(2026, 6, 21), status="delivered",
        delivered=date(2026, 6, 30),
        postponements=[
            Postponement(date(2026, 5, 20), date(2026, 6, 1), date(2026, 6, 11), "new pages",
                         "client"),
            Postponement(date(2026, 6, 5), date(2026, 6, 11), date(2026, 6, 21), "overbooked",
                         "mine"),
        ],
        pauses=[Pause(date(2026, 5, 2), date(2026, 5, 5))])
    assert delivered_late_days(order) == 29 - 10 - 3
    assert delivered_late_days(make_order()) is None


def test_a_postponement_names_a_firm_date_that_earlier_pauses_no_longer_push_back():
    order = make_order(
        due=date(2026, 12, 20),
        postponements=[Postponement(date(2026, 11, 20), date(2026, 11, 15), date(2026, 12, 20),
                                    "sorry", "mine")],
        pauses=[Pause(date(2026, 11, 1), date(2026, 11, 10), "waiting for scans")])
    assert effective_due(order, TODAY) == date(2026, 12, 20)


def test_a_pause_after_the_postponement_still_pushes_its_date_back():
    order = make_order(
        due=date(2026, 12, 20),
        postponements=[Postponement(date(2026, 11, 20), date(2026, 11, 15), date(2026, 12, 20),
                                    "sorry", "mine")],
        pauses=[Pause(date(2026, 11, 18), date(2026, 11, 22), "waiting for scans")])
    assert paused_days(order, TODAY) == 2
    assert effective_due(order, TODAY) == date(2026, 12, 22)
