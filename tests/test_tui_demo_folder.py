"""The demo book lives in a temporary folder that is gone once Carnet quits."""

from __future__ import annotations

import argparse
import asyncio

import app as carnet
from tui.app import CarnetApp

from .tui_support import TODAY


def test_the_demo_folder_is_deleted_when_carnet_quits(tmp_path, monkeypatch):
    """`carnet` leaves with os._exit (no atexit): quitting the TUI itself removes the demo."""
    demo = []

    def run_pressing_demo_then_quit(app: CarnetApp) -> None:
        async def session() -> None:
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                await pilot.press("d")
                await pilot.pause()
                demo.append(app.book.data_dir)
                assert (app.book.data_dir / "book.json").is_file()
                await pilot.press("q")
                await pilot.pause()
        asyncio.run(session())

    monkeypatch.setattr(CarnetApp, "run", run_pressing_demo_then_quit)
    carnet.cmd_tui(argparse.Namespace(data_dir=tmp_path / "mine", today=TODAY))
    [folder] = demo
    assert folder.name.startswith("carnet-demo-") and not folder.exists()
