"""Snapshots of the main screens on the demo book, at 100×32, on a fixed day.

Update after a deliberate visual change: pytest tests/test_tui_snapshots.py --snapshot-update
"""

from __future__ import annotations

import pytest

from tui.app import CarnetApp

from .tui_support import TODAY, demo_book, money_book

SIZE = (100, 32)


@pytest.fixture
def app(tmp_path):
    return CarnetApp(demo_book(tmp_path / "book"), TODAY)


async def _settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _pressing(*keys: str):
    """Settle, press the keys, and settle again (the screens read the book in workers)."""
    async def run(pilot) -> None:
        await _settle(pilot)
        for key in keys:
            await pilot.press(key)
            await _settle(pilot)
    return run


def _client_id(app, last_name: str) -> int:
    return next(c.id for c in app.book.clients() if c.last_name == last_name)


class TestSections:
    def test_dashboard(self, app, snap_compare):
        assert snap_compare(app, terminal_size=SIZE, run_before=_settle)

    def test_clients(self, app, snap_compare):
        assert snap_compare(app, terminal_size=SIZE, press=["2"], run_before=_settle)

    def test_orders(self, app, snap_compare):
        assert snap_compare(app, terminal_size=SIZE, press=["3"], run_before=_settle)


class TestRecords:
    def test_client(self, app, snap_compare):
        async def open_henri(pilot):
            await _settle(pilot)
            app.open_client(_client_id(app, "Lefèvre"))
            await _settle(pilot)
        assert snap_compare(app, terminal_size=SIZE, run_before=open_henri)

    def test_order_with_postponement_history(self, app, snap_compare):
        async def open_order(pilot):
            await _settle(pilot)
            app.open_order("2026-007")
            await _settle(pilot)
        assert snap_compare(app, terminal_size=SIZE, run_before=open_order)


class TestSmallTerminal:
    def test_dashboard_at_80x24(self, app, snap_compare):
        assert snap_compare(app, terminal_size=(80, 24), run_before=_settle)

    def test_loyalty_at_80x24(self, app, snap_compare):
        assert snap_compare(app, terminal_size=(80, 24), run_before=_pressing("4"))

    def test_kaizen_charts_at_80x24(self, app, snap_compare):
        assert snap_compare(app, terminal_size=(80, 24), run_before=_pressing("5", "c"))


class TestLoyalty:
    def test_segments(self, app, snap_compare):
        assert snap_compare(app, terminal_size=SIZE, run_before=_pressing("4"))

    def test_movement(self, app, snap_compare):
        assert snap_compare(app, terminal_size=SIZE, run_before=_pressing("4", "m"))

    def test_recovery_paradox(self, app, snap_compare):
        assert snap_compare(app, terminal_size=SIZE, run_before=_pressing("4", "p"))


class TestThemes:
    def test_dashboard_in_a_light_theme(self, app, snap_compare):
        async def light(pilot):
            app.theme = "textual-light"
            await _settle(pilot)
        assert snap_compare(app, terminal_size=SIZE, run_before=light)


class TestMoney:
    def test_money_section(self, tmp_path, snap_compare):
        app = CarnetApp(money_book(tmp_path / "book"), TODAY)
        assert snap_compare(app, terminal_size=SIZE, run_before=_pressing("7"))
