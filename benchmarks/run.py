"""`make bench`: Carnet's figures on synthetic books, beside their budgets and the baselines.

    .venv/bin/python benchmarks/run.py [--quick] [--json] [--out FILE] [--only SECTION ...]

`--out` writes the figures as JSON beside the printed table, to compare runs.

Budgets are goals (DESIGN.md → Budgets), never test assertions. Every section degrades to
"skipped: reason" when a part of Carnet is missing or fails.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import synth  # noqa: E402
from benchmarks.report import Row, render, skipped, summary  # noqa: E402

SECTIONS = ("open", "overdue", "writes", "fold", "letters", "tui", "keys")


def _sections() -> dict[str, Callable]:
    from benchmarks import app_figures, key_figures, store_figures
    return {"open": store_figures.open_rows, "overdue": store_figures.overdue_rows,
            "writes": store_figures.write_rows, "fold": store_figures.fold_rows,
            "letters": app_figures.letter_rows, "tui": app_figures.tui_rows,
            "keys": key_figures.key_rows}


def book_rows(bench, only: tuple[str, ...], log: Callable[[str], None]) -> list[Row]:
    """Every section's rows for one book; a failing section becomes a skipped row."""
    rows = []
    for name, section in _sections().items():
        if name not in only:
            continue
        log(f"  {bench.spec.name}: {name}…")
        start = time.perf_counter()
        try:
            rows += section(bench)
        except Exception as exc:  # a broken part must not stop the other figures
            rows.append(skipped(bench.spec.name, name, f"{type(exc).__name__}: {exc}"))
        log(f"  {bench.spec.name}: {name} done in {time.perf_counter() - start:.1f} s")
    return rows


def machine() -> dict:
    """Where and when the figures were measured; a high load average skews wall-clock times."""
    return {"python": platform.python_version(), "platform": platform.platform(),
            "cpus": os.cpu_count(), "load_average": round(os.getloadavg()[0], 2),
            "when": time.strftime("%Y-%m-%dT%H:%M:%S%z")}


def machine_line(before: dict, after: dict) -> str:
    return (f"Python {before['python']} on {before['cpus']} CPU(s); load average "
            f"{before['load_average']} at start, {after['load_average']} at the end "
            "(other processes skew wall-clock figures).")


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one small book, few samples")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON only")
    parser.add_argument("--out", type=Path, help="also write the figures as JSON to FILE")
    parser.add_argument("--only", nargs="+", choices=SECTIONS, default=SECTIONS,
                        help="measure only these sections")
    return parser.parse_args(argv)


def compile_sources() -> None:
    """Compile Carnet's modules to bytecode, as an installed copy has them: a fresh checkout
    (or PYTHONDONTWRITEBYTECODE) would otherwise add ~0.1 s of compiling to every process timed."""
    root = Path(__file__).resolve().parent.parent
    compileall.compile_file(root / "app.py", quiet=1)
    for package in ("store", "cli", "tui", "letters", "benchmarks"):
        compileall.compile_dir(root / package, quiet=1)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    compile_sources()
    from benchmarks.workbench import Workbench
    specs = [synth.QUICK] if args.quick else [synth.TEN_YEARS, synth.TWENTY_YEARS]
    as_json = args.json

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    books, every_row, started = [], [], machine()
    with tempfile.TemporaryDirectory(prefix="carnet-bench-") as tmp:
        for spec in specs:
            log(f"Preparing the {spec.name} book…")
            bench = Workbench.prepare(spec, Path(tmp) / spec.name, args.quick)
            rows = book_rows(bench, tuple(args.only), log)
            every_row += rows
            books.append({"book": spec.name, "title": bench.title,
                          "rows": [row.as_json() for row in rows]})
            if not as_json:
                print(render(bench.title, rows), end="\n\n", flush=True)
    ended = machine()
    text = json.dumps({"machine": started, "load_average_at_end": ended["load_average"],
                       "books": books, "summary": summary(every_row)},
                      ensure_ascii=False, indent=2)
    if args.out:
        args.out.write_text(text + "\n")
    if as_json:
        print(text)
        return 0
    print(summary(every_row))
    print(machine_line(started, ended))
    if args.out:
        print(f"Figures as JSON: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
