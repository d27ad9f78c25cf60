"""A small bar chart of the on-time rate, one bar per month."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from ..format import month_initial, month_year

BLOCKS = " ▁▂▃▄▅▆▇█"
BAR_WIDTH = 2
GAP = 1


def bar_rows(rate: float, height: int) -> list[str]:
    """The characters of one bar for a rate in 0..1, top row first."""
    eighths = round(max(0.0, min(rate, 1.0)) * height * 8)
    rows = []
    for level in range(height - 1, -1, -1):
        filled = max(0, min(8, eighths - level * 8))
        rows.append(BLOCKS[filled])
    return rows


class TrendChart(Widget):
    """On-time rate per month as bars, months labelled beneath; '·': no delivery that month."""

    DEFAULT_CSS = """
    TrendChart { height: auto; width: auto; }
    """

    months: reactive[tuple[tuple[date, float | None], ...]] = reactive(tuple, layout=True)
    """(first day of the month, on-time rate or None) oldest first."""

    def __init__(self, bar_height: int = 4, id: str | None = None) -> None:
        super().__init__(id=id)
        self.bar_height = bar_height
        """Rows of the bars (the month labels add one, the caption one)."""

    def show(self, months: Sequence[tuple[date, float | None]]) -> None:
        self.months = tuple(months)

    def get_content_width(self, container, viewport) -> int:
        return max(len(self.months) * (BAR_WIDTH + GAP), 12)

    def get_content_height(self, container, viewport, width) -> int:
        return self.bar_height + 2

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="crop")
        columns = [bar_rows(rate, self.bar_height) if rate is not None else None
                   for _month, rate in self.months]
        for row in range(self.bar_height):
            for bars in columns:
                if bars is None:
                    cell = "·" if row == self.bar_height - 1 else " "
                    text.append(cell.ljust(BAR_WIDTH), style="dim")
                else:
                    text.append(bars[row] * BAR_WIDTH)
                text.append(" " * GAP)
            text.append("\n")
        for month, _rate in self.months:
            text.append(month_initial(month)[:BAR_WIDTH].ljust(BAR_WIDTH + GAP), style="dim")
        if self.months:
            first, last = self.months[0][0], self.months[-1][0]
            text.append(f"\n{month_year(first)} → {month_year(last)}", style="dim italic")
        return text
