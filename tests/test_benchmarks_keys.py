"""The key → paint probe reports a figure for every action, in Carnet and the minimal app; its
virtual screen counts the cells a paint changes. Never timings."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import replace

import pytest
from rich.segment import Segment
from rich.style import Style
from textual._compositor import ChopsUpdate, LayoutUpdate
from textual.geometry import Region
from textual.strip import Strip

from benchmarks import key_figures, synth
from benchmarks.key_driver import key_event
from benchmarks.key_grid import Grid, PaintRecorder
from benchmarks.report import render, show
from benchmarks.workbench import ROOT

PROBE = ROOT / "benchmarks" / "key_probe.py"
FEW = ("--presses", "3", "--warmup", "1", "--opens", "2", "--idle", "0.2")
SMALL = replace(synth.QUICK, name="keys", clients=30, orders=230, interactions=300, years=2)
"""More orders than one page of the list, so that paging has somewhere to go."""


def strip(text: str, style: Style | None = None) -> Strip:
    return Strip([Segment(text, style)])


def full(width: int, *lines: Strip) -> LayoutUpdate:
    return LayoutUpdate([[line] for line in lines], Region(0, 0, width, len(lines)))


def test_the_grid_counts_the_cells_a_full_update_changes_and_not_a_repaint():
    grid = Grid(4, 2)
    assert grid.apply(full(4, strip("abcd"), strip("efgh"))) == 8
    assert grid.text(0) == "abcd"
    assert grid.apply(full(4, strip("abcd"), strip("efgh"))) == 0
    assert grid.apply(full(4, strip("abXd"), strip("efgh"))) == 1
    assert grid.apply(full(4, strip("abXd", Style(bold=True)), strip("efgh"))) == 4


def test_the_grid_ignores_meta_data_and_keeps_wide_characters_in_their_cells():
    grid = Grid(4, 1)
    grid.apply(full(4, strip("abcd", Style(color="red"))))
    moved = Style(color="red") + Style.from_meta({"offset": (3, 7)})
    assert grid.apply(full(4, strip("abcd", moved))) == 0
    assert grid.apply(full(4, strip("界cd", Style(color="red")))) == 2
    assert grid.text(0) == "界cd"


def test_the_grid_lays_a_partial_update_only_within_its_spans():
    grid = Grid(4, 1)
    grid.apply(full(4, strip("abcd")))
    chops = [{0: strip("xy"), 2: strip("cw")}]
    assert grid.apply(ChopsUpdate(chops, [(0, 2, 4)], [[2, 4]])) == 1
    assert grid.text(0) == "abcw"
    assert grid.apply(ChopsUpdate(chops, [(0, 2, 4)], [[2, 4]])) == 0
    assert grid.apply(ChopsUpdate(chops, [(0, 0, 4)], [[2, 4]])) == 2
    assert grid.text(0) == "xycw"


def test_the_recorder_times_what_the_app_displays_and_replays_it_later():
    class Headless:
        _batch_count = 0

        def __init__(self):
            self.displayed = []

        def _display(self, screen, renderable):
            self.displayed.append(renderable)

    app = Headless()
    recorder = PaintRecorder(4, 1)
    recorder.attach(app)
    app._display(None, None)
    app._display(None, full(4, strip("abcd")))
    app._display(None, full(4, strip("abcd")))
    assert len(app.displayed) == 3 and recorder.last > 0
    assert [cells for _when, _cpu, cells in recorder.replay()] == [4, 0]
    assert recorder.replay() == []


def test_keys_are_made_as_a_terminal_sends_them():
    assert (key_event("]").key, key_event("]").character) == ("right_square_bracket", "]")
    assert (key_event("m").key, key_event("m").character) == ("m", "m")
    assert key_event("down").character is None


def run_probe(*args: str) -> dict:
    done = subprocess.run([sys.executable, str(PROBE), *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def assert_every_action_measured(actions: dict, presses: int = 3, opens: int = 2) -> None:
    assert set(actions) == set(key_figures.ACTIONS)
    for name, figures in actions.items():
        count = opens if name in ("open", "back") else presses
        assert figures["presses"] == count and figures["unchanged"] == 0, name
        assert len(figures["samples"]) == count, name
        assert all(value > 0 for value in figures["samples"]), name
        assert figures["p50"] <= figures["p95"] <= figures["max"], name


def test_the_minimal_app_answers_every_action():
    report = run_probe("baseline", *FEW)
    assert report["app"] == "baseline"
    assert_every_action_measured(report["actions"])
    assert report["actions"]["open"]["screens"] == ["Detail"]


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")
    folder = tmp_path_factory.mktemp("book") / "carnet"
    shutil.copytree(synth.cached_book(SMALL, cache), folder)
    return folder


def test_carnet_answers_every_action_and_the_mixed_run_counts_its_stalls(book):
    report = run_probe("carnet", str(book), SMALL.today.isoformat(), *FEW, "--stall", "12")
    assert report["first_screen"] == "DashboardScreen"
    assert_every_action_measured(report["actions"])
    assert report["actions"]["open"]["screens"] == ["OrderScreen"]
    stall = report["stall"]
    assert stall["presses"] == len(stall["samples"]) == 12
    assert 0 <= stall["over_100ms"] <= 12 and stall["max_ms"] > 0
    assert set(stall["gc"]["count"]) == {"0", "1", "2"}


CANNED = {"p50": 4.0, "p95": 6.0, "max": 9.0, "presses": 40, "unchanged": 0}


def canned_probe(*args: str) -> dict:
    actions = {name: dict(CANNED) for name in key_figures.ACTIONS}
    if args[0] == "baseline":
        return {"app": "baseline", "actions": actions}
    stall = {"presses": 200, "over_100ms": 2, "max_ms": 250.0,
             "slowest": {"key": "6", "screen": "ProfileScreen"},
             "gc": {"count": {"0": 9, "1": 3, "2": 1}, "longest_gen2_ms": 180.0}}
    return {"app": "carnet", "actions": actions, "stall": stall}


class Bench:
    def __init__(self, name: str, quick: bool = False):
        self.spec = replace(SMALL, name=name)
        self.quick, self.carnet, self.today = quick, ROOT, SMALL.today.isoformat()


def test_rows_judge_the_20_year_book_against_twice_the_minimal_app(monkeypatch):
    monkeypatch.setattr(key_figures, "_key_probe", canned_probe)
    rows = key_figures.key_rows(Bench("20-year"))
    cursor = rows[0]
    assert cursor.budget == pytest.approx(0.012) and cursor.met is True
    assert cursor.baselines[0].value == pytest.approx(0.006)
    stalls, longest = rows[-2:]
    assert (stalls.unit, stalls.carnet, stalls.budget, stalls.met) == ("n", 2, 0, False)
    assert longest.met is False and "180 ms" in longest.note
    assert "stalls over 100 ms in 200 presses" in render("20-year", rows)
    assert show(2, "n") == "2"


def test_rows_of_the_quick_book_are_unjudged_and_the_10_year_book_has_none(monkeypatch):
    monkeypatch.setattr(key_figures, "_key_probe", canned_probe)
    rows = key_figures.key_rows(Bench("quick", quick=True))
    assert len(rows) == len(key_figures.ACTIONS) + 2
    assert all(row.met is None and row.carnet is not None for row in rows)
    assert key_figures.key_rows(Bench("10-year")) == []
