"""The TUI's full collections moved to quiet moments, its long-lived screens frozen there.

After the book (cli/memory.py), the screens made in advance are most of what a full collection
walks: ~160,000 objects on a 10-year book (widgets, their styles, their caches), 80 ms at
every full collection, which fell on whatever key came next. Once they are made (only
long-lived screens shown) the TUI collects fully and freezes what is alive; in later quiet
moments it only collects, walking what is not frozen (short), freezing nothing more. Between quiet moments the young
generations are collected as usual (small, frequent work) but a full collection waits for
many more young ones than Python's default: what the keys of a busy minute leave alive (the
strips of every line drawn, each with its caches) would otherwise be walked again and again,
up to 90 ms each time on a 20-year book.
"""

from __future__ import annotations

import gc
import time

FREEZE_WHEN_QUIET = 1.0
"""Seconds without a key or a click before what lives is collected and frozen."""
FULL_AFTER_YOUNG = 1000
"""Young (generation 1) collections before a full one while the user is busy (Python: 10)."""


def defer_full_collections() -> tuple[int, int, int]:
    """Space full collections out while the app runs; returns the thresholds to restore."""
    thresholds = gc.get_threshold()
    gc.set_threshold(thresholds[0], thresholds[1], FULL_AFTER_YOUNG)
    return thresholds


def restore(thresholds: tuple[int, int, int]) -> None:
    """Give the collector back its thresholds (the app is done)."""
    gc.set_threshold(*thresholds)


def freeze_what_lives() -> None:
    """Free the cycles not yet frozen, then freeze everything still alive."""
    gc.collect()
    gc.freeze()


def collect_quietly() -> None:
    """A full collection in a quiet moment, nothing frozen: what is alive then (strips, done
    workers) may become cyclic garbage later, which a frozen collector would never free."""
    gc.collect()


def worth_freezing(last_activity: float, frozen_at: float, long_lived: bool) -> bool:
    """Freeze now? Only after activity since the last freeze, in a quiet moment, and when
    every screen shown lives as long as the app (a dialog frozen would never be collected)."""
    now = time.monotonic()
    return long_lived and last_activity > frozen_at and now - last_activity >= FREEZE_WHEN_QUIET
