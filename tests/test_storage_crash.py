"""kill -9 at any moment, inside folds too: no corrupt book, no acknowledged write lost."""

from __future__ import annotations

from tests.test_storage_sync import _harness

TRIALS = 250


def test_hundreds_of_kills_leave_no_corrupt_book_and_lose_no_acknowledged_write(tmp_path):
    figures = _harness("crash", tmp_path, TRIALS, 20261123)
    assert figures["errors"] == []
    assert figures["trials"] == TRIALS and figures["corrupt"] == 0 and figures["lost"] == 0
    assert figures["kills_inside_a_fold"] >= 50 and figures["forced_kill_points"] >= 25
    assert figures["acknowledged"] >= 1000
