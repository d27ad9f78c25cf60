"""Export the README's tour: SVG screenshots of the app on the demo book, on a fixed day.

    python docs/screenshots.py            # writes docs/screenshots/*.svg and the README's tour

The demo book is built in a temporary folder; the user's own book is never opened, nor
the user's config file. The tour is in French, the interface's default language, with one
English screenshot to show the other.
"""

from __future__ import annotations

import asyncio
import os
import re
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from store.book import Book  # noqa: E402
from store.demo import fill_demo  # noqa: E402
from tui.app import CarnetApp  # noqa: E402

TODAY = date(2026, 11, 23)
SIZE = (100, 32)
OUT = ROOT / "docs" / "screenshots"
README = ROOT / "README.md"
TOUR = re.compile(r"(<!-- tour:start -->\n).*?(<!-- tour:end -->)", re.S)


async def _settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _open_plan(app) -> int:
    return next(i.id for i in app.book.incidents() if i.is_open)


def _henri(app) -> int:
    return next(c.id for c in app.book.clients() if c.last_name == "Lefèvre")


SHOTS = (
    ("dashboard", "The dashboard: overdue work first, follow-ups, recovery plans, clients to "
                  "look after, and the on-time trend.", lambda app: None),
    ("client", "A client: contact card, loyalty signals, and one timeline of orders, "
               "exchanges, letters and incidents.", lambda app: app.open_client(_henri(app))),
    ("letter", "An apology for a late order, composed in the client's language with a firm "
               "new date; ctrl+g files the PDF and postpones the order to that date.",
     lambda app: app.open_letter(kind="apology", ref="2026-014")),
    ("recovery", "A recovery plan: apologise, fix, follow up, ask for feedback and hear it. "
                 "Filing the letter a step calls for (l) records the step.",
     lambda app: app.open_incident(_open_plan(app))),
    ("loyalty", "Loyalty (4): every segment with its clients and the signals beside them; the "
                "Movement tab says who moved since a chosen day (d) and why, the Recovery paradox "
                "tab whether clients came back after a plan; l writes the letter that fits.",
     lambda app: app.action_go("loyalty")),
    ("paradox", "The recovery paradox measured: clients through a closed plan beside clients "
                "who never had an incident, as figures and bars.",
     lambda app: app.action_go("loyalty"), "p"),
    ("charts", "The kaizen charts (c on the journal or the loyalty section): on time against "
               "the promised and the agreed date, average delay, revenue, repeat clients and "
               "segments, month by month, each value written under its bar.",
     lambda app: app.open_trends()),
    ("dashboard-en", "The same dashboard in English: the interface follows the profile's "
                     "language, the palette's Language command or CARNET_LANG=en.",
     lambda app: None),
)
"""(file name, caption, how to get there from the dashboard[, keys to press there]);
a name ending in -en is taken in English."""


async def _shoot(folder: Path) -> list[tuple[str, str]]:
    taken = []
    for name, caption, go, *keys in SHOTS:
        os.environ["CARNET_LANG"] = "en" if name.endswith("-en") else "fr"
        app = CarnetApp(folder, TODAY)
        async with app.run_test(size=SIZE) as pilot:
            await _settle(pilot)
            go(app)
            await _settle(pilot)
            for key in keys:
                await pilot.press(key)
                await _settle(pilot)
            (OUT / f"{name}.svg").write_text(app.export_screenshot(title=f"Carnet — {name}"),
                                             encoding="utf-8")
        taken.append((name, caption))
    return taken


def _tour(taken: list[tuple[str, str]]) -> str:
    lines = ["The screenshots below are exported from the app by `python docs/screenshots.py`.", ""]
    for name, caption in taken:
        lines += [f"![{name}](docs/screenshots/{name}.svg)", "", caption, ""]
    return "\n".join(lines)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["CARNET_CONFIG"] = str(Path(tmp) / "config.toml")
        folder = Path(tmp) / "demo"
        with Book(folder) as book:
            fill_demo(book, TODAY)
        taken = asyncio.run(_shoot(folder))
    text = README.read_text(encoding="utf-8")
    if TOUR.search(text):
        README.write_text(TOUR.sub(lambda m: m[1] + _tour(taken) + m[2], text), encoding="utf-8")
    print("\n".join(str(OUT / f"{name}.svg") for name, _ in taken))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
