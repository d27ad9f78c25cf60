"""The order screen's own actions: an extra asked for later, moving the status on, payment."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from textual.widgets import Static

from store import orders
from tui.app import CarnetApp

from .tui_support import TODAY, late_book, paste, settle


def _text(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_an_extra_asked_for_later_shows_in_the_agreed_scope(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        app.open_order("2026-002")
        await settle(pilot)
        await pilot.press("plus")
        await paste(pilot, "Résumé en français moderne")
        await pilot.press("tab", *"35", "ctrl+s")
        await settle(pilot)
        assert "Résumé en français moderne (€35)" in _text(app, "#order-scope")
        assert app.book.order("2026-002").extras[0].price == Decimal("35")


async def test_an_extra_without_words_is_refused_beside_the_field(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        app.open_order("2026-002")
        await settle(pilot)
        await pilot.press("plus", "ctrl+s")
        await settle(pilot)
        message = str(app.screen.query_one("#message-what", Static).render())
        assert "empty" in message
        assert app.book.order("2026-002").extras == []


async def test_status_moves_on_then_delivery_then_payment(tmp_path):
    folder = late_book(tmp_path / "book")
    app = CarnetApp(folder, TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        app.open_order("2026-003")
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert app.book.order("2026-003").status == "in progress"
        await pilot.press("dollar_sign")
        await settle(pilot)
        assert app.book.order("2026-003").status == "in progress"
        orders.deliver(app.book, "2026-003", TODAY - timedelta(days=1))
        app.refresh_data()
        await settle(pilot)
        await pilot.press("dollar_sign")
        await settle(pilot)
        assert app.book.order("2026-003").paid == TODAY
        assert "paid" in _text(app, "#order-head")
