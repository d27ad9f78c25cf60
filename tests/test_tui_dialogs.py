"""Story tests of the modal forms: the store validates, messages sit beside the fields."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Input, Static

from store import clients, orders
from store.book import Book
from tui import dialogs
from tui.dialogs import ConfirmDialog, FormDialog

TODAY = date(2026, 11, 23)


class HarnessApp(App):
    """The smallest app the dialogs need: a book, a today, and a refresh counter."""

    def __init__(self, book: Book, today: date = TODAY) -> None:
        super().__init__()
        self.book = book
        self.today = today
        self.refreshed = 0
        self.notices: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static("harness")

    def refresh_data(self) -> None:
        self.refreshed += 1

    def notify(self, message: str, **kwargs) -> None:
        self.notices.append(message)
        super().notify(message, **kwargs)


@pytest.fixture
def book(tmp_path: Path):
    book = Book(tmp_path / "book")
    henri = clients.add_client(book, TODAY, civility="M.", first_name="Henri",
                               last_name="Lefèvre", channel="letter", city="Orléans")
    orders.add_order(book, TODAY - timedelta(days=30), henri.id, "Acte de vente de 1523",
                     TODAY - timedelta(days=3))
    yield book
    book.close()


async def type_text(pilot, text: str) -> None:
    """Type like a person, one key at a time."""
    await pilot.press(*text)


def message_beside(app: App, name: str) -> str:
    return str(app.screen.query_one(f"#message-{name}", Static).render())


def field(app: App, name: str):
    return app.screen.query_one(f"#field-{name}")


class TestPostpone:
    async def test_a_malformed_date_is_refused_beside_the_field_and_kept(self, book):
        app = HarnessApp(book)
        async with app.run_test(size=(80, 24)) as pilot:
            await dialogs.postpone_order(app, "2026-001")
            await type_text(pilot, "lundi prochain")
            await pilot.press("tab")
            await type_text(pilot, "illness")
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, FormDialog)
            assert "lundi prochain" in message_beside(app, "new_date")
            assert "2026-12-01" in message_beside(app, "new_date")
            assert field(app, "new_date").value == "lundi prochain"
            assert field(app, "reason").value == "illness"
            assert app.focused is field(app, "new_date")
        assert book.order("2026-001").postponements == []

    async def test_a_valid_date_moves_the_due_date_into_the_history(self, book):
        app = HarnessApp(book)
        async with app.run_test(size=(80, 24)) as pilot:
            await dialogs.postpone_order(app, "2026-001")
            await type_text(pilot, "+7")
            await pilot.pause()
            assert "30 Nov 2026" in message_beside(app, "new_date")
            await pilot.press("tab")
            await type_text(pilot, "sources illisibles")
            await pilot.press("enter")
            await pilot.pause()
            assert not isinstance(app.screen, FormDialog)
        order = book.order("2026-001")
        assert order.due == TODAY + timedelta(days=7)
        assert order.due_original == TODAY - timedelta(days=3)
        moved = order.postponements[-1]
        assert (moved.from_date, moved.to_date, moved.reason, moved.cause) == (
            TODAY - timedelta(days=3), TODAY + timedelta(days=7), "sources illisibles", "mine")
        assert app.refreshed == 1

    async def test_a_missing_reason_is_shown_beside_the_reason(self, book):
        app = HarnessApp(book)
        async with app.run_test(size=(80, 24)) as pilot:
            await dialogs.postpone_order(app, "2026-001")
            await type_text(pilot, "demain")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert "must not be empty" in message_beside(app, "reason")
            assert message_beside(app, "new_date") == "→ Tue 24 Nov 2026"

    async def test_escape_closes_without_change(self, book):
        app = HarnessApp(book)
        async with app.run_test(size=(80, 24)) as pilot:
            await dialogs.postpone_order(app, "2026-001")
            await type_text(pilot, "+3")
            await pilot.press("escape")
            await pilot.pause()
            assert not isinstance(app.screen, FormDialog)
        assert book.order("2026-001").due == TODAY - timedelta(days=3)
        assert app.refreshed == 0

    async def test_an_unknown_order_is_one_clear_line(self, book):
        app = HarnessApp(book)
        async with app.run_test(size=(80, 24)) as pilot:
            assert dialogs.postpone_order(app, "1999-404") is None
            await pilot.pause()
            assert "1999-404" in app.notices[-1]
