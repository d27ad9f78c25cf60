"""A table that holds one page of rows at a time and asks its screen for the others.

DataTable keeps every row in memory and adds them one by one, so a 20-year book is
filtered and paged in the store; this widget only ever receives one page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, DataTable, Label

from store.formats import number
from store.i18n import N_, _

from ..bindings import TABLE
from .text_table import TextTable

PAGE_SIZE = 100
"""Rows fed to the DataTable at once (it measures every cell of every row it is given)."""

Row = tuple[str, Sequence[str | Text]]
"""A row's key (record id or reference) and its cells."""


def _cell(value: str | Text) -> Text:
    """A cell as Text: DataTable would read a plain string as markup (slower, and "[b]" styles)."""
    return value if isinstance(value, Text) else Text(value, no_wrap=True, end="")


class PagedTable(Vertical):
    """One page of a long list, with keys and buttons for the other pages."""

    BINDINGS = TABLE

    class PageWanted(Message):
        """The user asked for the page starting at `offset`."""

        def __init__(self, table: PagedTable, offset: int) -> None:
            super().__init__()
            self.table = table
            self.offset = offset

    class Chosen(Message):
        """The user chose the row with this key (Enter or click)."""

        def __init__(self, table: PagedTable, key: str) -> None:
            super().__init__()
            self.table = table
            self.key = key

    def __init__(self, *columns: str | tuple[str, int], empty: str = N_("Nothing to show."),
                 id: str | None = None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(id=id, classes="paged")
        self.columns = columns
        """Headers: alone (sized to fit), with a width (longer cells are cut), or with 0:
        the one column that takes the width left (translated here, with `_`)."""
        self.empty = empty
        """What the footer line says when no row matches (translated where shown)."""
        self.page_size = page_size
        """Rows per page."""
        self.start = 0
        """Index of the first row shown, in the whole list."""
        self.total = 0
        """Rows in the whole list."""
        self._rows: list[Row] = []
        self._flex_width = -1

    def on_mount(self) -> None:
        self._set_columns()

    def on_resize(self) -> None:
        if self._flex_width != self._flex_for(self.size.width):
            self._set_columns()
            self._fill(self.table.cursor_row)

    def _flex_for(self, width: int) -> int:
        """The width left for the flexible column (a width of 0 in `columns`)."""
        fixed = sum(w for c in self.columns if not isinstance(c, str) for w in (c[1],))
        auto = sum(12 for c in self.columns if isinstance(c, str))
        return max(12, width - fixed - auto - 2 * len(self.columns) - 2)

    def _set_columns(self) -> None:
        table = self.table
        table.clear(columns=True)
        self._flex_width = self._flex_for(self.size.width)
        for column in self.columns:
            label, width = (column, None) if isinstance(column, str) else column
            table.add_column(_(label) if label else label, width=width or self._flex_width)

    def compose(self) -> ComposeResult:
        yield TextTable(cursor_type="row", zebra_stripes=True)
        with Horizontal(classes="pager"):
            yield Button("◀", id="prev-page", compact=True, tooltip=_("Previous page ([)"))
            yield Label(id="page-info")
            yield Button("▶", id="next-page", compact=True, tooltip=_("Next page (])"))

    @property
    def table(self) -> TextTable:
        return self.query_one(DataTable)

    def show_page(self, rows: Iterable[Row], offset: int, total: int) -> None:
        """Replace the rows with one page; keeps the cursor on the same row number."""
        cursor = self.table.cursor_row if offset == self.start else 0
        self._rows = list(rows)
        self.start, self.total = offset, total
        self._fill(cursor)
        self._show_position()

    def rewind(self) -> None:
        """Back to the first page and row, for another record's list."""
        self.start = 0
        if self.table.row_count:
            self.table.move_cursor(row=0, animate=False)

    def _fill(self, cursor: int) -> None:
        table = self.table
        table.clear()
        for key, cells in self._rows:
            table.add_row(*map(_cell, cells), key=key)
        table.size_now()
        if table.row_count:
            table.move_cursor(row=min(cursor, table.row_count - 1), animate=False)

    def _show_position(self) -> None:
        count = self.table.row_count
        if not self.total:
            text = _(self.empty)
        elif self.total <= self.page_size:
            text = _("{total} in all").format(total=number(self.total))
        else:
            text = _("{first}–{last} of {total}").format(
                first=number(self.start + 1), last=number(self.start + count),
                total=number(self.total))
        self.query_one("#page-info", Label).update(text)
        self.query_one("#prev-page").disabled = self.start == 0
        self.query_one("#next-page").disabled = self.start + count >= self.total

    @property
    def current_key(self) -> str | None:
        """The key of the row under the cursor."""
        table = self.table
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def action_page(self, direction: int) -> None:
        """Ask for the next (1) or previous (-1) page."""
        offset = self.start + direction * self.page_size
        if 0 <= offset < self.total:
            self.post_message(self.PageWanted(self, offset))

    def action_page_key(self, direction: int) -> None:
        """Page Down (1) / Up (-1): a screenful within the page; from its last (first) row,
        the next (previous) page — "]" and "[" need AltGr on AZERTY."""
        table = self.table
        edge = table.row_count - 1 if direction > 0 else 0
        if table.row_count and table.cursor_row != edge:
            table.action_page_down() if direction > 0 else table.action_page_up()
        else:
            self.action_page(direction)

    @on(Button.Pressed, "#prev-page")
    def _previous(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_page(-1)

    @on(Button.Pressed, "#next-page")
    def _next(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_page(1)

    @on(DataTable.RowSelected)
    def _chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.post_message(self.Chosen(self, event.row_key.value))
