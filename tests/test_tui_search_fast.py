"""The search boxes answer at once: the store keeps a folded index, pages are read in workers."""

from __future__ import annotations

import threading
from datetime import timedelta

from textual.widgets import DataTable, Input, Select

from store import browse, clients
from store.book import Book
from store.models import Profile
from tui.app import CarnetApp
from tui.screens.clients import ClientScreen, ClientsScreen
from tui.screens.listing import ListScreen
from tui.screens.orders import OrdersScreen
from tui.widgets.paged_table import PAGE_SIZE

from .factories import make_order
from .tui_support import TODAY, late_book, page_info, settle, table_keys


def _named_book(folder):
    """Hélène, Henri, a charity whose name starts with Œ, and Lucie, who has no order."""
    with Book(folder) as book:
        book.set_profile(Profile(name="Claire Vasseur"))
        clients.add_client(book, TODAY, first_name="Hélène", last_name="Marchand",
                           city="Orléans")
        clients.add_client(book, TODAY, first_name="Henri", last_name="Lefèvre", city="Tours")
        clients.add_client(book, TODAY, organisation="Œuvre de Saint-Vincent", city="Blois")
        clients.add_client(book, TODAY, first_name="Lucie", last_name="Perrin", city="Nantes")
    return folder


def _many_orders(folder, count: int):
    """`count` orders of one client, stored as records."""
    with Book(folder) as book:
        book.set_profile(Profile(name="Claire Vasseur"))
        with book.transaction("many orders"):
            client = clients.add_client(book, TODAY, organisation="Archives départementales")
            for n in range(count):
                received = TODAY - timedelta(days=n + 20)
                book.insert("orders", make_order(ref=f"{received.year}-{n + 1:03d}",
                                                 client_id=client.id, title=f"Registre {n}",
                                                 received=received,
                                                 due=received + timedelta(days=15)))
    return folder


def _names(app) -> list[str]:
    return [app.book.client(int(key)).name for key in table_keys(app, "#clients")]


def _gated(screen: ListScreen, text: str) -> tuple[threading.Event, list]:
    """Hold the screen's reads for `text` until the gate opens; list the pages it posts."""
    gate, posted = threading.Event(), []
    read_page, post_message = screen.read_page, screen.post_message

    def held(book, today, wanted):
        if wanted.text == text:
            gate.wait(10)
        return read_page(book, today, wanted)

    def post(message):
        if isinstance(message, ListScreen.PageRead):
            posted.append(message.wanted.text)
        return post_message(message)

    screen.read_page, screen.post_message = held, post
    return gate, posted


async def _until(pilot, condition) -> None:
    for _ in range(200):
        if condition():
            return
        await pilot.pause(0.01)
    raise AssertionError("never happened")


def test_the_clients_index_is_built_once_per_state(tmp_path):
    with Book(_named_book(tmp_path / "book")) as book:
        index = clients.client_index(book)
        assert clients.client_index(book) is index
        assert browse.prepare(book, TODAY) is None and browse._for(book, TODAY).clients is index
        assert [c.name for c, _text in index] == ["Hélène Marchand", "Henri Lefèvre",
                                                  "Lucie Perrin", "Œuvre de Saint-Vincent"]
        clients.add_client(book, TODAY, first_name="Édith", last_name="Roux")
        after = clients.client_index(book)
        assert after is not index and len(after) == 5 and len(index) == 4
        assert [c.last_name for c in clients.find_clients(book, "EDITH")] == ["Roux"]
        assert [c.organisation for c in clients.find_clients(book, "oeuvre")] == [
            "Œuvre de Saint-Vincent"]
        assert browse.client_page(book, TODAY, "tours").total == 1


async def test_typing_filters_the_clients_list_with_accents_and_ligatures_folded(tmp_path):
    app = CarnetApp(_named_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        assert len(table_keys(app, "#clients")) == 4
        await pilot.press("slash", *"helene")
        await settle(pilot)
        assert _names(app) == ["Hélène Marchand"]
        await pilot.press(*["backspace"] * 6, "o", "e")
        await settle(pilot)
        assert _names(app) == ["Œuvre de Saint-Vincent"]
        await pilot.press("z", "z")
        await settle(pilot)
        assert table_keys(app, "#clients") == []
        assert page_info(app, "#clients") == "No client matches."
        await pilot.press(*["backspace"] * 4)
        await settle(pilot)
        assert len(table_keys(app, "#clients")) == 4


async def test_the_typed_character_is_shown_before_the_list_is_filtered(tmp_path):
    app = CarnetApp(_named_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        gate, _posted = _gated(app.screen, "h")
        await pilot.press("slash", "h")
        assert app.screen.query_one("#search", Input).value == "h"
        assert len(table_keys(app, "#clients")) == 4
        gate.set()
        await _until(pilot, lambda: len(table_keys(app, "#clients")) == 2)
        assert _names(app) == ["Hélène Marchand", "Henri Lefèvre"]


async def test_a_page_read_for_an_older_text_is_not_shown(tmp_path):
    app = CarnetApp(_named_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        gate, posted = _gated(app.screen, "h")
        await pilot.press("slash", "h", *"elene")
        await settle(pilot)
        assert _names(app) == ["Hélène Marchand"]
        gate.set()
        await _until(pilot, lambda: "h" in posted)
        await settle(pilot)
        assert _names(app) == ["Hélène Marchand"]
        assert page_info(app, "#clients") == "1 in all"


async def test_enter_before_the_page_arrives_opens_a_row_of_that_page(tmp_path):
    app = CarnetApp(_named_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        gate, _posted = _gated(app.screen, "lucie")
        await pilot.press("slash", *"lucie", "enter")
        assert app.screen.query_one("#clients DataTable", DataTable).has_focus
        await pilot.press("enter")
        assert isinstance(app.screen, ClientsScreen)
        gate.set()
        await _until(pilot, lambda: isinstance(app.screen, ClientScreen))
        await settle(pilot)
        assert app.screen.client_name == "Lucie Perrin"


async def test_the_orders_search_and_status_filter_combine(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        assert table_keys(app, "#orders") == ["2026-003", "2026-002", "2026-001"]
        await pilot.press("s")
        await settle(pilot)
        assert app.screen.query_one("#show", Select).value == "open"
        await pilot.press("s")
        await settle(pilot)
        assert table_keys(app, "#orders") == ["2026-002", "2026-001"]
        await pilot.press("slash", *"garnier")
        await settle(pilot)
        assert table_keys(app, "#orders") == ["2026-001"]
        app.screen.query_one("#show", Select).value = "delivered"
        await settle(pilot)
        assert table_keys(app, "#orders") == []
        assert page_info(app, "#orders") == "No order matches."


async def test_a_clients_own_orders_are_searched_within_them(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.open_client(1)
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, OrdersScreen) and table_keys(app, "#orders") == ["2026-002"]
        await pilot.press("slash", *"acte")
        await settle(pilot)
        assert table_keys(app, "#orders") == ["2026-002"]
        await pilot.press(*"zz")
        await settle(pilot)
        assert page_info(app, "#orders") == "No order matches."


async def test_an_empty_orders_list_says_how_to_take_one(tmp_path):
    app = CarnetApp(_named_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        assert page_info(app, "#orders") == "No order yet: a takes one."


async def test_each_page_key_moves_one_page_even_before_the_last_is_read(tmp_path):
    app = CarnetApp(_many_orders(tmp_path / "book", 3 * PAGE_SIZE + 10), TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        total = 3 * PAGE_SIZE + 10
        assert page_info(app, "#orders") == f"1–{PAGE_SIZE} of {total}"
        gate, _posted = _gated(app.screen, "")
        await pilot.press("right_square_bracket", "right_square_bracket")
        gate.set()
        await settle(pilot)
        assert page_info(app, "#orders") == f"{2 * PAGE_SIZE + 1}–{3 * PAGE_SIZE} of {total}"
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert page_info(app, "#orders") == f"{PAGE_SIZE + 1}–{2 * PAGE_SIZE} of {total}"
        gate.clear()
        await pilot.press(*["right_square_bracket"] * 3)
        gate.set()
        await settle(pilot)
        assert page_info(app, "#orders") == f"{3 * PAGE_SIZE + 1}–{total} of {total}"
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert page_info(app, "#orders") == f"{2 * PAGE_SIZE + 1}–{3 * PAGE_SIZE} of {total}"


async def test_a_change_to_the_book_rereads_the_page_and_keeps_the_cursor_row(tmp_path):
    app = CarnetApp(_named_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        table = app.screen.query_one("#clients DataTable", DataTable)
        table.move_cursor(row=2)
        app.run_action_safely(clients.add_client, app.book, TODAY, first_name="Zoé",
                              last_name="Vidal")
        await settle(pilot)
        assert _names(app)[-1] == "Zoé Vidal" and table.cursor_row == 2
