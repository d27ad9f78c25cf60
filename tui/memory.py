"""The TUI's long-lived screens kept from the collector, frozen in quiet moments.

After the book (cli/memory.py), the screens made in advance are most of what a full collection
walks: ~160,000 objects on a 10-year book (widgets, their styles, their caches), 80 ms at
every full collection, which fell on whatever key came next. In a quiet moment, when only
screens that live as long as the app are shown, the TUI collects fully (walking only what is
not frozen yet, so it is short) and freezes what is alive. What is made afterwards (a page of
rows, a dialog) stays with the collector, whose full collections then walk only that.
"""

from __future__ import annotations

import gc
import time

FREEZE_WHEN_QUIET = 2.0
"""Seconds without a key or a click before what lives is frozen."""


def freeze_what_lives() -> None:
    """Free the cycles not yet frozen, then freeze everything still alive."""
    gc.collect()
    gc.freeze()


def worth_freezing(last_activity: float, frozen_at: float, long_lived: bool) -> bool:
    """Freeze now? Only after activity since the last freeze, in a quiet moment, and when
    every screen shown lives as long as the app (a dialog frozen would never be collected)."""
    now = time.monotonic()
    return long_lived and last_activity > frozen_at and now - last_activity >= FREEZE_WHEN_QUIET
