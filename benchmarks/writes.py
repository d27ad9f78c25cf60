"""One write, timed: log an interaction and postpone a due date, through the store's own
operations, on Carnet's Book and on the baselines behind the same interface."""

from __future__ import annotations

import gc
import time
from dataclasses import dataclass, field
from datetime import date, datetime, time as clock, timedelta

from store.orders import postpone
from store.relations import log_interaction


@dataclass
class WriteTimes:
    """Latencies in seconds of each kind of write."""

    log: list[float] = field(default_factory=list)
    postpone: list[float] = field(default_factory=list)
    collections: int = 0
    """Garbage collections (generation 2) that ran during the timed writes."""


@dataclass
class Targets:
    """What the writes touch: active clients, and open orders with their current due date."""

    clients: list[int]
    dues: dict[str, date]

    @classmethod
    def of(cls, book) -> Targets:
        clients = [c.id for c in book.clients() if c.status == "active"]
        dues = {o.ref: o.due for o in book.orders() if o.is_open}
        return cls(clients, dues)


def _full_collections() -> int:
    return gc.get_stats()[2]["collections"]


def time_writes(book, targets: Targets, today: date, count: int) -> WriteTimes:
    """`count` interactions logged, then `count` postponements, each timed alone."""
    times = WriteTimes()
    before = _full_collections()
    when = datetime.combine(today, clock(10, 0))
    for index in range(count):
        client_id = targets.clients[index % len(targets.clients)]
        start = time.perf_counter()
        log_interaction(book, client_id, "note", f"Appel n° {index} : « relance »", when,
                        "phone", "out")
        times.log.append(time.perf_counter() - start)
    refs = sorted(targets.dues)
    for index in range(count):
        ref = refs[index % len(refs)]
        new_due = targets.dues[ref] + timedelta(days=1)
        start = time.perf_counter()
        postpone(book, ref, new_due, "plus de folios que prévu", "mine", today)
        times.postpone.append(time.perf_counter() - start)
        targets.dues[ref] = new_due
    times.collections = _full_collections() - before
    return times
