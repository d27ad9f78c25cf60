"""What goes wrong around the screens made in advance: a user who moves on while a record is
read, a language switch or quit while a screen is being made, a screen that fails to make."""

from __future__ import annotations

import threading

import pytest

from tui.app import CarnetApp
from tui.screens.orders import OrderScreen
from tui.screens.trends import TrendsScreen

from .tui_support import TODAY, late_book, prepared, quiet_at_once, settle


@pytest.fixture(autouse=True)
def quick_quiet(monkeypatch):
    quiet_at_once(monkeypatch)


def held_reading(monkeypatch, screen_class) -> threading.Event:
    """Make `screen_class`'s reading wait until the returned event is set."""
    gate = threading.Event()
    real = screen_class.read

    def read(self, book, today):
        gate.wait(10)
        return real(self, book, today)

    monkeypatch.setattr(screen_class, "read", read)
    return gate


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


def stacked(app, screen) -> bool:
    return any(screen in stack for stack in app._screen_stacks.values())


async def test_an_order_asked_for_then_left_is_not_pushed_over_the_section_she_went_to(
        tmp_path, monkeypatch):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        gate = held_reading(monkeypatch, OrderScreen)
        app.open_order("2026-001")
        await pilot.press("2")
        gate.set()
        await settle(pilot)
        assert app.current_mode == "clients" and len(app.screen_stack) == 1
        assert not stacked(app, app.ready["order"])
        app.open_order("2026-001")
        await settle(pilot)
        assert app.screen is app.ready["order"]
        assert app._screen_stacks["clients"][-1] is app.ready["order"]


async def test_an_order_read_while_the_user_stays_put_is_pushed_once_read(tmp_path, monkeypatch):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        gate = held_reading(monkeypatch, OrderScreen)
        app.open_order("2026-002")
        await pilot.press("down")
        assert app.screen is not app.ready["order"]
        gate.set()
        await settle(pilot)
        assert app.screen is app.ready["order"]


async def test_an_unexpected_error_reading_an_order_is_told_once_and_shows_nothing(
        tmp_path, monkeypatch):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await prepared(pilot)

        def broken(self, book, today):
            raise RuntimeError("disk on fire")

        monkeypatch.setattr(OrderScreen, "read", broken)
        app.open_order("2026-001")
        await settle(pilot)
        told = [m for m in messages(app) if "disk on fire" in m]
        assert len(told) == 1 and "Unexpected error" in told[0]
        assert app.current_mode == "dashboard" and len(app.screen_stack) == 1
        assert not app.ready["order"].waiting
        app.refresh_data()
        await settle(pilot)
        assert len(app.screen_stack) == 1, "a later change of the book must not push it"
        monkeypatch.undo()
        app.open_order("2026-001")
        await settle(pilot)
        assert app.screen is app.ready["order"]


async def test_a_screen_that_fails_to_make_is_told_and_the_app_goes_on(tmp_path, monkeypatch):
    def broken(self):
        raise RuntimeError("charts broke")
        yield

    monkeypatch.setattr(TrendsScreen, "compose", broken)
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        assert app.is_running and app.screens_prepared
        assert "trends" in app.unmakeable and "trends" not in app.ready
        assert {"order", "client", "plan", "letter"} <= set(app.ready)
        assert any("charts broke" in m for m in messages(app))
        app.open_order("2026-001")
        await settle(pilot)
        assert app.screen is app.ready["order"]


async def test_switching_language_while_a_screen_is_made_waits_for_it(tmp_path, monkeypatch):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    gate = held_reading(monkeypatch, OrderScreen)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(200):
            if "order" in app.ready:
                break
            await pilot.pause(0.02)
        assert app.making_screens.locked() and "order" in app.ready
        app.switch_language("fr")
        await pilot.pause(0.1)
        gate.set()
        await prepared(pilot)
        assert app.is_running and app.screens_prepared
        assert app.screen.query_one("HeaderTitle") is not None
        app.open_order("2026-001")
        await settle(pilot)
        assert app.screen is app.ready["order"] and "Commande 2026-001" in app.screen.sub_title


async def test_quitting_while_a_screen_is_made_ends_cleanly(tmp_path, monkeypatch):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    gate = held_reading(monkeypatch, OrderScreen)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(200):
            if "order" in app.ready:
                break
            await pilot.pause(0.02)
        assert app.making_screens.locked()
        quitting = app.run_action("quit")
        threading.Timer(0.2, gate.set).start()
        await quitting
        await pilot.pause()
    assert app.return_code == 0 and app.book is None
