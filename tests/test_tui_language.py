"""Carnet speaks French: the footer, the help and the palette; the language switched from the
palette; the theme remembered; the keys of a French keyboard."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from rich.console import Console
from textual.command import CommandPalette

from store.book import Book
from store.config import read_config, save_config
from store.i18n import language
from tui.app import CarnetApp
from tui.screens.clients import ClientsScreen
from tui.screens.dashboard import DashboardScreen
from tui.screens.help import HelpScreen
from tui.screens.orders import OrderScreen

from .tui_support import TODAY, late_book, settle


@pytest.fixture
def french(monkeypatch):
    """This run in French, as CARNET_LANG=fr asks."""
    monkeypatch.setenv("CARNET_LANG", "fr")


def footer(app) -> list[str]:
    """The descriptions the current screen's footer shows, left to right."""
    keys = sorted(app.screen.query("FooterKey"), key=lambda key: key.region.x)
    return [str(key.description) for key in keys]


def help_text(app) -> str:
    """What the help screen shows, as text."""
    console = Console(width=120, record=True, file=io.StringIO())
    console.print(*(static.content for static in app.screen.query(".help-area")))
    return console.export_text()


async def test_the_dashboard_its_footer_and_the_help_read_in_french(tmp_path, french):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert language() == "fr"
        assert footer(app)[-2:] == ["Aide", "Palette"]
        assert "Tableau de bord" in footer(app) and "Dashboard" not in footer(app)
        assert "lecture seule" not in app.sub_title and "lun. 23 nov. 2026" in app.sub_title
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = help_text(app)
        assert "Tableau de bord" in text and "Chaque touche et ce qu’elle fait" in text
        assert "go.dashboard" not in text and "Dashboard" not in text


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_every_screens_footer_ends_with_help_and_cuts_no_key(tmp_path, monkeypatch,
                                                                   width, lang):
    monkeypatch.setenv("CARNET_LANG", lang)
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    ends = {"fr": ["Aide", "Palette"], "en": ["Help", "Commands"]}[lang]
    async with app.run_test(size=(width, 24)) as pilot:
        await settle(pilot)
        for step in ["1", "2", "3", "4", "5", "7", "6", "client", "order"]:
            if step == "client":
                app.open_client(1)
            elif step == "order":
                app.open_order("2026-002")
            else:
                await pilot.press(step)
            await settle(pilot)
            keys = sorted(app.screen.query("FooterKey"), key=lambda key: key.region.x)
            assert [str(key.description) for key in keys][-2:] == ends, step
            assert keys[-1].region.right <= width, step
            assert all(a.region.right <= b.region.x for a, b in zip(keys, keys[1:])), step
            if step == "6":
                await pilot.press("escape")


async def test_the_palette_switches_to_english_rebuilds_the_screens_and_remembers(tmp_path,
                                                                                  french):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        french_clients = app.screen
        await pilot.press("1")
        await settle(pilot)
        french_dashboard = app.screen
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"langue")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert language() == "en" and read_config().language == "en"
        assert isinstance(app.screen, DashboardScreen) and app.screen is not french_dashboard
        assert footer(app)[-2:] == ["Help", "Commands"] and "Dashboard" in footer(app)
        assert app.book is not None and "Mon 23 Nov 2026" in app.sub_title
        await pilot.press("2")
        await settle(pilot)
        assert isinstance(app.screen, ClientsScreen) and app.screen is not french_clients
        assert "Search" in footer(app)


async def test_without_carnet_lang_the_config_file_then_the_profile_decide(tmp_path,
                                                                          monkeypatch):
    monkeypatch.delenv("CARNET_LANG")
    folder = late_book(tmp_path / "book")
    with Book(folder) as book:
        book.set_profile(replace(book.profile, language="en"))
    app = CarnetApp(folder, TODAY)
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        assert language() == "en" and footer(app)[-2:] == ["Help", "Commands"]
    save_config({"language": "fr"})
    app = CarnetApp(folder, TODAY)
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        assert language() == "fr" and footer(app)[-2:] == ["Aide", "Palette"]


async def test_the_theme_chosen_is_remembered_and_applied_at_start(tmp_path):
    folder = late_book(tmp_path / "book")
    app = CarnetApp(folder, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert read_config().theme == ""
        app.theme = "textual-light"
        await settle(pilot)
    assert read_config().theme == "textual-light"
    app = CarnetApp(folder, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "textual-light"


async def test_the_section_keys_of_azerty_need_no_shift(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("é")
        await settle(pilot)
        assert isinstance(app.screen, ClientsScreen)
        await pilot.press("quotation_mark")
        await settle(pilot)
        assert app.current_mode == "orders"
        await pilot.press("ampersand")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_the_config_files_keymap_names_a_keyboard(tmp_path):
    save_config({"keymap": "bepo"})
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(120, 24)) as pilot:
        await settle(pilot)
        assert not app.keymap.problems
        keys = {str(key.description): key.key_display for key in app.screen.query("FooterKey")}
        assert keys["Clients"] == "«" and keys["Help"] == "f1"
        await pilot.press("left_pointing_double_angle_quotation_mark")
        await settle(pilot)
        assert isinstance(app.screen, ClientsScreen)
        await pilot.press("é")
        await settle(pilot)
        assert isinstance(app.screen, ClientsScreen)
        app.open_order("2026-002")
        await settle(pilot)
        await pilot.press("plus")
        await settle(pilot)
        assert app.current_mode == "money" and not isinstance(app.screen, OrderScreen)


async def test_page_down_from_a_lists_last_row_asks_for_the_next_page(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        paged = app.screen.query_one("PagedTable")
        paged.table.focus()
        asked = []
        paged.action_page = asked.append
        await pilot.press("pagedown")
        assert paged.table.cursor_row == paged.table.row_count - 1 and not asked
        await pilot.press("pagedown")
        assert asked == [1]
        await pilot.press("pageup")
        await pilot.press("pageup")
        assert paged.table.cursor_row == 0 and asked == [1, -1]
