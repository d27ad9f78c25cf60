"""Run in a fresh process: Carnet's TUI headless, timed until screens are painted.

    python benchmarks/tui_probe.py cold DIR TODAY STARTED   (STARTED: the parent's time.time())
    python benchmarks/tui_probe.py screens DIR TODAY

Screens are opened after the dashboard has been left alone for a moment (`QUIET`), each twice
(first and second opening), beside a pushed screen holding one Static.
"Painted" means: the screen is current, its workers have finished, their messages are
handled, and one refresh has happened since. Prints a JSON report on stdout.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SIZE = (120, 40)
SETTLE_ROUNDS = 50
OPENING_WAITS = 2000
"""Millisecond waits for a screen that is pushed once its record is read (a ready screen)."""


async def drain(app) -> None:
    """Wait until the app and every node of the current screen handled what was queued."""
    nodes = [app, *app.screen.walk_children(with_self=True)]
    pending = [asyncio.Event() for _ in nodes]
    waiting = [event for node, event in zip(nodes, pending) if node.call_later(event.set)]
    await asyncio.gather(*(event.wait() for event in waiting))


async def painted(app) -> None:
    """Wait until the current screen has settled (its workers done, messages handled) and painted.

    The app's own workers (preloading modules in the background) are not waited for.

    Pilot.pause() is not used: it sleeps in 20 ms steps until the CPU is idle, which
    would add its own delay to every figure.
    """
    for _ in range(SETTLE_ROUNDS):
        await drain(app)
        busy = [w for w in app.workers if not w.is_finished and w.node is not app]
        if not busy:
            break
        await app.workers.wait_for_complete(busy)
    refreshed = asyncio.Event()
    app.call_after_refresh(refreshed.set)
    await refreshed.wait()


async def cold(data_dir: Path, today: date, started: float) -> dict:
    """Process start → dashboard painted."""
    from tui.app import CarnetApp
    imported = time.time() - started
    app = CarnetApp(data_dir, today)
    async with app.run_test(size=SIZE) as pilot:
        await painted(app)
        seconds = time.time() - started
        screen = type(app.screen).__name__
    return {"seconds": seconds, "imports": imported, "screen": screen}


async def _timed(app, opener) -> tuple[float | None, str]:
    """Seconds from calling `opener()` to the new screen painted; None if none appeared."""
    before = app.screen
    start = time.perf_counter()
    opener()
    await painted(app)
    for _ in range(OPENING_WAITS):
        if app.screen is not before:
            break
        await asyncio.sleep(0.001)
    await painted(app)
    seconds = time.perf_counter() - start
    if app.screen is before:
        return None, "did not open (not available yet?)"
    return seconds, type(app.screen).__name__


def _openers(app) -> list[tuple[str, object]]:
    """Each screen reachable by name, with a function that opens it."""
    book = app.book
    orders = book.orders()
    busiest = max(orders, key=lambda o: (len(o.postponements), o.id)).ref
    counts: dict[int, int] = {}
    for interaction in book.interactions():
        counts[interaction.client_id] = counts.get(interaction.client_id, 0) + 1
    chatty = max(counts, key=counts.get) if counts else book.clients()[0].id
    found = [(mode, lambda mode=mode: app.switch_mode(mode))
             for mode in app.MODES if mode != "dashboard"]
    found += [("order (most postponed)", lambda: app.open_order(busiest)),
              ("client (most interactions)", lambda: app.open_client(chatty))]
    incidents = [i for i in book.incidents() if i.is_open]
    if incidents and hasattr(app, "open_incident"):
        found.append(("recovery plan", lambda: app.open_incident(incidents[0].id)))
    if hasattr(app, "open_trends"):
        found.append(("kaizen charts", app.open_trends))
    if hasattr(app, "open_letter"):
        found.append(("letter (apology)", lambda: app.open_letter(kind="apology", ref=busiest)))
    return found


QUIET = 2.0
"""Seconds the probe leaves the painted dashboard alone before opening screens, as a user
reads it: idle time Carnet may use to prepare the other screens."""


async def quiet(app, seconds: float = QUIET) -> None:
    """Let the app idle for `seconds`, then until its idle preparation (if any) is done."""
    await asyncio.sleep(seconds)
    for _ in range(200):
        if getattr(app, "screens_prepared", True):
            break
        await asyncio.sleep(0.05)
    await painted(app)


async def _back_to_dashboard(app) -> None:
    while len(app.screen_stack) > 1:
        app.pop_screen()
    if app.current_mode != "dashboard":
        app.switch_mode("dashboard")
    await painted(app)


async def _one_static(app, runs: int = 5) -> list[float]:
    """Seconds to push and paint a screen holding one Static (a fresh one each time)."""
    from textual.screen import Screen
    from textual.widgets import Static

    class OneStatic(Screen):
        def compose(self):
            yield Static("one Static")

    times = []
    for _ in range(runs):
        seconds, _what = await _timed(app, lambda: app.push_screen(OneStatic()))
        times.append(seconds)
        await _back_to_dashboard(app)
    return times


async def screens(data_dir: Path, today: date) -> dict:
    """Each screen opened twice from the dashboard (after a quiet moment), timed to painted;
    and the baseline: pushing a screen with one Static."""
    from tui.app import CarnetApp
    app = CarnetApp(data_dir, today)
    results = {}
    async with app.run_test(size=SIZE):
        await painted(app)
        await quiet(app)
        for name, opener in _openers(app):
            first, what = await _timed(app, opener)
            await _back_to_dashboard(app)
            second, _what = await _timed(app, opener)
            await _back_to_dashboard(app)
            results[name] = {"seconds": first, "second": second, "screen": what}
        baseline = await _one_static(app)
    return {"screens": results, "one_static": baseline}


def main(argv: list[str]) -> int:
    mode, data_dir, today = argv[0], Path(argv[1]), date.fromisoformat(argv[2])
    if mode == "cold":
        result = asyncio.run(cold(data_dir, today, float(argv[3])))
    else:
        result = asyncio.run(screens(data_dir, today))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
