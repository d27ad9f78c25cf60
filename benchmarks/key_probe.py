"""Run in a fresh process: key → painted answer, headless at 120×40, in Carnet or a minimal app.

    python benchmarks/key_probe.py carnet DIR TODAY [--presses 40] [--opens 20] [--stall 200]
    python benchmarks/key_probe.py baseline [--presses 40] [--opens 20]

Each key is posted to the app as the terminal driver posts it (Pilot's sleeps would floor every
figure); the app is then left until it is quiet: its queues empty, the screen's workers done,
no paint for 100 ms. A key's figure is the time from posting it to the last paint that changed
a cell (benchmarks/key_driver.py, key_grid.py). Prints one JSON object on stdout.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
import time
from collections import Counter, deque
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textual import on  # noqa: E402
from textual.app import App, ComposeResult  # noqa: E402
from textual.screen import Screen  # noqa: E402
from textual.widgets import DataTable, Input, Static  # noqa: E402

from benchmarks.key_driver import (QUIET, SIZE, PaintRecorder, Probe, Sample,  # noqa: E402
                                   cursor_keys, figures, ping_pong, typing, wait_idle)
from benchmarks.key_grid import collections_summary  # noqa: E402

STALL = 100.0
"""A key whose answer takes longer (ms) is a stall."""


class Side:
    """How the probe drives one app: its list, its search box, its pages."""

    def __init__(self, app: App) -> None:
        self.app = app

    async def prepare(self, probe: Probe, what: str) -> None:
        """Focus the list ("list") or the search box ("search")."""

    def page_position(self) -> tuple[bool, bool]:
        """Whether there is a next and a previous page."""
        return True, True

    def search_box(self) -> Input:
        return self.app.screen.query_one("#search", Input)


async def measure(probe: Probe, side: Side, args: argparse.Namespace) -> dict:
    """The four actions: cursor down, a character typed in the search, next page, open / back."""
    app, warmup = probe.app, args.warmup
    await side.prepare(probe, "list")
    actions = {"cursor": await probe.series(cursor_keys(app), args.presses, warmup)}
    await side.prepare(probe, "search")
    actions["search"] = await probe.series(typing(args.fragment), args.presses, warmup)
    for _ in range(len(side.search_box().value)):
        await probe.press("backspace")
    await side.prepare(probe, "list")
    pages = ping_pong("right_square_bracket", "left_square_bracket", side.page_position)
    actions["page"] = await probe.series(pages, args.presses, min(warmup, 2))
    actions["open"], actions["back"], opened = [], [], set()
    for index in range(1 + args.opens):
        base = app.screen
        enter = await probe.press("enter")
        opened.add(type(app.screen).__name__)
        back = await probe.press("escape") if app.screen is not base else None
        if index and back is not None:
            actions["open"].append(enter)
            actions["back"].append(back)
        await probe.press("down")
    result = {name: figures(probe, samples) for name, samples in actions.items()}
    result["open"]["screens"] = sorted(opened)
    return result


class CarnetSide(Side):
    """Carnet: the orders list, the clients search; the stall run's mixed keys."""

    async def prepare(self, probe: Probe, what: str) -> None:
        app = self.app
        mode, selector = ("clients", "#search") if what == "search" else ("orders",
                                                                          "#orders DataTable")
        if app.current_mode != mode:
            app.switch_mode(mode)
            await probe.settle()
        app.screen.query_one(selector).focus()
        for box in app.screen.query(Input):
            box.cursor_blink = False
        await probe.settle()

    def page_position(self) -> tuple[bool, bool]:
        table = self.app.screen.query_one("#orders")
        return table.start + table.page_size < table.total, table.start > 0


def section_keys() -> dict[str, str]:
    """Each section's first key, from the app's bindings (tui/bindings.py APP)."""
    from tui.bindings import APP
    return {b.action[4:-2]: b.key.split(",")[0] for b in APP if b.action.startswith("go('")}


SECTION_WEIGHTS = {"orders": 3, "clients": 3}
"""How often the mix goes to a section (others: 1)."""
LISTED = {"cursor": 3, "page": 2, "open": 2, "search": 2, "switch": 2}
MIX = {"orders": LISTED, "clients": LISTED, "profile": {"switch": 1},
       "": {"cursor": 1, "switch": 3}}
"""How often the mix does what, by section ("": the other sections)."""


class Mixer:
    """The stall run's keys: a seeded mix of moving, paging, searching, opening and switching."""

    def __init__(self, app: App, seed: int, fragment: str) -> None:
        self.app, self.fragment = app, fragment
        self.rng = random.Random(seed)
        self.sections = section_keys()
        self.cursor = cursor_keys(self.app)
        self.pages = ping_pong("right_square_bracket", "left_square_bracket", self._pages)
        self.escapes = 0

    def _pages(self) -> tuple[bool, bool]:
        table = self.app.screen.query_one("PagedTable")
        return table.start + table.page_size < table.total, table.start > 0

    def macro(self) -> list[str | Callable[[], str]]:
        """The next few keys, chosen from where the app is."""
        app, rng = self.app, self.rng
        for box in app.screen.query(Input):
            box.cursor_blink = False
        if len(app.screen_stack) > 1 or isinstance(app.focused, Input):
            self.escapes += 1
            if self.escapes > 2 and len(app.screen_stack) > 1:
                app.pop_screen()
            elif self.escapes > 2:
                app.set_focus(None)
            return ["escape"]
        self.escapes = 0
        kinds = MIX.get(app.current_mode, MIX[""])
        kind = rng.choices(list(kinds), list(kinds.values()))[0]
        if kind == "page" and any(self._pages()):
            return [lambda: next(self.pages)]
        if kind == "open":
            return ["enter", *["down"] * rng.randint(0, 2), "escape"]
        if kind == "search":
            return ["slash", *self.fragment, *["backspace"] * len(self.fragment), "escape"]
        if kind != "switch":
            return [lambda: next(self.cursor)] * rng.randint(1, 4)
        others = [name for name in self.sections if name != app.current_mode]
        section = rng.choices(others, [SECTION_WEIGHTS.get(n, 1) for n in others])[0]
        return [self.sections[section]]


async def stall_run(probe: Probe, args: argparse.Namespace) -> dict:
    """`args.stall` mixed keys (at least one); those over 100 ms, the slowest, the collections."""
    mixer, queue, samples = Mixer(probe.app, args.seed, args.fragment), deque(), []
    start = time.perf_counter()
    while len(samples) < args.stall:
        if not queue:
            queue.extend(mixer.macro())
        item = queue.popleft()
        if not isinstance(item, str):
            item = item()
        samples.append(await probe.press(item))
    collections = probe.watch.between(start, time.perf_counter())
    slowest = max(samples, key=lambda s: s.answer)
    return {"presses": len(samples), "over_100ms": sum(s.answer > STALL for s in samples),
            "over_100ms_cpu": sum((s.cpu_ms or 0) > STALL for s in samples),
            "max_ms": round(slowest.answer, 2),
            "slowest": {"key": slowest.key, "screen": slowest.screen,
                        "gc_ms": collecting(probe, slowest)},
            "unchanged": dict(Counter(f"{s.key} on {s.screen}" for s in samples if s.ms is None)),
            "gc": collections_summary(collections),
            "samples": [[s.key, round(s.answer, 2), s.screen, collecting(probe, s),
                         round(s.cpu_ms or 0, 2)] for s in samples]}


def collecting(probe: Probe, sample: Sample) -> float:
    """Ms the collector ran between posting the key and its answer painted."""
    end = sample.start + sample.answer / 1000
    return round(sum(c.seconds for c in probe.watch.between(sample.start, end)) * 1000, 2)


async def run_carnet(args: argparse.Namespace) -> dict:
    from tui.app import CarnetApp
    app = CarnetApp(Path(args.dir), date.fromisoformat(args.today))
    recorder = PaintRecorder(*SIZE)
    recorder.attach(app)
    probe = Probe(app, recorder, args.quiet_ms / 1000)
    with probe.watch:
        async with app.run_test(size=SIZE):
            running = await wait_idle(probe, args.idle)
            side = CarnetSide(app)
            result = {"app": "carnet", "first_screen": type(app.screen).__name__,
                      "workers_still_running": running,
                      "actions": await measure(probe, side, args)}
            if args.stall:
                while len(app.screen_stack) > 1:
                    await probe.press("escape")
                result["stall"] = await stall_run(probe, args)
    return result


NAMES = ("Martin", "Marchand", "Lemaire", "Dubois", "Omar", "Bernard", "Petit", "Marais",
         "Roux", "Fournier", "Girard", "Amar", "Lambert", "Mercier", "Blanc", "Garnier")
CITIES = ("Paris", "Lyon", "Marseille", "Tours", "Lille", "Nantes", "Reims", "Rouen")
STATUSES = ("quote", "accepted", "in progress", "delivered", "paid")


def baseline_rows(count: int = 1000) -> list[tuple[str, ...]]:
    """Short text rows of six columns, the same in every run."""
    return [(f"{2000 + i // 50}-{i % 50 + 1:03d}", f"{NAMES[i % 16]} {NAMES[i * 7 % 16][0]}.",
             CITIES[i * 3 % 8], STATUSES[i % 5], f"{i % 28 + 1:02d}/{i % 12 + 1:02d}",
             f"{(i * 37) % 900 + 100} €") for i in range(count)]


class Detail(Screen):
    """A record: four fields."""

    BINDINGS = [("escape", "app.pop_screen", "Back")]

    def compose(self) -> ComposeResult:
        yield Static("Order 2024-017", id="title")
        yield Input("Transcription of a 1789 parish register", id="what")
        yield Static("Client: Martin R., Paris")
        yield Input("12/05", id="due")


class MinimalApp(App):
    """The baseline: an Input over a 100-row, six-column DataTable with zebra stripes."""

    CSS = "DataTable { height: 1fr; }"
    BINDINGS = [("right_square_bracket", "page(1)", "Next"),
                ("left_square_bracket", "page(-1)", "Prev")]
    PAGE = 100

    def __init__(self) -> None:
        super().__init__()
        self.rows = baseline_rows()
        self.shown = self.rows
        self.page = 0

    def compose(self) -> ComposeResult:
        yield Input(placeholder="search", id="search")
        yield DataTable(cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Ref", "Client", "City", "Status", "Due", "Amount")
        self.fill()
        table.focus()

    def fill(self) -> None:
        """The current page of the rows shown (clear + add)."""
        table = self.query_one(DataTable)
        table.clear()
        table.add_rows(self.shown[self.page * self.PAGE:(self.page + 1) * self.PAGE])

    @property
    def pages(self) -> int:
        return max(1, -(-len(self.shown) // self.PAGE))

    def action_page(self, direction: int) -> None:
        if 0 <= self.page + direction < self.pages:
            self.page += direction
            self.fill()

    @on(Input.Changed, "#search")
    def _filter(self, event: Input.Changed) -> None:
        text = event.value.casefold()
        self.shown = [r for r in self.rows if any(text in cell.casefold() for cell in r)]
        self.page = 0
        self.fill()

    @on(DataTable.RowSelected)
    def _open(self) -> None:
        self.push_screen(Detail())


class BaselineSide(Side):
    async def prepare(self, probe: Probe, what: str) -> None:
        widget = self.app.query_one(Input if what == "search" else DataTable)
        widget.focus()
        if isinstance(widget, Input):
            widget.cursor_blink = False
        await probe.settle()

    def page_position(self) -> tuple[bool, bool]:
        app = self.app
        return app.page < app.pages - 1, app.page > 0


async def run_baseline(args: argparse.Namespace) -> dict:
    app = MinimalApp()
    recorder = PaintRecorder(*SIZE)
    recorder.attach(app)
    probe = Probe(app, recorder, args.quiet_ms / 1000)
    with probe.watch:
        async with app.run_test(size=SIZE):
            await wait_idle(probe, min(args.idle, 0.5))
            return {"app": "baseline", "actions": await measure(probe, BaselineSide(app), args)}


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("app", choices=("carnet", "baseline"))
    parser.add_argument("dir", nargs="?", help="the book's folder (carnet)")
    parser.add_argument("today", nargs="?", help="the day, YYYY-MM-DD (carnet)")
    parser.add_argument("--presses", type=int, default=40, help="timed keys per action")
    parser.add_argument("--warmup", type=int, default=5, help="untimed keys before each action")
    parser.add_argument("--opens", type=int, default=20, help="records opened and closed")
    parser.add_argument("--stall", type=int, default=200, help="keys of the mixed run (0: none)")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--fragment", default="mar", help="typed in the search box")
    parser.add_argument("--idle", type=float, default=2.0, help="quiet seconds before timing")
    parser.add_argument("--quiet-ms", type=float, default=QUIET * 1000)
    args = parser.parse_args(argv)
    if args.app == "carnet" and not (args.dir and args.today):
        parser.error("carnet needs DIR and TODAY")
    return args


def main(argv: list[str]) -> int:
    args = parse(argv)
    runner = run_carnet if args.app == "carnet" else run_baseline
    print(json.dumps(asyncio.run(runner(args))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
