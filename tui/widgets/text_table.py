"""A DataTable whose one-line text cells are drawn without Rich's layout machinery.

DataTable draws each cell through Rich (Styled → Padding → Text wrapping → lines), about
55 µs a cell: a page of 36 visible rows × 3–6 columns costs 10–20 ms every time the rows
change or the table gains or loses focus (its cache of drawn cells is keyed by focus). A
cell that is one line of Text in a fixed-width column needs none of that: cut to width,
padded, styled, it is the same segments in a quarter of the time. Anything else (headers,
row labels, wrapped or multi-line cells, other renderables) is drawn by DataTable itself.

DataTable also measures every cell of every new row to size its columns, which a column of
fixed width never uses: a table whose columns all have a width skips the measuring.

Both rely on DataTable's private drawing hooks of the pinned Textual (pyproject.toml); the
tests compare every drawn cell with DataTable's own drawing, so a Textual that changes them
is caught there.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.widgets import DataTable
from textual.widgets._data_table import RowKey

_CUT = frozenset({None, "fold", "crop", "ellipsis"})
"""Overflows that cut a one-line cell the way Text.truncate does."""


def _one_line(cell: object) -> bool:
    """Whether `cell` is a single line of left-set Text (what the quick drawing handles)."""
    return (isinstance(cell, Text) and cell.justify in (None, "default")
            and cell.overflow in _CUT and "\n" not in cell.plain and "\t" not in cell.plain)


class TextTable(DataTable):
    """DataTable, drawing one-line text cells directly and not measuring fixed columns."""

    def _render_cell(self, row_index: int, column_index: int, base_style: Style, width: int,
                     cursor: bool = False, hover: bool = False):
        """A cell's drawn lines, from the cache DataTable shares (and keys the same way)."""
        if row_index < self.fixed_rows or column_index < self.fixed_columns:
            return super()._render_cell(row_index, column_index, base_style, width, cursor,
                                        hover)
        row_key = self._row_locations.get_key(row_index)
        key = (row_key, self._column_locations.get_key(column_index), base_style, cursor,
               hover, self._show_hover_cursor, self._update_count, self._pseudo_class_state)
        lines = self._cell_render_cache.get(key)
        if lines is not None:
            return lines
        row = self.rows.get(row_key)
        cell = self._get_row_renderables(row_index)[1][column_index]
        if row is None or row.height != 1 or not _one_line(cell):
            return super()._render_cell(row_index, column_index, base_style, width, cursor,
                                        hover)
        component, post = self._get_styles_to_render_cell(
            False, False, False, hover, cursor, self.show_cursor, self._show_hover_cursor,
            self.cursor_foreground_priority == "css", self.cursor_background_priority == "css")
        pre = base_style + Style.from_meta({"row": row_index, "column": column_index})
        lines = self._cell_render_cache[key] = [self._text_line(cell, width, pre + component,
                                                                post)]
        return lines

    def _text_line(self, cell: Text, width: int, pre: Style, post: Style) -> list[Segment]:
        """One line of text cut to the cell's width, padded and styled as DataTable would."""
        console = self.app.console
        pad = self.cell_padding
        inner = max(width - 2 * pad, 0)
        line = cell.copy()
        line.truncate(inner, overflow=cell.overflow or "fold")
        drawn: Iterable[Segment] = line.render(console, end="")
        if line.style:
            style = console.get_style(line.style, default=Style.null())
            drawn = Segment.apply_style(drawn, style=style)
        segments = [Segment(" " * pad)] if pad else []
        segments += drawn
        fill = inner - line.cell_len
        if fill > 0:
            segments.append(Segment(" " * fill))
        if pad:
            segments.append(Segment(" " * pad))
        return list(Segment.apply_style(segments, style=pre, post_style=post))

    def _get_row_style(self, row_index: int, base_style: Style) -> Style:
        if row_index == -1:
            return self._component_style("datatable--header")
        if row_index < self.fixed_rows:
            return self._component_style("datatable--fixed")
        if self.zebra_stripes:
            return self._component_style("datatable--odd-row" if row_index % 2
                                         else "datatable--even-row")
        return base_style

    def _component_style(self, name: str) -> Style:
        """A component's Rich style, worked out once until the table is next refreshed or
        restyled (Textual empties this cache then); DataTable works it out for every row."""
        key = ("row style", name)
        found = self._rich_style_cache.get(key)
        if found is None:
            found = self._rich_style_cache[key] = self.get_component_styles(name).rich_style
        return found

    def size_now(self) -> None:
        """Take the size of the rows just added now, not when the table next idles: a table
        filled before its screen is shown is then laid out once, at its true size."""
        if self._require_update_dimensions:
            self._require_update_dimensions = False
            new_rows = list(self._new_rows)
            self._new_rows.clear()
            self._update_dimensions(new_rows)

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        columns = self.columns.values()
        new_rows = list(new_rows)
        if any(column.auto_width for column in columns) or any(
                row.label is not None or row.auto_height
                for row in map(self.rows.get, new_rows) if row is not None):
            super()._update_dimensions(new_rows)
            return
        width = sum(column.get_render_width(self) for column in columns)
        header = self.header_height if self.show_header else 0
        self.virtual_size = Size(width + self._row_label_column_width,
                                 self._total_row_height + header)
