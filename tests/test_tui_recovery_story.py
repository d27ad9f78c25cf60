"""DOMAIN.md §1 and §3 played from the TUI alone, each step once: a missed deadline, the
apology with a firm new date, the plan, the fix, the follow-up, the feedback, the lesson.

At each point the screens and the store's dashboard (what `dashboard --json` prints) agree.
"""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Input, Static

from store import clients
from store.book import Book
from store.dashboard import dashboard
from store.formats import day
from store.incidents import latest_plan
from store.recovery import next_step
from store.relations import open_followups
from tui.app import CarnetApp
from tui.screens.dashboard import DashboardScreen
from tui.screens.orders import OrderScreen
from tui.screens.recovery import RecoveryScreen

from .tui_support import TODAY, late_book, section_ids, settle

LATE = "2026-002"
"""Henri's act of 1523, ten days late in `late_book`."""


def field(app, name: str):
    return app.screen.query_one(f"#field-{name}")


def board(app):
    return dashboard(app.book, TODAY)


def plan(app):
    return latest_plan(app.book, LATE)


async def save_form(pilot) -> None:
    await pilot.press("ctrl+s")
    await settle(pilot)


async def file_letter(pilot, kind: str) -> None:
    """On the letter screen the situation called for: check its kind, make the PDF, go back."""
    app = pilot.app
    await settle(pilot)
    assert type(app.screen).__name__ == "LetterScreen" and app.screen.kind == kind
    await pilot.press("ctrl+g")
    await settle(pilot)
    assert "Saved" in str(app.screen.query_one("#letter-status", Static).render())
    await pilot.press("escape")
    await settle(pilot)


def henri_at_home(folder):
    """`late_book`, Henri with the postal address a letter needs."""
    with Book(folder) as book:
        clients.edit_client(book, 1, address_lines=["3, place du Martroi"], postcode="45000")
    return folder


async def test_from_a_missed_deadline_to_regained_trust_in_the_tui(tmp_path):
    app = CarnetApp(henri_at_home(late_book(tmp_path / "book")), TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert section_ids(app, "Overdue")[0] == f"order:{LATE}"
        assert [line.order.ref for line in board(app).overdue][0] == LATE

        # The apology: the overdue line's letter, with a firm new date that postpones the order.
        await pilot.press("enter", "l")
        await settle(pilot)
        new_date = app.screen.query_one("#field-new_date", Input).value
        assert new_date == day(TODAY + timedelta(days=14))
        await file_letter(pilot, "apology")
        order = app.book.order(LATE)
        assert day(order.due) == new_date and order.postponements[-1].cause == "mine"
        assert isinstance(app.screen, OrderScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert f"order:{LATE}" not in section_ids(app, "Overdue")
        assert LATE not in [line.order.ref for line in board(app).overdue]

        # The plan, opened after the apology, starts with it done.
        await pilot.press("3")
        await settle(pilot)
        app.open_order(LATE)
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        field(app, "what").text = "Livré en retard, sans prévenir le client"
        await save_form(pilot)
        assert isinstance(app.screen, RecoveryScreen)
        assert plan(app).apologised == TODAY and next_step(plan(app)) == "fix"
        assert [line.next_step for line in board(app).incidents] == ["fix"]

        # The fix.
        await pilot.press("n")
        await settle(pilot)
        field(app, "solution").text = "Transcription livrée, avec un glossaire offert"
        await save_form(pilot)
        assert next_step(plan(app)) == "follow up"

        # Delivery, from the plan's order.
        await pilot.press("o", "d")
        await settle(pilot)
        await save_form(pilot)
        assert app.book.order(LATE).status == "delivered"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, RecoveryScreen)

        # The follow-up letter records the follow-up; the feedback request asks for feedback.
        await pilot.press("l")
        await file_letter(pilot, "follow-up")
        assert plan(app).followed_up == TODAY and next_step(plan(app)) == "ask for feedback"
        await pilot.press("l")
        await file_letter(pilot, "feedback")
        assert next_step(plan(app)) == "hear feedback"
        assert [f.purpose for f in open_followups(app.book, TODAY) if f.order_ref == LATE] == [
            "hear feedback"]

        # Henri's answer, logged on the order, is the feedback heard.
        await pilot.press("o", "c")
        await settle(pilot)
        field(app, "kind").value = "feedback"
        field(app, "text").text = "« Vous avez reconnu le retard sans détour. Je reviendrai. »"
        await save_form(pilot)
        assert plan(app).feedback_received == TODAY and next_step(plan(app)) == "close"
        assert [f for f in open_followups(app.book, TODAY) if f.order_ref == LATE] == []
        await pilot.press("escape")
        await settle(pilot)

        # The lesson closes the plan; the dashboard has nothing left about it.
        await pilot.press("c")
        await settle(pilot)
        field(app, "lesson").text = "Prévenir dès qu'une échéance est menacée, jamais après"
        await save_form(pilot)
        assert plan(app).closed == TODAY and next_step(plan(app)) is None
        await pilot.press("1")
        await settle(pilot)
        assert section_ids(app, "Recovery plans") == [] and board(app).incidents == []
        assert [line.followup.order_ref for line in board(app).followups] == []
        assert [lesson.text for lesson in app.book.lessons()] == [
            "Prévenir dès qu'une échéance est menacée, jamais après"]


async def test_an_order_with_an_open_plan_shows_it_instead_of_a_second_one(tmp_path):
    from store import incidents
    folder = late_book(tmp_path / "book")
    with Book(folder) as book:
        opened = incidents.open_incident(book, LATE, TODAY, "Livré en retard")
    app = CarnetApp(folder, TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        app.open_order(LATE)
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, RecoveryScreen) and app.screen.incident_id == opened.id
