"""Key → painted answer in Carnet's lists beside a minimal Textual app, and stalls in mixed keys.

benchmarks/key_probe.py runs Carnet and the minimal app, each in a fresh process, in the same
run: on the 20-year book, judged; on the quick book of `--quick` with fewer keys, unjudged;
not on the 10-year book.
"""

from __future__ import annotations

import json
import subprocess

from benchmarks.app_figures import _tui_missing
from benchmarks.report import MS, Baseline, Row, skipped
from benchmarks.workbench import PYTHON, ROOT, ProcessFailed, Workbench, last_words

KEY_PROBE = ROOT / "benchmarks" / "key_probe.py"
ACTIONS = {
    "cursor": "key → paint: cursor down (orders)",
    "search": "key → paint: a character in search",
    "page": "key → paint: next page (orders)",
    "open": "key → paint: enter → order screen",
    "back": "key → paint: escape back to the list",
}
"""The probe's actions and the figure each row names."""
BASELINE = "minimal Textual app"
OPEN_NOTE = "the minimal app pushes a screen of 4 Static/Input fields"
STALL = 0.100
QUICK_COUNTS = ("--presses", "10", "--opens", "5", "--stall", "50")


def _key_probe(*args: str, timeout: float = 1200) -> dict:
    done = subprocess.run([PYTHON, str(KEY_PROBE), *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=timeout)
    if done.returncode != 0:
        raise ProcessFailed(last_words(done.stderr))
    return json.loads(done.stdout.strip().splitlines()[-1])


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def _spread(figures: dict) -> str:
    return (" / ".join(_ms(figures.get(k)) for k in ("p50", "p95", "max"))
            + f" (CPU p95 {_ms(figures.get('cpu_p95'))})")


def action_row(book: str, action: str, carnet: dict, baseline: dict, judged: bool) -> Row:
    """Carnet's p95 for one action, beside the minimal app's; budget 2× the latter."""
    mine, theirs = carnet.get(action, {}), baseline.get(action, {})
    if mine.get("p95") is None:
        return skipped(book, ACTIONS[action], "no timed key changed the screen", "≤ 2× minimal")
    base = theirs.get("p95")
    budget = 2 * base * MS if judged and base is not None else None
    note = (f"p50 / p95 / max ms: Carnet {_spread(mine)}, minimal app {_spread(theirs)}; "
            f"{mine['presses']} presses")
    if action == "open":
        note += f"; {OPEN_NOTE}"
    return Row(book, ACTIONS[action], budget=budget,
               budget_text="≤ 2× minimal" if judged else "", carnet=mine["p95"] * MS,
               baselines=[Baseline(BASELINE, None if base is None else base * MS)],
               samples=mine["presses"], note=note).judge()


def stall_rows(book: str, stall: dict, judged: bool) -> list[Row]:
    """Keys over 100 ms in the mixed run (budget 0), and the slowest one (budget 100 ms)."""
    presses, collections = stall["presses"], stall["gc"]
    slowest = stall.get("slowest") or {}
    full = (f"longest gen-2 collection {collections['longest_gen2_ms']:.0f} ms, "
            f"{collections.get('longest_gen2_cpu_ms', 0):.0f} ms of CPU "
            f"({collections['count']['2']} full collections in the run)")
    return [Row(book, f"stalls over 100 ms in {presses} presses", unit="n",
                budget=0 if judged else None, budget_text="0" if judged else "",
                carnet=stall["over_100ms"], samples=presses,
                note="a seeded mix: cursor, paging, search typing, opening orders and clients, "
                     f"switching sections; {stall.get('over_100ms_cpu', '?')} of the keys took "
                     "over 100 ms of CPU").judge(),
            Row(book, f"longest key → paint in {presses} presses",
                budget=STALL if judged else None, budget_text="≤ 100 ms" if judged else "",
                carnet=stall["max_ms"] * MS, samples=presses,
                note=f"slowest: key {slowest.get('key', '?')} on {slowest.get('screen', '?')}, "
                     f"{slowest.get('gc_ms', 0):.0f} ms of it collecting; {full}").judge()]


def key_rows(bench: Workbench) -> list[Row]:
    """The key → paint rows of the 20-year book (and of the quick one, unjudged)."""
    name = bench.spec.name
    if name not in ("20-year", "quick"):
        return []
    reason = _tui_missing()
    if reason:
        return [skipped(name, "key → paint", reason)]
    counts = QUICK_COUNTS if bench.quick else ()
    baseline = _key_probe("baseline", *counts)["actions"]
    carnet = _key_probe("carnet", str(bench.carnet), bench.today, *counts)
    judged = name == "20-year"
    rows = [action_row(name, action, carnet["actions"], baseline, judged) for action in ACTIONS]
    if "stall" in carnet:
        rows += stall_rows(name, carnet["stall"], judged)
    return rows
