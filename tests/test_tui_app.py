"""The app's conventions: keys remapped by id, a help screen of every key, the command palette."""

from __future__ import annotations

import gc
import weakref
import io
import re

from rich.console import Console
from textual.command import CommandPalette

from tui.app import CarnetApp
from tui.commands import CarnetCommands
from tui.bindings import AREAS, known_ids, load_keymap, unknown_ids
from tui.screens.clients import ClientsScreen
from tui.screens.help import HelpScreen, keys_table
from tui.screens.orders import OrderScreen, OrdersScreen

from .tui_support import TODAY, late_book, settle


def test_every_binding_has_an_id_and_a_tooltip():
    for area, bindings in AREAS.items():
        for binding in bindings:
            assert binding.id and "." in binding.id, (area, binding.key)
            assert binding.tooltip, binding.id


def test_a_keymap_file_in_the_book_remaps_keys_by_id(tmp_path):
    folder = late_book(tmp_path / "book")
    (folder / "keymap.toml").write_text('"go.clients" = "f2"\n"order.postpone" = "P"\n')
    keymap = load_keymap(folder)
    assert keymap.keys == {"go.clients": "f2", "order.postpone": "P"} and not keymap.problems


def test_a_broken_keymap_is_reported_not_fatal(tmp_path):
    folder = tmp_path / "book"
    folder.mkdir()
    (folder / "keymap.toml").write_text('"go.clients" = \n')
    assert load_keymap(folder).keys == {}
    assert "cannot be read" in load_keymap(folder).problems[0]
    (folder / "keymap.toml").write_text('"go.nowhere" = "f9"\n"go.orders" = 3\n')
    keymap = load_keymap(folder)
    assert "go.orders" in keymap.problems[0] and "go.orders" in known_ids()
    assert "unknown binding id 'go.nowhere'" in unknown_ids(keymap, known_ids())[0]


async def test_a_remapped_key_opens_its_section(tmp_path):
    folder = late_book(tmp_path / "book")
    (folder / "keymap.toml").write_text('[keys]\n"go.clients" = "f2"\n')
    app = CarnetApp(folder, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        assert not isinstance(app.screen, ClientsScreen)
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, ClientsScreen)


async def test_the_help_lists_every_key_with_what_it_does_and_its_id_on_demand(tmp_path):
    folder = late_book(tmp_path / "book")
    (folder / "keymap.toml").write_text('"order.postpone" = "P"\n')
    app = CarnetApp(folder, TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert len(app.screen.query(".help-area")) == len(app.key_areas) > len(AREAS)
        def shown(ids: bool) -> str:
            console = Console(width=140, record=True, file=io.StringIO())
            for area, bindings in AREAS.items():
                console.print(keys_table(app, area, bindings, ids=ids))
            return console.export_text()
        without_ids, with_ids = shown(ids=False), shown(ids=True)
        assert "go.dashboard" not in without_ids
        assert re.search(r"\bP +Postpone +Move the due date", without_ids)
        assert [binding_id for binding_id in known_ids() if binding_id not in with_ids] == []
        assert re.search(r"\bP +Postpone +order.postpone", with_ids)
        await pilot.press("i")
        await pilot.pause()
        assert app.screen.ids
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_the_palette_offers_this_screens_actions_by_what_they_do(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.open_order("2026-002")
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"postpone")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "FormDialog"
        assert "Postpone 2026-002" in str(app.screen.form_title)


async def test_the_status_key_cycles_the_orders_filter(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("3", "s", "s")
        await settle(pilot)
        assert isinstance(app.screen, OrdersScreen)
        assert str(app.screen.query_one("#show").value) == "overdue"
        assert not isinstance(app.screen, OrderScreen)


async def test_the_palette_offers_only_the_letters_a_screen_can_write(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.open_client(1)
        await settle(pilot)
        names = {name for name, _, _ in CarnetCommands(app.screen).commands()}
        assert {"Letter: thanks", "Letter: feedback request", "Log", "Orders"} <= names
        assert "Letter: apology" not in names
        app.open_order("2026-002")
        await settle(pilot)
        names = {name for name, _, _ in CarnetCommands(app.screen).commands()}
        assert {"Letter: apology", "Postpone", "Extra"} <= names


def footer_keys(app) -> list[str]:
    """The descriptions the current screen's footer shows."""
    return [str(key.description) for key in app.screen.query("FooterKey")]


async def test_the_footer_follows_focus_and_shows_remapped_keys(tmp_path):
    folder = late_book(tmp_path / "book")
    (folder / "keymap.toml").write_text('"list.search" = "f3"\n')
    app = CarnetApp(folder, TODAY)
    async with app.run_test(size=(120, 24)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        assert "Undo" in footer_keys(app) and "New client" in footer_keys(app)
        search = next(key for key in app.screen.query("FooterKey") if key.description == "Search")
        assert search.key_display == "f3"
        await pilot.press("f3")
        await settle(pilot)
        assert "Undo" not in footer_keys(app)
        await pilot.press("escape")
        await settle(pilot)
        assert "Undo" in footer_keys(app)


async def test_the_book_is_frozen_after_a_collection_and_garbage_cycles_are_still_freed(tmp_path):
    class Node:
        pass

    gc.unfreeze()
    thresholds = gc.get_threshold()
    dead = Node()
    dead.itself = dead
    alive_before = weakref.ref(dead)
    del dead
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert alive_before() is None, "a dead cycle made before the book loaded was frozen"
        assert gc.get_freeze_count() > 0 and gc.isenabled()
        later = Node()
        later.itself = later
        alive_later = weakref.ref(later)
        del later
        gc.collect()
        assert alive_later() is None
        await pilot.press("q")
    assert gc.get_threshold() == thresholds and gc.get_freeze_count() == 0


async def test_the_letter_and_form_keys_load_once_the_user_pauses(tmp_path, monkeypatch):
    monkeypatch.setattr("tui.preload.PRELOAD_WHEN_QUIET", 0.2)
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.pause(0.5)
        await settle(pilot)
        assert {"Letter", "Forms", "Journal"} <= app.key_areas.keys()
