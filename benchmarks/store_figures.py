"""The store's figures for one book: writes, open + dashboard, peak memory, `overdue`, folding."""

from __future__ import annotations

import time

from benchmarks import taskwarrior
from benchmarks.figures import dashboard_function
from benchmarks.synth import CACHE
from benchmarks.report import MB, MS, Baseline, Row, median, percentile, show, skipped
from benchmarks.workbench import PROBE, PYTHON, ROOT, ProcessFailed, Workbench, probe, time_process
from benchmarks.writes import Targets, time_writes

OPEN_BUDGET = {"10-year": 0.300, "20-year": 1.5}
MEMORY_BUDGET = {"10-year": 150 * MB, "20-year": 600 * MB}
BASELINES = (("stock TinyDB", "stock"), ("sqlite3", "sqlite"))


def _write_count(bench: Workbench, kind: str) -> int:
    if kind == "stock":
        return 3 if bench.quick else (10 if bench.spec.orders > 10_000 else 30)
    return 20 if bench.quick else 200


def _writes(bench: Workbench, kind: str):
    """Open, compute the dashboard (as the TUI would have), then time the writes."""
    book = bench.open(kind)
    try:
        compute, _ = dashboard_function()
        compute(book, bench.spec.today)
        return time_writes(book, Targets.of(book), bench.spec.today, _write_count(bench, kind))
    finally:
        book.close()


def write_rows(bench: Workbench) -> list[Row]:
    """p50 and p99 of logging an interaction and of postponing a date."""
    measured = {kind: _writes(bench, kind) for kind in ("carnet", "stock", "sqlite")}
    rows = []
    for attr, what in (("log", "log an interaction"), ("postpone", "postpone a date")):
        for pct, budget in ((50, 5 * MS), (99, 25 * MS)):
            row = Row(bench.spec.name, f"write p{pct}: {what}", budget=budget,
                      budget_text=f"≤ {budget / MS:.0f} ms",
                      carnet=percentile(getattr(measured["carnet"], attr), pct),
                      samples=len(getattr(measured["carnet"], attr)))
            for name, kind in BASELINES:
                values = getattr(measured[kind], attr)
                note = (f"{len(values)} writes of each kind sampled (each rewrites the whole "
                        f"file), {len(getattr(measured['carnet'], attr))} for Carnet and sqlite3"
                        if kind == "stock" and pct == 50 and attr == "log" else "")
                row.baselines.append(Baseline(name, percentile(values, pct), note))
            rows.append(row.judge())
    collections = measured["carnet"].collections
    if collections:
        rows[-1].note = f"{collections} full garbage collection(s) ran during Carnet's writes"
    return rows


def _probe_runs(bench: Workbench, kind: str, runs: int) -> tuple[list[float], int, float]:
    """Wall seconds of each run, peak memory, median CPU seconds."""
    reports = [probe("dashboard", kind, str(bench.path(kind)), bench.today) for _ in range(runs)]
    return ([r["seconds"] for r in reports], max(r["peak_memory"] for r in reports),
            median([r["cpu_seconds"] for r in reports]))


def open_rows(bench: Workbench) -> list[Row]:
    """Open + dashboard (median of fresh processes, timed after imports) and peak memory."""
    name = bench.spec.name
    _, source = dashboard_function()
    runs = bench.runs(5)
    try:
        measured = {kind: _probe_runs(bench, kind, runs if kind != "stock" else min(runs, 3))
                    for kind in ("carnet", "stock", "sqlite")}
    except ProcessFailed as exc:
        return [skipped(name, "open + dashboard", str(exc)), skipped(name, "peak memory", str(exc))]
    budget, memory = OPEN_BUDGET.get(name), MEMORY_BUDGET.get(name)
    open_row = Row(name, "open + dashboard", budget=budget,
                   budget_text=f"≤ {show(budget, 's')}" if budget else "",
                   carnet=median(measured["carnet"][0]), samples=runs,
                   note=f"median of {runs} fresh processes, imports excluded; CPU time "
                        f"{show(measured['carnet'][2], 's')}; figures by {source}")
    memory_row = Row(name, "peak memory (open + dashboard)", unit="B", budget=memory,
                     budget_text=f"≤ {memory / MB:.0f} MB" if memory else "",
                     carnet=measured["carnet"][1], note="VmHWM of the probe process")
    for label, kind in BASELINES:
        open_row.baselines.append(Baseline(label, median(measured[kind][0])))
        memory_row.baselines.append(Baseline(label, measured[kind][1]))
    return [open_row.judge(), memory_row.judge()]


def _taskwarrior(bench: Workbench, runs: int) -> Baseline:
    if not taskwarrior.available():
        return Baseline("taskwarrior", None, "not installed")
    try:
        env = taskwarrior.prepare(CACHE / f"taskwarrior-{bench.spec.key()}",
                                  bench.tables.get("orders", {}))
        seconds = median(time_process([taskwarrior.available(), "overdue"], runs, env=env))
    except (ProcessFailed, OSError) as exc:
        return Baseline("taskwarrior", None, f"failed: {exc}")
    return Baseline("taskwarrior", seconds,
                    f"task {taskwarrior.version()} `overdue` on {len(bench.tables['orders']):,} tasks")


TASKWARRIOR_SHARE = 0.8
"""`overdue` on the 20-year book: at most this share of taskwarrior's report on as many tasks."""


def _bare_python(runs: int) -> Baseline:
    """Python's own start-up: the floor under every whole-process figure."""
    return Baseline("python -c pass", median(time_process([PYTHON, "-c", "pass"], runs)),
                    "the interpreter alone, no import")


def _command_row(bench: Workbench, figure: str, argv: list[str], runs: int,
                 baselines: list[Baseline], judged: bool) -> Row:
    command = [PYTHON, str(ROOT / "app.py"), *argv, "--data", str(bench.carnet),
               "--today", bench.today]
    try:
        carnet = median(time_process(command, runs))
    except ProcessFailed as exc:
        return skipped(bench.spec.name, figure, str(exc))
    tasks = baselines[0]
    budget = TASKWARRIOR_SHARE * tasks.value if judged and tasks.value else None
    return Row(bench.spec.name, figure, budget=budget,
               budget_text="≤ 0.8× taskwarrior" if judged else "", carnet=carnet,
               baselines=list(baselines), samples=runs,
               note=f"median of {runs} runs after a warm-up")


def overdue_rows(bench: Workbench) -> list[Row]:
    """`overdue` and `dashboard --json` as whole processes, beside `task overdue`, Python's
    bare start-up and (for `overdue`) stock TinyDB."""
    name, runs = bench.spec.name, bench.runs(10)
    judged = name == "20-year"
    shared = [_taskwarrior(bench, runs), _bare_python(runs)]
    overdue = _command_row(bench, "`overdue` (whole process)", ["overdue"], runs, shared,
                           judged)
    board = _command_row(bench, "`dashboard --json` (whole process)", ["dashboard", "--json"],
                         runs, shared, False)
    if not judged and not overdue.skipped:
        overdue.note += "; the budget is set on the 20-year book only"
    if not overdue.skipped:
        try:
            stock = median(time_process([PYTHON, str(PROBE), "overdue", "stock",
                                         str(bench.stock), bench.today], min(runs, 3)))
            overdue.baselines.append(Baseline("stock TinyDB", stock))
        except ProcessFailed as exc:
            overdue.baselines.append(Baseline("stock TinyDB", None, f"failed: {exc}"))
    return [overdue.judge(), board.judge()]


def fold_rows(bench: Workbench) -> list[Row]:
    """Folding the journal into a new snapshot: the amortised cost behind every ~4 MB of writes."""
    book = bench.open("carnet")
    try:
        start = time.perf_counter()
        book.files.compact()
        seconds = time.perf_counter() - start
    finally:
        book.close()
    return [Row(bench.spec.name, "fold journal into snapshot", carnet=seconds, samples=1,
                note="runs when the journal passes 4 MB and on close; no budget")]
