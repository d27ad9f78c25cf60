"""Shared helpers of the TUI tests: small books built with the store's operations, and waiting."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from textual import events
from textual.widgets import DataTable, Label

from store import clients, orders
from store.book import Book
from store.demo import fill_demo
from store.models import Profile

TODAY = date(2026, 11, 23)


def demo_book(folder: Path, today: date = TODAY) -> Path:
    """The demo book, closed, ready for a CarnetApp."""
    with Book(folder) as book:
        fill_demo(book, today)
    return folder


def late_book(folder: Path) -> Path:
    """Henri's act is 10 days late, Édith's baptism 3 days late, Lucie's will due in 5 days."""
    with Book(folder) as book:
        book.set_profile(Profile(name="Claire Vasseur", address_lines=["12, rue Mouffetard"],
                                 postcode="75005", city="Paris", tolerance_days=0))
        henri = clients.add_client(book, TODAY, first_name="Henri", last_name="Lefèvre",
                                   city="Orléans")
        edith = clients.add_client(book, TODAY, first_name="Édith", last_name="Garnier-Roux",
                                   city="Versailles")
        lucie = clients.add_client(book, TODAY, first_name="Lucie", last_name="Perrin",
                                   city="Nantes")
        orders.add_order(book, TODAY, edith.id, "Acte de baptême, 1702", TODAY - timedelta(days=3),
                         received=TODAY - timedelta(days=40))
        orders.add_order(book, TODAY, henri.id, "Acte de vente, 1523", TODAY - timedelta(days=10),
                         received=TODAY - timedelta(days=60))
        orders.add_order(book, TODAY, lucie.id, "Testament, 1612", TODAY + timedelta(days=5),
                         received=TODAY - timedelta(days=20))
    return folder


async def settle(pilot) -> None:
    """Let messages, workers (the dashboard's) and the resulting messages all finish."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def paste(pilot, text: str) -> None:
    """Put `text` in the focused field as a paste: what typing leaves, minus a wait per key."""
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


def section_ids(app, title: str) -> list[str]:
    """The option ids listed under one heading of the dashboard ("Overdue", …)."""
    attention = app.screen.query_one("#attention")
    found, inside = [], False
    for index in range(attention.option_count):
        option = attention.get_option_at_index(index)
        if option.disabled:
            inside = str(option.prompt).startswith(title + " ")
        elif inside:
            found.append(option.id)
    return found


def table_keys(app, selector: str) -> list[str]:
    """The row keys of the DataTable inside a PagedTable, in order."""
    table = app.screen.query_one(f"{selector} DataTable", DataTable)
    return [table.coordinate_to_cell_key((row, 0)).row_key.value for row in range(table.row_count)]


def page_info(app, selector: str) -> str:
    return str(app.screen.query_one(f"{selector} #page-info", Label).render())


def money_book(folder: Path) -> Path:
    """Invoices of October and November 2026, part paid; a large order paid in full brings
    the year's receipts past 80 % of the VAT franchise threshold."""
    from decimal import Decimal

    from store import invoicing, receipts
    from store.profile import update_profile

    with Book(folder) as book:
        update_profile(book, name="Claire Vasseur", trade="Paléographe", legal_form="EI",
                       siret="81234563500021", address_lines=["12, rue Mouffetard"],
                       postcode="75005", city="Paris")
        henri = clients.add_client(book, TODAY, civility="M.", first_name="Henri",
                                   last_name="Lefèvre", postcode="45000", city="Orléans")
        etude = clients.add_client(book, TODAY, organisation="Étude Martin & Associés",
                                   postcode="69002", city="Lyon", siren="732829320")
        works = [(henri, "Acte de vente, 1523", "300", date(2026, 10, 1)),
                 (etude, "Registre paroissial, 1702", "1250", date(2026, 10, 12)),
                 (etude, "Fonds notarial, 1650-1700", "30500", date(2026, 11, 2))]
        for client, title, price, on in works:
            order = orders.add_order(book, on, client.id, title, on, received=on,
                                     price=Decimal(price))
            orders.deliver(book, order.ref, on)
            invoicing.issue_invoice(book, order.ref, on)
        receipts.record_payment(book, "2026-002", date(2026, 11, 10), Decimal("500"), "cheque")
        receipts.record_payment(book, "2026-003", date(2026, 11, 20), method="transfer")
    return folder


def quiet_at_once(monkeypatch) -> None:
    """A quiet moment comes at once: the app prepares its screens without the real pauses."""
    monkeypatch.setattr("tui.preload.PRELOAD_WHEN_QUIET", 0.05)
    monkeypatch.setattr("tui.prepare.PREPARE_WHEN_QUIET", 0.0)
    monkeypatch.setattr("tui.prepare.PREPARE_STEP", 0.01)


async def prepared(pilot) -> None:
    """Wait until the app has made every screen it prepares (or give up after a few seconds)."""
    for _ in range(300):
        if pilot.app.screens_prepared:
            break
        await pilot.pause(0.02)
    await settle(pilot)
