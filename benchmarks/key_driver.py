"""Keys posted to a running Textual app as its terminal driver posts them, and their answers timed.

Pilot's `press` and `pause` sleep in 20–60 ms steps, which would floor every figure: here a key
is posted to the app (as textual 8.2.8's `App._press_keys` makes it, minus the sleeps), then the
app is left until it is quiet: its queues empty, the screen's workers done, no paint for
100 ms. A key's figure is the time from posting it to the last paint that changed a cell.
"""

from __future__ import annotations

import asyncio
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from textual import events
from textual.app import App
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key
from textual.widgets import DataTable

from benchmarks.key_grid import Collection, CollectorWatch, PaintRecorder, collections_summary
from benchmarks.report import percentile

SIZE = (120, 40)
QUIET = 0.100
"""Seconds without any paint after which a key's answer is taken as complete."""
POLL, KEY_LIMIT, WORKERS_LIMIT, CONFIRM_LIMIT = 0.005, 30.0, 30.0, 5.0


class AppStopped(Exception):
    """The app under measure ended (an error in it, most likely) while a key was timed."""


def key_event(key: str) -> events.Key:
    """The Key event a terminal sends for `key`, made as textual 8.2.8's `App._press_keys`."""
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    try:
        character = unicodedata.lookup(_get_unicode_name_from_key(REPLACED_KEYS.get(key, key)))
    except KeyError:
        character = key if len(key) == 1 else None
    return events.Key(key, character)


@dataclass
class Sample:
    """One key: ms to the last paint that changed a cell (None: none did), to the last paint."""

    key: str
    ms: float | None
    any_ms: float | None
    screen: str
    start: float
    end: float
    cpu_ms: float | None = None
    """The process's CPU time (every thread) until that changed paint."""

    @property
    def answer(self) -> float:
        """The figure a stall is judged on: the changed paint, else any paint, else 0."""
        return self.ms if self.ms is not None else (self.any_ms or 0.0)


@dataclass
class Probe:
    """Posts keys to a running app and times their painted answers."""

    app: App
    recorder: PaintRecorder
    quiet: float = QUIET
    watch: CollectorWatch = field(default_factory=CollectorWatch)

    def busy(self) -> bool:
        """Messages queued in the app or on the current screen, or a screen's worker running."""
        app = self.app
        if any(node.message_queue_size for node in (app, *app.screen.walk_children(
                with_self=True))):
            return True
        return any(not w.is_finished and w.node is not app for w in app.workers)

    async def confirm(self) -> None:
        """Wait until every node of the screen handled what it had, then one refresh."""
        app = self.app
        nodes = [app, *app.screen.walk_children(with_self=True)]
        events_ = [asyncio.Event() for _ in nodes]
        waiting = [e.wait() for node, e in zip(nodes, events_) if node.call_later(e.set)]
        refreshed = asyncio.Event()
        try:
            await asyncio.wait_for(asyncio.gather(*waiting), CONFIRM_LIMIT)
            app.call_after_refresh(refreshed.set)
            await asyncio.wait_for(refreshed.wait(), CONFIRM_LIMIT)
        except asyncio.TimeoutError:
            self.running()

    def running(self) -> None:
        """Raise AppStopped when the app is no longer running (an error ended it)."""
        if self.app.return_code is not None or not self.app.is_running:
            raise AppStopped(f"the app stopped (return code {self.app.return_code})")

    async def settle(self, since: float | None = None) -> None:
        """Until the app is quiet: nothing queued, no screen worker, no paint for `quiet` s."""
        since = time.perf_counter() if since is None else since
        while time.perf_counter() - since < KEY_LIMIT:
            self.running()
            idle = time.perf_counter() - max(self.recorder.last, since)
            if idle < self.quiet:
                await asyncio.sleep(self.quiet - idle)
            elif self.busy():
                await asyncio.sleep(POLL)
            else:
                painted = self.recorder.last
                await self.confirm()
                if self.recorder.last == painted and not self.busy():
                    return

    async def press(self, key: str) -> Sample:
        """Post one key, wait until quiet; its figures."""
        self.recorder.replay()
        event = key_event(key)
        event.set_sender(self.app)
        start, cpu = time.perf_counter(), time.process_time()
        self.app.post_message(event)
        await self.settle(start)
        paints = self.recorder.replay()
        changed = [(when, used) for when, used, cells in paints if cells]
        last = changed[-1] if changed else None
        return Sample(key, (last[0] - start) * 1000 if last else None,
                      (paints[-1][0] - start) * 1000 if paints else None,
                      type(self.app.screen).__name__, start, time.perf_counter(),
                      (last[1] - cpu) * 1000 if last else None)

    async def series(self, keys: Iterator[str], count: int, warmup: int) -> list[Sample]:
        """`warmup` untimed presses, then `count` timed ones, each key taken from `keys`."""
        samples = [await self.press(next(keys)) for _ in range(warmup + count)]
        return samples[warmup:]

    def collections(self, samples: list[Sample]) -> list[Collection]:
        return [c for s in samples for c in self.watch.between(s.start, s.end)]


def figures(probe: Probe, samples: list[Sample]) -> dict:
    """p50, p95, max and CPU p95 (ms) of the keys that changed a cell; samples; collections."""
    values = [s.ms for s in samples if s.ms is not None]
    cpu = [s.cpu_ms for s in samples if s.cpu_ms is not None]
    found = {name: round(percentile(values, pct), 2) if values else None
             for name, pct in (("p50", 50), ("p95", 95), ("max", 100))}
    found["cpu_p95"] = round(percentile(cpu, 95), 2) if cpu else None
    return {**found, "presses": len(samples), "unchanged": len(samples) - len(values),
            "samples": [round(v, 2) for v in values],
            "gc": collections_summary(probe.collections(samples))}


def ping_pong(forward: str, back: str, position: Callable[[], tuple[bool, bool]]) -> Iterator[str]:
    """`forward` until it can go no further, then `back` until it can go no further, and so on."""
    key = forward
    while True:
        can_forward, can_back = position()
        if key == forward and not can_forward:
            key = back
        elif key == back and not can_back:
            key = forward
        yield key


def cursor_keys(app: App) -> Iterator[str]:
    """Down the focused table, up again from its last row."""
    def position() -> tuple[bool, bool]:
        table = app.focused
        if not isinstance(table, DataTable) or not table.row_count:
            return True, True
        return table.cursor_row < table.row_count - 1, table.cursor_row > 0
    return ping_pong("down", "up", position)


def typing(fragment: str) -> Iterator[str]:
    """The fragment's letters, then as many backspaces, again and again."""
    while True:
        yield from fragment
        yield from ["backspace"] * len(fragment)


def preparing(app: App) -> list[str]:
    """The app's background work still running: its workers, its sections being built."""
    names = [w.name for w in app.workers if not w.is_finished]
    return names if getattr(app, "screens_prepared", True) else [*names, "screens_prepared"]


async def wait_idle(probe: Probe, seconds: float) -> list[str]:
    """`seconds` of quiet after the first paint, the background work done; what still runs."""
    await probe.settle()
    await asyncio.sleep(seconds)
    deadline = time.perf_counter() + WORKERS_LIMIT
    while time.perf_counter() < deadline and preparing(probe.app):
        probe.running()
        await asyncio.sleep(0.05)
    await probe.settle()
    return preparing(probe.app)
