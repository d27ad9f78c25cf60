"""Milestones worth a thank-you note: the 10th order, the anniversary of the first."""

from datetime import date, timedelta

from store.milestones import anniversary, milestones, ordinal
from tests.factories import make_client, make_order

TODAY = date(2026, 11, 22)


def history(client, first: date, count: int, step: int = 30, **kw):
    return [make_order(client_id=client.id, received=first + timedelta(days=step * i), **kw)
            for i in range(count)]


def test_a_tenth_order_received_this_month_is_a_milestone():
    henri = make_client()
    orders = history(henri, TODAY - timedelta(days=9 * 30 + 5), 10)
    found = milestones([henri], orders, TODAY)
    assert [(m.kind, m.count, m.on) for m in found] == [
        ("order-count", 10, TODAY - timedelta(days=5))]
    assert found[0].detail.startswith(f"10th order: {orders[-1].ref}")


def test_a_tenth_order_older_than_the_horizon_is_not():
    henri = make_client()
    orders = history(henri, TODAY - timedelta(days=9 * 30 + 31), 10)
    assert milestones([henri], orders, TODAY) == []
    assert len(milestones([henri], orders, TODAY, horizon=31)) == 1


def test_cancelled_orders_do_not_count_towards_the_tenth():
    henri = make_client()
    orders = history(henri, TODAY - timedelta(days=9 * 30 + 5), 10)
    orders[3].status = "cancelled"
    assert milestones([henri], orders, TODAY) == []


def test_the_twenty_fifth_order():
    client = make_client()
    orders = history(client, TODAY - timedelta(days=24 * 10), 25, step=10)
    assert [(m.kind, m.count) for m in milestones([client], orders, TODAY)] == [
        ("order-count", 25)]


def test_the_anniversary_of_the_first_order_within_the_horizon():
    client = make_client()
    orders = [make_order(client_id=client.id, received=date(2019, 12, 10)),
              make_order(client_id=client.id, received=date(2024, 1, 3))]
    found = milestones([client], orders, TODAY)
    assert [(m.kind, m.on, m.count) for m in found] == [("anniversary", date(2026, 12, 10), 7)]
    assert found[0].detail == f"7 years since the first order ({orders[0].ref})"


def test_no_anniversary_before_a_full_year_nor_beyond_the_horizon():
    recent, far = make_client(), make_client()
    orders = [make_order(client_id=recent.id, received=date(2026, 11, 1)),
              make_order(client_id=far.id, received=date(2020, 12, 23))]
    assert milestones([recent, far], orders, TODAY) == []
    assert [m.on for m in milestones([recent, far], orders, TODAY, horizon=31)] == [
        date(2026, 12, 23)]


def test_today_is_inside_the_anniversary_window():
    client = make_client()
    orders = [make_order(client_id=client.id, received=date(2025, 11, 22))]
    found = milestones([client], orders, TODAY)
    assert [(m.on, m.detail) for m in found] == [
        (TODAY, f"1 year since the first order ({orders[0].ref})")]


def test_a_leap_day_first_order_is_celebrated_on_28_february_in_other_years():
    client = make_client()
    orders = [make_order(client_id=client.id, received=date(2024, 2, 29))]
    assert anniversary(date(2024, 2, 29), 2027) == date(2027, 2, 28)
    assert anniversary(date(2024, 2, 29), 2028) == date(2028, 2, 29)
    found = milestones([client], orders, date(2027, 2, 20))
    assert [(m.on, m.count) for m in found] == [(date(2027, 2, 28), 3)]


def test_the_window_crosses_the_new_year():
    client = make_client()
    orders = [make_order(client_id=client.id, received=date(2022, 1, 5))]
    found = milestones([client], orders, date(2026, 12, 20))
    assert [(m.on, m.count) for m in found] == [(date(2027, 1, 5), 5)]


def test_parted_clients_get_no_milestones():
    parted = make_client(status="parted")
    orders = (history(parted, TODAY - timedelta(days=9 * 30 + 5), 10)
              + [make_order(client_id=parted.id, received=date(2010, 12, 1))])
    assert milestones([parted], orders, TODAY) == []


def test_milestones_are_sorted_by_date():
    a, b = make_client(first_name="Anne"), make_client(first_name="Bruno")
    orders = ([make_order(client_id=a.id, received=date(2020, 12, 15))]
              + history(b, TODAY - timedelta(days=8 * 30 + 2), 9)
              + [make_order(client_id=b.id, received=date(2018, 11, 30))])
    found = milestones([a, b], orders, TODAY)
    assert [(m.client.first_name, m.kind, m.on) for m in found] == [
        ("Bruno", "order-count", TODAY - timedelta(days=2)),
        ("Bruno", "anniversary", date(2026, 11, 30)),
        ("Anne", "anniversary", date(2026, 12, 15)),
    ]


def test_ordinals():
    assert [ordinal(n) for n in (1, 2, 3, 4, 10, 11, 12, 13, 21, 22, 25, 101, 111)] == [
        "1st", "2nd", "3rd", "4th", "10th", "11th", "12th", "13th", "21st", "22nd", "25th",
        "101st", "111th"]
