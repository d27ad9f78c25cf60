"""Run in a fresh process: open a book, compute figures, print timing and peak memory as JSON.

    python benchmarks/probe.py dashboard carnet|stock|sqlite PATH TODAY
    python benchmarks/probe.py overdue stock PATH TODAY
"""

from __future__ import annotations

import json
import resource
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def open_book(kind: str, path: Path):
    """The book at `path` behind the Book interface."""
    if kind == "carnet":
        from cli.memory import book_loading
        from store.book import Book
        with book_loading():
            return Book(path)
    from benchmarks.adapters import SqliteBook, StockTinyBook
    return {"stock": StockTinyBook, "sqlite": SqliteBook}[kind](path)


def dashboard(kind: str, path: Path, today: date) -> dict:
    """Open and compute the dashboard, timed after the imports."""
    from benchmarks.figures import dashboard_function
    compute, _ = dashboard_function()
    if kind != "carnet":
        import benchmarks.adapters  # noqa: F401  (imported before the clock starts)
    start, cpu = time.perf_counter(), time.process_time()
    book = open_book(kind, path)
    compute(book, today)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    book.close()
    return {"seconds": seconds, "cpu_seconds": cpu}


def overdue(kind: str, path: Path, today: date) -> dict:
    """The `overdue` listing as `python app.py overdue` prints it, on a baseline book."""
    from store import listing
    book = open_book(kind, path)
    rows = listing.overdue_rows(book, today)
    print(listing.render_table(rows, listing.OVERDUE_COLUMNS, None))
    return {"rows": len(rows)}


def peak_memory() -> int:
    """Peak resident memory of this process in bytes.

    VmHWM, not ru_maxrss: on Linux ru_maxrss survives exec, so a child started by a big
    parent would report the parent's size.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def main(argv: list[str]) -> int:
    mode, kind, path, today = argv[0], argv[1], Path(argv[2]), date.fromisoformat(argv[3])
    result = {"dashboard": dashboard, "overdue": overdue}[mode](kind, path, today)
    result["peak_memory"] = peak_memory()
    print(json.dumps(result), file=sys.stderr if mode == "overdue" else sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
