"""A change is painted as soon as the screen falls idle, without Textual's update timer."""

from __future__ import annotations

import asyncio

from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from tui.screens.prompt import PromptPaint
from tui.widgets.paged_table import PagedTable


class Counted(PromptPaint):
    """A prompt screen with a text and a table."""

    def compose(self) -> ComposeResult:
        yield Static("before", id="text")
        yield PagedTable("Name", ("City", 10), id="table")



class Plain(Screen):
    """Textual's own screen, for comparison."""

    def compose(self) -> ComposeResult:
        yield Static("before", id="text")


class Host(App):
    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.first = screen

    def on_mount(self) -> None:
        self.push_screen(self.first)


def silence_textual_timer(screen: Screen) -> None:
    """Textual's update timer stays paused whatever asks it to resume."""
    screen._update_timer.resume = lambda: None


def count_paints(screen: Screen) -> list[int]:
    """A counter of the screen's paints to the terminal (compositor refreshes)."""
    counter = [0]
    paint = screen._compositor_refresh

    def counted() -> None:
        counter[0] += 1
        paint()

    screen._compositor_refresh = counted
    return counter


async def settle() -> None:
    for _ in range(20):
        await asyncio.sleep(0.01)


async def two_lines_without_the_timer(screen: Screen) -> tuple[int, int]:
    """(paints, height of the text) once a text of two lines replaced one, on `screen` whose
    Textual timer is silenced."""
    async with Host(screen).run_test(size=(60, 12)):
        await settle()
        silence_textual_timer(screen)
        paints = count_paints(screen)
        text = screen.query_one("#text", Static)
        text.update("after, a longer text\non two lines")
        await settle()
        return paints[0], text.size.height


async def test_a_change_is_painted_without_the_update_timer():
    paints, height = await two_lines_without_the_timer(Counted())
    assert paints >= 1
    assert height == 2


async def test_textual_screen_waits_for_its_timer():
    """The comparison that makes the test above mean something: with its timer silenced,
    Textual's own screen does not paint the change."""
    assert await two_lines_without_the_timer(Plain()) == (0, 1)


async def test_what_waits_for_the_paint_still_runs():
    screen = Counted()
    app = Host(screen)
    async with app.run_test(size=(60, 12)):
        await settle()
        silence_textual_timer(screen)
        painted = asyncio.Event()
        screen.query_one("#text", Static).update("after")
        screen.call_after_refresh(painted.set)
        await asyncio.wait_for(painted.wait(), timeout=2)


async def test_a_burst_of_changes_is_painted_in_few_paints():
    screen = Counted()
    app = Host(screen)
    async with app.run_test(size=(60, 12)):
        await settle()
        paints = count_paints(screen)
        text = screen.query_one("#text", Static)
        for count in range(50):
            text.update(f"change {count}")
        await settle()
        assert 1 <= paints[0] <= 3
        assert "change 49" in text.render_line(0).text


async def test_a_filled_table_has_its_size_before_it_idles():
    """Rows given to a paged table size it at once: the screen's first layout is its last."""
    screen = Counted()
    app = Host(screen)
    async with app.run_test(size=(60, 12)):
        await settle()
        paged = screen.query_one("#table", PagedTable)
        paged.show_page([(str(n), (f"name {n}", "Nice")) for n in range(30)], 0, 30)
        table = paged.table
        assert not table._require_update_dimensions
        assert table.virtual_size.height == 30 + 1
