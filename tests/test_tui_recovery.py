"""Story tests of a recovery plan: four steps in order, then the lesson into the journal."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import OptionList, Static

from store import incidents, orders, relations
from store.formats import day
from tui.dialogs import ConfirmDialog, FormDialog
from tui.screens.recovery import RecoveryScreen

from .test_tui_dialogs import TODAY, HarnessApp, book, field  # noqa: F401
from .tui_support import paste, settle


def plan(book):
    return incidents.open_incident(book, "2026-001", TODAY - timedelta(days=5),
                                   "Livré en retard, sans prévenir", "mine")


def step_text(app, index: int) -> str:
    """The words of one step as shown (its cells, in order)."""
    grid = app.screen.query_one("#plan-steps", OptionList).get_option_at_index(index).prompt
    return " ".join(str(cell) for column in grid.columns for cell in column.cells)


async def test_the_steps_are_recorded_in_order_and_closing_asks_for_the_lesson(book):
    incident = plan(book)
    app = HarnessApp(book)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(RecoveryScreen(incident.id))
        await pilot.pause()
        steps = app.screen.query_one("#plan-steps", OptionList)
        assert [steps.get_option_at_index(i).disabled for i in range(5)] == [
            False, True, True, True, True]
        assert "Next: admit the error and apologise" in str(
            app.screen.query_one("#plan-status", Static).render())

        await pilot.press("n")
        assert app.screen.form_title == "Admit the error and apologise"
        await pilot.press("enter")
        await pilot.pause()
        assert "✓ 1" in step_text(app, 0)
        assert day(TODAY) in step_text(app, 0)

        await pilot.press("n")
        await pilot.press("tab")
        await paste(pilot, "Relecture offerte")
        await pilot.press("tab")
        await paste(pilot, "Un résumé gratuit")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Relecture offerte" in step_text(app, 1)
        assert "Un résumé gratuit" in step_text(app, 1)

        await pilot.press("n")
        field(app, "gesture").value = "Remise de 20 %"
        await pilot.press("ctrl+s")
        await pilot.pause()

        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await paste(pilot, "Prévenir dès que le délai glisse")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "asked for feedback" in app.screen.question
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("n", "enter")
        await pilot.pause()
        assert "Next: hear the feedback" in str(
            app.screen.query_one("#plan-status", Static).render())
        await pilot.press("n")
        field(app, "feedback").text = "« Ça ira » — à creuser"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "✓ 4b" in step_text(app, 4)
        await pilot.press("c")
        await paste(pilot, "Prévenir dès que le délai glisse")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RecoveryScreen)
        assert "Lesson: Prévenir" in str(app.screen.query_one("#plan-status", Static).render())

    done = book.get("incidents", incident.id)
    assert (done.apologised, done.fixed, done.followed_up, done.feedback_asked,
            done.feedback_received, done.closed) == (TODAY,) * 6
    assert done.feedback == "« Ça ira » — à creuser"
    assert (done.solution, done.client_proposal, done.gesture) == (
        "Relecture offerte", "Un résumé gratuit", "Remise de 20 %")
    assert [(lesson.text, lesson.incident_id) for lesson in book.lessons()] == [
        ("Prévenir dès que le délai glisse", incident.id)]
    gestures = [i for i in book.interactions() if i.kind == "gesture given"]
    assert [g.text for g in gestures] == ["Remise de 20 %"]


async def test_a_later_step_cannot_be_chosen_before_the_earlier_ones(book):
    incident = plan(book)
    app = HarnessApp(book)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(RecoveryScreen(incident.id))
        await pilot.pause()
        await pilot.press("down", "down", "r")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert app.screen.form_title == "Admit the error and apologise"


async def test_a_step_dated_before_the_plan_opened_is_refused_beside_the_date(book):
    incident = plan(book)
    app = HarnessApp(book)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(RecoveryScreen(incident.id))
        await pilot.press("n")
        field(app, "on").value = "-30"
        await pilot.press("enter")
        await pilot.pause()
        message = str(app.screen.query_one("#message-on", Static).render())
        assert "before the opening date" in message
    assert book.get("incidents", incident.id).apologised is None


async def test_the_apology_letter_is_one_key_away(book):
    incident = plan(book)
    relations.log_interaction(book, 1, "complaint", "Fâché", TODAY, order_ref="2026-001")
    app = HarnessApp(book)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(RecoveryScreen(incident.id))
        await pilot.press("l")
    assert app.opened == [("letter", "apology", "2026-001", 1)]


async def test_the_lesson_lands_in_the_journal_beside_the_monthly_figures(book):
    from store import orders
    from tui.screens.journal import JournalScreen

    orders.deliver(book, "2026-001", TODAY)
    incident = plan(book)
    incidents.close_incident(book, incident.id, TODAY, "Prévenir dès que le délai glisse")
    app = HarnessApp(book)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(JournalScreen())
        await settle(pilot)
        lessons = app.screen.query_one("#journal-lessons", OptionList)
        assert "Prévenir dès que le délai glisse" in str(lessons.get_option_at_index(0).prompt)
        assert "recovery plan on 2026-001" in str(lessons.get_option_at_index(0).prompt)
        figures = app.screen.query_one("#journal-figures")
        november = figures.get_row("2026-11-01")
        assert november[0] == "Nov 2026" and november[1] == "1"
        assert "0%" in str(november[2])
        assert "3.0 d" == november[4]
        await pilot.press("enter")
        assert app.opened == [("incident", incident.id)]

        await pilot.press("a")
        await paste(pilot, "Écrire le périmètre noir sur blanc")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Écrire le périmètre" in str(lessons.get_option_at_index(0).prompt)
    assert [lesson.incident_id for lesson in book.lessons()] == [incident.id, None]


async def test_opening_an_incident_shows_its_plan(book):
    from tui import dialogs

    app = HarnessApp(book)
    async with app.run_test(size=(80, 24)) as pilot:
        await dialogs.open_incident(app, "2026-001")
        await paste(pilot, "Nom propre mal lu")
        await pilot.press("ctrl+s")
        await pilot.pause()
    [incident] = book.incidents()
    assert (incident.what, incident.cause, incident.opened) == ("Nom propre mal lu", "mine", TODAY)
    assert app.opened == [("incident", incident.id)]


def test_snapshot_of_the_demo_recovery_plan_at_80x24(tmp_path, snap_compare):
    """Update after a deliberate change: pytest tests/test_tui_recovery.py --snapshot-update"""
    from tui.app import CarnetApp

    from .tui_support import demo_book, settle

    app = CarnetApp(demo_book(tmp_path / "book"), TODAY)

    async def open_plan(pilot):
        await settle(pilot)
        app.open_incident(incidents.open_incidents(app.book)[0].id)
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_plan)


def test_snapshot_of_the_journal_at_80x24(tmp_path, snap_compare):
    from tui.app import CarnetApp

    from .tui_support import demo_book, settle

    app = CarnetApp(demo_book(tmp_path / "book"), TODAY)

    async def open_journal(pilot):
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_journal)


async def test_the_letter_key_follows_the_plan(book):
    incident = plan(book)
    incidents.record_step(book, incident.id, "apologised", TODAY)
    incidents.record_step(book, incident.id, "fixed", TODAY, solution="Relu")
    app = HarnessApp(book)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(RecoveryScreen(incident.id))
        await pilot.press("l")
        incidents.record_step(book, incident.id, "followed_up", TODAY)
        app.refresh_data()
        await pilot.pause()
        await pilot.press("l")
        assert "Next: ask for feedback, actively (n)." in str(
            app.screen.query_one("#plan-status", Static).render())
        orders.deliver(book, incident.order_ref, TODAY)
        app.refresh_data()
        await pilot.pause()
        assert "or write a feedback request (l)" in str(
            app.screen.query_one("#plan-status", Static).render())
        await pilot.press("l")
    assert [kind for _, kind, _, _ in app.opened] == ["follow-up", "follow-up", "feedback"]
