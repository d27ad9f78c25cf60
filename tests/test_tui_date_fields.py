"""Date and amount fields: empty with the suggested day as placeholder, a preview as you type."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from store import clients, orders
from store.book import Book
from store.i18n import use_language
from tui import dialogs
from tui.dialogs import FormDialog

from .test_tui_dialogs import HarnessApp

TODAY = date(2026, 11, 23)
"""A Monday: the next Friday is 27 Nov, the last one 20 Nov."""


@pytest.fixture
def book(tmp_path: Path):
    book = Book(tmp_path / "book")
    henri = clients.add_client(book, TODAY, first_name="Henri", last_name="Lefèvre")
    orders.add_order(book, TODAY - timedelta(days=30), henri.id, "Acte de vente de 1523",
                     TODAY - timedelta(days=3), price="1250.50")
    yield book
    book.close()


def widget(app, name: str) -> Input:
    return app.screen.query_one(f"#field-{name}", Input)


def preview(app, name: str) -> str:
    return str(app.screen.query_one(f"#message-{name}", Static).render())


async def test_the_postpone_date_starts_empty_and_previews_the_day_typed(book):
    app = HarnessApp(book)
    async with app.run_test(size=(80, 24)) as pilot:
        await dialogs.postpone_order(app, "2026-001")
        await pilot.pause()
        assert widget(app, "new_date").value == ""
        assert widget(app, "new_date").placeholder == "20/12, 20 Dec, Friday, +7, tomorrow"
        assert preview(app, "new_date") == ""
        await pilot.press(*"vendredi")
        await pilot.pause()
        assert preview(app, "new_date") == "→ Friday 27 Nov 2026"


async def test_in_french_the_placeholder_and_the_preview_are_french(book):
    use_language("fr")
    app = HarnessApp(book)
    async with app.run_test(size=(80, 24)) as pilot:
        await dialogs.postpone_order(app, "2026-001")
        await pilot.pause()
        assert widget(app, "new_date").placeholder == "20/12, 20 déc., vendredi, +7, demain"
        await pilot.press(*"vendredi")
        await pilot.pause()
        assert preview(app, "new_date") == "→ vendredi 27 nov. 2026"
        widget(app, "new_date").value = "bientôt"
        await pilot.pause()
        assert "n’est pas une date" in preview(app, "new_date")


async def test_a_new_order_left_as_suggested_is_received_today_and_due_in_two_weeks(book):
    app = HarnessApp(book)
    async with app.run_test(size=(80, 24)) as pilot:
        await dialogs.new_order(app, 1)
        await pilot.pause()
        assert (widget(app, "received").value, widget(app, "due").value) == ("", "")
        assert widget(app, "received").placeholder == "today"
        assert widget(app, "due").placeholder == "+14 days"
        assert preview(app, "due") == "→ Monday 7 Dec 2026"
        widget(app, "title").value = "Testament"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)
    taken = book.order("2026-002")
    assert (taken.received, taken.due) == (TODAY, TODAY + timedelta(days=14))


async def test_a_weekday_for_a_delivery_is_the_last_one(book):
    app = HarnessApp(book)
    async with app.run_test(size=(80, 24)) as pilot:
        await dialogs.deliver(app, "2026-001")
        await pilot.pause()
        assert widget(app, "on").placeholder == "today"
        await pilot.press(*"friday")
        await pilot.pause()
        assert preview(app, "on") == "→ Friday 20 Nov 2026"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert book.order("2026-001").delivered == date(2026, 11, 20)


async def test_a_price_is_shown_as_typed_in_french_and_saved_back_unchanged(book):
    use_language("fr")
    app = HarnessApp(book)
    async with app.run_test(size=(80, 24)) as pilot:
        await dialogs.edit_order(app, "2026-001")
        await pilot.pause()
        assert widget(app, "price").value == "1\u202f250,50"
        assert preview(app, "price") == "→ 1\u202f250,50\u00a0€"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)
    assert book.order("2026-001").price == Decimal("1250.50")
