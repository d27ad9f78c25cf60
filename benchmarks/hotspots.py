"""Where the store spends its time on a synthetic book: each phase of open + dashboard,
of `overdue`, and what a few candidate changes would save (measured, not guessed).

    .venv/bin/python benchmarks/hotspots.py [--book 10-year|20-year|quick] [--repeat N]

CPU time (process_time), best of N, so that other processes on the machine matter less.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import orjson  # noqa: E402

from benchmarks import synth  # noqa: E402
from store import deadlines, dashboard, loyalty, milestones, performance, relations  # noqa: E402
from store.book import Book  # noqa: E402
from store.models import OPEN_STATUSES, Interaction, Order  # noqa: E402
from store.storage import SNAPSHOT  # noqa: E402

SPECS = {spec.name: spec for spec in (synth.QUICK, synth.TEN_YEARS, synth.TWENTY_YEARS)}


def best(fn: Callable[[], object], repeat: int, setup: Callable[[], None] = lambda: None) -> float:
    """The smallest CPU time of `repeat` calls of `fn` (after `setup`, untimed)."""
    times = []
    for _ in range(repeat):
        setup()
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def _positional_interactions(rows: dict) -> list:
    fromiso = datetime.fromisoformat
    return [Interaction(d["client_id"], fromiso(d["when"]), d["kind"], d["channel"],
                        d["direction"], d["text"], d["order_ref"], d["satisfaction"], int(k))
            for k, d in rows.items()]


def phases(book: Book, raw: bytes, repeat: int) -> list[tuple[str, float]]:
    """(what, seconds) for each phase, models rebuilt from scratch where it matters."""
    today = synth.TEN_YEARS.today
    drop = book._models.clear  # the benchmark may peek; the app never does
    rows = book.files.tables
    found = [("parse the snapshot (orjson.loads, gc paused)", best(
        lambda: (gc.disable(), orjson.loads(raw), gc.enable()), repeat))]
    for name in ("clients", "orders", "interactions"):
        found.append((f"Book.all('{name}'), models built", best(lambda n=name: book.all(n),
                                                                 repeat, drop)))
    book.orders(), book.interactions(), book.clients()
    found.append(("Book.all('interactions'), models cached", best(book.interactions, repeat)))
    found.append(("dashboard(), models cached", best(lambda: dashboard.dashboard(book, today),
                                                     repeat)))
    orders, clients, interactions = book.orders(), book.clients(), book.interactions()
    by_id, profile = book.clients_by_id(), book.profile
    busiest, orders_bytes = _busiest(interactions), orjson.dumps(rows.get("orders", {}))
    for label, fn in (
            ("  overdue + due_soon", lambda: (deadlines.overdue(orders, by_id, profile, today),
                                               deadlines.due_soon(orders, by_id, profile, today))),
            ("  at_risk_clients", lambda: loyalty.at_risk_clients(clients, orders, interactions,
                                                                  book.incidents(), today)),
            ("  silent_clients", lambda: loyalty.silent_clients(clients, orders, interactions)),
            ("  milestones", lambda: milestones.milestones(clients, orders, today)),
            ("  on_time_by_month + on_time", lambda: (
                performance.on_time_by_month(orders, today, 12),
                performance.on_time(orders, today, today))),
            ("  pending_followups", lambda: relations.pending_followups(book, today)),
            ("  timeline of the busiest client (client screen)",
             lambda: relations.timeline(book, busiest))):
        found.append((label, best(fn, repeat)))
    found += [
        ("candidate: positional Interaction(...) instead of from_doc",
         best(lambda: _positional_interactions(rows.get("interactions", {})), repeat)),
        ("candidate: only feedback/praise/complaint interactions as models",
         best(lambda: [Interaction.from_doc(d, int(k)) for k, d in
                       rows.get("interactions", {}).items()
                       if d["kind"] in loyalty.FEEDBACK_KINDS], repeat)),
        ("candidate: only open orders as models (for `overdue`)",
         best(lambda: [Order.from_doc(d, int(k)) for k, d in rows.get("orders", {}).items()
                       if d["status"] in OPEN_STATUSES], repeat)),
        ("candidate: parse the orders table alone",
         best(lambda: orjson.loads(orders_bytes), repeat)),
    ]
    return found


def _busiest(interactions: list) -> int:
    counts: dict[int, int] = {}
    for interaction in interactions:
        counts[interaction.client_id] = counts.get(interaction.client_id, 0) + 1
    return max(counts, key=counts.get)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--book", choices=sorted(SPECS), default="20-year")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    folder = synth.cached_book(SPECS[args.book])
    raw = (folder / SNAPSHOT).read_bytes()
    start = time.process_time()
    book = Book(folder, read_only=True)
    opened = time.process_time() - start
    print(f"{args.book} book, CPU seconds, best of {args.repeat}")
    print(f"  {'Book(read_only=True): read + parse + replay':62} {opened * 1000:8.1f} ms")
    for label, seconds in phases(book, raw, args.repeat):
        print(f"  {label:62} {seconds * 1000:8.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
