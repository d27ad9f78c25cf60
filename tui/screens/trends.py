"""The kaizen charts: on time, average delay, revenue, repeat clients and segments, by month."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from store.state import BookState
from store.formats import number
from store.i18n import N_, _
from store.kaizen import MonthFigures, monthly_figures
from store.labels import segment_label
from store.loyalty import SEGMENTS
from store.loyalty_trend import SegmentCounts, segments_by_month

from ..widgets.bars import EIGHTHS, MonthBars, MonthValue
from ..widgets.footer import KeyFooter
from .ready import ReadyScreen

BINDINGS = [
    Binding("escape", "back", N_("Back"), id="nav.back",
            tooltip=N_("Back to the previous screen")),
]
"""Keys of the charts, by id."""


def rate_label(value: float) -> str:
    return f"{round(value * 100)}"


def delay_label(value: float) -> str:
    return number(value, 1) if value < 10 else number(round(value))


def euros_label(value: float) -> str:
    return f"{number(value / 1000, 1)}k" if value >= 1000 else number(round(value))


def spark(values: list[int], top: int) -> str:
    """One character per value, its height the value's share of `top`."""
    return "".join(EIGHTHS[round(v / top * 8)] if top else " " for v in values)


def segments_chart(trend: list[SegmentCounts]) -> Text:
    """One sparkline per segment, oldest month first, with today's count."""
    text = Text(no_wrap=True, overflow="crop")
    text.append(_("Clients per segment at each month's end, oldest first (today's count)")
                + "\n", style="italic")
    top = max((count for point in trend for count in point.counts.values()), default=0)
    for name in SEGMENTS:
        counts = [point.counts[name] for point in trend]
        text.append(f"{segment_label(name):<12}", style="dim")
        text.append(spark(counts, top).replace(" ", "·"), style="bold")
        text.append(f"  {counts[-1] if counts else 0}\n")
    return text


@dataclass(frozen=True)
class TrendsView:
    """What the charts show, read in a worker."""

    months: list[MonthFigures]
    """Newest first, as store.kaizen gives them."""
    segments: list[SegmentCounts]


class TrendsScreen(ReadyScreen):
    """The journal's figures as charts, oldest month left, each value written under its bar."""

    READ_AHEAD = True

    SECTION = N_("Kaizen charts")
    BINDINGS = BINDINGS
    AUTO_FOCUS = "#trends"

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="trends", can_focus=True):
            # MonthBars translates its title where it draws it.
            yield MonthBars(N_("On time by month, %  (█ promised date, ░ agreed date)"),
                            rate_label, top=1.0, id="chart-on-time")
            yield MonthBars(N_("Average delay, days (against the agreed date)"), delay_label,
                            id="chart-delay")
            yield MonthBars(N_("Revenue delivered, €"), euros_label, id="chart-revenue")
            yield MonthBars(N_("Repeat-client share of the orders received, %"), rate_label,
                            top=1.0, id="chart-repeat")
            yield Static(id="chart-segments")
        yield KeyFooter()

    def reload(self) -> None:
        self.read_later()

    def read(self, book: BookState, today: date) -> TrendsView:
        orders = book.orders()
        return TrendsView(monthly_figures(orders, today),
                          segments_by_month(book.clients(), orders, today))

    def show(self, view: TrendsView) -> None:
        months = view.months[::-1]
        self.query_one("#chart-on-time", MonthBars).show(
            [MonthValue(m.month, m.on_time.rate_original, m.on_time.rate_current) for m in months])
        self.query_one("#chart-delay", MonthBars).show(
            [MonthValue(m.month, m.average_delay) for m in months])
        self.query_one("#chart-revenue", MonthBars).show(
            [MonthValue(m.month, float(m.revenue) if m.on_time.delivered else None)
             for m in months])
        self.query_one("#chart-repeat", MonthBars).show(
            [MonthValue(m.month, m.repeat_share) for m in months])
        self.query_one("#chart-segments", Static).update(segments_chart(view.segments))
        self.appear()
