"""The dashboard composes the rules: what needs attention today, most urgent first, and the figures."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from store import clients, incidents, orders, relations
from store.book import Book
from store.dashboard import dashboard
from store.models import Profile

TODAY = date(2026, 11, 23)


@pytest.fixture
def book(tmp_path):
    book = Book(tmp_path / "book")
    book.set_profile(Profile(name="Claire Vasseur", tolerance_days=2))
    yield book
    book.close()


def _client(book, name: str, **fields):
    return clients.add_client(book, TODAY, last_name=name, **fields)


def _order(book, client, title: str, due_in: int, received_ago: int = 30, **fields):
    return orders.add_order(book, TODAY, client.id, title, TODAY + timedelta(days=due_in),
                            received=TODAY - timedelta(days=received_ago), **fields)


def test_an_empty_book_needs_nothing(book):
    d = dashboard(book, TODAY)
    assert (d.overdue, d.due_soon, d.followups, d.incidents, d.at_risk, d.silent) == (
        [], [], [], [], [], [])
    assert d.on_time_rate is None and d.active_orders == 0
    assert d.revenue_this_year == Decimal("0") and d.attention_count == 0
    assert len(d.trend) == 12 and all(rate is None for _, rate in d.trend)


def test_overdue_work_is_most_late_first_and_respects_the_tolerance(book):
    lefevre = _client(book, "Lefèvre")
    late3 = _order(book, lefevre, "three days late", -3)
    late10 = _order(book, lefevre, "ten days late", -10)
    within = _order(book, lefevre, "two days late, tolerated", -2)
    soon = _order(book, lefevre, "due in a week", 7)
    d = dashboard(book, TODAY)
    assert [line.order.ref for line in d.overdue] == [late10.ref, late3.ref]
    assert [line.days_late for line in d.overdue] == [10, 3]
    assert {line.order.ref for line in d.due_soon} == {within.ref, soon.ref}
    assert d.active_orders == 4


def test_a_client_tolerance_overrides_the_business_default(book):
    notary = _client(book, "Caradec", tolerance_days=0)
    one_day = _order(book, notary, "succession", -1)
    assert [line.order.ref for line in dashboard(book, TODAY).overdue] == [one_day.ref]


def test_follow_ups_due_or_late_show_with_days_late(book):
    achard = _client(book, "Achard")
    relations.add_followup(book, achard.id, TODAY - timedelta(days=4), "call back")
    relations.add_followup(book, achard.id, TODAY, "send the quote")
    relations.add_followup(book, achard.id, TODAY + timedelta(days=3), "not yet")
    d = dashboard(book, TODAY)
    assert [(line.followup.what, line.days_late) for line in d.followups] == [
        ("call back", 4), ("send the quote", 0)]


def test_an_open_incident_shows_its_next_step_until_closed(book):
    achard = _client(book, "Achard")
    order = _order(book, achard, "Lettre de rémission", -20, received_ago=40)
    orders.deliver(book, order.ref, TODAY - timedelta(days=10))
    plan = incidents.open_incident(book, order.ref, TODAY, "name misread")
    d = dashboard(book, TODAY)
    assert [(line.incident.id, line.next_step, line.order_title) for line in d.incidents] == [
        (plan.id, "apologise", "Lettre de rémission")]
    assert any("open incident" in " ".join(risk.reasons) for risk in d.at_risk)
    incidents.record_step(book, plan.id, "apologised", TODAY)
    assert dashboard(book, TODAY).incidents[0].next_step == "fix"
    incidents.close_incident(book, plan.id, TODAY, "read names aloud")
    assert dashboard(book, TODAY).incidents == []


def test_figures_on_time_rate_trend_and_revenue(book):
    roussel = _client(book, "Roussel")
    kept = _order(book, roussel, "on time", -10, received_ago=40, price="300")
    missed = _order(book, roussel, "late", -20, received_ago=50, price="200")
    orders.deliver(book, kept.ref, TODAY - timedelta(days=12))
    orders.deliver(book, missed.ref, TODAY - timedelta(days=5))
    d = dashboard(book, TODAY)
    assert d.on_time_rate == 0.5 and d.delivered_recently == 2
    assert d.trend[-1] == (date(2026, 11, 1), 0.5)
    assert d.revenue_this_year == Decimal("500")
    assert d.active_orders == 0


def test_a_client_who_never_gave_feedback_is_silent(book):
    thibault = _client(book, "Thibault")
    order = _order(book, thibault, "Inventaire", -5, received_ago=40)
    orders.deliver(book, order.ref, TODAY - timedelta(days=6))
    assert [c.id for c in dashboard(book, TODAY).silent] == [thibault.id]
    relations.log_interaction(book, thibault.id, "praise", "Parfait", TODAY)
    assert dashboard(book, TODAY).silent == []


def test_the_dashboard_knows_which_overdue_orders_already_got_a_letter(tmp_path):
    """An apology once sent shows beside the late order, so it is not sent twice."""
    from datetime import date as _date, timedelta as _timedelta

    from store import clients as _clients, orders as _orders
    from store.book import Book as _Book
    from store.dashboard import dashboard as _dashboard
    from store.relations import record_letter as _record_letter

    today = _date(2026, 11, 23)
    with _Book(tmp_path / "book") as book:
        client = _clients.add_client(book, today, last_name="Lefèvre")
        late = [_orders.add_order(book, today, client.id, title, received=today - _timedelta(30),
                                  due=today - _timedelta(days)) for title, days in
                (("Acte", 9), ("Registre", 4))]
        _record_letter(book, client.id, "apology", "fr", today - _timedelta(2),
                       "letters/a.pdf", "0" * 64, late[0].ref)
        _record_letter(book, client.id, "apology", "fr", today, "letters/b.pdf", "1" * 64,
                       late[0].ref)
        sent = _dashboard(book, today).letters_sent
    assert list(sent) == [late[0].ref] and sent[late[0].ref].path == "letters/b.pdf"
