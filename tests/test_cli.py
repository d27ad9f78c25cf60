"""The command line as scripts and people use it: real processes, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from store.book import Book
from store.clients import add_client

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2026-11-23"


def carnet(*args: str, data: Path | None = None, env: dict | None = None,
           python_flags: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    """Run `python app.py [--data DIR] --today 2026-11-23 ARGS` as a user would."""
    command = [sys.executable, *python_flags, str(ROOT / "app.py")]
    if data is not None:
        command += ["--data", str(data)]
    command += ["--today", TODAY, *args]
    environment = {k: v for k, v in os.environ.items() if k not in ("CARNET_DATA", "CARNET_DEBUG")}
    environment.setdefault("CARNET_LANG", "en")        # module fixtures run before conftest's
    environment.setdefault("CARNET_CONFIG", os.devnull)  # never the user's own config file
    environment.update(env or {})
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=environment,
                          timeout=60)


def assert_bad_input(result: subprocess.CompletedProcess, *words: str) -> None:
    """Exit 2 with exactly one line on stderr, starting `carnet:`, and no traceback."""
    assert result.returncode == 2, result
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("carnet: ")
    assert "Traceback" not in result.stderr + result.stdout
    for word in words:
        assert word in lines[0]


@pytest.fixture(scope="module")
def demo_book(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("cli") / "book"
    result = carnet("demo", data=data)
    assert result.returncode == 0, result.stderr
    assert "Demo book written" in result.stdout
    return data


def listing(demo_book: Path, name: str) -> list[dict]:
    result = carnet(name, "--json", data=demo_book)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_overdue_lists_the_most_late_first_with_the_contract_fields(demo_book):
    rows = listing(demo_book, "overdue")
    assert len(rows) >= 3
    for row in rows:
        assert {"ref", "client", "title", "due", "days_late"} <= row.keys()
        assert date.fromisoformat(row["due"]) < date.fromisoformat(TODAY)
        assert row["days_late"] > 0
    lateness = [row["days_late"] for row in rows]
    assert lateness == sorted(lateness, reverse=True)


def test_the_embassy_letters_are_late_by_the_days_since_their_due_date(demo_book):
    [row] = [r for r in listing(demo_book, "overdue") if r["title"].startswith("Correspondance de")]
    assert row["client"] == "Margaret Holloway"
    assert row["due"] == "2026-11-15"
    assert row["days_late"] == 8


def test_a_paused_order_and_one_within_tolerance_are_not_overdue(demo_book):
    titles = {row["title"] for row in listing(demo_book, "overdue")}
    assert not any(t.startswith("Censier de l'abbaye") for t in titles)       # paused 12 days
    assert not any(t.startswith("Testament de Marguerite") for t in titles)   # 1 day, tolerance 2
    assert any(t.startswith("Testament olographe") for t in titles)           # the notary: tolerance 0


def test_clients_json_carries_segment_and_last_contact(demo_book):
    rows = listing(demo_book, "clients")
    assert len(rows) >= 8
    for row in rows:
        assert {"id", "name", "segment", "last_contact"} <= row.keys()
    henri = next(r for r in rows if r["name"] == "Henri Lefèvre")
    assert henri["last_contact"] == "2026-11-20"
    assert henri["segment"]


def test_orders_json_carries_the_contract_fields(demo_book):
    rows = listing(demo_book, "orders")
    assert len(rows) >= 25
    for row in rows:
        assert {"ref", "client", "title", "status", "due", "delivered"} <= row.keys()
    act = next(r for r in rows if r["title"].startswith("Acte de vente, 1523"))
    assert act["status"] == "paid" and act["delivered"] and act["client"] == "Henri Lefèvre"


def test_human_listings_are_aligned_tables(demo_book):
    result = carnet("overdue", data=demo_book)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    header = next(line for line in lines if line.startswith("Ref"))
    assert "Late" in header and "days" in result.stdout
    table = lines[lines.index(header):]
    due_column = header.index("Due")
    assert all(row[due_column:due_column + 4] == "2026" for row in table[2:])


def test_a_table_wider_than_the_terminal_cuts_its_long_text_columns():
    from store.listing import ORDER_COLUMNS, render_table
    rows = [{"ref": "2026-001", "client": "Étude de Maître Anne Caradec, notaire",
             "title": "Registres paroissiaux de Saint-Germain, 1672–1680", "status": "paid",
             "due": "2026-11-15", "delivered": None}]
    lines = render_table(rows, ORDER_COLUMNS, width=80).splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert "…" in lines[2] and lines[2].startswith("2026-001") and lines[2].endswith("—")
    assert len(render_table(rows, ORDER_COLUMNS).splitlines()[2]) > 80


def test_a_missing_book_is_not_mistaken_for_an_empty_one(tmp_path):
    for name in ("overdue", "clients", "orders"):
        result = carnet(name, data=tmp_path / "typo")
        assert result.returncode == 2 and "no Carnet book in" in result.stderr
    assert not (tmp_path / "typo").exists()


def test_an_empty_book_says_so_in_one_clear_line(tmp_path):
    Book(tmp_path / "none").close()
    before = sorted((tmp_path / "none").rglob("*"))
    for name in ("overdue", "clients", "orders"):
        result = carnet(name, data=tmp_path / "none")
        assert result.returncode == 0 and len(result.stdout.strip().splitlines()) == 1
        assert carnet(name, "--json", data=tmp_path / "none").stdout.strip() == "[]"
    assert sorted((tmp_path / "none").rglob("*")) == before, "read-only commands write nothing"


def test_read_only_commands_work_while_another_carnet_holds_the_book(demo_book):
    with Book(demo_book) as held:
        add_client(held, date(2026, 11, 23), last_name="Nouvelle cliente")
        rows = listing(demo_book, "clients")
        assert any(r["name"] == "Nouvelle cliente" for r in rows)
        assert_bad_input(carnet("demo", "--force", data=demo_book), "already open")


def test_demo_refuses_a_book_that_is_not_empty(demo_book):
    assert_bad_input(carnet("demo", data=demo_book), "not empty", "--force")


def test_demo_force_replaces_the_book_and_keeps_a_backup(tmp_path):
    data = tmp_path / "book"
    with Book(data) as book:
        add_client(book, date(2026, 1, 1), last_name="Ancien")
    result = carnet("demo", "--force", data=data)
    assert result.returncode == 0, result.stderr
    names = [r["name"] for r in listing(data, "clients")]
    assert "Ancien" not in names and "Henri Lefèvre" in names
    assert any("before-demo" in p.name for p in (data / "backups").iterdir())


@pytest.mark.parametrize("args, words", [
    (("--today", "2026-02-30", "overdue"), ("--today", "2026-02-30")),
    (("overdue", "--today", "23/11/2026"), ("--today", "YYYY-MM-DD")),
    (("overdue", "--frobnicate"), ("--frobnicate",)),
    (("orders", "--json", "extra"), ("extra",)),
    (("nonsense",), ("nonsense",)),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path, args, words):
    command = [sys.executable, str(ROOT / "app.py"), "--data", str(tmp_path), *args]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert_bad_input(result, *words)


def test_a_data_directory_that_cannot_be_created_is_bad_input(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    assert_bad_input(carnet("demo", data=blocker / "book"), "data directory")
    assert_bad_input(carnet("overdue", data=blocker / "book"), "not a directory")


def test_global_options_are_accepted_before_and_after_the_sub_command(demo_book):
    before = subprocess.run([sys.executable, "app.py", "--data", str(demo_book), "--today",
                             TODAY, "overdue", "--json"], capture_output=True, text=True,
                            cwd=ROOT, timeout=60)
    after = subprocess.run([sys.executable, "app.py", "overdue", "--json", "--data",
                            str(demo_book), "--today", TODAY], capture_output=True, text=True,
                           cwd=ROOT, timeout=60)
    assert before.returncode == after.returncode == 0
    assert json.loads(before.stdout) == json.loads(after.stdout)


def test_the_data_directory_comes_from_the_environment_when_not_given(demo_book):
    result = carnet("clients", "--json", env={"CARNET_DATA": str(demo_book)})
    assert result.returncode == 0 and json.loads(result.stdout)


def test_version():
    result = subprocess.run([sys.executable, "app.py", "--version"], capture_output=True,
                            text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0
    assert result.stdout.startswith("carnet 0.")


def test_a_corrupt_book_is_one_line_never_a_traceback(tmp_path):
    data = tmp_path / "book"
    data.mkdir()
    (data / "book.json").write_text("{ this is not json")
    result = carnet("overdue", data=data)
    assert_bad_input(result, "cannot be read")


def test_an_unexpected_failure_is_one_line_and_exit_1_unless_debugging(tmp_path):
    from store.migrations import SCHEMA_VERSION
    data = tmp_path / "book"
    data.mkdir()
    damaged = {"format": "carnet-book", "schema": SCHEMA_VERSION, "seq": 1,
               "tables": {"orders": {"1": {"ref": "2026-001"}}}}
    (data / "book.json").write_text(json.dumps(damaged))
    result = carnet("orders", data=data)
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert line.startswith("carnet: unexpected error") and "CARNET_DEBUG=1" in line
    assert "Traceback" in carnet("orders", data=data, env={"CARNET_DEBUG": "1"}).stderr


def test_overdue_does_not_import_textual_or_reportlab(demo_book):
    result = carnet("overdue", data=demo_book, python_flags=("-X", "importtime"))
    assert result.returncode == 0
    imported = {line.rsplit("|", 1)[-1].strip().split(".")[0]
                for line in result.stderr.splitlines() if line.startswith("import time:")}
    assert "store" in imported
    assert not imported & {"textual", "reportlab", "rich", "jinja2", "babel"}
