"""The loyalty section: segments and their clients, who moved since a day, the recovery paradox."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Input, OptionList, Static, TabbedContent, TabPane

from store.state import BookState
from store.dates import DATE_HELP, parse_date
from store.errors import CarnetError
from store.i18n import N_, _, ngettext
from store.loyalty_view import LoyaltyView, loyalty_view
from store.paradox import Paradox, paradox

from ..format import day
from ..widgets.footer import KeyFooter
from ..widgets.loyalty_text import (client_detail, move_options, paradox_panel, segment_options,
                                    segment_strip)
from .base import BookScreen

BINDINGS = [
    Binding("l", "letter", N_("Letter"), id="loyalty.letter",
            tooltip=N_("The letter that fits the highlighted client: thanks, feedback, follow-up")),
    Binding("d", "since", N_("Since…"), id="loyalty.since",
            tooltip=N_("Choose the day movement between segments is measured from")),
    Binding("s", "tab('segments')", N_("Segments"), id="loyalty.segments",
            tooltip=N_("Every segment, its clients and their signals"), show=False),
    Binding("m", "tab('movement')", N_("Moves"), id="loyalty.movement",
            tooltip=N_("Who moved between segments since the chosen day, and why"), show=False),
    Binding("p", "tab('paradox')", N_("Paradox"), id="loyalty.paradox",
            tooltip=N_("Did clients come back after a recovery plan?"), show=False),
    Binding("c", "charts", N_("Charts"), id="loyalty.charts",
            tooltip=N_("On time, delay, revenue, repeat clients and segments, month by month")),
]
"""Keys of the loyalty section, by id."""


@dataclass(frozen=True)
class LoyaltyRead:
    """What the section shows, read in a worker."""

    view: LoyaltyView
    paradox: Paradox


class LoyaltyScreen(BookScreen):
    """Who the champions are, who is slipping, who went silent, and who came back after a plan."""

    SECTION = N_("Loyalty")
    BINDINGS = BINDINGS
    AUTO_FOCUS = "#loyalty-segments"

    since: date | None = None
    """The day movement is measured from; None: the store's default (a quarter ago)."""
    view: LoyaltyView | None = None
    """The view last shown."""

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(id="loyalty-tabs"):
            with TabPane(_("Segments"), id="segments"):
                yield Static(_("Reading the book…"), id="loyalty-strip")
                yield OptionList(id="loyalty-segments", classes="loyalty-list")
                yield Static(id="loyalty-detail")
            with TabPane(_("Movement"), id="movement"):
                yield Static(id="loyalty-since-line")
                yield Input(placeholder=_(DATE_HELP), id="loyalty-since")
                yield OptionList(id="loyalty-moves", classes="loyalty-list")
            with TabPane(_("Recovery paradox"), id="paradox"):
                with VerticalScroll(id="loyalty-paradox-box", can_focus=True):
                    yield Static(id="loyalty-paradox")
        yield KeyFooter()

    def reload(self) -> None:
        self.read_later()

    def read(self, book: BookState, today: date) -> LoyaltyRead:
        return LoyaltyRead(loyalty_view(book, today, self.since),
                           paradox(book.orders(), book.incidents()))

    def show(self, found: LoyaltyRead) -> None:
        self.view = found.view
        self.query_one("#loyalty-strip", Static).update(segment_strip(found.view))
        self._fill("#loyalty-segments", segment_options(found.view))
        self._fill("#loyalty-moves", move_options(found.view))
        moved = len(found.view.moves)
        self.query_one("#loyalty-since-line", Static).update(ngettext(
            "{count} moved between segments since {day} (d: another day)",
            "{count} moved between segments since {day} (d: another day)", moved).format(
            count=moved, day=day(found.view.since)))
        self.query_one("#loyalty-paradox", Static).update(paradox_panel(found.paradox))
        self._show_detail()

    def show_error(self, error: CarnetError) -> None:
        self.since = self.view.since if self.view is not None else None
        super().show_error(error)

    def _fill(self, selector: str, options: list) -> None:
        """Replace a list's lines, keeping the highlight where it was."""
        found = self.query_one(selector, OptionList)
        highlighted = found.highlighted
        found.set_options(options)
        enabled = [i for i in range(found.option_count)
                   if not found.get_option_at_index(i).disabled]
        if enabled:
            found.highlighted = highlighted if highlighted in enabled else enabled[0]

    def _highlighted_client(self) -> int | None:
        """The client of the highlighted line of the list on the tab shown."""
        tab = self.query_one(TabbedContent).active
        selector = {"segments": "#loyalty-segments", "movement": "#loyalty-moves"}.get(tab)
        option = self.query_one(selector, OptionList).highlighted_option if selector else None
        if option is None or not option.id:
            return None
        return int(option.id.split(":")[1])

    def _show_detail(self) -> None:
        client_id = self._highlighted_client()
        line = self.view.client(client_id) if self.view and client_id is not None else None
        self.query_one("#loyalty-detail", Static).update(client_detail(line))

    @on(OptionList.OptionHighlighted, "#loyalty-segments")
    def _highlighted(self, _event: OptionList.OptionHighlighted) -> None:
        self._show_detail()

    @on(OptionList.OptionSelected, ".loyalty-list")
    def _open(self, event: OptionList.OptionSelected) -> None:
        self.app.open_record(event.option.id or "")

    def action_letter(self) -> None:
        """Compose the letter that fits the highlighted client."""
        client_id = self._highlighted_client()
        line = self.view.client(client_id) if self.view and client_id is not None else None
        if line is None:
            self.app.notify(_("Highlight a client first."))
            return
        self.app.open_letter(kind=line.letter, client_id=line.client.id)

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        focus = {"segments": "#loyalty-segments", "movement": "#loyalty-moves",
                 "paradox": "#loyalty-paradox-box"}[tab]
        self.query_one(focus).focus()

    def action_since(self) -> None:
        """Show the movement tab and ask for the day to measure from."""
        self.action_tab("movement")
        field = self.query_one("#loyalty-since", Input)
        field.add_class("asking")
        field.value = day(self.view.since) if self.view else ""
        field.focus()

    @on(Input.Submitted, "#loyalty-since")
    def _since_typed(self, event: Input.Submitted) -> None:
        try:
            self.since = parse_date(event.value, self.app.today, _("since"))
        except CarnetError as exc:
            self.app.notify(str(exc), severity="error")
            return
        event.input.remove_class("asking")
        self.query_one("#loyalty-moves").focus()
        self.read_later()

    def action_charts(self) -> None:
        self.app.open_trends()
