"""Textual's LRU caches, emptied so that what they held is freed at once, not by the collector.

`textual.cache.LRUCache` keeps its entries in a ring of lists ([prev, next, key, value]);
`clear()` drops the dict and the head but leaves the ring whole: every entry, and every strip
or segment it held, becomes a reference cycle that only a full collection frees. A DataTable
clears its caches on every page flip and search key (~4,500 objects each on a list of 100
rows), so full collections grew to walk a million objects and paused the TUI for up to a
second. Cleared link by link, the entries are freed by reference counting as they go.
"""

from __future__ import annotations

from textual.cache import LRUCache

_ORIGINAL_CLEAR = LRUCache.clear


def _clear_unlinked(self: LRUCache) -> None:
    """Clear the cache, unlinking each entry of the ring first."""
    for entry in self._cache.values():
        entry.clear()
    _ORIGINAL_CLEAR(self)


def install() -> None:
    """From now on, clearing any Textual LRU cache unlinks its entries (idempotent)."""
    LRUCache.clear = _clear_unlinked
