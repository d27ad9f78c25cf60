"""The dashboard: what needs attention today, most urgent first, and the key figures."""

from __future__ import annotations

from datetime import date

from rich.table import Table
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Header, Label, OptionList, Static
from textual.worker import Worker, WorkerState

from store.state import BookState
from store.browse import prepare
from store.dashboard import Dashboard, dashboard
from store.formats import number
from store.i18n import N_, _, ngettext

from ..bindings import DASHBOARD
from ..format import money, percent
from ..widgets.attention import AttentionList
from ..widgets.footer import KeyFooter
from ..widgets.trend import TrendChart
from .base import BookScreen


def key_figures(d: Dashboard) -> Table:
    """On-time rate, active orders, revenue this year, lines needing action."""
    table = Table.grid(padding=(0, 1))
    table.add_column(style="dim", no_wrap=True)
    table.add_column(justify="right", style="bold", no_wrap=True)
    table.add_column(style="dim", no_wrap=True)
    # One message per row (label, figure, note between tabs): the translator reads it whole.
    rows = (
        ngettext("On time, 90 d\t{rate}\t{count} delivered",
                 "On time, 90 d\t{rate}\t{count} delivered", d.delivered_recently),
        _("Active orders\t{total}\t{count} overdue"),
        _("Due in 7 days\t{count}\tto deliver"),
        _("Revenue {year}\t{amount}\tdelivered"),
        _("To act on\t{count}\ttoday"),
    )
    counts = (d.delivered_recently, len(d.overdue), len(d.due_soon), None, d.attention_count)
    for text, count in zip(rows, counts):
        table.add_row(*text.format(
            rate=percent(d.on_time_rate), total=number(d.active_orders),
            count=number(count or 0), year=d.today.year,
            amount=money(d.revenue_this_year)).split("\t"))
    return table


class DashboardScreen(BookScreen):
    """Overdue work, follow-ups, recovery plans, clients to look after; figures and trend."""

    SECTION = N_("Dashboard")
    BINDINGS = DASHBOARD
    AUTO_FOCUS = "#attention"

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="figures"):
            yield Static(_("Reading the book…"), id="key-figures", classes="panel")
            with Vertical(id="trend-box", classes="panel"):
                yield Label(_("On time by month (promised date)"), classes="panel-title")
                yield TrendChart(bar_height=3, id="trend")
        yield AttentionList(id="attention")
        yield KeyFooter()

    def reload(self) -> None:
        self.read_later()

    def action_reload(self) -> None:
        self.reload()

    def read(self, book: BookState, today: date) -> Dashboard:
        return dashboard(book, today)

    def show(self, d: Dashboard) -> None:
        self.query_one("#key-figures", Static).update(key_figures(d))
        self.query_one("#trend", TrendChart).show(d.trend)
        self.query_one("#attention", AttentionList).show(d)
        self._prepare_lists(self.app.book.state, self.app.today)

    @work(thread=True, exclusive=True, group="prepare")
    def _prepare_lists(self, book: BookState, today: date) -> None:
        """Derive what the clients and orders lists need while the user reads the dashboard."""
        prepare(book, today)

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
            from ..dialogs import payment_letter
            self.app.open_dialog(payment_letter, option.id.partition(":")[2])
            return
        letter = attention.letters.get(option.id) if option and option.id else None
        if letter is None:
            self.app.notify(_("No letter for this line; open it to write one."))
            return
        self.app.open_letter(kind=letter.kind, ref=letter.ref, client_id=letter.client_id)

    def action_followup(self, verb: str) -> None:
        """Mark done, edit or delete the highlighted follow-up line."""
        option = self.query_one("#attention", AttentionList).highlighted_option
        kind, _sep, record = (option.id or "").partition(":") if option else ("", "", "")
        if kind != "follow-up":
            self.app.notify(_("Highlight a follow-up line first."))
            return
        from ..dialogs.followups import ACTIONS
        self.app.open_dialog(ACTIONS[verb], int(record))
