"""What the TUI keeps lives without a collector's pause: caches freed at once, screens frozen."""

from __future__ import annotations

import gc
import time
import weakref

import pytest
from textual.cache import LRUCache

from tui import cache_rings, memory
from tui.app import CarnetApp

from .tui_support import TODAY, late_book, prepared, quiet_at_once, settle


class Held:
    """A value a cache holds, that a weak reference can watch."""


def test_a_cleared_textual_cache_frees_what_it_held_without_the_collector():
    cache_rings.install()
    cache: LRUCache[int, Held] = LRUCache(10)
    values = [Held() for _ in range(5)]
    for key, value in enumerate(values):
        cache[key] = value
    watched = [weakref.ref(value) for value in values]
    del values, value
    enabled = gc.isenabled()
    gc.disable()
    try:
        cache.clear()
        assert all(ref() is None for ref in watched), "entries left in a ring for the collector"
    finally:
        if enabled:
            gc.enable()
    cache[1] = Held()
    assert len(cache) == 1 and isinstance(cache.get(1), Held), "the cache still works"


def test_freezing_waits_for_a_quiet_moment_after_activity_with_only_long_lived_screens():
    now = time.monotonic()
    quiet = now - memory.FREEZE_WHEN_QUIET - 1
    assert memory.worth_freezing(quiet, frozen_at=quiet - 5, long_lived=True)
    assert not memory.worth_freezing(now, frozen_at=quiet - 5, long_lived=True), "still busy"
    assert not memory.worth_freezing(quiet, frozen_at=quiet + 0.5, long_lived=True), \
        "nothing happened since the last freeze"
    assert not memory.worth_freezing(quiet, frozen_at=quiet - 5, long_lived=False), \
        "a dialog is open: it would never be collected once frozen"


@pytest.fixture
def quick_quiet(monkeypatch):
    quiet_at_once(monkeypatch)


async def test_the_screens_made_in_advance_are_frozen_so_full_collections_stay_short(
        tmp_path, quick_quiet):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        assert app.screens_prepared
        walked = len(gc.get_objects(2))
        assert walked < 20_000, f"a full collection would walk {walked:,} objects"
        assert gc.get_freeze_count() > 50_000, "the prepared screens are frozen"
    assert gc.get_freeze_count() == 0, "frozen objects handed back when the app ends"


async def test_nothing_is_frozen_while_a_dialog_is_open(tmp_path, quick_quiet):
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await prepared(pilot)
        app.action_help()
        await settle(pilot)
        assert not app._only_long_lived_shown()
        await pilot.press("escape")
        await settle(pilot)
        assert app._only_long_lived_shown()


async def test_full_collections_are_spaced_out_while_the_app_runs_and_restored_after(tmp_path):
    before = gc.get_threshold()
    app = CarnetApp(late_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        young, middle, full = gc.get_threshold()
        assert (young, middle) == before[:2] and full == memory.FULL_AFTER_YOUNG > before[2]
    assert gc.get_threshold() == before
