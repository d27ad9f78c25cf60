"""`loyalty` and `kaizen` on the command line: the store's figures, as text or JSON."""

from __future__ import annotations

import json

import pytest

from tests.test_cli import assert_bad_input, carnet
from tests.tui_support import demo_book


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return demo_book(tmp_path_factory.mktemp("loyalty") / "book")


def as_json(result) -> dict:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_loyalty_json_segments_add_up_to_the_active_clients(data):
    row = as_json(carnet("loyalty", "--json", data=data))
    assert [s["segment"] for s in row["segments"]] == [
        "champion", "loyal", "promising", "new", "at risk", "hibernating", "lost"]
    assert sum(s["count"] for s in row["segments"]) == row["active_clients"] == 10
    assert all(s["count"] == len(s["clients"]) for s in row["segments"])


def test_each_client_carries_signals_and_the_letter_that_fits(data):
    row = as_json(carnet("loyalty", "--json", data=data))
    clients = {c["client"]: c for s in row["segments"] for c in s["clients"]}
    assert clients["Geneviève Roussel"]["segment"] == "champion"
    assert clients["Geneviève Roussel"]["letter"] == "thanks"
    assert clients["Jacques Thibault"]["signals"]["silent"]
    assert clients["Jacques Thibault"]["letter"] == "feedback"
    assert clients["Paul Achard"]["at_risk"][0] == "open incident on 2026-015"
    assert clients["Henri Lefèvre"]["signals"]["recovered"] == 1


def test_movement_since_a_day_names_who_moved_and_why(data):
    row = as_json(carnet("loyalty", "--json", "--since", "2026-08-25", data=data))
    moves = {m["client"]: m for m in row["moves"]}
    assert row["since"] == "2026-08-25"
    assert (moves["Geneviève Roussel"]["from"], moves["Geneviève Roussel"]["to"]) == (
        "loyal", "champion")
    assert "incident on 2026-015 (plan open)" in moves["Paul Achard"]["reasons"]


def test_loyalty_as_text_lists_segments_and_moves(data):
    result = carnet("loyalty", data=data)
    assert result.returncode == 0, result.stderr
    assert "Champion (1)" in result.stdout and "Moved since 2026-08-25 (8)" in result.stdout


def test_a_since_after_today_is_refused_in_one_line(data):
    assert_bad_input(carnet("loyalty", "--since", "2027-01-01", data=data), "after today")


def test_kaizen_json_has_the_months_and_the_paradox(data):
    row = as_json(carnet("kaizen", "--json", data=data))
    assert len(row["months"]) == 12 and row["months"][0]["month"] == "2026-11"
    assert row["months"][0]["rate_original"] == 1.0
    after = row["paradox"]["after_plan"]
    assert (after["clients"], after["came_back"]) == (1, 1)
    assert row["summary"]["recovery"]["came_back"] == after["came_back"]
    assert row["segments_by_month"][-1]["champion"] == 1


def test_kaizen_as_text_shows_the_paradox(data):
    result = carnet("kaizen", data=data)
    assert result.returncode == 0, result.stderr
    assert "after a recovery plan: 1 of 1 ordered again (100%)" in result.stdout
