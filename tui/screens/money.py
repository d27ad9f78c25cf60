"""The Money section: unpaid invoices past due, every issued document, the receipts book."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.widgets import Header, Label, Static

from store.state import BookState
from store.browse import cut
from store.i18n import N_, _
from store.labels import DOCUMENT_NAMES, document_name

from ..bindings import MONEY
from ..widgets.footer import KeyFooter
from ..widgets.money_view import MoneyView, Period, money_view
from ..widgets.paged_table import PagedTable
from .base import BookScreen
from .columns import column, date_column

TABLES = ("#money-unpaid", "#money-documents", "#money-receipts")


class MoneyScreen(BookScreen):
    """What is owed and late, what was issued, and what came in by quarter, month or year."""

    SECTION = N_("Money")
    BINDINGS = MONEY
    AUTO_FOCUS = "#money-unpaid DataTable"

    def __init__(self) -> None:
        super().__init__()
        self.period: Period | None = None
        """The receipts book's period shown; this quarter until the user picks another."""
        self.view: MoneyView | None = None
        """What was last read."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="money-warnings", markup=False)
        kinds = map(document_name, DOCUMENT_NAMES)
        yield Label(_("Unpaid invoices past due"), classes="money-title")
        yield PagedTable(column(N_("Invoice"), 11), column(N_("Client")),
                         column(N_("Order"), 8), date_column(N_("Due"), 11),
                         column(N_("Late"), 6), column(N_("Owed"), 11), id="money-unpaid",
                         empty=_("No invoice past due is still owed."))
        yield Label(_("Issued documents"), classes="money-title")
        yield PagedTable(column(N_("Number"), 11), column(N_("Kind"), 15, *kinds),
                         column(N_("Client")), column(N_("Order"), 8),
                         date_column(N_("Issued"), 11), column(N_("Total"), 10),
                         column(N_("Paid"), 13), id="money-documents",
                         empty=_("No document issued yet: Q or I on an order issues one."))
        yield Static("", id="money-receipts-title")
        yield PagedTable(date_column(N_("Date"), 11), column(N_("Client")),
                         column(N_("Invoice"), 11), column(N_("Nature"), 22),
                         column(N_("Method"), 8), column(N_("Amount"), 11), id="money-receipts",
                         empty=_("Nothing received in this period."))
        yield Static("", id="money-declarations")
        yield KeyFooter()

    def reload(self) -> None:
        if self.period is None:
            self.period = Period.around("quarter", self.app.today)
        self.read_later()

    def read(self, book: BookState, today: date) -> MoneyView:
        return money_view(book, today, self.period)

    def show(self, view: MoneyView) -> None:
        self.view = view
        warnings = self.query_one("#money-warnings", Static)
        warnings.update("\n".join(f"⚠ {line}" for line in view.warnings))
        warnings.display = bool(view.warnings)
        self.query_one("#money-receipts-title", Static).update(view.receipts_title)
        self.query_one("#money-declarations", Static).update(view.declarations)
        for selector in TABLES:
            table = self.query_one(selector, PagedTable)
            self._show_page(table, table.start)

    def _rows(self, table: PagedTable) -> list:
        view = self.view
        if view is None:
            return []
        return {"money-unpaid": view.unpaid, "money-documents": view.documents,
                "money-receipts": view.receipts}[table.id]

    def _show_page(self, table: PagedTable, offset: int) -> None:
        page = cut(self._rows(table), offset, table.page_size)
        table.show_page(page.rows, page.offset, page.total)

    @on(PagedTable.PageWanted)
    def _page(self, event: PagedTable.PageWanted) -> None:
        self._show_page(event.table, event.offset)

    @on(PagedTable.Chosen)
    def _open(self, event: PagedTable.Chosen) -> None:
        self._open_order_of(event.key)

    def _focused_table(self) -> PagedTable | None:
        focused = self.focused
        for selector in TABLES:
            table = self.query_one(selector, PagedTable)
            if focused is not None and focused in table.walk_children():
                return table
        return None

    def _open_order_of(self, key: str | None) -> None:
        ref = self.view.orders.get(key) if self.view and key else None
        if ref is not None:
            self.app.open_order(ref)

    def action_open_order(self) -> None:
        table = self._focused_table()
        self._open_order_of(table.current_key if table else None)

    def _invoice(self) -> str | None:
        """The highlighted document when the documents list has the focus, else the
        highlighted unpaid invoice."""
        table = self._focused_table()
        if table is None or table.id != "money-documents":
            table = self.query_one("#money-unpaid", PagedTable)
        key = table.current_key
        if key is None:
            self.app.notify(_("No unpaid invoice is highlighted."))
        return key

    def action_pay(self) -> None:
        number = self._invoice()
        if number is not None:
            from ..dialogs import record_payment
            self.app.open_dialog(record_payment, number)

    def action_remind(self) -> None:
        number = self._invoice()
        if number is not None:
            from ..dialogs import payment_letter
            self.app.open_dialog(payment_letter, number)

    def action_cycle_span(self) -> None:
        """Show the receipts by the next span: quarter → month → year."""
        self._choose(self.period.next_span())

    def action_move_period(self, step: int) -> None:
        self._choose(self.period.moved(step))

    def _choose(self, chosen: Period) -> None:
        self.period = chosen
        receipts = self.query_one("#money-receipts", PagedTable)
        receipts.start = 0
        self.read_later()
