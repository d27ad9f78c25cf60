"""What a headless Textual app would have painted, cell by cell, and when; its collector pauses.

Headless, `App._display` still receives each update of the compositor (a full `LayoutUpdate`
or a partial `ChopsUpdate`) and writes nothing. `PaintRecorder` wraps it to time each update
and replays the updates on a virtual grid of cells (character and visible style), so that a
repaint which changes nothing on screen can be told from one that does. A cell is its character
("" right of a wide one) and its style as text, without meta data; cells are kept in lists of
strings, which the garbage collector does not track, so that replaying makes it no work and the
collections watched are the app's own.
"""

from __future__ import annotations

import gc
import time
from dataclasses import dataclass, field

from rich.cells import get_character_cell_size
from textual._compositor import ChopsUpdate, LayoutUpdate
from textual.strip import Strip


class Grid:
    """What a `width` × `height` terminal shows: each cell's character and style, as text."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.chars: list[list[str | None]] = [[None] * width for _ in range(height)]
        self.styles: list[list[str]] = [[""] * width for _ in range(height)]

    def text(self, y: int) -> str:
        """One line's characters, as a terminal shows them."""
        return "".join(" " if char is None else char for char in self.chars[y])

    def apply(self, update: object) -> int:
        """Lay an update of the compositor on the cells; how many cells it changed."""
        if isinstance(update, LayoutUpdate):
            return self._layout(update)
        if isinstance(update, ChopsUpdate):
            return self._chops(update)
        return 0

    def _layout(self, update: LayoutUpdate) -> int:
        changed = 0
        for y, line in enumerate(update.strips, update.region.y):
            x = update.region.x
            for strip in line:
                changed += self.put(x, y, strip)
                x += strip.cell_length
        return changed

    def _chops(self, update: ChopsUpdate) -> int:
        """As `ChopsUpdate.render_segments` writes it: each chop of a span, cut at its end."""
        changed = 0
        for y, x1, x2 in update.spans:
            for end, (x, strip) in zip(update.chop_ends[y], update.chops[y].items()):
                if strip is None or x > x2 or end <= x1:
                    continue
                if not (x2 > x >= x1 and end <= x2):
                    strip = strip.crop(0, min(end, x2) - x)
                changed += self.put(x, y, strip)
        return changed

    def put(self, x: int, y: int, strip: Strip) -> int:
        """Write one strip from column `x` of line `y`; how many cells changed."""
        if not 0 <= y < self.height:
            return 0
        chars, styles, width, changed = self.chars[y], self.styles[y], self.width, 0
        for segment in strip:
            if segment.control:
                continue
            style = str(segment.style) if segment.style else ""
            for character in segment.text:
                size = get_character_cell_size(character)
                for column in range(x, min(x + size, width)):
                    if chars[column] != character or styles[column] != style:
                        chars[column], styles[column] = character, style
                        changed += 1
                    character = ""
                x += size
        return changed


class PaintRecorder:
    """Times every update an app displays; replays them on a `Grid` later, outside the timing."""

    def __init__(self, width: int, height: int) -> None:
        self.grid = Grid(width, height)
        self.pending: list[tuple[float, float, object]] = []
        self.last = 0.0
        """`time.perf_counter()` of the last update displayed, changed cells or not."""

    def attach(self, app) -> None:
        """Wrap `app._display` (before the app runs)."""
        display = app._display

        def timed(screen, renderable) -> None:
            if renderable is not None and not app._batch_count:
                self.last = time.perf_counter()
                if isinstance(renderable, LayoutUpdate):
                    renderable = LayoutUpdate([list(line) for line in renderable.strips],
                                              renderable.region)
                self.pending.append((self.last, time.process_time(), renderable))
            display(screen, renderable)

        app._display = timed

    def replay(self) -> list[tuple[float, float, int]]:
        """Apply the updates displayed since the last call: (time, CPU time, cells changed)."""
        done = [(when, cpu, self.grid.apply(update)) for when, cpu, update in self.pending]
        self.pending.clear()
        return done


@dataclass
class Collection:
    """One run of the cyclic garbage collector."""

    start: float
    seconds: float
    generation: int
    cpu: float
    """Seconds of CPU the collecting thread spent (less than `seconds` when others ran)."""


@dataclass
class CollectorWatch:
    """Every garbage collection while watching (gc.callbacks), with its duration."""

    collections: list[Collection] = field(default_factory=list)
    _started: float = 0.0
    _cpu: float = 0.0

    def _callback(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._started, self._cpu = time.perf_counter(), time.thread_time()
        else:
            self.collections.append(Collection(self._started, time.perf_counter() - self._started,
                                               info["generation"], time.thread_time() - self._cpu))

    def __enter__(self) -> CollectorWatch:
        gc.callbacks.append(self._callback)
        return self

    def __exit__(self, *_exc) -> None:
        gc.callbacks.remove(self._callback)

    def between(self, start: float, end: float) -> list[Collection]:
        """The collections that began in [start, end]."""
        return [c for c in self.collections if start <= c.start <= end]


def collections_summary(collections: list[Collection]) -> dict:
    """How many collections of each generation, the longest (ms), the longest full one (ms)."""
    full = max((c for c in collections if c.generation == 2), key=lambda c: c.seconds,
               default=Collection(0, 0, 2, 0))
    return {"count": {str(g): sum(c.generation == g for c in collections) for g in range(3)},
            "longest_ms": round(max((c.seconds for c in collections), default=0) * 1000, 2),
            "longest_gen2_ms": round(full.seconds * 1000, 2),
            "longest_gen2_cpu_ms": round(full.cpu * 1000, 2),
            "total_ms": round(sum(c.seconds for c in collections) * 1000, 2)}
