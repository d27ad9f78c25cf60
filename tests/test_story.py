"""The recovery story moves by itself: letters and feedback tick the plan and its follow-ups."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from store import clients, incidents, orders, relations
from store.book import Book
from store.dashboard import dashboard
from store.errors import ValidationError
from store.models import Profile
from store.recovery import next_step

TODAY = date(2026, 11, 23)


@pytest.fixture
def book(tmp_path):
    with Book(tmp_path / "book") as opened:
        opened.set_profile(Profile(name="Claire Vasseur", language="fr"))
        yield opened


@pytest.fixture
def henri(book):
    return clients.add_client(book, TODAY, first_name="Henri", last_name="Lefèvre", city="Orléans")


@pytest.fixture
def late_act(book, henri):
    return orders.add_order(book, TODAY, henri.id, "Acte de vente, 1523", TODAY - timedelta(days=8),
                            received=TODAY - timedelta(days=60))


def file(book, order, kind, on=TODAY):
    """File a letter record as the letter commands do (the PDF is another test's business)."""
    return relations.record_letter(book, order.client_id, kind, "fr", on,
                                   f"letters/x/{kind}.pdf", "0" * 64, order.ref)


def plan(book, ref):
    return incidents.plan_of(book, ref)


def test_an_apology_letter_on_an_open_plan_records_the_apology(book, late_act):
    incidents.open_incident(book, late_act.ref, TODAY, "Livré en retard")
    file(book, late_act, "apology")
    assert plan(book, late_act.ref).apologised == TODAY
    assert next_step(plan(book, late_act.ref)) == "fix"


def test_a_plan_opened_after_the_apology_starts_with_it_done(book, late_act):
    file(book, late_act, "apology", TODAY - timedelta(days=2))
    opened = incidents.open_incident(book, late_act.ref, TODAY, "Livré en retard")
    assert opened.apologised == TODAY - timedelta(days=2)
    assert next_step(opened) == "fix"


def test_a_follow_up_letter_counts_only_once_the_problem_is_fixed(book, late_act):
    incident = incidents.open_incident(book, late_act.ref, TODAY, "Nom mal lu")
    file(book, late_act, "apology")
    file(book, late_act, "follow-up")
    assert plan(book, late_act.ref).followed_up is None
    incidents.record_step(book, incident.id, "fixed", TODAY, solution="Nom corrigé")
    file(book, late_act, "follow-up")
    assert plan(book, late_act.ref).followed_up == TODAY
    assert next_step(plan(book, late_act.ref)) == "ask for feedback"


def test_the_feedback_request_asks_and_schedules_hearing_back(book, late_act):
    orders.deliver(book, late_act.ref, TODAY)
    [ask] = [f for f in book.followups() if f.purpose == "ask feedback"]
    incident = incidents.open_incident(book, late_act.ref, TODAY, "Livré en retard")
    for step in ("apologised", "fixed", "followed_up"):
        incidents.record_step(book, incident.id, step, TODAY)
    file(book, late_act, "feedback", TODAY + timedelta(days=1))
    assert plan(book, late_act.ref).feedback_asked == TODAY + timedelta(days=1)
    assert book.get("followups", ask.id).done == TODAY + timedelta(days=1)
    [hear] = [f for f in book.followups() if f.purpose == "hear feedback" and f.done is None]
    assert hear.order_ref == late_act.ref and hear.due == TODAY + timedelta(days=15)
    assert next_step(plan(book, late_act.ref)) == "hear feedback"


def test_feedback_heard_closes_the_step_and_every_feedback_follow_up(book, late_act):
    orders.deliver(book, late_act.ref, TODAY)
    incident = incidents.open_incident(book, late_act.ref, TODAY, "Livré en retard")
    for step in ("apologised", "fixed", "followed_up"):
        incidents.record_step(book, incident.id, step, TODAY)
    relations.log_interaction(book, late_act.client_id, "feedback", "« Très bien, merci »",
                              TODAY + timedelta(days=3), order_ref=late_act.ref)
    heard = plan(book, late_act.ref)
    assert heard.feedback_asked == heard.feedback_received == TODAY + timedelta(days=3)
    assert heard.feedback == "« Très bien, merci »"
    assert next_step(heard) == "close"
    assert [f for f in book.followups() if f.done is None] == []


def test_feedback_heard_recorded_on_the_plan_is_the_clients_feedback_too(book, late_act):
    from store.plan_steps import record_plan_step
    orders.deliver(book, late_act.ref, TODAY)
    incident = incidents.open_incident(book, late_act.ref, TODAY, "Livré en retard")
    for step in ("apologised", "fixed", "followed_up", "feedback_asked"):
        incidents.record_step(book, incident.id, step, TODAY)
    later = TODAY + timedelta(days=4)
    record_plan_step(book, late_act.ref, "feedback_received", later, "Satisfait du rattrapage")
    assert next_step(plan(book, late_act.ref)) == "close"
    [heard] = [i for i in book.interactions() if i.kind == "feedback"]
    assert (heard.text, heard.order_ref, heard.when.date()) == (
        "Satisfait du rattrapage", late_act.ref, later)
    assert [f for f in book.followups() if f.done is None] == []


def test_feedback_on_an_order_without_a_plan_closes_its_ask_for_feedback(book, late_act):
    orders.deliver(book, late_act.ref, TODAY)
    relations.log_interaction(book, late_act.client_id, "feedback", "Parfait",
                              TODAY + timedelta(days=9), order_ref=late_act.ref)
    assert relations.open_followups(book, TODAY) == []


def test_undoing_the_letter_puts_the_plan_back_exactly(book, late_act):
    incidents.open_incident(book, late_act.ref, TODAY, "Livré en retard")
    before = plan(book, late_act.ref)
    file(book, late_act, "apology")
    assert book.undo() == f"apology letter about {late_act.ref}"
    assert plan(book, late_act.ref) == before
    assert book.letters() == [] and next_step(plan(book, late_act.ref)) == "apologise"


def test_undoing_the_heard_feedback_leaves_it_the_next_step(book, late_act):
    incident = incidents.open_incident(book, late_act.ref, TODAY, "Livré en retard")
    for step in ("apologised", "fixed", "followed_up", "feedback_asked"):
        incidents.record_step(book, incident.id, step, TODAY)
    incidents.record_step(book, incident.id, "feedback_received", TODAY, feedback="bof")
    book.undo()
    assert next_step(plan(book, late_act.ref)) == "hear feedback"


def test_steps_are_recorded_in_order(book, late_act):
    incident = incidents.open_incident(book, late_act.ref, TODAY, "Livré en retard")
    with pytest.raises(ValidationError, match="comes after apologised"):
        incidents.record_step(book, incident.id, "fixed", TODAY)


def test_a_second_open_plan_on_one_order_is_refused(book, late_act):
    incidents.open_incident(book, late_act.ref, TODAY, "Livré en retard")
    with pytest.raises(ValidationError, match="already has an open recovery plan"):
        incidents.open_incident(book, late_act.ref, TODAY, "Encore")


def test_a_promised_call_back_reaches_the_dashboard_on_its_day(book, henri):
    relations.log_interaction(book, henri.id, "call-back promised", "Rappeler lundi", TODAY,
                              "phone", "out", due=TODAY + timedelta(days=3))
    assert dashboard(book, TODAY).followups == []
    [line] = dashboard(book, TODAY + timedelta(days=5)).followups
    assert line.followup.what == "Rappeler lundi" and line.days_late == 2


def test_a_promised_call_back_without_its_day_is_refused_and_nothing_is_logged(book, henri):
    with pytest.raises(ValidationError, match="needs the day it is due"):
        relations.log_interaction(book, henri.id, "call-back promised", "Rappeler", TODAY)
    assert book.interactions() == [] and book.followups() == []


def test_follow_ups_by_hand_are_edited_done_and_deleted(book, henri):
    added = relations.add_followup(book, henri.id, TODAY - timedelta(days=1), "Le rappeler")
    relations.edit_followup(book, added.id, what="Le rappeler lundi", due=TODAY + timedelta(days=6))
    assert relations.open_followups(book, TODAY)[0].what == "Le rappeler lundi"
    relations.complete_followup(book, added.id, TODAY)
    assert relations.open_followups(book, TODAY) == []
    relations.delete_followup(book, added.id)
    assert book.followups() == []
    book.undo()
    assert book.get("followups", added.id).done == TODAY


def test_open_follow_ups_come_most_late_first(book, henri):
    relations.add_followup(book, henri.id, TODAY + timedelta(days=4), "Plus tard")
    relations.add_followup(book, henri.id, TODAY - timedelta(days=4), "En retard")
    relations.add_followup(book, henri.id, TODAY, "Aujourd'hui")
    assert [f.what for f in relations.open_followups(book, TODAY)] == [
        "En retard", "Aujourd'hui", "Plus tard"]


def test_undo_names_the_change_and_redo_brings_it_back(book, late_act):
    orders.postpone(book, late_act.ref, date(2026, 12, 20), "sources illisibles", "mine", TODAY)
    assert book.undo_label == f"postpone {late_act.ref} to 20 Dec 2026"
    book.undo()
    assert book.order(late_act.ref).due == TODAY - timedelta(days=8)
    assert book.redo_label == f"postpone {late_act.ref} to 20 Dec 2026"
    assert book.redo() == f"postpone {late_act.ref} to 20 Dec 2026"
    assert book.order(late_act.ref).due == date(2026, 12, 20)
    assert book.redo() is None


def test_a_new_change_after_undo_forgets_the_redo(book, late_act, henri):
    orders.postpone(book, late_act.ref, date(2026, 12, 20), "sources", "mine", TODAY)
    book.undo()
    relations.add_followup(book, henri.id, TODAY, "Appeler")
    assert book.redo_label is None


def test_undo_stays_within_the_session(tmp_path):
    with Book(tmp_path / "b") as first:
        clients.add_client(first, TODAY, last_name="Durand")
    with Book(tmp_path / "b") as reopened:
        assert reopened.undo_label is None and reopened.undo() is None
        assert [c.name for c in reopened.clients()] == ["Durand"]


def test_an_interaction_is_corrected_then_deleted(book, henri):
    logged = relations.log_interaction(book, henri.id, "note", "Apel", TODAY)
    relations.edit_interaction(book, logged.id, text="Appel", kind="request")
    assert (book.get("interactions", logged.id).text,
            book.get("interactions", logged.id).kind) == ("Appel", "request")
    with pytest.raises(ValidationError):
        relations.edit_interaction(book, logged.id, kind="shout")
    relations.delete_interaction(book, logged.id)
    assert book.interactions() == []


def test_only_a_client_without_orders_can_be_deleted(book, henri, late_act):
    stray = clients.add_client(book, TODAY, last_name="Doublon")
    relations.log_interaction(book, stray.id, "note", "saisi deux fois", TODAY)
    clients.delete_client(book, stray.id)
    assert [c.id for c in book.clients()] == [henri.id]
    assert all(i.client_id != stray.id for i in book.interactions())
    with pytest.raises(ValidationError, match="has orders: mark the client parted"):
        clients.delete_client(book, henri.id)


def test_only_a_quote_can_be_deleted(book, henri, late_act):
    quote = orders.add_order(book, TODAY, henri.id, "Devis : terrier", TODAY + timedelta(days=30),
                             status="quote")
    relations.log_interaction(book, henri.id, "request", "devis demandé", TODAY,
                              order_ref=quote.ref)
    orders.delete_order(book, quote.ref)
    assert [o.ref for o in book.orders()] == [late_act.ref]
    assert book.interactions()[0].order_ref is None
    with pytest.raises(ValidationError, match="not a quote: cancel it"):
        orders.delete_order(book, late_act.ref)


def test_a_follow_up_then_a_feedback_request_leave_one_follow_up_to_hear_back(book, late_act):
    orders.deliver(book, late_act.ref, TODAY)
    file(book, late_act, "follow-up")
    file(book, late_act, "feedback", TODAY + timedelta(days=3))
    [hear] = relations.open_followups(book, TODAY)
    assert (hear.purpose, hear.due) == ("hear feedback", TODAY + timedelta(days=17))


def test_the_letter_a_situation_calls_for(book, henri, late_act):
    from store.letter_choice import letter_for_client, letter_for_followup, letter_for_order
    assert letter_for_order(late_act, None, TODAY) == "apology"
    assert letter_for_client(henri.id, book.orders()) == "thanks"
    incident = incidents.open_incident(book, late_act.ref, TODAY, "Nom mal lu")
    for step in ("apologised", "fixed"):
        incident = incidents.record_step(book, incident.id, step, TODAY)
    assert letter_for_order(late_act, incident, TODAY) == "follow-up"
    delivered = orders.deliver(book, late_act.ref, TODAY)
    assert letter_for_order(delivered, None, TODAY) == "follow-up"
    assert letter_for_client(henri.id, book.orders()) == "feedback"
    [ask] = [f for f in book.followups() if f.purpose == "ask feedback"]
    assert letter_for_followup(ask) == "feedback"
    promise = relations.add_followup(book, henri.id, TODAY, "Rappeler")
    assert letter_for_followup(promise) == "follow-up"


def test_the_plan_names_a_letter_only_for_a_step_a_letter_records(book, late_act):
    from store.recovery import letter_for, step_letter
    incident = incidents.open_incident(book, late_act.ref, TODAY, "Nom mal lu")
    assert step_letter(incident, late_act) == "apology"
    incident = incidents.record_step(book, incident.id, "apologised", TODAY)
    assert step_letter(incident, late_act) is None, "no letter fixes the problem"
    incident = incidents.record_step(book, incident.id, "fixed", TODAY)
    assert step_letter(incident, late_act) == "follow-up"
    incident = incidents.record_step(book, incident.id, "followed_up", TODAY)
    assert (letter_for(incident, late_act), step_letter(incident, late_act)) == ("follow-up", None)
    delivered = orders.deliver(book, late_act.ref, TODAY)
    assert step_letter(incident, delivered) == "feedback"


def test_a_long_follow_up_is_named_in_the_undo_question_cut_at_a_word(book, henri):
    relations.add_followup(book, henri.id, TODAY, "Rappeler Mme Garnier-Roux au sujet des "
                           "registres de 1681 à 1690, hors périmètre")
    assert book.undo_label == "new follow-up: Rappeler Mme Garnier-Roux au sujet des…"
