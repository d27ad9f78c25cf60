"""The record screens (an order, a client, a recovery plan, the charts) are made once, in a quiet
moment, and shown for every record."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import DataTable, Static

from store import clients, incidents, orders
from store.book import Book
from tui.app import CarnetApp
from tui.screens.clients import ClientScreen
from tui.screens.orders import OrderScreen

from .tui_support import TODAY, late_book, prepared, quiet_at_once, settle


@pytest.fixture(autouse=True)
def quick_quiet(monkeypatch):
    quiet_at_once(monkeypatch)


def text(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_each_order_opened_shows_on_the_one_screen_made_in_advance(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        ready = app.ready["order"]
        assert ready not in app.screen_stack
        app.open_order("2026-001")
        await settle(pilot)
        assert app.screen is ready
        assert "Acte de baptême, 1702" in text(app, "#order-head")
        app.screen.query_one("#order-related DataTable", DataTable).move_cursor(row=1)
        await pilot.press("escape")
        await settle(pilot)
        app.open_order("2026-002")
        await settle(pilot)
        assert app.screen is ready
        head = text(app, "#order-head")
        assert "Acte de vente, 1523" in head and "baptême" not in head
        assert "Order 2026-002" in app.screen.sub_title
        assert app.screen.query_one("#order-related DataTable", DataTable).cursor_row == 0


async def test_an_order_gone_from_the_book_is_not_shown_and_says_why(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        app.open_order("2026-099")
        await settle(pilot)
        assert app.current_mode == "dashboard" and len(app.screen_stack) == 1
        assert any("2026-099" in n.message for n in app._notifications)
        app.open_order("2026-003")
        await settle(pilot)
        assert app.screen is app.ready["order"] and "Testament" in text(app, "#order-head")


async def test_an_order_opened_from_an_order_screen_gets_a_screen_of_its_own(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        app.open_order("2026-001")
        await settle(pilot)
        app.open_order("2026-002")
        await settle(pilot)
        assert isinstance(app.screen, OrderScreen) and app.screen is not app.ready["order"]
        assert "Acte de vente" in text(app, "#order-head")
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is app.ready["order"] and "baptême" in text(app, "#order-head")


async def test_each_client_opened_shows_on_the_client_screen_made_in_advance(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        henri, lucie = (c.id for c in app.book.clients() if c.first_name in ("Henri", "Lucie"))
        for client_id, name in ((henri, "Lefèvre"), (lucie, "Perrin")):
            app.open_client(client_id)
            await settle(pilot)
            assert app.screen is app.ready["client"]
            assert isinstance(app.screen, ClientScreen) and name in text(app, "#card")
            await pilot.press("escape")
            await settle(pilot)


async def test_a_change_while_the_ready_order_is_shown_appears_on_it(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        app.open_order("2026-001")
        await settle(pilot)
        app.run_action_safely(lambda: orders.edit_order(app.book, "2026-001",
                                                        title="Acte de baptême, 1703 (copie)"))
        await settle(pilot)
        assert app.screen is app.ready["order"]
        assert "1703 (copie)" in text(app, "#order-head")


async def test_the_ready_screens_are_made_again_in_the_new_language(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        before = app.ready["order"]
        app.switch_language("en")
        await settle(pilot)
        await prepared(pilot)
        assert app.ready["order"] is not before and not before.is_attached
        app.open_order("2026-002")
        await settle(pilot)
        assert app.screen is app.ready["order"] and "Acte de vente" in text(app, "#order-head")


async def test_the_charts_are_read_in_advance_and_shown_at_once(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        charts = app.ready["trends"]
        assert charts.shown_key is None, "read while the user looked at the dashboard"
        app.open_trends()
        assert app.screen is charts, "pushed at once: nothing to wait for"
        await settle(pilot)
        assert "On time by month" in str(charts.query_one("#chart-on-time").render())


async def test_the_same_order_opened_again_unchanged_is_shown_without_reading(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        app.open_order("2026-002")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        app.open_order("2026-002")
        assert app.screen is app.ready["order"], "nothing changed: shown at once"
        await pilot.press("escape")
        await settle(pilot)
        app.run_action_safely(lambda: orders.edit_order(app.book, "2026-002",
                                                        title="Acte de vente, 1524"))
        app.open_order("2026-002")
        assert app.screen is not app.ready["order"], "changed: read before it is shown"
        await settle(pilot)
        assert app.screen is app.ready["order"] and "1524" in text(app, "#order-head")


async def test_each_recovery_plan_opened_shows_on_the_plan_screen_made_in_advance(tmp_path):
    folder = late_book(tmp_path / "book")
    with Book(folder) as book:
        first = incidents.open_incident(book, "2026-001", TODAY - timedelta(days=2),
                                        "Le registre était illisible")
        second = incidents.open_incident(book, "2026-002", TODAY - timedelta(days=1),
                                         "Une page manquait")
    app = CarnetApp(folder, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        for plan, what in ((first, "illisible"), (second, "manquait")):
            app.open_incident(plan.id)
            await settle(pilot)
            assert app.screen is app.ready["plan"] and what in text(app, "#plan-head")
            await pilot.press("escape")
            await settle(pilot)
        app.open_incident(999)
        await settle(pilot)
        assert len(app.screen_stack) == 1, "a plan gone from the book is not shown"


async def test_each_letter_is_composed_afresh_on_the_letter_screen_made_in_advance(tmp_path):
    from textual.widgets import TextArea

    folder = late_book(tmp_path / "book")
    with Book(folder) as book:
        for client in book.clients():
            clients.edit_client(book, client.id, postcode="45000")
    app = CarnetApp(folder, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        assert not app._notifications, "the letter screen made in advance composes nothing"
        ready = app.ready["letter"]
        app.open_letter(kind="apology", ref="2026-001")
        await settle(pilot)
        assert app.screen is ready and "Garnier-Roux" in text(app, "#letter-to")
        body = ready.query_one("#letter-body", TextArea)
        body.text = "Un brouillon que je laisse de côté."
        await pilot.press("escape")
        await settle(pilot)
        app.open_letter(kind="apology", ref="2026-002")
        await settle(pilot)
        assert app.screen is ready and "Lefèvre" in text(app, "#letter-to")
        assert "brouillon" not in body.text and "Acte de vente, 1523" in body.text
        await pilot.press("escape")
        await settle(pilot)
        app.open_letter(kind="apology", ref="2026-001")
        await settle(pilot)
        assert "brouillon" not in body.text, "a letter opened again is composed afresh"
        assert "Garnier-Roux" in text(app, "#letter-to")


async def test_a_late_reading_of_the_previous_order_never_lands_on_the_next_one(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        ready = app.ready["order"]
        ready.point_at("2026-001")
        ready.point_at("2026-002")
        await settle(pilot)
        await pilot.pause(0.2)
        assert app.screen is ready and "Acte de vente, 1523" in text(app, "#order-head")
        assert ready.client_id == app.book.order("2026-002").client_id
