"""The journal: lessons learned, and the kaizen figures month by month."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from store.state import BookState
from store.formats import day, number
from store.i18n import N_, _, ngettext, qualified
from store.kaizen import MonthFigures, Summary, monthly_figures, summary
from store.models import Lesson

from .. import dialogs
from ..format import month_year, percent
from ..widgets.bars import hbar
from ..widgets.footer import KeyFooter
from ..widgets.text_table import TextTable
from .base import BookScreen

BAR = 8
"""Width of the on-time bar, in cells."""

BINDINGS = [
    Binding("a", "add_lesson", N_("Note a lesson"), id="journal.add",
            tooltip=N_("Write a lesson or an idea in the journal")),
    Binding("enter", "open", N_("Open"), id="journal.open", show=False,
            tooltip=N_("Open the recovery plan the lesson came from")),
    Binding("c", "charts", N_("Charts"), id="journal.charts",
            tooltip=N_("On time, delay, revenue, repeat clients and segments, month by month")),
]
"""Keys of the journal, by id."""


def rate_bar(rate: float | None) -> Text:
    """A bar and the percentage: '██████▍  81%'."""
    if rate is None:
        return Text("—", style="dim")
    bar = hbar(rate, 1.0, BAR)
    style = "green" if rate >= 0.9 else "yellow" if rate >= 0.7 else "red"
    return Text.assemble((bar.ljust(BAR), style), f" {percent(rate):>4}")


def lesson_prompt(lesson: Lesson, origin: str) -> Text:
    return Text.assemble((day(lesson.on), "bold"), ("  " + origin, "dim"), "\n", lesson.text)


def delay_text(delay: float | None) -> str:
    """'0.5 days' / '0,5 jour', or '—'."""
    if delay is None:
        return "—"
    return ngettext("{value} days", "{value} days", int(delay)).format(value=number(delay, 1))


def summary_text(found: Summary) -> Text:
    """The last twelve months in one sentence, and how many clients came back after a plan."""
    year, delay, back = found.on_time, found.average_delay, found.recovery
    months = ngettext(
        "[b]Last 12 months:[/b] {count} delivered, {promised} on the promised date, "
        "{agreed} on the agreed one; average delay {delay}.",
        "[b]Last 12 months:[/b] {count} delivered, {promised} on the promised date, "
        "{agreed} on the agreed one; average delay {delay}.", year.delivered).format(
        count=year.delivered, promised=percent(year.rate_original),
        agreed=percent(year.rate_current), delay=delay_text(delay))
    recovery = _("[b]Recovery:[/b] no recovery plan closed yet.")
    if back.clients:
        recovery = ngettext(
            "[b]Recovery:[/b] {came_back} of {count} clients came back after a recovery plan.",
            "[b]Recovery:[/b] {came_back} of {count} clients came back after a recovery plan.",
            back.clients).format(came_back=back.came_back, count=back.clients)
    return Text.from_markup(f"{months}\n{recovery}")


@dataclass(frozen=True)
class JournalView:
    """The journal as read in a worker: monthly figures, the summary, lessons with their origin."""

    months: list[MonthFigures]
    summary: Text
    lessons: list[tuple[Lesson, str]]


class JournalScreen(BookScreen):
    """Lessons learned, newest first, beside the figures that show improvement."""

    SECTION = N_("Journal")
    BINDINGS = BINDINGS
    AUTO_FOCUS = "#journal-lessons"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="journal-summary")
        yield TextTable(id="journal-figures", cursor_type="row", zebra_stripes=True)
        lessons = OptionList(id="journal-lessons")
        lessons.border_title = _("Lessons learned")
        yield lessons
        yield KeyFooter()

    def on_mount(self) -> None:
        super().on_mount()
        table = self.query_one("#journal-figures", TextTable)
        table.add_columns(_("Month"), qualified(N_("orders per month|Delivered")),
                          _("On time (promised)"), _("Agreed"), _("Avg delay"), _("Repeat"))

    def reload(self) -> None:
        self.read_later()

    def read(self, book: BookState, today: date) -> JournalView:
        orders = book.orders()
        months = monthly_figures(orders, today)
        incidents = {i.id: i for i in book.incidents()}
        lessons = []
        for lesson in sorted(book.lessons(), key=lambda l: (l.on, l.id), reverse=True):
            incident = incidents.get(lesson.incident_id)
            lessons.append((lesson, _("recovery plan on {ref}").format(ref=incident.order_ref)
                            if incident else _("note")))
        return JournalView(months, summary_text(summary(orders, book.incidents(), months, today)),
                           lessons)

    def show(self, view: JournalView) -> None:
        self.query_one("#journal-summary", Static).update(view.summary)
        table = self.query_one("#journal-figures", TextTable)
        table.clear()
        for row in view.months:
            delay = ("—" if row.average_delay is None
                     else _("{value} d").format(value=number(row.average_delay, 1)))
            table.add_row(month_year(row.month), str(row.on_time.delivered),
                          rate_bar(row.on_time.rate_original), percent(row.on_time.rate_current),
                          delay, percent(row.repeat_share), key=row.month.isoformat())
        self._show_lessons(view.lessons)

    def _show_lessons(self, found: list[tuple[Lesson, str]]) -> None:
        lessons = self.query_one("#journal-lessons", OptionList)
        highlighted = lessons.highlighted
        lessons.set_options(Option(lesson_prompt(lesson, origin), id=str(lesson.id))
                            for lesson, origin in found)
        if lessons.option_count:
            lessons.highlighted = min(highlighted or 0, lessons.option_count - 1)
        else:
            lessons.add_option(Option(Text(_("No lesson yet: press a to note one."),
                                           style="dim"), disabled=True))

    @on(OptionList.OptionSelected, "#journal-lessons")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self._open(event.option.id)

    def action_open(self) -> None:
        option = self.query_one("#journal-lessons", OptionList).highlighted_option
        if option is not None:
            self._open(option.id)

    def _open(self, lesson_id: str | None) -> None:
        if lesson_id is None:
            return
        lesson = self.app.book.get("lessons", int(lesson_id))
        if lesson.incident_id is not None:
            self.app.open_incident(lesson.incident_id)

    def action_charts(self) -> None:
        self.app.open_trends()

    def action_add_lesson(self) -> None:
        dialogs.add_lesson(self.app)
