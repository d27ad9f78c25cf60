"""The loyalty section: who is where, who moved and why, the letter that fits, the paradox."""

from datetime import date, timedelta
from decimal import Decimal

from store.kaizen import kaizen
from store.letter_choice import letter_for_loyalty
from store.loyalty import SEGMENTS, segments
from store.loyalty_trend import segments_by_month
from store.loyalty_view import view_of
from store.paradox import paradox
from store.recovery import recovery_figure
from tests.factories import make_client, make_incident, make_interaction, make_order

TODAY = date(2026, 11, 23)


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def orders_for(client, *ages, price="100", **kw):
    return [make_order(client_id=client.id, received=days_ago(age), price=price, **kw)
            for age in ages]


def segment_of(client, orders, interactions=(), incidents=()):
    view = view_of([client], orders, list(interactions), list(incidents), TODAY, TODAY)
    [line] = [line for segment in view.segments for line in segment.clients]
    return line


def movement(clients, orders, interactions, incidents, since):
    """Who moved between `since` and today, as the loyalty view shows it."""
    return view_of(clients, orders, interactions, incidents, TODAY, since).moves


def test_a_client_who_ordered_once_a_year_ago_is_hibernating():
    marie = make_client(first_name="Marie")
    assert segment_of(marie, orders_for(marie, 400)).rfm.segment == "hibernating"


def test_a_client_who_orders_every_month_is_a_champion_and_is_thanked():
    genevieve = make_client(first_name="Geneviève")
    line = segment_of(genevieve, orders_for(genevieve, *range(10, 300, 30)))
    assert line.rfm.segment == "champion" and line.letter == "thanks"


def test_a_good_client_gone_quiet_is_at_risk_and_gets_a_follow_up():
    jacques = make_client(first_name="Jacques")
    line = segment_of(jacques, orders_for(jacques, 500, 600, 700, 800))
    assert line.rfm.segment == "at risk" and line.letter == "follow-up"


def test_a_silent_client_is_asked_for_feedback():
    lucie = make_client(first_name="Lucie")
    orders = orders_for(lucie, 20, 60, status="delivered", delivered=days_ago(5))
    line = segment_of(lucie, orders)
    assert line.signals.silent and line.letter == "feedback"


def test_a_client_with_an_open_incident_gets_a_follow_up_and_says_why():
    paul = make_client(first_name="Paul")
    plan = make_incident(client_id=paul.id, order_ref="2026-015", opened=days_ago(6))
    line = segment_of(paul, orders_for(paul, 40), incidents=[plan])
    assert line.watch == ["open incident on 2026-015"] and line.letter == "follow-up"


def test_the_segments_add_up_to_the_clients_who_are_not_parted():
    cast = [make_client(), make_client(), make_client(status="difficult"),
            make_client(status="parted")]
    orders = orders_for(cast[0], 10, 40) + orders_for(cast[1], 800) + orders_for(cast[3], 5)
    groups = view_of(cast, orders, [], [], TODAY, TODAY).segments
    assert [g.name for g in groups] == list(SEGMENTS)
    assert sum(len(g.clients) for g in groups) == 3
    assert {line.client.id: line.rfm.segment for g in groups for line in g.clients} == {
        cid: score.segment for cid, score in segments(cast, orders, TODAY).items()}


def test_the_most_valuable_client_of_a_segment_comes_first():
    small, big = make_client(last_name="Aubert"), make_client(last_name="Zola")
    orders = orders_for(small, 400, price="50") + orders_for(big, 420, price="900")
    hibernating = view_of([small, big], orders, [], [], TODAY, TODAY).segments[5]
    assert [line.client.last_name for line in hibernating.clients] == ["Zola", "Aubert"]


def test_a_client_who_ordered_again_moved_from_new_to_loyal_because_of_their_orders():
    anne = make_client(first_name="Anne", created=days_ago(200))
    orders = orders_for(anne, 120, 30, 15)
    [move] = movement([anne], orders, [], [], days_ago(90))
    assert (move.before, move.after) == ("new", "loyal")
    assert move.reasons == [f"2 orders since {days_ago(90).isoformat()}, "
                            f"the last on {days_ago(15).isoformat()}"]


def test_a_loyal_client_who_stopped_ordering_a_year_ago_slipped_to_at_risk():
    henri = make_client(first_name="Henri", created=days_ago(2000))
    orders = orders_for(henri, 400, 500, 600)
    [move] = movement([henri], orders, [], [], days_ago(90))
    assert (move.before, move.after) == ("loyal", "at risk")
    assert move.reasons == [f"no order since {days_ago(400).isoformat()}"]


def test_a_complaint_and_an_incident_since_the_day_are_among_the_reasons():
    edith = make_client(first_name="Édith", created=days_ago(1000))
    orders = orders_for(edith, 200, 20)
    talks = [make_interaction(client_id=edith.id, kind="complaint", when=days_ago(10))]
    plans = [make_incident(client_id=edith.id, order_ref="2026-020", opened=days_ago(12),
                           closed=days_ago(3))]
    [move] = movement([edith], orders, talks, plans, days_ago(90))
    assert move.reasons[1:] == [f"complaint on {days_ago(10).isoformat()}",
                                "incident on 2026-020 (recovered)"]


def test_a_client_who_did_not_exist_yet_arrives_from_nowhere():
    paul = make_client(first_name="Paul", created=days_ago(30))
    [move] = movement([paul], orders_for(paul, 30), [], [], days_ago(90))
    assert (move.before, move.after) == (None, "new")


def test_a_client_in_the_same_segment_has_not_moved():
    steady = make_client(created=days_ago(3000))
    orders = orders_for(steady, *range(5, 900, 40))
    assert movement([steady], orders, [], [], days_ago(30)) == []


def test_a_client_whose_incident_was_recovered_and_who_ordered_again_counts_in_the_paradox():
    henri = make_client(first_name="Henri")
    orders = (orders_for(henri, 200, price="240")
              + orders_for(henri, 100, 20, price="300"))
    plan = make_incident(client_id=henri.id, opened=days_ago(180), closed=days_ago(150))
    found = paradox(orders, [plan]).after_plan
    assert (found.clients, found.came_back, found.rate) == (1, 1, 1.0)
    assert found.median_days == 50.0
    assert (found.spend_before, found.spend_after) == (Decimal("240.00"), Decimal("600.00"))


def test_a_client_who_never_came_back_after_a_plan_lowers_the_rate():
    back, gone = make_client(), make_client()
    orders = orders_for(back, 200, 10) + orders_for(gone, 200)
    plans = [make_incident(client_id=c.id, opened=days_ago(190), closed=days_ago(150))
             for c in (back, gone)]
    found = paradox(orders, plans).after_plan
    assert (found.clients, found.came_back, found.rate) == (2, 1, 0.5)


def test_an_open_plan_puts_a_client_in_neither_group():
    waiting = make_client()
    orders = orders_for(waiting, 50, status="delivered", delivered=days_ago(20))
    found = paradox(orders, [make_incident(client_id=waiting.id, opened=days_ago(10))])
    assert found.after_plan.clients == 0 and found.untroubled.clients == 0


def test_clients_without_an_incident_are_measured_from_their_first_delivery():
    once, twice = make_client(), make_client()
    orders = (orders_for(once, 300, status="delivered", delivered=days_ago(280))
              + orders_for(twice, 300, status="delivered", delivered=days_ago(270))
              + orders_for(twice, 200, price="500"))
    found = paradox(orders, []).untroubled
    assert (found.clients, found.came_back, found.median_days) == (2, 1, 70.0)
    assert (found.spend_before, found.spend_after) == (Decimal("100.00"), Decimal("250.00"))


def test_the_paradox_and_the_journal_count_the_same_clients_after_a_plan():
    a, b = make_client(), make_client()
    orders = orders_for(a, 300, 30) + orders_for(b, 300)
    plans = [make_incident(client_id=a.id, opened=days_ago(280), closed=days_ago(250)),
             make_incident(client_id=a.id, opened=days_ago(100), closed=days_ago(60)),
             make_incident(client_id=b.id, opened=days_ago(280), closed=days_ago(260))]
    journal = recovery_figure(plans, orders)
    measured = paradox(orders, plans).after_plan
    assert (measured.clients, measured.came_back) == (journal.clients, journal.came_back)


def test_each_month_shows_the_revenue_delivered_in_it():
    client = make_client()
    orders = [make_order(client_id=client.id, received=date(2026, 10, 1), status="delivered",
                         delivered=date(2026, 11, 3), price="240"),
              make_order(client_id=client.id, received=date(2026, 10, 2), status="delivered",
                         delivered=date(2026, 10, 20), price="100")]
    months = kaizen(orders, [], TODAY).months
    assert (months[0].month, months[0].revenue) == (date(2026, 11, 1), Decimal("240"))
    assert months[1].revenue == Decimal("100")


def test_segments_over_time_end_with_todays_segments():
    cast = [make_client(created=days_ago(3000)) for _ in range(4)]
    orders = (orders_for(cast[0], *range(5, 600, 50)) + orders_for(cast[1], 400)
              + orders_for(cast[2], 30) + orders_for(cast[3], 700, 800, 900))
    trend = segments_by_month(cast, orders, TODAY)
    assert len(trend) == 12 and trend[-1].day == TODAY
    today = {}
    for score in segments(cast, orders, TODAY).values():
        today[score.segment] = today.get(score.segment, 0) + 1
    assert {k: v for k, v in trend[-1].counts.items() if v} == today
    assert trend[0].day == date(2025, 12, 31)


def test_the_letter_that_fits_each_segment():
    class Quiet:
        silent = True

    class Talks:
        silent = False
    assert letter_for_loyalty("champion", Quiet()) == "thanks"
    assert letter_for_loyalty("lost", Talks()) == "follow-up"
    assert letter_for_loyalty("promising", Quiet()) == "feedback"
    assert letter_for_loyalty("loyal", Talks()) == "thanks"
    assert letter_for_loyalty("loyal", Talks(), at_risk=True) == "follow-up"
