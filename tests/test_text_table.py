"""The quick table draws every cell exactly as DataTable draws it, and sizes itself the same."""

from __future__ import annotations

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable, Input

from tui.widgets.text_table import TextTable

CELLS = [
    Text("22 sept. 2026", no_wrap=True, end=""),
    Text("complaint", style="bold", no_wrap=True, end=""),
    Text("Lettre (fr) [2026-014] (4/5) : un texte qui dépasse largement la largeur de sa colonne"),
    Text(""),
    Text("日本語のテキストは幅が二倍です、切り詰め"),
    Text("😀 émoji, e\u0301 combinant, ﬁ ligature"),
    Text.assemble(("rouge", "red"), (" gras", "bold"), style="italic"),
    Text("a  b   ", end="\n"),
    Text("tronqué avec des points de suspension à la fin", overflow="ellipsis"),
    Text("centré", justify="center"),
    Text("deux\nlignes"),
    Text("tab\there"),
    Text("a theme variable Rich cannot read", style="bold $warning"),
    "plain [b]markup[/b] string",
    12345,
]
WIDTHS = (12, 7, 40, 1)


class Tables(App):
    """The same rows in a DataTable and in a TextTable, side by side."""

    def __init__(self, widths=WIDTHS) -> None:
        super().__init__()
        self.widths = widths

    def compose(self) -> ComposeResult:
        yield Input()
        yield DataTable(id="stock", cursor_type="row", zebra_stripes=True)
        yield TextTable(id="quick", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        for table in self.query(DataTable):
            for number, width in enumerate(self.widths):
                table.add_column(f"col {number}", width=width)
            for row in range(len(CELLS)):
                table.add_row(*(CELLS[(row + k) % len(CELLS)] for k in range(len(self.widths))),
                              key=str(row))


def _lines(table: DataTable) -> list:
    return [table.render_line(y) for y in range(table.size.height)]


@pytest.mark.parametrize("widths", [WIDTHS, (3, 30, 9, 12)])
async def test_every_line_is_drawn_as_datatable_draws_it(widths):
    app = Tables(widths)
    async with app.run_test(size=(130, 40)) as pilot:
        stock, quick = app.query_one("#stock"), app.query_one("#quick")
        for table in (stock, quick):
            table.styles.height = len(CELLS) + 1
        app.query_one(Input).focus()
        await pilot.pause()
        assert _lines(quick) == _lines(stock)
        focused = []
        for table in (stock, quick):
            table.focus()
            table.move_cursor(row=3)
            await pilot.pause()
            assert table.has_focus and table.cursor_row == 3
            focused.append(_lines(table))
        assert focused[1] == focused[0]
        app.query_one(Input).focus()
        await pilot.pause()
        assert _lines(quick) == _lines(stock)


async def test_only_cells_that_are_not_one_line_of_text_are_left_to_datatable(monkeypatch):
    from tui.widgets.text_table import _one_line
    left = []
    stock_draw = DataTable._render_cell

    def spy(table, row, column, *args, **kwargs):
        if isinstance(table, TextTable) and row >= 0:
            left.append(table._get_row_renderables(row)[1][column])
        return stock_draw(table, row, column, *args, **kwargs)

    monkeypatch.setattr(DataTable, "_render_cell", spy)
    app = Tables()
    async with app.run_test(size=(130, 40)) as pilot:
        quick = app.query_one("#quick", TextTable)
        quick.styles.height = len(CELLS) + 1
        await pilot.pause()
        _lines(quick)
        assert left, "some cells (two lines, centred, a tab) are DataTable's to draw"
        assert not any(_one_line(cell) for cell in left)
        assert len(left) < len(CELLS) * len(WIDTHS) / 2


async def test_a_fixed_width_table_is_sized_like_datatable_without_measuring(monkeypatch):
    import textual.widgets._data_table as data_table
    measured = []
    real = data_table.measure
    monkeypatch.setattr(data_table, "measure", lambda *a: measured.append(a) or real(*a))
    app = Tables()
    async with app.run_test(size=(130, 40)) as pilot:
        await pilot.pause()
        stock, quick = app.query_one("#stock"), app.query_one("#quick")
        assert quick.virtual_size == stock.virtual_size
        for table in (stock, quick):
            table.clear()
            table.add_row(*CELLS[:4], key="again")
        measured.clear()
        await pilot.pause()
        assert quick.virtual_size == stock.virtual_size
        assert len(measured) == len(WIDTHS), "only the stock table measured its new row"


async def test_a_table_of_sized_to_fit_columns_is_measured_as_ever():
    class Fit(App):
        def compose(self) -> ComposeResult:
            yield DataTable(id="stock")
            yield TextTable(id="quick")

        def on_mount(self) -> None:
            for table in self.query(DataTable):
                table.add_columns("short", "a longer header")
                table.add_row(Text("a cell much wider than its header"), Text("x"))

    app = Fit()
    async with app.run_test(size=(130, 20)) as pilot:
        app.set_focus(None)
        await pilot.pause()
        stock, quick = app.query_one("#stock"), app.query_one("#quick")
        assert quick.virtual_size == stock.virtual_size
        assert quick.virtual_size.width > len("a cell much wider than its header")
        assert _lines(quick) == _lines(stock)
