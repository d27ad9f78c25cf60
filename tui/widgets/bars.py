"""Bar charts drawn with block characters: one bar per month, or one labelled bar per row.

Readable in monochrome and at 80 columns: every bar carries its value in figures, so the
chart says as much as the table it comes from (and exports to SVG with the screen).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from store.i18n import _

from ..format import month as month_label

EIGHTHS = " ▁▂▃▄▅▆▇█"
"""Vertical partial blocks, from empty to full."""
LEFT_EIGHTHS = " ▏▎▍▌▋▊▉█"
"""Horizontal partial blocks, from empty to full."""
SHADE = "░"
"""The behind series (the agreed date behind the promised one)."""
COLUMN = 5
"""Cells per month: a bar of BAR cells and a gap."""
BAR = 3


@dataclass(frozen=True, slots=True)
class MonthValue:
    """One month of a chart: its value, and optionally a value drawn behind it (shaded)."""

    month: date
    value: float | None
    behind: float | None = None


def _level(value: float | None, top: float, height: int) -> int:
    """How many eighths of `height` rows a value fills."""
    if value is None or top <= 0:
        return 0
    return round(max(0.0, min(value / top, 1.0)) * height * 8)


def _cell(front: int, behind: int, row: int) -> tuple[str, str]:
    """The character and style of a bar at `row` (0: bottom) for eighths front/behind."""
    filled = max(0, min(8, front - row * 8))
    if filled == 8:
        return "█", "bold"
    if filled:
        return EIGHTHS[filled], "bold"
    if behind - row * 8 >= 4:
        return SHADE, "dim"
    return " ", ""


def month_chart(months: Sequence[MonthValue], label: Callable[[float], str],
                height: int = 3, top: float | None = None) -> Text:
    """Vertical bars on an axis, one per month, the value written under each, then the month."""
    values = [v for m in months for v in (m.value, m.behind) if v is not None]
    top = top if top is not None else max(values, default=0.0)
    levels = [(_level(m.value, top, height), _level(m.behind, top, height)) for m in months]
    text = Text(no_wrap=True, overflow="crop")
    for row in range(height - 1, -1, -1):
        for front, behind in levels:
            char, style = _cell(front, behind, row)
            text.append(char * BAR, style=style)
            text.append(" " * (COLUMN - BAR))
        text.append("\n")
    text.append("─" * (COLUMN * len(months) - (COLUMN - BAR)) + "\n", style="dim")
    for month in months:
        shown = "·" if month.value is None else label(month.value)
        text.append(shown[:COLUMN - 1].ljust(COLUMN), style="bold" if month.value is not None
                    else "dim")
    text.append("\n")
    for month in months:
        text.append(month_label(month.month).ljust(COLUMN), style="dim")
    return text


def hbar(value: float, top: float, width: int) -> str:
    """A horizontal bar of `width` cells at most for value/top."""
    eighths = round(max(0.0, min(value / top, 1.0)) * width * 8) if top > 0 else 0
    return "█" * (eighths // 8) + (LEFT_EIGHTHS[eighths % 8] if eighths % 8 else "")


def row_chart(rows: Sequence[tuple[str, float | None, str]], top: float, width: int = 30,
              label_width: int = 20) -> Text:
    """One labelled horizontal bar per row: (label, value or None, the value as text)."""
    text = Text(no_wrap=True, overflow="crop")
    for index, (label, value, shown) in enumerate(rows):
        if index:
            text.append("\n")
        text.append(label[:label_width - 1].ljust(label_width), style="dim")
        bar = hbar(value, top, width) if value is not None else ""
        text.append(bar.ljust(width), style="bold")
        text.append(f" {shown}")
    return text


class MonthBars(Widget):
    """A titled month chart; `show` gives it its months and the way a value reads."""

    DEFAULT_CSS = """
    MonthBars { height: auto; width: auto; }
    """

    months: reactive[tuple[MonthValue, ...]] = reactive(tuple, layout=True)
    """The months shown, oldest first."""

    def __init__(self, title: str, label: Callable[[float], str], height: int = 3,
                 top: float | None = None, id: str | None = None) -> None:
        super().__init__(id=id)
        self.title = title
        """The line above the bars (what they measure, and a legend); translated where shown."""
        self.label = label
        """How one value reads under its bar ('85', '1.2k')."""
        self.bar_height = height
        """Rows of the bars."""
        self.top = top
        """The value a full bar stands for; None: the largest shown."""

    def show(self, months: Sequence[MonthValue]) -> None:
        self.months = tuple(months)

    def get_content_width(self, container, viewport) -> int:
        return max(len(self.months) * COLUMN, len(_(self.title)))

    def get_content_height(self, container, viewport, width) -> int:
        return self.bar_height + 4

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="crop")
        text.append(_(self.title) + "\n", style="italic")
        text.append_text(month_chart(self.months, self.label, self.bar_height, self.top))
        return text
