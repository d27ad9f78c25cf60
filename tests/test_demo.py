"""The demo book tells DOMAIN.md's stories, seen through the same rules the TUI and CLI use."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from store import deadlines, incidents, loyalty, milestones, relations
from store.book import Book
from store.demo import fill_demo

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    with Book(tmp_path_factory.mktemp("demo") / "book") as book:
        fill_demo(book, TODAY)
        yield book


def client_named(book: Book, name: str):
    [client] = [c for c in book.clients() if c.name == name]
    return client


def orders_of(book: Book, client) -> list:
    return sorted((o for o in book.orders() if o.client_id == client.id), key=lambda o: o.received)


def test_a_small_world_a_newcomer_can_take_in(demo):
    assert 8 <= len(demo.clients()) <= 12
    assert 25 <= len(demo.orders()) <= 40
    assert 50 <= len(demo.interactions()) <= 80
    profile = demo.profile
    assert profile.name == "Claire Vasseur" and profile.letter_city == "Paris"
    assert profile.language == "fr" and profile.tolerance_days == 2 and profile.siret


def test_the_late_act_of_1523_its_recovery_summary_and_stamps(demo):
    henri = client_named(demo, "Henri Lefèvre")
    act, *later = orders_of(demo, henri)
    assert act.title.startswith("Acte de vente, 1523")
    [postponement] = act.postponements
    assert postponement.cause == "mine" and act.delivered > act.due_original
    [incident] = [i for i in demo.incidents() if i.order_ref == act.ref]
    assert incident.apologised and incident.fixed and incident.followed_up
    assert incident.feedback_received and incident.closed and incident.lesson
    assert incident.gesture
    assert [e.what for e in act.extras] == ["Résumé en français moderne de l'acte"]
    assert "Étienne Lefèvre" in act.summary and "120 livres tournois" in act.summary
    gifts = [i for i in demo.interactions() if i.kind == "gift received"]
    assert any(g.client_id == henri.id and "timbres" in g.text and g.order_ref == act.ref
               for g in gifts)
    assert later and all(o.received > incident.closed for o in later), "he ordered again"
    assert later[0].price > act.price, "and stayed through a price increase"


def test_work_is_overdue_with_different_lateness(demo):
    lines = deadlines.overdue(demo.orders(), demo.clients_by_id(), demo.profile, TODAY)
    lateness = {line.days_late for line in lines}
    assert len(lines) >= 3 and len(lateness) >= 3


def test_some_work_is_due_soon_and_some_delivered_and_paid(demo):
    soon = deadlines.due_soon(demo.orders(), demo.clients_by_id(), demo.profile, TODAY)
    assert soon
    statuses = {o.status for o in demo.orders()}
    assert {"quote", "in progress", "delivered", "paid", "cancelled"} <= statuses


def test_an_open_recovery_plan_is_half_way(demo):
    [plan] = incidents.open_incidents(demo)
    assert plan.apologised and plan.fixed and plan.client_proposal
    assert plan.followed_up is None
    assert any(f.order_ref == plan.order_ref and f.done is None for f in demo.followups())


def test_a_difficult_client_with_a_written_scope_and_scope_creep(demo):
    [difficult] = [c for c in demo.clients() if c.status == "difficult"]
    assert difficult.status_note
    assert any(len(o.scope) > 200 and "Ne sont pas compris" in o.scope
               for o in orders_of(demo, difficult))
    kinds = [i.kind for i in demo.interactions() if i.client_id == difficult.id]
    assert kinds.count("request") >= 3 and "complaint" in kinds


def test_a_silent_client_never_gave_feedback(demo):
    silent = loyalty.silent_clients(demo.clients(), demo.orders(), demo.interactions())
    names = {client.name for client in silent}
    assert "Jacques Thibault" in names and "Henri Lefèvre" not in names
    thibault = client_named(demo, "Jacques Thibault")
    assert len([o for o in orders_of(demo, thibault) if o.delivered]) == 3


def test_the_journal_holds_lessons_from_incidents_and_from_practice(demo):
    lessons = demo.lessons()
    assert any(lesson.incident_id for lesson in lessons)
    assert any(lesson.incident_id is None for lesson in lessons)


def test_a_loyal_client_of_seven_years_has_an_anniversary_within_a_month(demo):
    roussel = client_named(demo, "Geneviève Roussel")
    history = orders_of(demo, roussel)
    assert len(history) >= 9
    assert (TODAY - history[0].received).days > 6 * 365
    assert [o.price for o in history] == sorted(o.price for o in history)
    found = milestones.milestones(demo.clients(), demo.orders(), TODAY)
    assert any(m.client.id == roussel.id and m.kind == "anniversary" and m.count == 7
               and TODAY <= m.on <= TODAY + timedelta(days=30) for m in found)
    assert any(m.client.id == roussel.id and m.kind == "order-count" and m.count == 10
               for m in found)


def test_a_parted_client_and_an_english_speaking_one(demo):
    assert [c.name for c in demo.clients() if c.status == "parted"] == ["Roland Chevalier"]
    [english] = [c for c in demo.clients() if c.language == "en"]
    assert english.country == "United Kingdom" and english.postcode


def test_follow_ups_are_pending_and_some_are_late(demo):
    pending = relations.pending_followups(demo, TODAY, within=7)
    assert any(f.due < TODAY for f in pending) and any(f.due >= TODAY for f in pending)


def test_the_same_today_gives_the_same_book(tmp_path):
    tables = []
    for name in ("one", "two"):
        with Book(tmp_path / name) as book:
            fill_demo(book, TODAY)
            tables.append(book.files.tables)
    assert tables[0] == tables[1]


@pytest.mark.parametrize("today", [date(2028, 2, 29), date(2027, 1, 1)])
def test_the_demo_is_dated_from_any_today(tmp_path, today):
    with Book(tmp_path / "book") as book:
        fill_demo(book, today)
        lines = deadlines.overdue(book.orders(), book.clients_by_id(), book.profile, today)
        assert lines and all(line.order.due < today for line in lines)
        assert max(o.received for o in book.orders()) <= today
