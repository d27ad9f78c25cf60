"""Figures of the parts above the store: letters (PDF) and the TUI.

Letters are measured once (on the first book, they hardly depend on its size); the TUI's
cold start on the 10-year book, and each screen's first and second opening on both books.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import time

from benchmarks.report import Baseline, Row, median, skipped
from benchmarks.workbench import PYTHON, ROOT, ProcessFailed, Workbench, last_words

TUI_PROBE = ROOT / "benchmarks" / "tui_probe.py"
ONE_LETTER, BATCH, BATCH_BUDGET, COLD_BUDGET = 0.060, 200, 10.0, 1.0


def _letters_api():
    """(compose, pdf_bytes) from letters/, or a reason why they are not there yet."""
    try:
        import letters
    except ImportError as exc:
        return None, f"letters/ cannot be imported ({exc})"
    compose, pdf_bytes = getattr(letters, "compose", None), getattr(letters, "pdf_bytes", None)
    if compose is None or pdf_bytes is None:
        return None, "not available yet (letters.compose / letters.pdf_bytes missing)"
    return (compose, pdf_bytes), ""


def _letter_subjects(bench: Workbench) -> tuple:
    """The profile, and (client, order) pairs: open orders first, for apology letters."""
    from store.book import Book
    book = Book(bench.carnet, read_only=True)
    try:
        clients = book.clients_by_id()
        orders = sorted(book.orders(), key=lambda o: (not o.is_open, o.id))
        return book.profile, [(clients[o.client_id], o) for o in orders if o.client_id in clients]
    finally:
        book.close()


def _external_tool() -> Baseline:
    for tool in ("soffice", "pdflatex"):
        if shutil.which(tool):
            return Baseline(tool, None, "installed, but no equivalent letter source is kept "
                                        "in benchmarks/ yet")
    return Baseline("soffice / pdflatex", None, "not installed")


def letter_rows(bench: Workbench) -> list[Row]:
    """One letter in-process (median), and 200 letters in one batch."""
    name = bench.spec.name
    if name == "20-year":
        return []
    api, reason = _letters_api()
    if api is None:
        return [skipped(name, "one letter PDF (in-process)", reason, "≤ 60 ms"),
                skipped(name, f"{BATCH} letters in one batch", reason, "≤ 10 s")]
    compose, pdf_bytes = api
    profile, subjects = _letter_subjects(bench)
    today = bench.spec.today

    from store.letter_state import needs_new_date, suggested_date

    def one(client, order) -> bytes:
        new_date = suggested_date(order, today) if needs_new_date("apology", order, today) else None
        draft = compose("apology", profile, client, order=order, today=today, new_date=new_date)
        return pdf_bytes(draft, profile)

    one(*subjects[0])
    singles = []
    for client, order in subjects[:5 if bench.quick else 25]:
        start = time.perf_counter()
        one(client, order)
        singles.append(time.perf_counter() - start)
    count = 20 if bench.quick else BATCH
    start = time.perf_counter()
    for index in range(count):
        one(*subjects[index % len(subjects)])
    batch = time.perf_counter() - start
    return [Row(name, "one letter PDF (in-process)", budget=ONE_LETTER, budget_text="≤ 60 ms",
                carnet=median(singles), baselines=[_external_tool()], samples=len(singles),
                note="compose + pdf_bytes of an apology letter, median, after one warm-up").judge(),
            Row(name, f"{count} letters in one batch", budget=BATCH_BUDGET if count == BATCH
                else None, budget_text="≤ 10 s", carnet=batch, samples=count).judge()]


def _tui_probe(*args: str, timeout: float = 300) -> dict:
    done = subprocess.run([PYTHON, str(TUI_PROBE), *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=timeout)
    if done.returncode != 0:
        raise ProcessFailed(last_words(done.stderr))
    return json.loads(done.stdout.strip().splitlines()[-1])


def _tui_missing() -> str:
    if not (ROOT / "tui" / "app.py").exists():
        return "not available yet (tui/app.py missing)"
    try:
        from tui.app import CarnetApp  # noqa: F401
    except Exception as exc:  # the TUI is being written: any import error means "not yet"
        return f"not available yet ({type(exc).__name__}: {exc})"
    return ""


def _cold_row(bench: Workbench) -> Row:
    """Process start → dashboard painted (headless), median of fresh processes."""
    runs, times, imports = bench.runs(5), [], []
    for _ in range(runs):
        report = _tui_probe("cold", str(bench.carnet), bench.today, repr(time.time()))
        if report["screen"] != "DashboardScreen":
            return skipped(bench.spec.name, "TUI cold start → painted dashboard",
                           f"the first screen was {report['screen']}", "≤ 1 s")
        times.append(report["seconds"])
        imports.append(report["imports"])
    return Row(bench.spec.name, "TUI cold start → painted dashboard",
               budget=COLD_BUDGET if bench.spec.name == "10-year" else None,
               budget_text="≤ 1 s" if bench.spec.name == "10-year" else "", carnet=median(times),
               samples=runs, note=f"headless run_test 120×40, median of {runs}; of which "
                                  f"interpreter + imports {median(imports) * 1000:.0f} ms").judge()


FIRST_OPENINGS: dict[str, dict[str, float]] = {}
"""Each book's first openings by screen, this run: the 20-year budget is 1.3× the 10-year's."""
BOOK_SHARE, STATIC_SHARE = 1.3, 3.0


def _screen_budget(bench: Workbench, label: str, one_static: float) -> tuple[float | None, str]:
    """The 20-year book's budget: ≤ 1.3× the 10-year opening and ≤ 3× a one-Static screen."""
    if bench.spec.name != "20-year":
        return None, ""
    ten = FIRST_OPENINGS.get("10-year", {}).get(label)
    bounds = [STATIC_SHARE * one_static] + ([BOOK_SHARE * ten] if ten else [])
    return min(bounds), "≤ 1.3× 10-year, ≤ 3× one Static" if ten else "≤ 3× one Static"


def _openings(bench: Workbench) -> tuple[dict[str, dict], float, int]:
    """Each screen's first and second opening (medians over fresh processes, as a first
    opening happens once per process), and the one-Static screen's median."""
    runs = bench.runs(3)
    reports = [_tui_probe("screens", str(bench.carnet), bench.today) for _ in range(runs)]
    screens = {}
    for label, found in reports[0]["screens"].items():
        seen = [report["screens"][label] for report in reports]
        if any(one["seconds"] is None for one in seen):
            screens[label] = found
            continue
        screens[label] = {"seconds": median([one["seconds"] for one in seen]),
                          "second": median([one["second"] for one in seen]),
                          "screen": found["screen"]}
    one_static = median([value for report in reports for value in report["one_static"]])
    return screens, one_static, runs


def _screen_rows(bench: Workbench) -> list[Row]:
    """Each screen opened twice from the painted dashboard, beside a one-Static screen."""
    screens, one_static, runs = _openings(bench)
    firsts = FIRST_OPENINGS.setdefault(bench.spec.name, {})
    rows = []
    for label, found in screens.items():
        figure = f"screen: {label}"
        if found["seconds"] is None:
            rows.append(skipped(bench.spec.name, figure, found["screen"], "≤ 3× one Static"))
            continue
        firsts[label] = found["seconds"]
        budget, budget_text = _screen_budget(bench, label, one_static)
        baselines = [Baseline("second opening", found["second"]),
                     Baseline("one Static", one_static)]
        ten = FIRST_OPENINGS.get("10-year", {}).get(label)
        if bench.spec.name == "20-year" and ten:
            baselines.append(Baseline("10-year book", ten))
        rows.append(Row(bench.spec.name, figure, budget=budget, budget_text=budget_text,
                        carnet=found["seconds"], baselines=baselines, samples=runs,
                        note="" if rows else f"first opening, to painted (workers done), after "
                        f"2 s on the dashboard, median of {runs} fresh processes; one Static: "
                        f"median of 5 pushes in each").judge())
    return rows


def tui_rows(bench: Workbench) -> list[Row]:
    """Cold start on the 10-year book (and the quick one); each screen on every book."""
    name = bench.spec.name
    reason = _tui_missing()
    if reason:
        return [skipped(name, "TUI", reason)]
    rows = [] if name == "20-year" else [_cold_row(bench)]
    return rows + _screen_rows(bench)
