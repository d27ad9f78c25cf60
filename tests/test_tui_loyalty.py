"""The loyalty section and the kaizen charts, as Claire uses them on the demo book."""

from __future__ import annotations

import io
import json

import pytest
from rich.console import Console
from textual.widgets import OptionList, Static, TabbedContent

from store.book import Book
from tui.app import CarnetApp

from .test_cli import carnet
from .tui_support import TODAY, demo_book, settle


@pytest.fixture
def folder(tmp_path):
    return demo_book(tmp_path / "book")


def headings(app) -> dict[str, int]:
    """The segment headings of the loyalty list: name → the count it shows."""
    found = {}
    options = app.screen.query_one("#loyalty-segments", OptionList)
    for index in range(options.option_count):
        option = options.get_option_at_index(index)
        if option.disabled:
            name, _, count = str(option.prompt).rpartition(" (")
            found[name.lower()] = int(count.rstrip(")"))
    return found


def shown(app, selector: str) -> str:
    """What a Static shows, as plain text (tables and groups rendered at 100 columns)."""
    console = Console(width=100, record=True, file=io.StringIO())
    console.print(app.screen.query_one(selector, Static).content)
    return console.export_text()


async def test_key_4_shows_every_segment_with_its_count(folder):
    app = CarnetApp(folder, TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        assert type(app.screen).__name__ == "LoyaltyScreen"
        assert headings(app) == {"champion": 1, "loyal": 3, "promising": 5, "new": 1,
                                 "at risk": 0, "hibernating": 0, "lost": 0}
        assert "Geneviève Roussel — champion" in shown(app, "#loyalty-detail")


async def test_the_letter_key_thanks_the_champion(folder):
    app = CarnetApp(folder, TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert type(app.screen).__name__ == "LetterScreen"
        assert app.screen.kind == "thanks"


async def test_a_silent_client_is_one_key_from_a_feedback_request(folder):
    app = CarnetApp(folder, TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        while "Jacques Thibault" not in shown(app, "#loyalty-detail"):
            await pilot.press("down")
        assert "silent" in shown(app, "#loyalty-detail")
        await pilot.press("l")
        await settle(pilot)
        assert app.screen.kind == "feedback"


async def test_movement_since_a_chosen_day(folder):
    app = CarnetApp(folder, TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        assert "8 moved between segments since 25 Aug 2026" in shown(app, "#loyalty-since-line")
        await pilot.press("d")
        assert app.screen.query_one(TabbedContent).active == "movement"
        app.screen.query_one("#loyalty-since").value = "2026-01-01"
        await pilot.press("enter")
        await settle(pilot)
        assert "since 1 Jan 2026" in shown(app, "#loyalty-since-line")
        moves = app.screen.query_one("#loyalty-moves", OptionList)
        lines = [str(moves.get_option_at_index(i).prompt) for i in range(moves.option_count)]
        [genevieve] = [line for line in lines if "Geneviève Roussel" in line]
        assert "loyal → champion" in genevieve
        names = [line.split("  ")[1] for line in lines]
        assert names.index("Édith Garnier-Roux") < names.index("Geneviève Roussel"), \
            "names sort as alphabetised: É with E"


async def test_a_day_after_today_is_refused_and_the_moves_stay(folder):
    app = CarnetApp(folder, TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        await pilot.press("d")
        app.screen.query_one("#loyalty-since").value = "2027-03-01"
        await pilot.press("enter")
        await settle(pilot)
        assert "since 25 Aug 2026" in shown(app, "#loyalty-since-line")
        assert any("after today" in n.message for n in app._notifications)


async def test_the_chart_shows_novembers_on_time_rate(folder):
    app = CarnetApp(folder, TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("5")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert type(app.screen).__name__ == "TrendsScreen"
        lines = str(app.screen.query_one("#chart-on-time").render()).splitlines()
        months, values = lines[-1].split(), lines[-2].split()
        assert months[-1] == "Nov" and values[-1] == "100"
        assert values[months.index("Aug")] == "50"


async def test_figures_agree_between_the_tui_the_command_line_and_the_journal(folder):
    cli_loyalty = json.loads(carnet("loyalty", "--json", data=folder).stdout)
    cli_kaizen = json.loads(carnet("kaizen", "--json", data=folder).stdout)
    app = CarnetApp(folder, TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        assert headings(app) == {s["segment"]: s["count"] for s in cli_loyalty["segments"]}
        after = cli_kaizen["paradox"]["after_plan"]
        paradox = shown(app, "#loyalty-paradox")
        assert f"{after['came_back']} ({round(after['rate'] * 100)}%)" in paradox
        await pilot.press("5")
        await settle(pilot)
        journal = shown(app, "#journal-summary")
        assert (f"{after['came_back']} of {after['clients']} clients came back" in journal)
        assert f"{cli_kaizen['summary']['delivered']} delivered" in journal
    with Book(folder, read_only=True) as book:
        active = sum(1 for client in book.clients() if client.status != "parted")
    assert sum(s["count"] for s in cli_loyalty["segments"]) == cli_loyalty["active_clients"]
    assert cli_loyalty["active_clients"] == active
