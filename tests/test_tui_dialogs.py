"""Story tests of the modal forms: the store validates, messages sit beside the fields."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.reactive import reactive
from textual.widgets import Input, Static

from store import clients, orders
from store.book import Book
from tui import dialogs
from tui.dialogs import ConfirmDialog, FormDialog

from .tui_support import paste

TODAY = date(2026, 11, 23)


class HarnessApp(App):
    """The smallest app the dialogs and screens need: a book, a today, a data version."""

    data_version: reactive[int] = reactive(0, init=False)

    def __init__(self, book: Book, today: date = TODAY) -> None:
        super().__init__()
        self.book = book
        self.today = today
        self.refreshed = 0
        self.notices: list[str] = []
        self.opened: list[tuple] = []

    def compose(self) -> ComposeResult:
        yield Static("harness")

    def refresh_data(self) -> None:
        self.refreshed += 1
        self.data_version += 1

    def open_order(self, ref: str) -> None:
        self.opened.append(("order", ref))

    def open_client(self, client_id: int) -> None:
        self.opened.append(("client", client_id))

    def open_incident(self, incident_id: int) -> None:
        self.opened.append(("incident", incident_id))

    def open_letter(self, kind=None, ref=None, client_id=None) -> None:
        self.opened.append(("letter", kind, ref, client_id))

    def notify(self, message: str, **kwargs) -> None:
        self.notices.append(message)
        super().notify(message, **kwargs)


@pytest.fixture
def book(tmp_path: Path):
    book = Book(tmp_path / "book")
    henri = clients.add_client(book, TODAY, civility="M.", first_name="Henri",
                               last_name="Lefèvre", channel="letter",
                               address_lines=["7, rue de la Charpenterie"], postcode="45000",
                               city="Orléans")
    orders.add_order(book, TODAY - timedelta(days=30), henri.id, "Acte de vente de 1523",
                     TODAY - timedelta(days=3))
    yield book
    book.close()


async def type_text(pilot, text: str) -> None:
    """Type like a person, one key at a time: a date field reads what comes as it comes."""
    await pilot.press(*text)


def message_beside(app: App, name: str) -> str:
    return str(app.screen.query_one(f"#message-{name}", Static).render())


def field(app: App, name: str):
    return app.screen.query_one(f"#field-{name}")


class TestDeliver:
    async def test_a_delivery_dated_in_the_future_is_refused_beside_the_field(self, book):
        app = HarnessApp(book)
        async with app.run_test(size=(80, 24)) as pilot:
            await dialogs.deliver(app, "2026-001")
            field(app, "on").value = "+5"
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, FormDialog)
            assert "is after today" in message_beside(app, "on")
        assert book.order("2026-001").delivered is None


class TestPostpone:
    async def test_a_malformed_date_is_refused_beside_the_field_and_kept(self, book):
        app = HarnessApp(book)
        async with app.run_test(size=(80, 24)) as pilot:
            await dialogs.postpone_order(app, "2026-001")
            await type_text(pilot, "bientôt")
            await pilot.press("tab")
            await paste(pilot, "illness")
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, FormDialog)
            assert "bientôt" in message_beside(app, "new_date")
            assert "2026-12-01" in message_beside(app, "new_date")
            assert field(app, "new_date").value == "bientôt"
            assert field(app, "reason").value == "illness"
            assert app.focused is field(app, "new_date")
        assert book.order("2026-001").postponements == []

    async def test_a_valid_date_moves_the_due_date_into_the_history(self, book):
        app = HarnessApp(book)
        async with app.run_test(size=(80, 24)) as pilot:
            await dialogs.postpone_order(app, "2026-001")
            await type_text(pilot, "+7")
            await pilot.pause()
            assert "30 Nov 2026" in message_beside(app, "new_date")
            await pilot.press("tab")
            await paste(pilot, "sources illisibles")
            await pilot.press("enter")
            await pilot.pause()
            assert not isinstance(app.screen, FormDialog)
        order = book.order("2026-001")
        assert order.due == TODAY + timedelta(days=7)
        assert order.due_original == TODAY - timedelta(days=3)
        moved = order.postponements[-1]
        assert (moved.from_date, moved.to_date, moved.reason, moved.cause) == (
            TODAY - timedelta(days=3), TODAY + timedelta(days=7), "sources illisibles", "mine")
        assert app.refreshed == 1

    async def test_a_missing_reason_is_shown_beside_the_reason(self, book):
        app = HarnessApp(book)
        async with app.run_test(size=(80, 24)) as pilot:
            await dialogs.postpone_order(app, "2026-001")
            await type_text(pilot, "demain")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert "must not be empty" in message_beside(app, "reason")
            assert message_beside(app, "new_date") == "→ Tuesday 24 Nov 2026"

    async def test_escape_closes_without_change(self, book):
        app = HarnessApp(book)
        async with app.run_test(size=(80, 24)) as pilot:
            await dialogs.postpone_order(app, "2026-001")
            await type_text(pilot, "+3")
            await pilot.press("escape")
            await pilot.pause()
            assert not isinstance(app.screen, FormDialog)
        assert book.order("2026-001").due == TODAY - timedelta(days=3)
        assert app.refreshed == 0

    async def test_an_unknown_order_is_one_clear_line(self, book):
        app = HarnessApp(book)
        async with app.run_test(size=(80, 24)) as pilot:
            assert dialogs.postpone_order(app, "1999-404") is None
            await pilot.pause()
            assert "1999-404" in app.notices[-1]


class TestDestructive:
    async def test_cancelling_an_order_asks_first_and_no_keeps_it(self, book):
        app = HarnessApp(book)
        async with app.run_test(size=(80, 24)) as pilot:
            await dialogs.cancel(app, "2026-001")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmDialog)
            assert "2026-001" in app.screen.question
            await pilot.press("n")
            await pilot.pause()
            assert book.order("2026-001").status == "accepted"
            await dialogs.cancel(app, "2026-001")
            await pilot.press("y")
            await pilot.pause()
        order = book.order("2026-001")
        assert (order.status, order.cancelled) == ("cancelled", TODAY)
        assert app.refreshed == 1

    async def test_parting_with_a_client_asks_first(self, book):
        app = HarnessApp(book)
        async with app.run_test(size=(80, 24)) as pilot:
            await dialogs.mark_client(app, 1)
            field(app, "status").value = "parted"
            await pilot.click("#field-note")
            await paste(pilot, "bad faith")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmDialog)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, FormDialog)
            assert book.client(1).status == "active"
            await pilot.press("ctrl+s", "y")
            await pilot.pause()
            assert not isinstance(app.screen, (FormDialog, ConfirmDialog))
        assert (book.client(1).status, book.client(1).status_note) == ("parted", "bad faith")

    async def test_marking_difficult_needs_no_confirmation(self, book):
        app = HarnessApp(book)
        async with app.run_test(size=(80, 24)) as pilot:
            await dialogs.mark_client(app, 1)
            field(app, "status").value = "difficult"
            await pilot.press("ctrl+s")
            await pilot.pause()
        assert book.client(1).status == "difficult"

    async def test_confirm_can_be_awaited(self, book):
        app = HarnessApp(book)
        answers = []
        async with app.run_test(size=(80, 24)) as pilot:
            async def ask():
                answers.append(await dialogs.confirm(app, "Really?"))
            app.run_worker(ask())
            await pilot.pause()
            await pilot.press("y")
            await app.workers.wait_for_complete()
        assert answers == [True]


class TestOrdersAndClients:
    async def test_a_new_order_is_received_today_and_due_in_two_weeks(self, book):
        app = HarnessApp(book)
        async with app.run_test(size=(80, 24)) as pilot:
            await dialogs.new_order(app, client_id=1)
            assert "2026-002" in str(app.screen.query_one("#form-intro", Static).render())
            await paste(pilot, "Registre paroissial")
            await pilot.press("ctrl+s")
            await pilot.pause()
        order = book.order("2026-002")
        assert (order.client_id, order.received, order.due) == (1, TODAY, date(2026, 12, 7))

    async def test_a_new_order_without_client_says_so_beside_the_client(self, book):
        app = HarnessApp(book)
        async with app.run_test(size=(80, 24)) as pilot:
            await dialogs.new_order(app)
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert "choose the client" in message_beside(app, "client")

    async def test_a_bad_price_and_pages_are_refused_beside_their_fields(self, book):
        app = HarnessApp(book)
        async with app.run_test(size=(80, 24)) as pilot:
            await dialogs.edit_order(app, "2026-001")
            field(app, "price").value = "beaucoup"
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert "not an amount" in message_beside(app, "price")
            field(app, "price").value = "1 250,50"
            field(app, "pages").value = "0"
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert "at least 1" in message_beside(app, "pages")
            assert message_beside(app, "price") == "→ €1,250.50"
            field(app, "pages").value = "4"
            field(app, "status").value = "in progress"
            await pilot.press("ctrl+s")
            await pilot.pause()
        order = book.order("2026-001")
        assert (str(order.price), order.document.pages, order.status) == ("1250.50", 4,
                                                                         "in progress")
        assert book.undo() == "edit 2026-001"
        assert book.order("2026-001").status == "accepted"

    async def test_a_client_needs_a_name_and_a_real_email(self, book):
        app = HarnessApp(book)
        async with app.run_test(size=(80, 24)) as pilot:
            await dialogs.new_client(app)
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert "needs a name" in message_beside(app, "first_name")
            field(app, "organisation").value = "Étude Caradec"
            field(app, "email").value = "caradec"
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert "e-mail" in message_beside(app, "email")
            field(app, "email").value = "etude@notaires.fr"
            field(app, "tags").value = "notaire, Rennes"
            await pilot.press("ctrl+s")
            await pilot.pause()
        added = book.clients()[-1]
        assert (added.organisation, added.tags, added.created) == (
            "Étude Caradec", ["notaire", "Rennes"], TODAY)


class TestRelations:
    async def test_an_exchange_is_logged_by_the_clients_preferred_channel(self, book):
        app = HarnessApp(book)
        async with app.run_test(size=(80, 24)) as pilot:
            await dialogs.log_interaction(app, 1, "2026-001")
            assert field(app, "channel").value == "letter"
            assert field(app, "order_ref").value == "2026-001"
            field(app, "kind").value = "complaint"
            field(app, "satisfaction").value = 2
            field(app, "text").text = "Fâché du retard"
            await pilot.press("ctrl+s")
            await pilot.pause()
        logged = book.interactions()[-1]
        assert (logged.kind, logged.channel, logged.order_ref, logged.satisfaction,
                logged.when.date()) == ("complaint", "letter", "2026-001", 2, TODAY)

    async def test_a_gift_and_a_done_followup(self, book):
        app = HarnessApp(book)
        orders.deliver(book, "2026-001", TODAY)
        async with app.run_test(size=(80, 24)) as pilot:
            await dialogs.gift_received(app, 1)
            await paste(pilot, "un carnet de timbres")
            await pilot.press("enter")
            await pilot.pause()
            await dialogs.complete_followup(app, book.followups()[0].id)
            await pilot.press("enter")
            await pilot.pause()
        assert book.interactions()[-1].text == "un carnet de timbres"
        assert book.followups()[0].done == TODAY


class TestSetUp:
    async def test_the_profile_is_checked_beside_its_fields_then_saved(self, book):
        from tui.screens.profile import ProfileScreen

        app = HarnessApp(book)
        async with app.run_test(size=(80, 24)) as pilot:
            await app.push_screen(ProfileScreen())
            await pilot.pause()
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert "heads every letter" in message_beside(app, "name")
            await paste(pilot, "Claire Vasseur")
            field(app, "email").value = "claire.vasseur"
            field(app, "tolerance_days").value = "2"
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert "e-mail" in message_beside(app, "email")
            assert field(app, "name").value == "Claire Vasseur"
            assert book.profile.name == ""
            field(app, "email").value = "claire@paleographie.fr"
            field(app, "address_lines").text = "12, rue Mouffetard\n\n"
            await pilot.press("ctrl+s")
            await pilot.pause()
        profile = book.profile
        assert (profile.name, profile.email, profile.address_lines, profile.tolerance_days) == (
            "Claire Vasseur", "claire@paleographie.fr", ["12, rue Mouffetard"], 2)
        assert book.undo() == "edit profile"

    async def test_the_profile_shows_the_saved_one_and_ctrl_r_puts_it_back(self, book):
        from store.models import Profile
        from tui.screens.profile import ProfileScreen

        book.set_profile(Profile(name="Claire Vasseur", city="Tours", language="en"))
        app = HarnessApp(book)
        async with app.run_test(size=(80, 24)) as pilot:
            await app.push_screen(ProfileScreen())
            await pilot.pause()
            assert (field(app, "name").value, field(app, "city").value) == (
                "Claire Vasseur", "Tours")
            assert field(app, "language").value == "en"
            field(app, "city").value = "Blois"
            await pilot.press("ctrl+r")
            await pilot.pause()
            assert field(app, "city").value == "Tours"

    async def test_an_empty_book_welcomes_and_opens_the_demo_as_a_labelled_copy(self, tmp_path):
        from tui.app import CarnetApp
        from tui.screens.welcome import WelcomeScreen

        app = CarnetApp(tmp_path / "mine", TODAY)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, WelcomeScreen)
            await pilot.press("d")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert not isinstance(app.screen, WelcomeScreen)
            assert app.book_label == "demo"
            assert app.book.data_dir != tmp_path / "mine"
            assert "DEMO" in app.sub_title
            assert len(app.book.clients()) > 5
        with Book(tmp_path / "mine") as mine:
            assert mine.is_empty()

    async def test_the_welcome_leads_to_the_profile(self, tmp_path):
        from tui.app import CarnetApp
        from tui.screens.profile import ProfileScreen

        app = CarnetApp(tmp_path / "mine", TODAY)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("p")
            await pilot.pause()
            assert isinstance(app.screen, ProfileScreen)


class TestWorkflow:
    async def test_pause_then_resume_then_deliver(self, book):
        app = HarnessApp(book)
        async with app.run_test(size=(80, 24)) as pilot:
            await dialogs.pause_or_resume(app, "2026-001")
            await paste(pilot, "photos des folios")
            await pilot.press("enter")
            await pilot.pause()
            assert book.order("2026-001").paused
            dialogs.pause_or_resume(app, "2026-001")
            await pilot.pause()
            assert not book.order("2026-001").paused
            await dialogs.deliver(app, "2026-001")
            field(app, "on").value = "hier"
            await pilot.press("ctrl+s")
            await pilot.pause()
        order = book.order("2026-001")
        assert (order.status, order.delivered) == ("delivered", TODAY - timedelta(days=1))
        assert book.followups()[-1].due == TODAY + timedelta(days=6)

    async def test_a_read_only_book_keeps_the_form_open_with_the_stores_message(self, book):
        data_dir = book.data_dir
        book.close()
        with Book(data_dir, read_only=True) as read_only:
            app = HarnessApp(read_only)
            async with app.run_test(size=(80, 24)) as pilot:
                await dialogs.postpone_order(app, "2026-001")
                await type_text(pilot, "+7")
                await pilot.press("tab")
                await paste(pilot, "retard")
                await pilot.press("enter")
                await pilot.pause()
                assert isinstance(app.screen, FormDialog)
                general = str(app.screen.query_one("#form-error", Static).render())
                assert "read-only" in general.lower() or "read only" in general.lower()
                assert field(app, "new_date").value == "+7"

    async def test_paid_extra_and_a_promised_call_back(self, book):
        app = HarnessApp(book)
        orders.deliver(book, "2026-001", TODAY)
        async with app.run_test(size=(80, 24)) as pilot:
            await dialogs.add_extra(app, "2026-001")
            await paste(pilot, "Résumé en français moderne")
            field(app, "price").value = "40"
            await pilot.press("ctrl+s")
            await pilot.pause()
            await dialogs.mark_paid(app, "2026-001")
            await pilot.press("enter")
            await pilot.pause()
            await dialogs.add_followup(app, 1, "2026-001")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert "must not be empty" in message_beside(app, "what")
            await paste(pilot, "Rappeler pour le résumé")
            await pilot.press("ctrl+s")
            await pilot.pause()
        order = book.order("2026-001")
        assert [(e.what, str(e.price)) for e in order.extras] == [
            ("Résumé en français moderne", "40.00")]
        assert (order.status, order.paid) == ("paid", TODAY)
        promised = book.followups()[-1]
        assert (promised.what, promised.due, promised.order_ref) == (
            "Rappeler pour le résumé", TODAY + timedelta(days=2), "2026-001")


def test_snapshot_of_a_refused_date_beside_its_field_at_80x24(tmp_path, snap_compare):
    """Update after a deliberate change: pytest tests/test_tui_dialogs.py --snapshot-update"""
    from tui.app import CarnetApp

    from .tui_support import demo_book, settle

    app = CarnetApp(demo_book(tmp_path / "book"), TODAY)

    async def refuse(pilot):
        await settle(pilot)
        app.open_order("2026-009")
        await settle(pilot)
        await pilot.press("p", *"31/11", "tab", *"folios", "enter")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=refuse)
