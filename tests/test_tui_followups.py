"""Follow-ups and safe editing in the TUI: promised, added, done, corrected, deleted, undone."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from textual.widgets import DataTable, Input, Select

import tui.app
from store import clients, orders, relations
from tui.app import CarnetApp
from tui.commands import CarnetCommands
from tui.dialogs import ConfirmDialog, FollowUpChoice, FormDialog
from tui.screens.clients import ClientScreen
from tui.screens.dashboard import DashboardScreen
from tui.screens.orders import OrderScreen

from .tui_support import TODAY, late_book, paste, section_ids, settle, table_keys

MONDAY = date(2026, 11, 30)
"""The Monday after TODAY (itself a Monday)."""
HENRI, EDITH = 1, 2
"""The clients of `late_book`: Henri's act 2026-002 is 10 days late, Édith's 2026-001 3 days."""


class RecordingApp(CarnetApp):
    """Carnet, keeping every notification's text for the test to read."""

    CSS_PATH = [Path(tui.app.__file__).parent / name for name in CarnetApp.CSS_PATH]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.notices: list[str] = []

    def notify(self, message: str, **kwargs) -> None:
        self.notices.append(message)
        super().notify(message, **kwargs)


def field(app, name: str):
    return app.screen.query_one(f"#field-{name}")


def highlight_row(app, selector: str, key: str) -> None:
    """Put the cursor of a PagedTable on the row with this key."""
    index = table_keys(app, selector).index(key)
    app.screen.query_one(f"{selector} DataTable", DataTable).move_cursor(row=index)


def highlight_line(app, option_id: str) -> None:
    attention = app.screen.query_one("#attention")
    ids = [attention.get_option_at_index(i).id for i in range(attention.option_count)]
    attention.highlighted = ids.index(option_id)


async def open_client(pilot, client_id: int) -> None:
    pilot.app.open_client(client_id)
    await settle(pilot)


async def test_a_call_back_promised_for_monday_shows_on_the_dashboard_on_monday(tmp_path):
    folder = late_book(tmp_path / "book")
    app = RecordingApp(folder, TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await open_client(pilot, HENRI)
        await pilot.press("c")
        await settle(pilot)
        assert not app.screen.query_one("#row-due").display
        field(app, "kind").value = "call-back promised"
        await pilot.pause()
        assert app.screen.query_one("#row-due").display
        app.screen.query_one("#field-due", Input).focus()
        await pilot.press(*"30/11")
        field(app, "text").text = "Veut parler du devis lundi"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ClientScreen)
        assert "follow-up scheduled for Monday 30 Nov 2026" in app.notices[-1]
        promised = app.book.followups()[-1]
        assert (promised.client_id, promised.due) == (HENRI, MONDAY)
        await pilot.press("1")
        await settle(pilot)
        assert section_ids(app, "Follow-ups due") == []
    app = CarnetApp(folder, MONDAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        assert section_ids(app, "Follow-ups due") == [f"follow-up:{promised.id}"]


async def test_a_call_back_promised_with_the_day_left_empty_is_due_on_the_suggested_day(
        tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await open_client(pilot, HENRI)
        await pilot.press("c")
        await settle(pilot)
        field(app, "kind").value = "call-back promised"
        await settle(pilot)
        assert field(app, "due").value == "" and field(app, "due").placeholder == "+2 days"
        field(app, "text").text = "Rappeler"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, FormDialog)
        assert [f.due for f in app.book.followups()] == [TODAY + timedelta(days=2)]


async def test_a_follow_up_added_from_an_order_shows_when_due_and_goes_once_done(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        app.open_order("2026-002")
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)
        assert field(app, "order_ref").value == "2026-002"
        await paste(pilot, "Envoyer la nouvelle date")
        await pilot.press("tab", *"today")
        assert field(app, "due").value == "today"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, OrderScreen)
        added = app.book.followups()[-1]
        assert (added.what, added.order_ref, added.due) == (
            "Envoyer la nouvelle date", "2026-002", TODAY)
        assert f"follow-up:{added.id}" in table_keys(app, "#order-related")
        await pilot.press("escape", "1")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert section_ids(app, "Follow-ups due") == [f"follow-up:{added.id}"]
        highlight_line(app, f"follow-up:{added.id}")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FollowUpChoice)
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.book.get("followups", added.id).done == TODAY
        assert section_ids(app, "Follow-ups due") == []


async def test_a_deleted_follow_up_is_gone_and_undo_brings_it_back(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        added = app.run_action_safely(relations.add_followup, app.book, EDITH, TODAY,
                                      "Rappeler Édith")
        await settle(pilot)
        highlight_line(app, f"follow-up:{added.id}")
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert "Rappeler Édith" in app.screen.question
        await pilot.press("y")
        await settle(pilot)
        assert section_ids(app, "Follow-ups due") == []
        assert app.book.followups() == []
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert "Rappeler Édith" in app.screen.question
        await pilot.press("y")
        await settle(pilot)
        assert section_ids(app, "Follow-ups due") == [f"follow-up:{added.id}"]


async def test_a_follow_up_is_edited_from_the_clients_timeline(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        added = app.run_action_safely(relations.add_followup, app.book, HENRI, TODAY,
                                      "Rapeler Henri")
        await open_client(pilot, HENRI)
        highlight_row(app, "#timeline", f"follow-up:{added.id}")
        await pilot.press("E")
        await settle(pilot)
        assert field(app, "what").value == "Rapeler Henri"
        field(app, "what").value = "Rappeler Henri"
        app.screen.query_one("#field-due", Input).focus()
        await pilot.press(*"+3", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ClientScreen)
        edited = app.book.get("followups", added.id)
        assert (edited.what, edited.due) == ("Rappeler Henri", TODAY + timedelta(days=3))


async def test_an_exchange_logged_with_a_typo_is_corrected_from_the_timeline(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        logged = app.run_action_safely(relations.log_interaction, app.book, HENRI, "request",
                                       "Apel au sujet du vendeur", TODAY - timedelta(days=2),
                                       "phone", "in", "2026-002", 4)
        await open_client(pilot, HENRI)
        highlight_row(app, "#timeline", f"interaction:{logged.id}")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FormDialog)
        assert (field(app, "kind").value, field(app, "channel").value,
                field(app, "order_ref").value, field(app, "satisfaction").value,
                field(app, "when").value) == ("request", "phone", "2026-002", 4, "")
        assert field(app, "when").placeholder == "21 Nov 2026"
        field(app, "text").text = "Appel au sujet du vendeur"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ClientScreen)
        corrected = app.book.get("interactions", logged.id)
        assert (corrected.text, corrected.when, corrected.satisfaction) == (
            "Appel au sujet du vendeur", logged.when, 4)
        assert len(app.book.interactions()) == 1


async def test_an_exchange_about_an_order_opens_its_form_from_the_orders_history(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        logged = app.run_action_safely(relations.log_interaction, app.book, HENRI, "request",
                                       "Ajouter le résmé", TODAY, "email", "in", "2026-002")
        app.open_order("2026-002")
        await settle(pilot)
        highlight_row(app, "#order-related", f"interaction:{logged.id}")
        await pilot.press("enter")
        await settle(pilot)
        field(app, "text").text = "Ajouter le résumé"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, OrderScreen)
        assert app.book.get("interactions", logged.id).text == "Ajouter le résumé"


async def test_an_exchange_logged_by_mistake_is_deleted_after_confirmation(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        logged = app.run_action_safely(relations.log_interaction, app.book, HENRI, "note",
                                       "Pour Édith, pas pour Henri", TODAY)
        await open_client(pilot, HENRI)
        highlight_row(app, "#timeline", f"interaction:{logged.id}")
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await settle(pilot)
        assert len(app.book.interactions()) == 1
        await pilot.press("x", "y")
        await settle(pilot)
        assert app.book.interactions() == []
        assert f"interaction:{logged.id}" not in table_keys(app, "#timeline")


async def test_a_client_entered_twice_is_deleted_after_confirmation(tmp_path):
    app = RecordingApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        twice = app.run_action_safely(clients.add_client, app.book, TODAY, first_name="Henri",
                                      last_name="Lefèvre", city="Orléans")
        await pilot.press("2")
        await settle(pilot)
        await open_client(pilot, twice.id)
        await pilot.press("X")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert "Henri Lefèvre" in app.screen.question
        await pilot.press("y")
        await settle(pilot)
        assert type(app.screen).__name__ == "ClientsScreen"
        assert [c.id for c in app.book.clients()] == [1, 2, 3]
        assert app.notices[-1] == "Henri Lefèvre deleted"


async def test_a_client_with_orders_cannot_be_deleted_the_message_says_to_part_them(tmp_path):
    app = RecordingApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await open_client(pilot, HENRI)
        seen = len(app.notices)
        await pilot.press("X")
        await settle(pilot)
        assert isinstance(app.screen, ClientScreen) and app.screen.client_id == HENRI, \
            "refused at once, without asking to confirm first"
        assert app.book.client(HENRI).name == "Henri Lefèvre"
        refused = app.notices[seen:]
        assert len(refused) == 1 and "mark the client parted" in refused[0]


async def test_a_quote_is_deleted_from_its_order_but_an_accepted_order_is_not(tmp_path):
    app = RecordingApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        quote = app.run_action_safely(orders.add_order, app.book, TODAY, HENRI, "Devis, 1650",
                                      TODAY + timedelta(days=20), status="quote")
        app.open_order(quote.ref)
        await settle(pilot)
        await pilot.press("X", "y")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert quote.ref not in [o.ref for o in app.book.orders()]
        app.open_order("2026-002")
        await settle(pilot)
        seen = len(app.notices)
        await pilot.press("X")
        await settle(pilot)
        assert isinstance(app.screen, OrderScreen)
        assert len(app.notices) == seen + 1 and "cancel it instead" in app.notices[-1]


async def test_follow_ups_have_keys_palette_commands_and_help_lines(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        dashboard = {name for name, _, _ in CarnetCommands(app.screen).commands()}
        assert {"Follow-up done", "Edit follow-up", "Delete follow-up"} <= dashboard
        await open_client(pilot, HENRI)
        client = {name for name, _, _ in CarnetCommands(app.screen).commands()}
        assert {"Follow-up", "Edit line", "Delete line", "Delete client"} <= client
        app.open_order("2026-002")
        await settle(pilot)
        order = {name for name, _, _ in CarnetCommands(app.screen).commands()}
        assert {"Follow-up", "Delete quote"} <= order
        ids = {b.id for bindings in app.key_areas.values() for b in bindings}
        assert {"follow-up.add", "follow-up.done", "follow-up.edit", "follow-up.delete",
                "timeline.edit", "timeline.delete", "client.delete", "order.delete"} <= ids


async def test_a_suggested_day_is_replaced_by_what_is_typed(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await open_client(pilot, HENRI)
        await pilot.press("f")
        await paste(pilot, "Envoyer le devis")
        await pilot.press("tab", *"20/12")
        assert field(app, "due").value == "20/12"
        assert isinstance(field(app, "order_ref"), Select)
