"""Money in the TUI: the Money section, payments into the receipts book, the dashboard's
unpaid invoices, documents issued from an order and a credit note from a recovery plan."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from pypdf import PdfReader
from textual.widgets import Input, Select, Static

from store import incidents, invoicing, orders, receipts
from store.board import dashboard_row
from store.book import Book
from tui.app import CarnetApp
from tui.dialogs import ConfirmDialog, FormDialog, edit_client
from tui.dialogs.issuing import IssuingScreen

from .money_support import business_client, delivered_order, open_book, private_client
from .tui_support import section_ids, settle, table_keys

ISSUED = date(2026, 3, 2)
"""The invoices' day; with 30 payment days they fall due on 1 April 2026."""
LATE = date(2026, 4, 20)
"""19 days after the invoices fell due."""


def notes(app) -> list[str]:
    return [note.message for note in app._notifications]


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def cells(app, selector: str) -> list[list[str]]:
    """The cells of the rows shown by a PagedTable, as plain text."""
    table = app.screen.query_one(f"{selector} DataTable")
    return [[str(cell) for cell in table.get_row_at(row)] for row in range(table.row_count)]


@pytest.fixture
def folder(tmp_path):
    """Henri's act (300 €) invoiced on 2 March; the Étude's (1 250 €) invoiced too, 500 €
    of it paid by cheque on 20 March."""
    path = tmp_path / "book"
    with open_book(path) as book:
        henri, etude = private_client(book), business_client(book)
        first = delivered_order(book, henri, on=ISSUED)
        second = delivered_order(book, etude, on=ISSUED, price="1250",
                                 title="Registre paroissial, 1702")
        invoicing.issue_invoice(book, first.ref, ISSUED)
        invoicing.issue_invoice(book, second.ref, ISSUED)
        receipts.record_payment(book, second.ref, date(2026, 3, 20), Decimal("500"), "cheque")
    return path


async def open_money(pilot) -> None:
    await settle(pilot)
    await pilot.press("7")
    await settle(pilot)


async def test_an_invoice_shows_unpaid_only_once_past_its_due_date(folder):
    async with CarnetApp(folder, date(2026, 3, 31)).run_test(size=(100, 32)) as pilot:
        await open_money(pilot)
        assert type(pilot.app.screen).__name__ == "MoneyScreen"
        assert table_keys(pilot.app, "#money-unpaid") == []
        assert table_keys(pilot.app, "#money-documents") == ["F-2026-0002", "F-2026-0001"]
    async with CarnetApp(folder, LATE).run_test(size=(100, 32)) as pilot:
        await open_money(pilot)
        app = pilot.app
        assert table_keys(app, "#money-unpaid") == ["F-2026-0001", "F-2026-0002"]
        henri, etude = cells(app, "#money-unpaid")
        assert henri[:2] == ["F-2026-0001", "Henri Lefèvre"] and henri[4:] == ["19 d", "€300"]
        assert etude[1] == "Étude Martin & Associés" and etude[-1] == "€750"
        documents = cells(app, "#money-documents")
        assert [row[-1] for row in documents] == ["€750 owed", "€300 owed"]
        assert [row[5] for row in documents] == ["€1,250", "€300"]
        await pilot.press("enter")
        await settle(pilot)
        assert getattr(app.screen, "ref", None) == "2026-001"


async def test_a_payment_recorded_from_the_section_joins_the_receipts_book_and_its_total(
        folder):
    async with CarnetApp(folder, LATE).run_test(size=(100, 32)) as pilot:
        await open_money(pilot)
        app = pilot.app
        assert "Receipts, Q2 2026  1 Apr 2026 – 30 Jun 2026  0 received, total €0" == text_of(
            app, "#money-receipts-title")
        await pilot.press("p")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormDialog) and form.form_title == "Payment for F-2026-0001"
        assert form.query_one("#field-amount", Input).value == "300"
        form.query_one("#field-amount", Input).value = "120"
        form.query_one("#field-method", Select).value = "cheque"
        form.query_one("#field-on", Input).value = "2026-04-15"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "€120 received on 15 Apr 2026 for F-2026-0001 (order 2026-001)" in notes(app)
        assert "1 received, total €120" in text_of(app, "#money-receipts-title")
        assert cells(app, "#money-receipts") == [
            ["15 Apr 2026", "Henri Lefèvre", "F-2026-0001", "prestation de services", "cheque",
             "€120"]]
        assert cells(app, "#money-unpaid")[0][-1] == "€180"
        assert "Q1 €500 · Q2 €120" in text_of(app, "#money-declarations")
        await pilot.press("p", "ctrl+s")
        await settle(pilot)
        assert table_keys(app, "#money-unpaid") == ["F-2026-0002"]
        assert "total €300" in text_of(app, "#money-receipts-title")
        assert cells(app, "#money-documents")[1][-1] == "✓ paid"
    with Book(folder) as book:
        assert book.order("2026-001").status == "paid"
        paid = [(p.on, p.amount, p.method) for p in receipts.receipts(book, ISSUED, LATE)
                if p.order_ref == "2026-001"]
    assert paid == [(date(2026, 4, 15), Decimal("120.00"), "cheque"),
                    (LATE, Decimal("180.00"), "transfer")]


async def test_a_payment_more_than_is_owed_is_refused_beside_the_amount(folder):
    async with CarnetApp(folder, LATE).run_test(size=(100, 32)) as pilot:
        await open_money(pilot)
        await pilot.press("p")
        await pilot.pause()
        form = pilot.app.screen
        form.query_one("#field-amount", Input).value = "301"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.screen is form
        assert "more than what is left to pay" in text_of(pilot.app, "#message-amount")
    with Book(folder) as book:
        assert len(book.all("payments")) == 1


async def test_the_receipts_book_switches_to_a_month_or_the_year_and_moves_in_time(folder):
    async with CarnetApp(folder, LATE).run_test(size=(100, 32)) as pilot:
        await open_money(pilot)
        app = pilot.app
        assert "Receipts, Q2 2026" in text_of(app, "#money-receipts-title")
        assert table_keys(app, "#money-receipts") == []
        await pilot.press("s")
        await settle(pilot)
        assert "Receipts, April 2026" in text_of(app, "#money-receipts-title")
        await pilot.press("comma")
        await settle(pilot)
        assert "Receipts, March 2026" in text_of(app, "#money-receipts-title")
        assert len(table_keys(app, "#money-receipts")) == 1
        await pilot.press("s")
        await settle(pilot)
        assert "Receipts, 2026" in text_of(app, "#money-receipts-title")
        assert "total €500" in text_of(app, "#money-receipts-title")
        await pilot.press("full_stop")
        await settle(pilot)
        assert "Receipts, 2027" in text_of(app, "#money-receipts-title")
        assert "URSSAF 2027, quarterly" in text_of(app, "#money-declarations")


async def test_the_dashboard_lists_unpaid_invoices_past_due_and_its_json_too(folder):
    async with CarnetApp(folder, LATE).run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        app = pilot.app
        assert section_ids(app, "Unpaid invoices") == ["invoice:F-2026-0001",
                                                       "invoice:F-2026-0002"]
        attention = app.screen.query_one("#attention")
        ids = [attention.get_option_at_index(i).id for i in range(attention.option_count)]
        attention.highlighted = ids.index("invoice:F-2026-0002")
        await pilot.press("enter")
        await settle(pilot)
        assert getattr(app.screen, "ref", None) == "2026-002"
    with Book(folder) as book:
        row = dashboard_row(book, LATE)
        before = dashboard_row(book, date(2026, 3, 31))
    assert [(r["number"], r["days_late"], r["outstanding"], r["client"]) for r in row["unpaid"]] \
        == [("F-2026-0001", 19, "300.00", "Henri Lefèvre"),
            ("F-2026-0002", 19, "750.00", "Étude Martin & Associés")]
    assert before["unpaid"] == []
    assert {"overdue", "followups", "plans", "due_soon", "look_after", "milestones",
            "on_time_rate", "active_orders", "today"} <= set(row)


async def test_the_order_screen_lists_its_invoice_and_payments(folder):
    async with CarnetApp(folder, LATE).run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        pilot.app.open_order("2026-002")
        await settle(pilot)
        history = {key: row for key, row in zip(table_keys(pilot.app, "#order-related"),
                                                cells(pilot.app, "#order-related"))}
        invoice = history["document:F-2026-0002"]
        assert invoice[1] == "invoice" and "€1,250 · €750 owed" in invoice[2]
        payment = next(row for key, row in history.items() if key.startswith("payment:"))
        assert payment[2] == "€500 by cheque for F-2026-0002"


def _planned(folder, gesture: str) -> int:
    """A recovery plan on Henri's invoiced order, followed up with `gesture`."""
    with Book(folder) as book:
        plan = incidents.open_incident(book, "2026-001", ISSUED, "Two lines skipped")
        incidents.record_step(book, plan.id, "apologised", ISSUED)
        incidents.record_step(book, plan.id, "fixed", ISSUED, solution="Lines added")
        incidents.record_step(book, plan.id, "followed_up", ISSUED, gesture=gesture)
        return plan.id


async def test_a_credit_note_from_a_plan_proposes_the_gestures_share_and_asks_first(folder):
    plan = _planned(folder, "Remise de 10 % sur la facture")
    async with CarnetApp(folder, LATE).run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        app = pilot.app
        app.open_incident(plan)
        await settle(pilot)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormDialog)
        assert form.query_one("#field-amount", Input).value == "30"
        assert form.query_one("#field-reason", Input).value == "Remise de 10 % sur la facture"
        assert "takes number A-2026-0001" in text_of(app, "#form-intro")
        form.query_one("#field-amount", Input).value = "400"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Issue credit note A-2026-0001 for €400 on F-2026-0001?" in str(
            app.screen.query_one("#confirm-question", Static).render())
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is form
        assert "more than what is left to credit" in text_of(app, "#message-amount")
        await pilot.press("escape")
        await pilot.pause()
    with Book(folder) as book:
        assert [doc.kind for doc in book.all("documents")] == ["invoice", "invoice"]


async def test_no_credit_note_for_a_gesture_the_invoice_already_took_off(tmp_path):
    path = tmp_path / "book"
    with open_book(path) as book:
        order = delivered_order(book, private_client(book), on=ISSUED)
        plan = incidents.open_incident(book, order.ref, ISSUED, "Late")
        incidents.record_step(book, plan.id, "apologised", ISSUED)
        incidents.record_step(book, plan.id, "fixed", ISSUED, solution="Delivered")
        incidents.record_step(book, plan.id, "followed_up", ISSUED, gesture="Remise de 50 €")
        invoice = invoicing.issue_invoice(book, order.ref, ISSUED)
        assert invoice.total == Decimal("250.00")
    async with CarnetApp(path, LATE).run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        pilot.app.open_incident(plan.id)
        await settle(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, FormDialog)
        assert any("already takes the gesture off" in n for n in notes(pilot.app))


async def test_the_profile_form_takes_the_invoicing_settings_and_refuses_a_bad_iban(tmp_path):
    path = tmp_path / "book"
    open_book(path).close()
    async with CarnetApp(path, LATE).run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("6")
        await settle(pilot)
        screen = pilot.app.screen
        assert screen.query_one("#field-vat_regime", Select).value == "franchise"
        screen.query_one("#field-payment_days", Input).value = "45"
        screen.query_one("#field-invoice_prefix", Input).value = "FAC"
        screen.query_one("#field-declaration", Select).value = "monthly"
        screen.query_one("#field-iban", Input).value = "FR76 3000 6000 0112 3456 7890 188"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "not a valid IBAN" in text_of(pilot.app, "#message-iban")
        screen.query_one("#field-iban", Input).value = "FR76 3000 6000 0112 3456 7890 189"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert text_of(pilot.app, "#message-iban") == ""
    with Book(path) as book:
        profile = book.profile
    assert (profile.payment_days, profile.invoice_prefix, profile.declaration, profile.iban) == (
        45, "FAC", "monthly", "FR7630006000011234567890189")


async def test_the_client_form_takes_a_siren_checked_and_a_vat_number(folder):
    async with CarnetApp(folder, LATE).run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        app = pilot.app
        etude = next(c for c in app.book.clients() if c.organisation)
        app.open_dialog(edit_client, etude.id)
        await pilot.pause()
        form = app.screen
        assert form.query_one("#field-siren", Input).value == "732 829 320"
        form.query_one("#field-siren", Input).value = "732 829 321"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and text_of(app, "#message-siren") != ""
        form.query_one("#field-siren", Input).value = "732829320"
        form.query_one("#field-vat_number", Input).value = "FR44 732829320"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is not form
        assert app.book.client(etude.id).vat_number == "FR44732829320"


async def test_an_invoice_issued_from_an_order_is_filed_as_a_pdf_after_a_confirmation(tmp_path):
    path = tmp_path / "book"
    with open_book(path) as book:
        order = delivered_order(book, private_client(book), on=ISSUED)
        orders.add_extra(book, order.ref, "Résumé en français moderne", "40", ISSUED)
    async with CarnetApp(path, ISSUED).run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        app = pilot.app
        app.open_order(order.ref)
        await settle(pilot)
        await pilot.press("I")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        question = str(app.screen.query_one("#confirm-question", Static).render())
        assert "Issue invoice F-2026-0001 for order 2026-001" in question
        assert "€340 to Henri Lefèvre" in question
        await pilot.press("y")
        await settle(pilot)
        assert not isinstance(app.screen, (IssuingScreen, ConfirmDialog))
        pdf = path / "documents" / "F-2026-0001.pdf"
        assert any(str(pdf) in n for n in notes(app))
        text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
        assert "F-2026-0001" in text and "Résumé en français moderne" in text
        assert "document:F-2026-0001" in table_keys(app, "#order-related")
        await pilot.press("I")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDialog)
        assert any("was issued on 2 Mar 2026" in n and str(pdf) in n for n in notes(app))
    with Book(path) as book:
        assert [doc.number for doc in book.all("documents")] == ["F-2026-0001"]


async def test_a_quote_and_a_deposit_take_their_numbers_as_shown(tmp_path):
    path = tmp_path / "book"
    with open_book(path) as book:
        client = business_client(book)
        order = orders.add_order(book, ISSUED, client.id, "Registre, 1702", date(2026, 4, 1),
                                 received=ISSUED, price="1250")
    async with CarnetApp(path, ISSUED).run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        app = pilot.app
        app.open_order(order.ref)
        await settle(pilot)
        await pilot.press("Q")
        await pilot.pause()
        assert "Issue quote D-2026-0001" in str(
            app.screen.query_one("#confirm-question", Static).render())
        await pilot.press("y")
        await settle(pilot)
        assert (path / "documents" / "D-2026-0001.pdf").is_file()
        orders.set_status(app.book, order.ref, "accepted")
        app.refresh_data()
        await settle(pilot)
        await pilot.press("A")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormDialog) and "takes number F-2026-0001" in text_of(
            app, "#form-intro")
        form.query_one("#field-amount", Input).value = "1250"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and "a deposit is a part of the price" in text_of(
            app, "#message-amount")
        form.query_one("#field-amount", Input).value = "400"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert (path / "documents" / "F-2026-0001.pdf").is_file()
    with Book(path) as book:
        assert [(d.number, d.kind, d.subtotal) for d in book.all("documents")] == [
            ("D-2026-0001", "quote", Decimal("1250.00")),
            ("F-2026-0001", "deposit", Decimal("400.00"))]


async def test_a_credit_note_from_a_plan_is_issued_on_the_invoice_and_listed(folder):
    plan = _planned(folder, "Remise de 10 % sur la facture")
    async with CarnetApp(folder, LATE).run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        app = pilot.app
        app.open_incident(plan)
        await settle(pilot)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert (folder / "documents" / "A-2026-0001.pdf").is_file()
        await pilot.press("7")
        await settle(pilot)
        documents = {row[0]: row for row in cells(app, "#money-documents")}
        assert documents["A-2026-0001"][1:2] == ["credit note"]
        assert documents["A-2026-0001"][-1] == "on F-2026-0001"
        assert cells(app, "#money-unpaid")[0][-1] == "€270"
    with Book(folder) as book:
        note = invoicing.document(book, "A-2026-0001")
    assert (note.refers_to, note.total, note.reason) == (
        "F-2026-0001", Decimal("-30.00"), "Remise de 10 % sur la facture")


async def test_a_reminder_for_an_unpaid_invoice_then_a_formal_notice(folder):
    async with CarnetApp(folder, LATE).run_test(size=(100, 32)) as pilot:
        await open_money(pilot)
        app = pilot.app
        await pilot.press("l")
        await settle(pilot)
        letter = app.screen
        assert type(letter).__name__ == "LetterScreen"
        assert (letter.kind, letter.ref) == ("reminder", "2026-001")
        assert "F-2026-0001" in letter.query_one("#letter-body").text
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert letter.saved is not None and letter.saved.is_file()
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert (app.screen.kind, app.screen.ref) == ("formal-notice", "2026-001")
    with Book(folder) as book:
        assert [(x.kind, x.order_ref) for x in book.letters()] == [("reminder", "2026-001")]


async def test_a_render_that_fails_takes_no_number_and_says_so_once(tmp_path, monkeypatch):
    import letters.money_archive

    def broken(doc):
        raise RuntimeError("no ink")
    monkeypatch.setattr(letters.money_archive, "render", broken)
    path = tmp_path / "book"
    with open_book(path) as book:
        order = delivered_order(book, private_client(book), on=ISSUED)
    async with CarnetApp(path, ISSUED).run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        app = pilot.app
        app.open_order(order.ref)
        await settle(pilot)
        await pilot.press("I", "y")
        await settle(pilot)
        assert not isinstance(app.screen, IssuingScreen)
        failed = [n for n in notes(app) if "no ink" in n]
        assert len(failed) == 1 and "nothing was changed" in failed[0]
        assert app.book.all("documents") == []
        assert not (path / "documents" / "F-2026-0001.pdf").exists()
