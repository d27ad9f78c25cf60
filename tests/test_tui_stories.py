"""The freelancer's stories, played on the real app with a Pilot, on a temporary book."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Static

from store import incidents, orders, relations
from store.book import Book
from tui.app import CarnetApp
from tui.screens.book_problem import BookProblemScreen
from tui.screens.clients import ClientScreen
from tui.screens.dashboard import DashboardScreen
from tui.screens.orders import OrderScreen

from .tui_support import TODAY, demo_book, late_book, paste, section_ids, settle, table_keys


async def test_the_most_overdue_order_is_first_on_the_dashboard(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert section_ids(app, "Overdue") == ["order:2026-002", "order:2026-001"]
        assert section_ids(app, "Due within 7 days") == ["order:2026-003"]
        assert app.screen.query_one("#attention").highlighted_option.id == "order:2026-002"


async def test_selecting_an_overdue_line_opens_the_order(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, OrderScreen) and app.screen.ref == "2026-002"
        head = str(app.screen.query_one("#order-head", Static).render())
        assert "Acte de vente, 1523" in head and "10 days late" in head
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)


async def test_postponing_moves_the_order_off_the_overdue_list_into_its_history(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "p")
        await pilot.press(*"+7", "tab")
        await paste(pilot, "sources illisibles")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, OrderScreen)
        dates = str(app.screen.query_one("#order-dates", Static).render())
        assert "moved" in dates and "13 Nov 2026 → 30 Nov 2026" in dates
        assert "sources illisibles" in dates
        await pilot.press("escape")
        await settle(pilot)
        assert section_ids(app, "Overdue") == ["order:2026-001"]
        assert "order:2026-002" in section_ids(app, "Due within 7 days")


async def test_undo_puts_the_postponed_order_back_on_the_overdue_list(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.run_action_safely(orders.postpone, app.book, "2026-002",
                              TODAY + timedelta(days=7), "sources illisibles", "mine", TODAY)
        await settle(pilot)
        assert section_ids(app, "Overdue") == ["order:2026-001"]
        await pilot.press("ctrl+z")
        await settle(pilot)
        question = str(app.screen.query_one("#confirm-question", Static).render())
        assert question == "Undo: postpone 2026-002 to 30 Nov 2026?"
        await pilot.press("y")
        await settle(pilot)
        assert section_ids(app, "Overdue") == ["order:2026-002", "order:2026-001"]
        assert app.book.order("2026-002").postponements == []
        await pilot.press("ctrl+y", "y")
        await settle(pilot)
        assert app.book.order("2026-002").due == TODAY + timedelta(days=7)
        assert section_ids(app, "Overdue") == ["order:2026-001"]


async def test_undo_asks_first_and_no_keeps_the_change(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.run_action_safely(orders.postpone, app.book, "2026-002",
                              TODAY + timedelta(days=7), "sources illisibles", "mine", TODAY)
        await settle(pilot)
        await pilot.press("ctrl+z", "n")
        await settle(pilot)
        assert app.book.order("2026-002").due == TODAY + timedelta(days=7)


async def test_a_complaint_then_an_incident_shows_on_the_dashboard_until_closed(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        book = app.book
        app.run_action_safely(relations.log_interaction, book, 1, "complaint",
                              "Le nom du vendeur est mal lu.", TODAY, order_ref="2026-002")
        await settle(pilot)
        assert "client:1:risk" in section_ids(app, "Clients to look after")
        await pilot.press("enter", "i")
        await paste(pilot, "Nom du vendeur mal lu")
        await pilot.press("ctrl+s")
        await settle(pilot)
        incident = incidents.open_incidents(book)[0]
        assert type(app.screen).__name__ == "RecoveryScreen"
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert section_ids(app, "Recovery plans") == [f"incident:{incident.id}"]
        for step in ("apologised", "fixed", "followed_up", "feedback_asked"):
            app.run_action_safely(incidents.record_step, book, incident.id, step, TODAY)
        await settle(pilot)
        assert section_ids(app, "Recovery plans") == [f"incident:{incident.id}"]
        app.run_action_safely(incidents.close_incident, book, incident.id, TODAY,
                              "Relire les noms propres à voix haute.")
        await settle(pilot)
        assert section_ids(app, "Recovery plans") == []


async def test_a_second_carnet_on_the_same_book_shows_the_store_message(tmp_path):
    folder = late_book(tmp_path / "book")
    with Book(folder):
        app = CarnetApp(folder, TODAY)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, BookProblemScreen)
            message = str(app.screen.query_one("#problem-message", Static).render())
            assert "already open in another Carnet" in message
            assert app.book is None
            await pilot.click("#read-only")
            await settle(pilot)
            assert isinstance(app.screen, DashboardScreen)
            assert app.book.read_only and "read-only" in app.sub_title
            assert section_ids(app, "Overdue") == ["order:2026-002", "order:2026-001"]
            assert app.run_action_safely(relations.add_followup, app.book, 1, TODAY,
                                         "call back") is None
            await pilot.press("enter", "p")
            await settle(pilot)
            assert isinstance(app.screen, OrderScreen)


async def test_quitting_from_the_lock_message_leaves_without_a_traceback(tmp_path):
    folder = late_book(tmp_path / "book")
    with Book(folder):
        app = CarnetApp(folder, TODAY)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.click("#quit")
            await pilot.pause()
        assert app.return_code == 1


async def test_a_dashboard_client_line_opens_the_client(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.run_action_safely(relations.log_interaction, app.book, 2, "complaint", "Trop lent",
                              TODAY)
        await settle(pilot)
        attention = app.screen.query_one("#attention")
        ids = [attention.get_option_at_index(i).id for i in range(attention.option_count)]
        attention.highlighted = ids.index("client:2:risk")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ClientScreen) and app.screen.client_id == 2


async def test_l_on_an_overdue_line_composes_the_apology_for_that_order(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert type(app.screen).__name__ == "LetterScreen"
        assert (app.screen.kind, app.screen.ref) == ("apology", "2026-002")


async def test_an_empty_book_opens_on_the_welcome(tmp_path):
    app = CarnetApp(tmp_path / "new-book", TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert type(app.screen).__name__ == "WelcomeScreen"
        assert app.book is not None and app.book.is_empty()


async def test_a_click_on_a_dashboard_line_opens_it(tmp_path):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.click("#attention", offset=(10, 3))
        await settle(pilot)
        assert isinstance(app.screen, OrderScreen) and app.screen.ref == "2026-001"


async def test_an_apology_from_the_order_is_filed_as_a_pdf_on_the_timelines(tmp_path):
    folder = demo_book(tmp_path / "book")
    app = CarnetApp(folder, TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "l")
        await settle(pilot)
        assert type(app.screen).__name__ == "LetterScreen"
        await pilot.press("ctrl+g")
        await settle(pilot)
        letter = app.book.letters()[0]
        assert (letter.kind, letter.order_ref) == ("apology", "2026-009")
        assert (folder / letter.path).read_bytes().startswith(b"%PDF")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, OrderScreen)
        assert f"letter:{letter.id}" in table_keys(app, "#order-related")
        await pilot.press("k")
        await settle(pilot)
        assert isinstance(app.screen, ClientScreen)
        timeline = [app.book.get("interactions", int(key.split(":")[1])).kind
                    for key in table_keys(app, "#timeline") if key.startswith("interaction:")]
        assert "letter sent" in timeline


async def test_ctrl_z_while_typing_undoes_the_typing_not_the_book(tmp_path):
    """A mistaken keystroke in a text field must not revert the last saved change."""
    from datetime import date as _date

    from store import clients as _clients
    from store.book import Book as _Book
    from textual.widgets import Input as _Input
    from tui.app import CarnetApp as _App

    with _Book(tmp_path / "book") as book:
        client = _clients.add_client(book, _date(2026, 11, 23), last_name="Lefèvre")
    app = _App(data_dir=tmp_path / "book", today=_date(2026, 11, 23))
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        _clients.edit_client(app.book, client.id, last_name="Lefebvre")
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.focused, _Input)
        await pilot.press("x", "ctrl+z")
        await pilot.pause()
        assert app.book.client(client.id).last_name == "Lefebvre"
        app.set_focus(None)
        await pilot.press("ctrl+z")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.book.client(client.id).last_name == "Lefèvre"


async def test_an_apology_once_sent_shows_on_the_overdue_line(tmp_path):
    """So that a second apology is not sent by mistake."""
    from datetime import date as _date, timedelta as _timedelta

    from textual.widgets import OptionList as _OptionList

    from store import clients as _clients, orders as _orders
    from store.book import Book as _Book
    from store.relations import record_letter as _record_letter
    from tui.app import CarnetApp as _App

    today = _date(2026, 11, 23)
    with _Book(tmp_path / "book") as book:
        client = _clients.add_client(book, today, last_name="Lefèvre")
        order = _orders.add_order(book, today, client.id, "Acte", received=today - _timedelta(30),
                                  due=today - _timedelta(5))
        _record_letter(book, client.id, "apology", "fr", today, "letters/a.pdf", "0" * 64,
                       order.ref)
    app = _App(data_dir=tmp_path / "book", today=today)
    async with app.run_test(size=(120, 32)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        attention = app.screen.query_one(_OptionList)
        lines = [str(attention.get_option_at_index(i).prompt)
                 for i in range(attention.option_count)]
    assert any(order.ref in line and "✉ apology sent 23 Nov 2026" in line for line in lines)
