"""Loyalty: who are Claire's champions, who has gone quiet, who needs a word."""

from datetime import date, datetime, timedelta
from decimal import Decimal

from store.loyalty import (
    at_risk_clients, frequency_score, last_contact, monetary_score, recency_score, rfm,
    segment_for, segments, signals, silent_clients,
)
from store.models import Extra
from tests.factories import make_client, make_incident, make_interaction, make_order

TODAY = date(2026, 11, 22)


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def orders_for(client, *ages, price="100", **kw):
    return [make_order(client_id=client.id, received=days_ago(age), price=price, **kw)
            for age in ages]


def test_last_contact_is_the_latest_interaction_per_client():
    interactions = [
        make_interaction(client_id=1, when=datetime(2026, 3, 1, 9, 0)),
        make_interaction(client_id=1, when=datetime(2026, 5, 1, 18, 30)),
        make_interaction(client_id=1, when=datetime(2026, 5, 1, 8, 0)),
        make_interaction(client_id=2, when=datetime(2025, 1, 1, 12, 0)),
    ]
    assert last_contact(interactions) == {1: datetime(2026, 5, 1, 18, 30),
                                          2: datetime(2025, 1, 1, 12, 0)}
    assert last_contact([]) == {}


def test_recency_thresholds_in_days():
    assert [recency_score(d) for d in (0, 90, 91, 180, 181, 365, 366, 730, 731)] == [
        5, 5, 4, 4, 3, 3, 2, 2, 1]


def test_frequency_thresholds_in_orders():
    assert [frequency_score(n) for n in (0, 1, 2, 3, 5, 6, 9, 10, 40)] == [
        0, 1, 2, 3, 3, 4, 4, 5, 5]


def test_monetary_thresholds_in_euros():
    amounts = ("0", "199.99", "200", "599", "600", "1500", "2999", "3000")
    assert [monetary_score(Decimal(a)) for a in amounts] == [1, 1, 2, 2, 3, 4, 4, 5]


def test_segments_first_matching_rule_wins():
    assert segment_for(5, 5, 12) == "champion"
    assert segment_for(4, 4, 6) == "champion"
    assert segment_for(3, 3, 3) == "loyal"
    assert segment_for(5, 3, 3) == "loyal"
    assert segment_for(5, 1, 1) == "new"
    assert segment_for(4, 2, 2) == "promising"
    assert segment_for(3, 1, 1) == "promising"
    assert segment_for(2, 3, 4) == "at risk"
    assert segment_for(1, 5, 12) == "at risk"
    assert segment_for(2, 2, 2) == "hibernating"
    assert segment_for(1, 2, 2) == "lost"


def test_a_client_with_no_orders_is_new_and_scores_zero():
    score = rfm(make_client(), [], TODAY)
    assert score.segment == "new"
    assert (score.recency, score.frequency, score.monetary) == (0, 0, 0)
    assert score.last_order is None and score.orders == 0 and score.revenue == Decimal("0")


def test_a_faithful_client_of_seven_years_is_a_champion():
    henri = make_client()
    orders = orders_for(henri, 20, 200, 400, 600, 900, 1200, 1500, 2000, 2400, 2550, price="350")
    score = rfm(henri, orders, TODAY)
    assert (score.recency, score.frequency, score.monetary) == (5, 5, 5)
    assert score.segment == "champion"
    assert score.last_order == days_ago(20) and score.orders == 10
    assert score.revenue == Decimal("3500")


def test_cancelled_orders_do_not_count_and_extras_do():
    client = make_client()
    orders = [make_order(client_id=client.id, received=days_ago(10), status="cancelled",
                         cancelled=days_ago(9), price="5000"),
              make_order(client_id=client.id, received=days_ago(400), price="150",
                         extras=[Extra(days_ago(390), "summary", Decimal("60"))])]
    score = rfm(client, orders, TODAY)
    assert score.orders == 1 and score.last_order == days_ago(400)
    assert score.revenue == Decimal("210") and score.monetary == 2
    assert score.segment == "hibernating"


def test_a_good_client_gone_quiet_for_two_years_is_at_risk():
    client = make_client()
    score = rfm(client, orders_for(client, 700, 900, 1100), TODAY)
    assert score.segment == "at risk"


def test_segments_skip_parted_clients_and_group_orders_once():
    active, parted, newcomer = make_client(), make_client(status="parted"), make_client()
    orders = orders_for(active, 5) + orders_for(parted, 5, 10, 15)
    found = segments([active, parted, newcomer], orders, TODAY)
    assert set(found) == {active.id, newcomer.id}
    assert found[active.id].segment == "new"
    assert found[newcomer.id].segment == "new" and found[newcomer.id].orders == 0


def test_signals_tell_the_story_of_the_relationship():
    henri = make_client()
    orders = [make_order(client_id=henri.id, received=date(2025, 1, 10), status="delivered",
                         delivered=date(2025, 2, 20), price="400"),
              make_order(client_id=henri.id, received=date(2026, 6, 1), price="250")]
    interactions = [
        make_interaction(client_id=henri.id, kind="gift received", text="a book of stamps"),
        make_interaction(client_id=henri.id, kind="complaint", text="still waiting"),
        make_interaction(client_id=henri.id, kind="praise", direction="in"),
        make_interaction(client_id=henri.id, kind="letter sent", direction="out"),
    ]
    incidents = [make_incident(client_id=henri.id, opened=date(2025, 2, 10),
                               closed=date(2025, 3, 1)),
                 make_incident(client_id=henri.id, opened=date(2026, 7, 1),
                               closed=date(2026, 8, 1)),
                 make_incident(client_id=henri.id, opened=date(2026, 9, 1))]
    found = signals(henri, orders, interactions, incidents)
    assert (found.orders, found.revenue) == (2, Decimal("650"))
    assert (found.gifts, found.praise, found.complaints) == (1, 1, 1)
    assert (found.incidents, found.recovered) == (3, 1)
    assert found.feedback_given and not found.silent


def test_a_client_who_only_received_letters_is_silent():
    client = make_client()
    orders = [make_order(client_id=client.id, status="paid", delivered=date(2026, 2, 1),
                         paid=date(2026, 2, 10))]
    outbound = [make_interaction(client_id=client.id, kind="feedback", direction="out"),
                make_interaction(client_id=client.id, kind="note", direction="in")]
    found = signals(client, orders, outbound, [])
    assert not found.feedback_given and found.silent


def test_a_satisfaction_score_counts_as_feedback():
    client = make_client()
    orders = [make_order(client_id=client.id, status="delivered", delivered=date(2026, 2, 1))]
    call = [make_interaction(client_id=client.id, kind="note", channel="phone",
                             direction="out", satisfaction=3)]
    assert not signals(client, orders, call, []).silent


def test_a_client_without_delivered_work_is_not_silent_yet():
    client = make_client()
    assert not signals(client, [make_order(client_id=client.id)], [], []).silent


def test_silent_clients_are_active_ones_with_a_delivery_and_no_word_sorted_by_name():
    zoe = make_client(first_name="Zoé", last_name="Martin")
    anne = make_client(first_name="anne", last_name="Bruel")
    talker = make_client(first_name="Bernard")
    parted = make_client(first_name="Paul", status="parted")
    waiting = make_client(first_name="Wanda")
    clients = [zoe, anne, talker, parted, waiting]
    orders = [make_order(client_id=c.id, status="delivered", delivered=date(2026, 5, 1))
              for c in (zoe, anne, talker, parted)] + [make_order(client_id=waiting.id)]
    interactions = [make_interaction(client_id=talker.id, kind="feedback")]
    assert silent_clients(clients, orders, interactions) == [anne, zoe]


def test_at_risk_clients_with_their_reasons():
    quiet = make_client(first_name="Alice", last_name="Quiet")
    hurt = make_client(first_name="Bruno", last_name="Hurt")
    angry = make_client(first_name="Chloé", last_name="Angry")
    difficult = make_client(first_name="Denis", status="difficult", status_note="bad faith")
    parted = make_client(first_name="Eve", status="parted")
    happy = make_client(first_name="Fanny")
    clients = [parted, happy, difficult, angry, hurt, quiet]
    orders = (orders_for(quiet, 800, 900, 1000) + orders_for(hurt, 30, 60)
              + orders_for(parted, 800, 900, 1000) + orders_for(happy, 10)
              + orders_for(angry, 5))
    interactions = [
        make_interaction(client_id=angry.id, kind="complaint", when=days_ago(90)),
        make_interaction(client_id=happy.id, kind="complaint", when=days_ago(91)),
        make_interaction(client_id=parted.id, kind="complaint", when=days_ago(3)),
    ]
    incidents = [make_incident(client_id=hurt.id, order_ref="2026-042", opened=days_ago(20)),
                 make_incident(client_id=happy.id, opened=days_ago(200), closed=days_ago(150))]
    found = at_risk_clients(clients, orders, interactions, incidents, TODAY)
    assert [(entry.client.first_name, entry.reasons) for entry in found] == [
        ("Alice", [f"at risk: 3 orders, none since {days_ago(800).isoformat()}"]),
        ("Bruno", ["open incident on 2026-042"]),
        ("Chloé", [f"complaint on {days_ago(90).isoformat()}"]),
        ("Denis", ["marked difficult"]),
    ]


def test_a_cancelled_order_is_not_counted_in_any_list(tmp_path):
    """The clients list of the TUI and `clients --json` count the same orders."""
    from datetime import date as day

    from store import browse, clients, listing, orders
    from store.book import Book

    today = day(2026, 11, 23)
    with Book(tmp_path / "book") as book:
        henri = clients.add_client(book, today, last_name="Lefèvre")
        orders.add_order(book, today, henri.id, "Acte", day(2026, 12, 20))
        orders.cancel(book, orders.add_order(book, today, henri.id, "Annulé", day(2026, 12, 20)).ref,
                      today)
        [row] = listing.client_rows(book, today)
        [shown] = browse.client_page(book, today).rows
        assert row["orders"] == shown.orders == 1


def _book_with_talk(path):
    from store import clients, relations
    from store.book import Book

    book = Book(path)
    henri = clients.add_client(book, TODAY, first_name="Henri", last_name="Lefèvre")
    other = clients.add_client(book, TODAY, first_name="Lucie", last_name="Perrin")
    for kind in ("praise", "praise", "complaint", "gift received"):
        relations.log_interaction(book, henri.id, kind, kind, datetime(2026, 11, 2, 9))
    relations.log_interaction(book, other.id, "note", "a note", datetime(2026, 11, 3, 9))
    return book, henri.id, other.id


def test_exchanges_counted_in_advance_say_what_counting_them_now_says(tmp_path):
    from store.loyalty import client_talk, prepare_talks, talk_of

    book, henri, other = _book_with_talk(tmp_path / "book")
    with book:
        state = book.state
        now = {cid: client_talk(state, cid) for cid in (henri, other, 999)}
        prepare_talks(state)
        ahead = {cid: client_talk(state, cid) for cid in (henri, other, 999)}
        assert ahead == now
        assert ahead[henri].kinds == {"praise": 2, "complaint": 1, "gift received": 1}
        assert ahead[henri] == talk_of(state.where("interactions", "client_id", henri))
        assert ahead[999].kinds == {} and not ahead[999].feedback_given


def test_an_exchange_logged_after_counting_is_counted(tmp_path):
    from store import relations
    from store.loyalty import client_talk, prepare_talks

    book, henri, _other = _book_with_talk(tmp_path / "book")
    with book:
        prepare_talks(book.state)
        relations.log_interaction(book, henri, "complaint", "again", datetime(2026, 11, 4, 9))
        assert client_talk(book.state, henri).kinds["complaint"] == 2


def test_signals_from_counted_exchanges_are_the_signals_of_the_exchanges():
    from store.loyalty import talk_of

    henri = make_client()
    orders = [make_order(client_id=henri.id, status="delivered", delivered=date(2026, 2, 1))]
    talks = [make_interaction(client_id=henri.id, kind="praise", direction="in"),
             make_interaction(client_id=henri.id, kind="note", direction="out")]
    assert signals(henri, orders, talk_of(talks), []) == signals(henri, orders, talks, [])
