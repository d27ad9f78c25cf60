"""One synthetic book laid out for a run: Carnet's copy, the baselines' files, subprocess helpers."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import orjson

from benchmarks.adapters import SqliteBook, StockTinyBook
from benchmarks.synth import Spec, cached_book, counts
from store.book import Book
from store.storage import SNAPSHOT

ROOT = Path(__file__).resolve().parent.parent
PROBE = ROOT / "benchmarks" / "probe.py"
PYTHON = sys.executable


class ProcessFailed(Exception):
    """A measured subprocess did not exit cleanly; the message is its last words."""


@dataclass
class Workbench:
    """Where one book's measurements happen, and how large it is."""

    spec: Spec
    folder: Path
    tables: dict
    carnet: Path
    stock: Path
    sqlite: Path
    quick: bool
    built_in: float
    """Seconds spent building (or 0 when the book came from the cache)."""

    @classmethod
    def prepare(cls, spec: Spec, folder: Path, quick: bool) -> Workbench:
        start = time.perf_counter()
        pristine = cached_book(spec)
        built = time.perf_counter() - start
        tables = orjson.loads((pristine / SNAPSHOT).read_bytes())["tables"]
        folder.mkdir(parents=True, exist_ok=True)
        carnet = folder / "carnet"
        shutil.copytree(pristine, carnet)
        Book(carnet).close()
        return cls(spec, folder, tables, carnet, StockTinyBook.create(folder, tables),
                   SqliteBook.create(folder, tables), quick, built if built > 0.05 else 0.0)

    @property
    def today(self) -> str:
        return self.spec.today.isoformat()

    @property
    def title(self) -> str:
        size = counts(self.tables)
        return (f"{self.spec.name} book: {size.get('clients', 0):,} clients, "
                f"{size.get('orders', 0):,} orders, {size.get('interactions', 0):,} interactions, "
                f"{(self.carnet / SNAPSHOT).stat().st_size / 1e6:.1f} MB snapshot")

    def runs(self, full: int) -> int:
        """How many times to repeat a whole-process measurement."""
        return 2 if self.quick else full

    def open(self, kind: str):
        """A writable book of `kind` (carnet, stock, sqlite) behind the Book interface."""
        return {"carnet": lambda: Book(self.carnet), "stock": lambda: StockTinyBook(self.stock),
                "sqlite": lambda: SqliteBook(self.sqlite)}[kind]()

    def path(self, kind: str) -> Path:
        return {"carnet": self.carnet, "stock": self.stock, "sqlite": self.sqlite}[kind]


def last_words(stderr: str) -> str:
    lines = [line for line in stderr.strip().splitlines() if line.strip()]
    return lines[-1][:200] if lines else "no message"


def probe(*args: str, timeout: float = 600) -> dict:
    """Run benchmarks/probe.py in a fresh interpreter; its JSON report."""
    done = subprocess.run([PYTHON, str(PROBE), *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=timeout)
    if done.returncode != 0:
        raise ProcessFailed(last_words(done.stderr))
    return json.loads(done.stdout.strip().splitlines()[-1])


def time_process(argv: list[str], runs: int, env: dict | None = None,
                 timeout: float = 600) -> list[float]:
    """Wall-clock seconds of `argv` run `runs` times (after one untimed warm-up run)."""
    times = []
    for index in range(runs + 1):
        start = time.perf_counter()
        done = subprocess.run(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True, timeout=timeout)
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            raise ProcessFailed(last_words(done.stderr))
        if index:
            times.append(elapsed)
    return times
