"""The lists: clients filtered as one types, orders filtered and paged in the store."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import DataTable, Select, Static

from store import clients
from store.book import Book
from store.models import Profile
from tui.app import CarnetApp
from tui.screens.clients import ClientScreen
from tui.screens.orders import OrderScreen, OrdersScreen
from tui.widgets.paged_table import PAGE_SIZE

from .factories import make_order
from .tui_support import TODAY, demo_book, late_book, page_info, settle, table_keys


async def test_search_filters_the_clients_list(tmp_path):
    app = CarnetApp(demo_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        everyone = table_keys(app, "#clients")
        assert len(everyone) == 11
        await pilot.press("slash", *"orléans")
        await settle(pilot)
        names = [app.book.client(int(key)).name for key in table_keys(app, "#clients")]
        assert names == ["Cercle généalogique du Loiret", "Henri Lefèvre"]
        assert page_info(app, "#clients") == "2 in all"
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ClientScreen)
        assert app.screen.client_name == "Cercle généalogique du Loiret"


async def test_the_client_screen_shows_loyalty_and_one_timeline(tmp_path):
    app = CarnetApp(demo_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        henri = next(c for c in app.book.clients() if c.last_name == "Lefèvre")
        app.open_client(henri.id)
        await settle(pilot)
        loyalty = str(app.screen.query_one("#loyalty", Static).render())
        assert "Loyalty" in loyalty and "gifts" in loyalty
        keys = table_keys(app, "#timeline")
        assert {key.split(":")[0] for key in keys} >= {"order", "interaction"}
        first_order = next(key for key in keys if key.startswith("order:"))
        table = app.screen.query_one("#timeline DataTable", DataTable)
        table.move_cursor(row=keys.index(first_order))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, OrderScreen) and f"order:{app.screen.ref}" == first_order


def _big_book(folder, count: int):
    """`count` orders of one client, stored as records (add_order checks them one by one)."""
    with Book(folder) as book:
        book.set_profile(Profile(name="Claire Vasseur"))
        with book.transaction("many orders"):
            client = clients.add_client(book, TODAY, organisation="Archives départementales")
            for n in range(count):
                received = TODAY - timedelta(days=3 * n + 20)
                book.insert("orders", make_order(ref=f"{received.year}-{n + 1:03d}",
                                                 client_id=client.id, title=f"Registre {n}",
                                                 received=received,
                                                 due=received + timedelta(days=15)))
    return folder


async def test_the_orders_list_feeds_one_page_at_a_time(tmp_path):
    app = CarnetApp(_big_book(tmp_path / "book", 2000), TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        assert isinstance(app.screen, OrdersScreen)
        first = table_keys(app, "#orders")
        assert len(first) == PAGE_SIZE and page_info(app, "#orders") == f"1–{PAGE_SIZE} of 2,000"
        await pilot.press("right_square_bracket")
        await settle(pilot)
        second = table_keys(app, "#orders")
        assert len(second) == PAGE_SIZE
        assert page_info(app, "#orders") == f"{PAGE_SIZE + 1}–{2 * PAGE_SIZE} of 2,000"
        assert not set(first) & set(second)
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert table_keys(app, "#orders") == first


async def test_the_orders_list_filters_by_status_overdue_and_text(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        assert table_keys(app, "#orders") == ["2026-003", "2026-002", "2026-001"]
        app.screen.query_one("#show", Select).value = "overdue"
        await settle(pilot)
        assert table_keys(app, "#orders") == ["2026-002", "2026-001"]
        await pilot.press("slash", *"lefèvre")
        await settle(pilot)
        assert table_keys(app, "#orders") == ["2026-002"]
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, OrderScreen) and app.screen.ref == "2026-002"


async def test_a_clients_orders_list_leaves_with_escape(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.open_client(1)
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, OrdersScreen) and table_keys(app, "#orders") == ["2026-002"]
        await pilot.press("slash", "escape")
        assert isinstance(app.screen, OrdersScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ClientScreen)


async def test_a_name_that_looks_like_markup_is_listed_as_typed(tmp_path):
    folder = tmp_path / "book"
    with Book(folder) as book:
        clients.add_client(book, TODAY, first_name="Jean", last_name="[b]Dupont[/b]")
    app = CarnetApp(folder, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        table = app.screen.query_one("#clients DataTable", DataTable)
        assert "Jean [b]Dupont" in table.render_line(1).text


async def test_a_difficult_client_stands_out_in_the_theme_warning_colour(tmp_path):
    from rich.color import Color
    app = CarnetApp(demo_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        henri = next(c for c in app.book.clients() if c.last_name == "Lefèvre")
        clients.mark_client(app.book, henri.id, "difficult")
        await pilot.press("2")
        await settle(pilot)
        table = app.screen.query_one("#clients DataTable", DataTable)
        row = table_keys(app, "#clients").index(str(henri.id))
        table.move_cursor(row=(row + 1) % table.row_count)
        await settle(pilot)
        segments = [s for y in range(table.size.height) for s in table.render_line(y)]
        marked = [s for s in segments if s.text.strip() == "difficult"]
        assert marked, "the status is shown"
        warning = Color.parse(app.theme_variables["warning"])
        assert marked[0].style.bold and marked[0].style.color.triplet == warning.triplet
