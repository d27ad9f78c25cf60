"""Privacy: everything about one client leaves as JSON, or goes away without a trace."""

from __future__ import annotations

import stat
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import orjson
import pytest

import app
from store import clients, relations
from store.book import Book
from store.exchange import privacy
from store.exchange.folder import EXPORTS, export_to_folder
from tests.test_exchange_json import fill_book

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 14, 0)
TRACES = ("Lefèvre".encode(), b"henri@example.fr", b"Martroi", b"timbres", "inacceptable".encode())


def cli(capsys, data, *argv) -> tuple[int, str, str]:
    try:
        code = app.main(["--data", str(data), "--today", TODAY.isoformat(), *argv])
    except SystemExit as exit_:
        code = exit_.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "book"
    with Book(folder) as book:
        fill_book(book)
        etude = book.client(3)
        relations.record_letter(book, etude.id, "thanks", "fr", TODAY,
                                "letters/0003-martin/2026-11-23-thanks.pdf", "cd" * 32)
        for letter in book.letters():
            (folder / letter.path).parent.mkdir(parents=True, exist_ok=True)
            (folder / letter.path).write_bytes(b"%PDF-1.4 " + letter.kind.encode())
    return folder


def test_client_export_holds_records_timeline_and_letters(data):
    with Book(data, read_only=True) as book:
        exported = orjson.loads(privacy.client_export(book, 1, NOW))
    assert exported["format"] == "carnet-client-export"
    assert exported["client"]["last_name"] == "Lefèvre" and exported["client"]["id"] == 1
    assert [o["ref"] for o in exported["orders"]] == ["2026-001"]
    assert {i["kind"] for i in exported["interactions"]} == {
        "complaint", "gift received", "letter sent"}
    assert [letter["kind"] for letter in exported["letters"]] == ["apology"]
    assert len(exported["incidents"]) == 1 and exported["lessons"] == []
    assert exported["timeline"][0]["date"] >= exported["timeline"][-1]["date"]
    assert "Étude" not in orjson.dumps(exported).decode()


def test_erase_leaves_no_trace_in_the_book_files(data):
    with Book(data) as book:
        erased = privacy.client_erase(book, 1)
        assert erased.counts["orders"] == 1 and len(erased.files) == 1
        assert book.history == [] and book.undo() is None
        for name in ("orders", "interactions", "incidents", "followups", "letters"):
            assert all(r.client_id != 1 for r in book.all(name))
        assert [c.name for c in book.clients()] == ["Étude Martin & Associés"]
        on_disk = (data / "book.json").read_bytes() + (data / "book.journal").read_bytes()
        assert not any(trace in on_disk for trace in TRACES)
    assert not (data / "letters" / "0001-lefevre").exists()
    assert (data / "letters" / "0003-martin" / "2026-11-23-thanks.pdf").exists()
    on_disk = b"".join(p.read_bytes() for p in data.glob("book.*"))
    assert not any(trace in on_disk for trace in TRACES)


def test_erase_keeps_the_other_clients_intact(data):
    with Book(data, read_only=True) as book:
        before = privacy.client_export(book, 3, NOW)
    with Book(data) as book:
        privacy.client_erase(book, 1)
        assert privacy.client_export(book, 3, NOW) == before


def test_erase_from_the_command_line_asks_first(data, capsys):
    code, _, err = cli(capsys, data, "client", "erase", "1")
    assert code == 2 and err.strip().endswith("rerun with --yes") and err.count("\n") == 1
    with Book(data, read_only=True) as book:
        assert book.client(1).last_name == "Lefèvre"
    code, out, _ = cli(capsys, data, "client", "erase", "1", "--yes")
    assert code == 0 and "Erased Henri Lefèvre" in out and "1 letter file deleted" in out
    code, _, err = cli(capsys, data, "client", "erase", "1", "--yes")
    assert code == 2 and "no client with id 1" in err


def test_client_export_from_the_command_line_is_private(data, capsys):
    out_file = data / "henri.json"
    code, out, _ = cli(capsys, data, "client", "export", "1", "--out", str(out_file))
    assert code == 0 and str(out_file) in out
    assert stat.S_IMODE(out_file.stat().st_mode) == 0o600
    assert orjson.loads(out_file.read_bytes())["client"]["first_name"] == "Henri"


def test_client_export_refuses_unknown_ids_and_missing_out(data, capsys):
    assert cli(capsys, data, "client", "export", "9", "--out", str(data / "x.json"))[0] == 2
    code, _, err = cli(capsys, data, "client", "export", "1")
    assert code == 2 and "--out" in err


def test_a_new_client_after_an_erase_does_not_inherit_anything(data):
    with Book(data) as book:
        privacy.client_erase(book, 1)
        newcomer = clients.add_client(book, TODAY, last_name="Nouveau")
        assert relations.timeline(book, newcomer.id) == []


def _carnet(data, *argv) -> subprocess.CompletedProcess:
    """The real command line in its own process."""
    return subprocess.run([sys.executable, str(ROOT / "app.py"), "--data", str(data), "--today",
                           TODAY.isoformat(), *argv], capture_output=True, text=True, cwd=ROOT,
                          stdin=subprocess.DEVNULL, timeout=60)


def test_erase_deletes_every_export_in_the_exports_folder_that_holds_the_client(data, tmp_path):
    with Book(data) as book:
        written = [export_to_folder(book, name, NOW) for name in EXPORTS]
    with Book(tmp_path / "other") as other:
        clients.add_client(other, TODAY, last_name="Étranger", email="x@example.fr")
        foreign = export_to_folder(other, "json", NOW)
    kept = data / "exports" / "carnet-2026-01-01.json"
    kept.write_bytes(foreign.read_bytes())
    (data / "exports" / "notes.txt").write_text("Lefèvre, à rappeler", encoding="utf-8")
    result = _carnet(data, "client", "erase", "1", "--yes")
    assert result.returncode == 0, result.stderr
    assert f"{len(written)} export files holding this client deleted" in result.stdout
    for path in written:
        assert f"exports/{path.name}" in result.stdout and not path.exists()
    assert kept.exists() and (data / "exports" / "notes.txt").exists()
    with Book(data) as book:
        again = [export_to_folder(book, name, NOW) for name in EXPORTS]
    for path in again:
        assert not any(trace in path.read_bytes() for trace in TRACES), path


def test_erase_counts_exactly_the_backups_that_hold_the_client(tmp_path):
    folder = tmp_path / "book"
    with Book(folder) as book:
        clients.add_client(book, TODAY, last_name="Avant")
        book.files.backup(label="before")
        henri = clients.add_client(book, TODAY, first_name="Henri", last_name="Lefèvre")
        book.files.backup(label="with")
        clients.edit_client(book, henri.id, last_name="Lefèvre-Roy")
        book.files.backup(label="renamed")
    holding = [p for p in (folder / "backups").glob("book-*.json") if b"Lef" in p.read_bytes()]
    assert len(list((folder / "backups").glob("book-*.json"))) > len(holding) == 2
    result = _carnet(folder, "client", "erase", str(henri.id), "--yes")
    assert result.returncode == 0, result.stderr
    assert "2 backups taken earlier still hold this client" in result.stdout, result.stdout


def test_erase_of_a_client_in_no_backup_says_none_holds_them(tmp_path):
    folder = tmp_path / "book"
    with Book(folder) as book:
        clients.add_client(book, TODAY, last_name="Reste")
        book.files.backup(label="manual")
        gone = clients.add_client(book, TODAY, last_name="Passant")
    result = _carnet(folder, "client", "erase", str(gone.id), "--yes")
    assert result.returncode == 0 and "backup" not in result.stdout, result.stdout


def test_erase_on_a_mistyped_data_folder_creates_no_book(tmp_path):
    typo = tmp_path / "typo"
    result = _carnet(typo, "client", "erase", "1", "--yes")
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "no Carnet book" in result.stderr and "init" in result.stderr
    assert not typo.exists()
