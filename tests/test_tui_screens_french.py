"""The screens read in French: figures, lists, a recovery plan, a letter, the welcome; their
tables widen for French headers and dates; the profile's language becomes the interface's."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from rich.console import Console
from textual.widgets import DataTable, Input, Select, Static

from store.config import read_config
from store.dashboard import dashboard
from store.i18n import language, use_language
from tui.app import CarnetApp
from tui.screens.columns import column, date_column, date_width
from tui.screens.profile import ProfileScreen
from tui.screens.recovery import RecoveryScreen

from .tui_support import TODAY, demo_book, late_book, settle


@pytest.fixture
def french(monkeypatch):
    """This run in French, as CARNET_LANG=fr asks."""
    monkeypatch.setenv("CARNET_LANG", "fr")


def shown(app, selector: str) -> str:
    """What a Static of the current screen shows, as plain text."""
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(app.screen.query_one(selector, Static).content)
    return console.export_text()


def headers(app, selector: str) -> list[str]:
    """The column headers of a PagedTable of the current screen."""
    table = app.screen.query_one(f"{selector} DataTable", DataTable)
    return [str(column.label) for column in table.columns.values()]


def rows(app, selector: str) -> list[list]:
    """The cells of every row of a PagedTable of the current screen."""
    table = app.screen.query_one(f"{selector} DataTable", DataTable)
    return [table.get_row_at(index) for index in range(table.row_count)]


def test_a_column_keeps_its_english_width_and_widens_for_french():
    assert column("Status", 9) == ("Status", 9) and column("Name") == ("Name", 0)
    assert date_width() == len("22 Sept 2026")
    use_language("fr")
    assert date_width() == len("22 sept. 2026")
    assert date_column("Date", 11) == ("Date", 13)
    assert column("Last contact", 13) == ("Dernier contact", 15)
    assert column("client list|Orders", 6) == ("Cdes", 6)


async def test_the_dashboard_and_the_orders_read_in_french(tmp_path, french):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        figures = shown(app, "#key-figures")
        assert "À traiter" in figures and "CA 2026" in figures and "aujourd’hui" in figures
        assert "En cours" in figures and "en retard" in figures and "Revenue" not in figures
        assert "Tableau de bord" in app.screen.sub_title
        await pilot.press("3")
        await settle(pilot)
        assert headers(app, "#orders") == ["Réf.", "Client", "Titre", "Statut", "Échéance"]
        statuses = {str(row[3]) for row in rows(app, "#orders")}
        assert statuses <= {"devis", "acceptée", "en cours"} and statuses, statuses
        assert app.screen.query_one("#show", Select).value == "all"
        assert "Commandes" in app.screen.sub_title


async def test_a_recovery_plan_reads_in_french(tmp_path, french):
    app = CarnetApp(demo_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        plan = next(i for i in app.book.incidents() if i.is_open)
        app.open_incident(plan.id)
        await settle(pilot)
        assert isinstance(app.screen, RecoveryScreen)
        head = shown(app, "#plan-head")
        assert "· ouvert le " in head and "cause\u00a0: " in head
        assert "Ce qui s’est passé\u00a0: " in head
        assert shown(app, "#plan-status").startswith("Ensuite\u00a0: ")
        assert "Plan de reprise" in app.screen.sub_title


async def test_an_apology_gives_its_new_date_as_the_interface_writes_it(tmp_path, french):
    app = CarnetApp(demo_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        ref = dashboard(app.book, TODAY).overdue[0].order.ref
        app.open_letter(kind="apology", ref=ref)
        await settle(pilot)
        typed = app.screen.query_one("#field-new_date", Input).value
        assert typed.endswith((" déc. 2026", " janv. 2027")), typed
        assert app.screen.query_one("#letter-kind", Select).value == "apology"
        assert f"reporte {ref} au {typed}." in shown(app, "#letter-status")


async def test_an_empty_book_is_welcomed_in_french(tmp_path, french):
    app = CarnetApp(tmp_path / "empty", TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        assert "Bienvenue dans Carnet" in shown(app, "#welcome-title")
        assert "Ce carnet est vide" in shown(app, "#welcome-text")


async def test_the_language_chosen_in_the_profile_becomes_the_interfaces(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        app.book.set_profile(replace(app.book.profile, language="en"))
        assert language() == "en"
        await app.push_screen(ProfileScreen())
        await settle(pilot)
        app.screen.query_one("#field-language", Select).value = "fr"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.book.profile.language == "fr"
        assert language() == "fr" and read_config().language == "fr"
        assert "Tableau de bord" in app.screen.sub_title
