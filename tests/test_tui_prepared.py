"""The sections are built in a quiet moment, before they are asked for, and stay true to the book."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from store import clients
from store.profile import update_profile
from tui.app import CarnetApp
from tui.screens.clients import ClientsScreen

from .tui_support import TODAY, late_book, prepared, quiet_at_once, settle, table_keys

SECTIONS = ("clients", "orders", "loyalty", "journal", "profile", "money")


@pytest.fixture(autouse=True)
def quick_quiet(monkeypatch):
    quiet_at_once(monkeypatch)


async def test_every_section_is_built_while_the_user_reads_the_dashboard(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        assert app.screens_prepared
        assert app.current_mode == "dashboard"
        assert app.sections_to_prepare() == []
        built = {mode: app._screen_stacks[mode][0] for mode in SECTIONS}
        hidden = built["clients"]
        assert isinstance(hidden, ClientsScreen) and not hidden.is_current
        assert len(hidden.query_one("#clients").table.rows) == 3, "its list is read ahead"
        await pilot.press("2")
        await settle(pilot)
        assert app.screen is built["clients"], "the prepared screen is the one shown"
        assert len(table_keys(app, "#clients")) == 3
        assert app.screen.focused is app.screen.query_one("#clients DataTable")


async def test_a_change_made_while_a_prepared_section_is_hidden_shows_when_it_opens(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        added = app.run_action_safely(clients.add_client, app.book, TODAY,
                                      first_name="Anaïs", last_name="Œttinger", city="Metz")
        await pilot.press("2")
        await settle(pilot)
        assert str(added.id) in table_keys(app, "#clients")
        assert len(table_keys(app, "#clients")) == 4


async def test_a_section_asked_for_before_it_is_prepared_opens_as_before(tmp_path, monkeypatch):
    monkeypatch.setattr("tui.prepare.PREPARE_WHEN_QUIET", 3600.0)
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.pause(0.2)
        assert "orders" in app.sections_to_prepare(), "no quiet moment: nothing is built"
        await pilot.press("3")
        await settle(pilot)
        assert app.current_mode == "orders" and len(table_keys(app, "#orders")) == 3
        assert "orders" not in app.sections_to_prepare()


async def test_the_profile_form_prepared_in_advance_holds_the_saved_profile(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        await pilot.press("6")
        await settle(pilot)
        assert app.current_mode == "profile"
        assert app.screen.query_one("#field-name", Input).value == "Claire Vasseur"


async def test_a_profile_saved_elsewhere_shows_in_the_prepared_form(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        app.run_action_safely(update_profile, app.book, name="Claire Vasseur-Dupré")
        await pilot.press("6")
        await settle(pilot)
        assert app.screen.query_one("#field-name", Input).value == "Claire Vasseur-Dupré"


async def test_sections_are_built_again_in_the_new_language(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        before = app._screen_stacks["clients"][0]
        app.switch_language("en")
        await settle(pilot)
        await prepared(pilot)
        after = app._screen_stacks["clients"][0]
        assert after is not before and app.screens_prepared
        assert after.query_one("#search", Input).placeholder.startswith("/ search")


async def test_a_section_made_in_advance_has_the_footer_it_shows_once_opened(tmp_path):
    from tui.widgets.footer import KeyFooter

    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        footer = app._screen_stacks["profile"][0].query_one(KeyFooter)
        made = footer._shown
        keys = [key[0] for key in made[0]]
        assert "ctrl+s" in keys
        assert "ctrl+z" not in keys, "a typing field has the focus: ctrl+z undoes the typing"
        await pilot.press("6")
        await settle(pilot)
        assert app.current_mode == "profile"
        assert footer._shown is made, "shown as made, not composed again"
