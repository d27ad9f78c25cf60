"""The dashboard: what needs attention today, most urgent first, and the key figures."""

from __future__ import annotations

from datetime import date

from rich.table import Table
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Header, Label, OptionList, Static
from textual.worker import Worker, WorkerState

from store.book import Book
from store.browse import prepare
from store.dashboard import Dashboard, dashboard

from ..bindings import DASHBOARD
from ..format import money, percent
from ..widgets.attention import AttentionList
from ..wiring import FOLLOW_UP_DIALOGS
from ..widgets.footer import KeyFooter
from ..widgets.trend import TrendChart
from .base import READ_ATTEMPTS, BookScreen

def key_figures(d: Dashboard) -> Table:
    """On-time rate, active orders, revenue this year, lines needing action."""
    table = Table.grid(padding=(0, 1))
    table.add_column(style="dim", no_wrap=True)
    table.add_column(justify="right", style="bold", no_wrap=True)
    table.add_column(style="dim", no_wrap=True)
    table.add_row("On time, 90 d", percent(d.on_time_rate), f"{d.delivered_recently} delivered")
    table.add_row("Active orders", str(d.active_orders), f"{len(d.overdue)} overdue")
    table.add_row("Due in 7 days", str(len(d.due_soon)), "to deliver")
    table.add_row(f"Revenue {d.today.year}", money(d.revenue_this_year), "delivered")
    table.add_row("To act on", str(d.attention_count), "today")
    return table


class DashboardScreen(BookScreen):
    """Overdue work, follow-ups, recovery plans, clients to look after; figures and trend."""

    SECTION = "Dashboard"
    BINDINGS = DASHBOARD
    AUTO_FOCUS = "#attention"

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="figures"):
            yield Static("Reading the book…", id="key-figures", classes="panel")
            with Vertical(id="trend-box", classes="panel"):
                yield Label("On time by month (promised date)", classes="panel-title")
                yield TrendChart(bar_height=3, id="trend")
        yield AttentionList(id="attention")
        yield KeyFooter()

    def reload(self) -> None:
        self.read_later()

    def action_reload(self) -> None:
        self.reload()

    def read(self, book: Book, today: date) -> Dashboard:
        return dashboard(book, today)

    def show(self, d: Dashboard) -> None:
        self.query_one("#key-figures", Static).update(key_figures(d))
        self.query_one("#trend", TrendChart).show(d.trend)
        self.query_one("#attention", AttentionList).show(d)
        self._prepare_lists(self.app.book, self.app.today)

    @work(thread=True, exclusive=True, group="prepare")
    def _prepare_lists(self, book: Book, today: date) -> None:
        """Derive what the clients and orders lists need while the user reads the dashboard."""
        for _ in range(READ_ATTEMPTS):
            try:
                prepare(book, today)
                return
            except RuntimeError:
                continue

    @on(Worker.StateChanged)
    def _prepared(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "prepare" and event.state == WorkerState.SUCCESS:
            self.app.settle_book_memory()

    @on(OptionList.OptionSelected, "#attention")
    def _open(self, event: OptionList.OptionSelected) -> None:
        self.app.open_record(event.option.id or "")

    def action_letter(self) -> None:
        """Compose the letter the highlighted line calls for."""
        attention = self.query_one("#attention", AttentionList)
        option = attention.highlighted_option
        if option is not None and (option.id or "").startswith("invoice:"):
            self.app.call_dialog("payment_letter", option.id.partition(":")[2])
            return
        letter = attention.letters.get(option.id) if option and option.id else None
        if letter is None:
            self.app.notify("No letter for this line; open it to write one.")
            return
        kind, ref, client_id = letter
        self.app.open_letter(kind=kind, ref=ref, client_id=client_id)

    def action_followup(self, verb: str) -> None:
        """Mark done, edit or delete the highlighted follow-up line."""
        option = self.query_one("#attention", AttentionList).highlighted_option
        kind, _, number = (option.id or "").partition(":") if option else ("", "", "")
        if kind != "follow-up":
            self.app.notify("Highlight a follow-up line first.")
            return
        self.app.call_dialog(FOLLOW_UP_DIALOGS[verb], int(number))
