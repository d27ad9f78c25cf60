"""The orders: a filtered, paged list, and one order with its dates, scope and history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Header, Input, Select, Static

from store.state import BookState
from store.browse import ORDER_FILTERS, OrderRow, Page, cut, order_page
from store.errors import CarnetError, NotFound
from store.formats import day
from store.i18n import N_, _, qualified
from store.incidents import open_plan
from store.labels import status_label
from store.models import ORDER_STATUSES, Order
from store.orders import add_extra, mark_paid, set_status

from ..bindings import LIST, ORDER, ORDERS
from ..format import late
from ..widgets.footer import KeyFooter
from ..widgets.order_view import order_dates, order_document, order_head, order_related, order_scope
from ..widgets.paged_table import PagedTable, Row
from .columns import column, date_width, history_columns
from .listing import ListScreen, Wanted
from .ready import ReadyScreen

FILTER_NAMES = {"all": N_("orders shown|all"), "open": N_("orders shown|open"),
                "overdue": N_("orders shown|overdue")}
"""The filters that are not a status, as the menu names them ("open" alone: an open plan)."""


def filter_name(name: str) -> str:
    """A filter of the orders list in the interface's language: 'toutes', 'en retard', 'livrée'."""
    return qualified(FILTER_NAMES[name]) if name in FILTER_NAMES else status_label(name)


def status_name(order: Order) -> str:
    """The order's status as the list shows it, 'paused' while waiting on the client."""
    return status_label("paused" if order.paused else order.status)


def when(row: OrderRow) -> Text:
    """Days late (bold), the due date of open work, or the day it was delivered."""
    order = row.order
    if row.days_late:
        return Text(late(row.days_late), style="bold")
    if order.delivered:
        return Text(f"✓ {day(order.delivered)}", style="dim")
    if order.cancelled:
        return Text("—", style="dim")
    return Text(day(order.due))


class OrdersScreen(ListScreen):
    """Every order (or one client's), filtered by status, overdue and text, one page at a time
    (read off the UI thread)."""

    SECTION = N_("Orders")
    BINDINGS = LIST + ORDERS
    AUTO_FOCUS = "#orders DataTable"
    TABLE = "#orders"

    def __init__(self, client_id: int | None = None, show: str = "all") -> None:
        super().__init__()
        self.client_id = client_id
        """Only this client's orders, when set."""
        self.initial_show = show
        """The filter first selected."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="order-filters"):
            yield Input(placeholder=_("/ search: ref, title, document, client"), id="search")
            yield Select([(filter_name(name), name) for name in ORDER_FILTERS],
                         value=self.initial_show, allow_blank=False, compact=True, id="show",
                         tooltip=_("Show all orders, open ones, overdue ones, or one status (s)"))
        yield PagedTable(column(N_("Ref"), 8), column(N_("Client"), 18), column(N_("Title")),
                         column(N_("Status"), 11, status_label("paused"),
                                *map(status_label, ORDER_STATUSES)),
                         column(N_("order list|When"), 12, late(100), "✓ " + "0" * date_width()),
                         id="orders", empty=_("No order matches."))
        yield KeyFooter()

    def section(self) -> str:
        if self.client_id is None:
            return _("Orders")
        try:
            return _("Orders of {name}").format(name=self.app.book.client(self.client_id).name)
        except NotFound:
            return _("Orders")

    def shown_filter(self) -> str:
        return str(self.query_one("#show", Select).value)

    def filter_client(self) -> int | None:
        return self.client_id

    def read_page(self, book: BookState, today: date, wanted: Wanted) -> Page[Row]:
        page = order_page(book, today, wanted.text, wanted.show, wanted.client_id,
                          wanted.offset, wanted.limit)
        rows = [(row.order.ref, (row.order.ref, row.client_name, row.order.title,
                                 status_name(row.order), when(row)))
                for row in page.rows]
        return Page(rows, page.offset, page.total)

    def empty_text(self, wanted: Wanted) -> str:
        filtered = wanted.text.strip() or wanted.show != "all"
        return _("No order matches.") if filtered else _("No order yet: a takes one.")

    @on(Input.Changed, "#search")
    @on(Select.Changed, "#show")
    def _filter(self) -> None:
        self.reload(offset=0)

    @on(Input.Submitted, "#search")
    def _searched(self) -> None:
        self.searched()

    def action_cycle_status(self) -> None:
        """Show the next filter: all → open → overdue → quote → …"""
        select = self.query_one("#show", Select)
        index = ORDER_FILTERS.index(str(select.value))
        select.value = ORDER_FILTERS[(index + 1) % len(ORDER_FILTERS)]

    def open_row(self, key: str) -> None:
        self.app.open_order(key)

    def action_new_order(self) -> None:
        from ..dialogs import new_order
        self.app.open_dialog(new_order, self.client_id)


@dataclass(frozen=True)
class OrderView:
    """One order as read in a worker: the record, its panels and its related records."""

    order: Order
    head: Content
    dates: Content
    document: Content
    scope: Content
    related: list[tuple[str, tuple]]


class OrderScreen(ReadyScreen):
    """One order: document, agreed scope, dates with postponements and pauses, its history."""

    BINDINGS = ORDER
    AUTO_FOCUS = "#order-related DataTable"

    def __init__(self, ref: str) -> None:
        super().__init__()
        self.ref = ref
        """The order shown."""
        self.client_id: int | None = None
        """Its client, once read."""
        self.view: OrderView | None = None
        """What was last read for this order."""

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="order-body"):
            yield Static(id="order-head")
            with Horizontal(id="order-columns"):
                yield Static(id="order-dates", classes="panel")
                yield Static(id="order-document", classes="panel")
            yield Static(id="order-scope", classes="panel")
        yield PagedTable(*history_columns(), id="order-related", empty=_("No history yet."))
        yield KeyFooter()

    def section(self) -> str:
        return _("Order {ref}").format(ref=self.ref)

    def aim(self, key: object) -> None:
        self.ref, self.client_id, self.view = str(key), None, None
        self.query_one("#order-related", PagedTable).rewind()
        self.query_one("#order-body").scroll_home(animate=False)

    def reload(self) -> None:
        self.read_later()

    def read(self, book: BookState, today: date) -> OrderView:
        order = book.order(self.ref)
        return OrderView(order, order_head(book, order, today), order_dates(order, today),
                         order_document(order), order_scope(order), order_related(book, order))

    def show(self, view: OrderView) -> None:
        self.view = view
        self.client_id = view.order.client_id
        for selector, content in (("#order-head", view.head), ("#order-dates", view.dates),
                                  ("#order-document", view.document),
                                  ("#order-scope", view.scope)):
            self.query_one(selector, Static).update(content)
        self._show_page(self.query_one("#order-related", PagedTable).start)
        self.appear()

    def show_error(self, error: CarnetError) -> None:
        if not isinstance(error, NotFound):
            super().show_error(error)
            return
        waited = self.given_up()
        if not self.is_current and not waited:
            return
        self.app.notify(_("Order {ref} is no longer in the book.").format(ref=self.ref),
                        severity="warning")
        if not waited:
            self.action_back()

    def _show_page(self, offset: int) -> None:
        table = self.query_one("#order-related", PagedTable)
        page = cut(self.view.related if self.view else [], offset, table.page_size)
        table.show_page(page.rows, page.offset, page.total)

    @on(PagedTable.PageWanted)
    def _page(self, event: PagedTable.PageWanted) -> None:
        self._show_page(event.offset)

    @on(PagedTable.Chosen)
    def _open(self, event: PagedTable.Chosen) -> None:
        if event.key.startswith("document:"):
            self.app.show_document(event.key.partition(":")[2])
        elif event.key.startswith(("incident:", "follow-up:", "interaction:")):
            self.app.open_record(event.key)

    def action_postpone(self) -> None:
        from ..dialogs import postpone_order
        self.app.open_dialog(postpone_order, self.ref)

    def action_deliver(self) -> None:
        from ..dialogs import deliver
        self.app.open_dialog(deliver, self.ref)

    def action_pause(self) -> None:
        from ..dialogs import pause_or_resume
        self.app.open_dialog(pause_or_resume, self.ref)

    def action_letter(self) -> None:
        self.app.open_letter(ref=self.ref, client_id=self.client_id)

    def action_incident(self) -> None:
        """Open a recovery plan; an order that has one open shows it instead."""
        plan = open_plan(self.app.book, self.ref)
        if plan is not None:
            self.app.open_incident(plan.id)
            return
        from ..dialogs import open_incident
        self.app.open_dialog(open_incident, self.ref)

    def action_log(self) -> None:
        from ..dialogs import log_interaction
        self.app.open_dialog(log_interaction, self.client_id, self.ref)

    def action_cancel(self) -> None:
        from ..dialogs import cancel
        self.app.open_dialog(cancel, self.ref)

    def action_edit(self) -> None:
        from ..dialogs import edit_order
        self.app.open_dialog(edit_order, self.ref)

    def action_client(self) -> None:
        if self.client_id is not None:
            self.app.open_client(self.client_id)

    def action_add_followup(self) -> None:
        if self.client_id is not None:
            from ..dialogs import add_followup
            self.app.open_dialog(add_followup, self.client_id, self.ref)

    def action_delete(self) -> None:
        """Delete this order if it is still a quote, after confirmation."""
        from ..dialogs import delete_order
        self.app.open_dialog(delete_order, self.ref, self.action_back)

    def action_extra(self) -> None:
        """Ask what was requested later and its price; the store validates."""
        from ..dialogs import Field, FormDialog
        fields = [Field("what", _("Extra"), placeholder=_("e.g. a summary in modern French"),
                        aliases=("extra",)),
                  Field("price", _("Price"), "amount", placeholder=_("in euros; empty if free"))]

        def save(values: dict) -> str:
            price = str(values["price"]).strip() or "0"
            add_extra(self.app.book, self.ref, str(values["what"]), price, self.app.today)
            return _("Extra recorded on {ref}").format(ref=self.ref)
        self.app.push_screen(FormDialog(_("Extra on {ref}").format(ref=self.ref), fields, save,
                                        submit_label=_("Add")))

    def action_issue(self, kind: str) -> None:
        """Issue the quote or the invoice, after a confirmation naming its number."""
        from ..dialogs import issue_from_order
        self.app.open_dialog(issue_from_order, kind, self.ref)

    def action_deposit(self) -> None:
        """Ask for a deposit: the amount typed in a small form."""
        from ..dialogs import ask_deposit
        self.app.open_dialog(ask_deposit, self.ref)

    def action_paid(self) -> None:
        self.app.run_action_safely(mark_paid, self.app.book, self.ref, self.app.today,
                                   success=_("{ref} paid today").format(ref=self.ref))

    def action_status(self) -> None:
        """Move an open order one step on: quote → accepted → in progress."""
        order = self.app.book.order(self.ref)
        steps = ("quote", "accepted", "in progress")
        if order.status not in steps[:-1]:
            self.app.notify(_("{ref} is {status}; nothing to move on to.").format(
                ref=self.ref, status=status_label(order.status)))
            return
        after = steps[steps.index(order.status) + 1]
        self.app.run_action_safely(set_status, self.app.book, self.ref, after,
                                   success=_("{ref} is now {status}").format(
                                       ref=self.ref, status=status_label(after)))
