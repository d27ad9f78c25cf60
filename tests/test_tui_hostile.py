"""Huge numbers and unexpected errors in the real TUI: a message beside the field or one
notification saying what was kept, never a traceback, and Carnet keeps running."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Static

from store import clients, orders
from store.book import Book
from tui.app import CarnetApp
from tui.commands import CarnetCommands
from tui.dialogs import FormDialog, edit_client, edit_order, postpone_order

TODAY = date(2026, 11, 23)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "book"
    with Book(folder) as book:
        client = clients.add_client(book, TODAY, last_name="Lefèvre", email="h@exemple.fr")
        orders.add_order(book, TODAY, client.id, "Acte de vente, 1523", due=date(2026, 12, 1))
    return folder


def _book_bytes(folder: Path) -> bytes:
    return b"".join((folder / name).read_bytes() for name in ("book.json", "book.journal"))


def _beside(app, name: str) -> str:
    return str(app.screen.query_one(f"#message-{name}", Static).render())


def _general(app) -> str:
    return str(app.screen.query_one("#form-error", Static).render())


async def _form(pilot, app, dialog, *args) -> None:
    app.open_dialog(dialog, *args)
    await pilot.pause()
    await pilot.pause()
    assert isinstance(app.screen, FormDialog)


async def _submit(pilot, app, values: dict[str, str]) -> None:
    for name, value in values.items():
        app.screen.query_one(f"#field-{name}").value = value
    await pilot.press("ctrl+s")
    await pilot.pause()


@pytest.mark.parametrize("form, args, field, value, words", [
    (edit_order, ("2026-001",), "price", "1e27", "more than 1,000,000"),
    (edit_order, ("2026-001",), "price", "-0", None),
    (edit_order, ("2026-001",), "price", "NaN", "not an amount"),
    (edit_order, ("2026-001",), "pages", str(10**23), "at most 100,000"),
    (edit_order, ("2026-001",), "pages", "²", "not a whole number"),
    (postpone_order, ("2026-001",), "new_date", "9999-12-31", "outside the years 1900–2100"),
    (edit_client, (1,), "tolerance_days", str(10**20), "at most 365"),
    (edit_client, (1,), "city", "Orl\u202eéans", "U+202E"),
    (edit_client, (1,), "last_name", "Lefèvre\u2028Roy", "U+2028"),
])
async def test_a_form_refuses_a_hostile_value_beside_its_field(data, form, args, field, value,
                                                               words):
    before = _book_bytes(data)
    app = CarnetApp(data_dir=data, today=TODAY)
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        await _form(pilot, app, form, *args)
        await _submit(pilot, app, {field: value, **({"reason": "archives"}
                                                     if form is postpone_order else {})})
        if words is None:
            assert not isinstance(app.screen, FormDialog)
            assert str(app.book.order("2026-001").price) == "0.00"
            return
        assert isinstance(app.screen, FormDialog)
        shown = _beside(app, field) + _general(app)
        assert words in shown, shown
        assert app.is_running
    assert _book_bytes(data) == before


async def test_an_unexpected_error_in_a_form_says_nothing_was_changed(data, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk gremlin")
    monkeypatch.setattr(orders, "_checked", broken)
    monkeypatch.delenv("CARNET_DEBUG", raising=False)
    app = CarnetApp(data_dir=data, today=TODAY)
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        await _form(pilot, app, edit_order, "2026-001")
        await _submit(pilot, app, {"title": "Autre titre"})
        assert isinstance(app.screen, FormDialog)
        message = _general(app)
        assert "Unexpected error (RuntimeError: disk gremlin)" in message
        assert "nothing was changed" in message and "CARNET_DEBUG=1" in message
        assert app.book.order("2026-001").title == "Acte de vente, 1523"


async def test_an_unexpected_error_in_a_palette_export_is_one_notification(data, monkeypatch):
    from store.exchange import folder

    def broken(book, now):
        raise OverflowError("date value out of range")
    monkeypatch.setitem(folder.EXPORTS, "ics", (*folder.EXPORTS["ics"][:2], broken))
    monkeypatch.delenv("CARNET_DEBUG", raising=False)
    app = CarnetApp(data_dir=data, today=TODAY)
    notices: list[str] = []
    real_notify = app.notify
    monkeypatch.setattr(app, "notify", lambda message, **kw: notices.append(message)
                        or real_notify(message, **kw))
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        commands = {name: run for name, run, _ in CarnetCommands(app.screen).commands()}
        commands["Export: calendar (iCalendar)"]()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running
        assert any("Unexpected error (OverflowError" in n and "nothing was changed" in n
                   for n in notices), notices
        commands["Export: everything (JSON)"]()
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert (data / "exports" / "carnet-2026-11-23.json").exists()
    assert not (data / "exports" / "carnet-2026-11-23.ics").exists()


async def test_an_unexpected_error_in_a_palette_action_is_one_notification(data, monkeypatch):
    app = CarnetApp(data_dir=data, today=TODAY)
    monkeypatch.delenv("CARNET_DEBUG", raising=False)
    notices: list[str] = []
    real_notify = app.notify
    monkeypatch.setattr(app, "notify", lambda message, **kw: notices.append(message)
                        or real_notify(message, **kw))

    def broken(*args):
        raise KeyError("ghost")
    monkeypatch.setattr(app, "open_dialog", broken)
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        commands = {name: run for name, run, _ in CarnetCommands(app.screen).commands()}
        commands["New client"]()
        await pilot.pause()
        assert app.is_running
    assert any("Unexpected error (KeyError" in n for n in notices), notices


async def test_an_unexpected_error_in_a_worker_is_one_notification(data, monkeypatch):
    app = CarnetApp(data_dir=data, today=TODAY)
    monkeypatch.delenv("CARNET_DEBUG", raising=False)
    notices: list[str] = []
    real_notify = app.notify
    monkeypatch.setattr(app, "notify", lambda message, **kw: notices.append(message)
                        or real_notify(message, **kw))

    async def failing():
        raise ValueError("worker gremlin")
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        app.run_worker(failing(), group="dialogs")
        await pilot.pause()
        await pilot.pause()
        assert app.is_running
    assert any("Unexpected error (ValueError: worker gremlin)" in n for n in notices), notices
