"""What a freelancer does in the book, and what the book refuses."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from store import clients, incidents, orders, relations
from store.book import Book
from store.dates import parse_date
from store.errors import NotFound, ValidationError

TODAY = date(2026, 11, 23)


@pytest.fixture
def book(tmp_path):
    with Book(tmp_path / "book") as opened:
        yield opened


@pytest.fixture
def henri(book):
    return clients.add_client(book, TODAY, civility="M.", first_name="Henri",
                              last_name="Lefèvre", postcode="45000", city="Orléans")


def _order(book, client, **fields):
    fields.setdefault("due", TODAY + timedelta(days=14))
    return orders.add_order(book, TODAY, client.id, fields.pop("title", "Acte de vente, 1523"),
                            **fields)


def test_references_follow_the_year_of_reception(book, henri):
    first = _order(book, henri)
    second = _order(book, henri)
    older = _order(book, henri, received=date(2025, 3, 1), due=date(2025, 4, 1))
    assert (first.ref, second.ref, older.ref) == ("2026-001", "2026-002", "2025-001")


def test_postponing_keeps_the_history_with_reason_and_cause(book, henri):
    order = _order(book, henri)
    moved = orders.postpone(book, order.ref, date(2026, 12, 20), "archives fermées", "other", TODAY)
    assert moved.due == date(2026, 12, 20)
    assert moved.due_original == order.due
    [step] = moved.postponements
    assert (step.from_date, step.to_date, step.reason, step.cause) == (
        order.due, date(2026, 12, 20), "archives fermées", "other")


def test_delivery_schedules_a_feedback_follow_up_a_week_later(book, henri):
    order = _order(book, henri)
    orders.deliver(book, order.ref, TODAY)
    [followup] = relations.pending_followups(book, TODAY, within=7)
    assert followup.due == TODAY + timedelta(days=7) and order.ref in followup.what
    assert book.order(order.ref).status == "delivered"


def test_pause_and_resume_while_waiting_on_the_client(book, henri):
    order = _order(book, henri)
    orders.pause(book, order.ref, TODAY, "attente des photos")
    assert book.order(order.ref).paused
    with pytest.raises(ValidationError, match="already paused"):
        orders.pause(book, order.ref, TODAY)
    orders.resume(book, order.ref, TODAY + timedelta(days=4))
    assert book.order(order.ref).pauses[0].end == TODAY + timedelta(days=4)


@pytest.mark.parametrize("fields, field_named", [
    ({"due": TODAY - timedelta(days=1)}, "due date"),
    ({"price": "-5"}, "price"),
    ({"price": "beaucoup"}, "price"),
    ({"title": "   "}, "title"),
    ({"status": "lost"}, "status"),
])
def test_bad_order_input_is_refused_naming_the_field(book, henri, fields, field_named):
    with pytest.raises(ValidationError) as refused:
        _order(book, henri, **fields)
    assert refused.value.field == field_named
    assert book.orders() == []


def test_an_unknown_client_or_reference_is_reported(book):
    with pytest.raises(NotFound, match="no client with id 42"):
        orders.add_order(book, TODAY, 42, "Registre", due=TODAY)
    with pytest.raises(NotFound, match="2026-999"):
        orders.postpone(book, "2026-999", TODAY, "x", "mine", TODAY)


def test_a_client_needs_a_name_and_a_known_language(book):
    with pytest.raises(ValidationError, match="name"):
        clients.add_client(book, TODAY, first_name=" ")
    with pytest.raises(ValidationError) as refused:
        clients.add_client(book, TODAY, last_name="Smith", language="de")
    assert refused.value.field == "language"


def test_control_characters_are_refused_not_stored(book):
    with pytest.raises(ValidationError, match="U\\+0000"):
        clients.add_client(book, TODAY, last_name="Nul\x00")
    assert book.clients() == []


def test_marking_a_client_difficult_then_parted_keeps_the_history(book, henri):
    order = _order(book, henri)
    clients.mark_client(book, henri.id, "difficult", "demande sans cesse des ajouts")
    assert book.client(henri.id).status_note == "demande sans cesse des ajouts"
    clients.mark_client(book, henri.id, "parted")
    assert book.client(henri.id).status == "parted"
    assert book.order(order.ref).client_id == henri.id


def test_gift_received_is_on_the_timeline(book, henri):
    order = _order(book, henri)
    relations.record_gift(book, henri.id, "un carnet de timbres", TODAY, order.ref)
    kinds = [(kind, getattr(record, "kind", None)) for _, kind, record in
             relations.timeline(book, henri.id)]
    assert ("interaction", "gift received") in kinds and ("order", None) in kinds


def test_an_interaction_cannot_point_at_another_clients_order(book, henri):
    other = clients.add_client(book, TODAY, last_name="Autre")
    order = _order(book, other)
    with pytest.raises(ValidationError, match="another client"):
        relations.log_interaction(book, henri.id, "note", "x", TODAY, order_ref=order.ref)


def test_satisfaction_is_between_one_and_five(book, henri):
    with pytest.raises(ValidationError, match="between 1 and 5"):
        relations.log_interaction(book, henri.id, "feedback", "bien", TODAY, satisfaction=6)


def test_recovery_plan_steps_are_taken_in_order_and_closed_with_a_lesson(book, henri):
    order = _order(book, henri)
    plan = incidents.open_incident(book, order.ref, TODAY, "livraison en retard de dix jours")
    with pytest.raises(ValidationError, match="after apologised"):
        incidents.record_step(book, plan.id, "fixed", TODAY)
    incidents.record_step(book, plan.id, "apologised", TODAY)
    incidents.record_step(book, plan.id, "fixed", TODAY, solution="livré", client_proposal="remise")
    relations.record_gesture(book, henri.id, "résumé offert", TODAY, order.ref, plan.id)
    assert book.get("incidents", plan.id).gesture == "résumé offert"
    closed = incidents.close_incident(book, plan.id, TODAY, "prévenir dès le premier doute")
    assert not closed.is_open
    assert [lesson.text for lesson in book.lessons()] == ["prévenir dès le premier doute"]
    with pytest.raises(ValidationError, match="closed"):
        incidents.record_step(book, plan.id, "followed_up", TODAY)


def test_closing_without_a_lesson_is_refused(book, henri):
    plan = incidents.open_incident(book, _order(book, henri).ref, TODAY, "erreur de lecture")
    with pytest.raises(ValidationError) as refused:
        incidents.close_incident(book, plan.id, TODAY, "  ")
    assert refused.value.field == "lesson" and book.get("incidents", plan.id).is_open


def test_undo_reverts_a_mistaken_edit_durably(tmp_path):
    with Book(tmp_path / "book") as book:
        client = clients.add_client(book, TODAY, last_name="Lefèvre")
        clients.edit_client(book, client.id, last_name="Lefebvre")
        assert book.undo() == "edit client Lefebvre"
        assert book.client(client.id).last_name == "Lefèvre"
    with Book(tmp_path / "book", read_only=True) as reopened:
        assert reopened.client(client.id).last_name == "Lefèvre"


def test_undo_of_a_delivery_removes_its_follow_up_too(book, henri):
    order = _order(book, henri)
    orders.deliver(book, order.ref, TODAY)
    assert book.undo() == f"deliver {order.ref}"
    assert book.order(order.ref).status == "accepted" and book.followups() == []


def test_a_failed_operation_leaves_nothing_half_done(book, henri):
    order = _order(book, henri)
    with pytest.raises(ValidationError):
        with book.transaction("two things"):
            relations.log_interaction(book, henri.id, "note", "first", TODAY)
            orders.postpone(book, order.ref, TODAY + timedelta(days=30), "", "mine", TODAY)
    assert book.interactions() == []


@pytest.mark.parametrize("typed, expected", [
    ("2026-12-01", date(2026, 12, 1)), ("1/12/2026", date(2026, 12, 1)),
    ("1/12", date(2026, 12, 1)), ("+7", date(2026, 11, 30)), ("+2w", date(2026, 12, 7)),
    ("demain", date(2026, 11, 24)), ("Tomorrow", date(2026, 11, 24)), ("hier", date(2026, 11, 22)),
    (" aujourd'hui ", TODAY),
])
def test_dates_can_be_typed_naturally(typed, expected):
    assert parse_date(typed, TODAY) == expected


@pytest.mark.parametrize("typed", ["", "31/02/2026", "next week", "2026-13-01", "+"])
def test_a_date_that_cannot_be_read_names_the_field(typed):
    with pytest.raises(ValidationError) as refused:
        parse_date(typed, TODAY, "due date")
    assert refused.value.field == "due date"


def test_interactions_keep_their_time(book, henri):
    moment = datetime(2026, 11, 23, 14, 30)
    relations.log_interaction(book, henri.id, "note", "rappeler", moment, "phone")
    assert book.interactions()[0].when == moment
