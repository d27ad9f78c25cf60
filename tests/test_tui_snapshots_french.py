"""The main screens in French (the default language), on the demo book, on a fixed day.

Update after a deliberate visual change: pytest tests/test_tui_snapshots_french.py --snapshot-update
"""

from __future__ import annotations

import pytest

from tui.app import CarnetApp

from .test_tui_snapshots import SIZE, _pressing, _settle
from .tui_support import TODAY, demo_book, money_book


@pytest.fixture
def french(monkeypatch):
    monkeypatch.setenv("CARNET_LANG", "fr")


@pytest.fixture
def app(tmp_path, french):
    return CarnetApp(demo_book(tmp_path / "book"), TODAY)


def test_dashboard(app, snap_compare):
    assert snap_compare(app, terminal_size=SIZE, run_before=_settle)


def test_dashboard_at_80x24(app, snap_compare):
    assert snap_compare(app, terminal_size=(80, 24), run_before=_settle)


def test_orders(app, snap_compare):
    assert snap_compare(app, terminal_size=SIZE, run_before=_pressing("3"))


def test_order_with_postponement_history(app, snap_compare):
    async def open_order(pilot):
        await _settle(pilot)
        app.open_order("2026-007")
        await _settle(pilot)
    assert snap_compare(app, terminal_size=SIZE, run_before=open_order)


def test_help(app, snap_compare):
    assert snap_compare(app, terminal_size=SIZE, run_before=_pressing("question_mark"))


def test_money_section(tmp_path, french, snap_compare):
    app = CarnetApp(money_book(tmp_path / "book"), TODAY)
    assert snap_compare(app, terminal_size=SIZE, run_before=_pressing("7"))
