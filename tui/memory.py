"""The book's models live as long as the book: keep Python's cyclic collector off them.

A 20-year book holds ~150,000 models; a full collection walking them paused the UI for
0.1–0.3 s at unpredictable moments. Frozen objects are still freed when no longer referenced
(a model replaced by a change); only cycles among them wait for `release`.
"""

from __future__ import annotations

import gc

FULL_COLLECTION_EVERY = 100
"""Young collections between two full ones once the book is frozen (Python's default: 10):
with the book out of the way a full collection is cheap but, the frozen objects no longer
counting as long-lived, Python would otherwise run one every few screens."""


def settle() -> tuple[int, int, int]:
    """Freeze every object now alive and space full collections out; returns the old thresholds."""
    previous = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(previous[0], previous[1], max(previous[2], FULL_COLLECTION_EVERY))
    return previous


def release(previous: tuple[int, int, int]) -> None:
    """Hand the frozen objects back to the collector (the book is closed) and restore thresholds."""
    gc.unfreeze()
    gc.set_threshold(*previous)
