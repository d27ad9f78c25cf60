"""The clients: a searchable list, and one client's card, loyalty and timeline."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Header, Input, Static

from store.state import BookState
from store.browse import Page, client_page, cut
from store.errors import CarnetError, NotFound
from store.i18n import N_, _
from store.labels import segment_label, status_label
from store.models import CLIENT_STATUSES, Client
from store.loyalty import SEGMENTS
from store.timeline import Item, Timeline

from ..bindings import CLIENT, CLIENTS, LIST
from ..format import ago
from ..widgets.cards import client_card, loyalty_card, timeline_row
from ..widgets.footer import KeyFooter
from ..widgets.paged_table import PagedTable, Row
from .columns import column, history_columns
from .listing import ListScreen, Wanted
from .ready import ReadyScreen

STATUS_STYLE = {"difficult": "bold {warning}", "parted": "dim"}
"""How a status stands out in the list; {warning} is the theme's colour (a table cell is drawn
by Rich, which knows no theme variables: "$warning" there was silently dropped)."""


def line_dialog(kind: str, verb: str) -> Callable | None:
    """The form a timeline verb opens on a line of that kind (None when it opens none)."""
    from ..dialogs import delete_interaction, edit_interaction
    from ..dialogs.followups import ACTIONS

    dialogs = {**{("follow-up", answer): dialog for answer, dialog in ACTIONS.items()},
               ("interaction", "edit"): edit_interaction,
               ("interaction", "delete"): delete_interaction}
    return dialogs.get((kind, verb))


class ClientsScreen(ListScreen):
    """Every client with segment and last contact; type to filter (in the store, off the UI
    thread)."""

    SECTION = N_("Clients")
    BINDINGS = LIST + CLIENTS
    AUTO_FOCUS = "#clients DataTable"
    TABLE = "#clients"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder=_("/ search: name, organisation, email, city, tag"),
                    id="search")
        today = self.app.today
        long_ago = ago(today - timedelta(days=100), today)
        segments = map(segment_label, SEGMENTS)
        yield PagedTable(column(N_("Name")), column(N_("Segment"), 11, *segments),
                         column(N_("Status"), 9, *map(status_label, CLIENT_STATUSES)),
                         column(N_("City"), 12), column(N_("Last contact"), 13, long_ago),
                         column(N_("client list|Orders"), 6),
                         id="clients", empty=_("No client matches."))
        yield KeyFooter()

    def read_page(self, book: BookState, today: date, wanted: Wanted) -> Page[Row]:
        page = client_page(book, today, wanted.text, wanted.offset, wanted.limit)
        warning = self.app.theme_variables.get("warning", "yellow")
        rows = [(str(row.client.id), (
            row.client.name, segment_label(row.segment) if row.segment else "—",
            Text(status_label(row.client.status),
                 style=STATUS_STYLE.get(row.client.status, "").format(warning=warning)),
            row.client.city, ago(row.last_contact, today), str(row.orders)))
            for row in page.rows]
        return Page(rows, page.offset, page.total)

    def empty_text(self, wanted: Wanted) -> str:
        return _("No client matches.") if wanted.text.strip() else _("No client yet: a adds one.")

    @on(Input.Changed, "#search")
    def _search(self) -> None:
        self.reload(offset=0)

    @on(Input.Submitted, "#search")
    def _searched(self) -> None:
        self.searched()

    def open_row(self, key: str) -> None:
        self.app.open_client(int(key))

    def action_new_client(self) -> None:
        from ..dialogs import new_client
        self.app.open_dialog(new_client)


@dataclass(frozen=True)
class ClientView:
    """One client as read in a worker: the record, its two cards and its timeline."""

    client: Client
    card: Content
    loyalty: Content
    items: Sequence[Item]


class ClientScreen(ReadyScreen):
    """One client: contact card, loyalty and its signals, and one timeline of everything."""

    BINDINGS = CLIENT
    AUTO_FOCUS = "#timeline DataTable"

    def __init__(self, client_id: int) -> None:
        super().__init__()
        self.client_id = client_id
        """The client shown."""
        self.client_name = ""
        """Its display name, once read."""
        self.view: ClientView | None = None
        """What was last read for this client."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="client-top"):
            with VerticalScroll(classes="panel", can_focus=False):
                yield Static(id="card")
            with VerticalScroll(classes="panel", can_focus=False):
                yield Static(id="loyalty")
        yield PagedTable(*history_columns(), id="timeline", empty=_("Nothing yet."))
        yield KeyFooter()

    def section(self) -> str:
        return _("Client {name}").format(name=self.client_name)

    def aim(self, key: object) -> None:
        self.client_id, self.client_name, self.view = int(key), "", None
        self.query_one("#timeline", PagedTable).rewind()
        for panel in self.query(".panel"):
            panel.scroll_home(animate=False)

    def reload(self) -> None:
        self.read_later()

    def read(self, book: BookState, today: date) -> ClientView:
        client = book.client(self.client_id)
        return ClientView(client, client_card(client), loyalty_card(book, client, today),
                          Timeline(book, self.client_id))

    def show(self, view: ClientView) -> None:
        self.view = view
        self.client_name = view.client.name
        self.refresh_title()
        self.query_one("#card", Static).update(view.card)
        self.query_one("#loyalty", Static).update(view.loyalty)
        self._show_page(self.query_one("#timeline", PagedTable).start)
        self.appear()

    def show_error(self, error: CarnetError) -> None:
        if not isinstance(error, NotFound):
            super().show_error(error)
            return
        waited = self.given_up()
        if not self.is_current and not waited:
            return
        self.app.notify(_("This client is no longer in the book."), severity="warning")
        if not waited:
            self.action_back()

    def _show_page(self, offset: int) -> None:
        table = self.query_one("#timeline", PagedTable)
        items = self.view.items if self.view else []
        page = cut(items, offset, table.page_size)
        table.show_page([timeline_row(item, self.app.today) for item in page.rows],
                        page.offset, page.total)

    @on(PagedTable.PageWanted)
    def _page(self, event: PagedTable.PageWanted) -> None:
        self._show_page(event.offset)

    @on(PagedTable.Chosen)
    def _open(self, event: PagedTable.Chosen) -> None:
        if not event.key.startswith("client:"):
            self.app.open_record(event.key)

    def action_new_order(self) -> None:
        from ..dialogs import new_order
        self.app.open_dialog(new_order, self.client_id)

    def action_log(self) -> None:
        from ..dialogs import log_interaction
        self.app.open_dialog(log_interaction, self.client_id)

    def action_gift(self) -> None:
        from ..dialogs import gift_received
        self.app.open_dialog(gift_received, self.client_id)

    def action_gesture(self) -> None:
        from ..dialogs import gesture_given
        self.app.open_dialog(gesture_given, self.client_id)

    def action_mark(self) -> None:
        from ..dialogs import mark_client
        self.app.open_dialog(mark_client, self.client_id)

    def action_edit(self) -> None:
        from ..dialogs import edit_client
        self.app.open_dialog(edit_client, self.client_id)

    def action_letter(self) -> None:
        self.app.open_letter(client_id=self.client_id)

    def action_orders(self) -> None:
        from .orders import OrdersScreen
        self.app.push_screen(OrdersScreen(client_id=self.client_id))

    def action_add_followup(self) -> None:
        from ..dialogs import add_followup
        self.app.open_dialog(add_followup, self.client_id)

    def action_line(self, verb: str) -> None:
        """Mark done, edit or delete the highlighted exchange or follow-up of the timeline."""
        key = self.query_one("#timeline", PagedTable).current_key or ""
        kind, _sep, record = key.partition(":")
        dialog = line_dialog(kind, verb)
        if dialog is None:
            self.app.notify(_("Highlight a follow-up on the timeline first.") if verb == "done"
                            else _("Highlight an exchange or a follow-up on the timeline first."))
            return
        self.app.open_dialog(dialog, int(record))

    def action_delete(self) -> None:
        """Delete this client, after confirmation; the store refuses one with history."""
        from ..dialogs import delete_client
        self.app.open_dialog(delete_client, self.client_id, self.action_back)
