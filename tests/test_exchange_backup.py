"""Backups on demand, restore after confirmation, and a way back from an unreadable book."""

from __future__ import annotations

import os
import stat
from datetime import date, datetime
from pathlib import Path

import orjson
import pytest

from store import backups, clients
from store.book import Book
from store.exchange import restore
from store.migrations import SCHEMA_VERSION
from tests.test_privacy import cli

TODAY = date(2026, 11, 23)


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "book"
    with Book(folder) as book:
        clients.add_client(book, TODAY, last_name="Avant")
    return folder


def _backup(capsys, data) -> str:
    code, out, _ = cli(capsys, data, "backup")
    assert code == 0
    return out.split("Backup written: ", 1)[1].split("\n", 1)[0]


def _first_backup(data) -> str:
    with Book(data, read_only=True) as book:
        return str(book.files.backup())


def _names(data) -> list[str]:
    with Book(data, read_only=True) as book:
        return [c.last_name for c in book.clients()]


def test_backup_writes_a_private_timestamped_copy_and_says_how_to_restore(data, capsys):
    code, out, _ = cli(capsys, data, "backup")
    path = backups.newest_backup(data)
    assert code == 0 and str(path) in out and f"restore {path}" in out
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert orjson.loads(path.read_bytes())["tables"]["clients"]["1"]["last_name"] == "Avant"


def test_backup_works_while_the_book_is_open_elsewhere(data, capsys):
    with Book(data) as book:
        clients.add_client(book, TODAY, last_name="Pendant")
        path = _backup(capsys, data)
    assert len(orjson.loads(open(path, "rb").read())["tables"]["clients"]) == 2


def test_restore_brings_back_the_backup_and_keeps_what_it_replaced(data, capsys):
    path = _backup(capsys, data)
    with Book(data) as book:
        clients.add_client(book, TODAY, last_name="Après")
    code, out, _ = cli(capsys, data, "restore", path, "--yes")
    assert code == 0 and "kept in" in out
    assert _names(data) == ["Avant"]
    [kept] = (data / "backups").glob("replaced-*")
    assert b"Apr\xc3\xa8s" in (kept / "book.json").read_bytes()
    assert backups.newest_backup(data).name.startswith("book-")


def test_restore_ignores_journal_entries_the_backup_predates(data, capsys):
    path = _backup(capsys, data)
    book = Book(data)
    clients.add_client(book, TODAY, last_name="Journalisé")
    book.files.journal.close()          # a crash: the journal is never folded
    os.close(book.files.lock_fd)
    assert (data / "book.journal").stat().st_size > 0
    assert cli(capsys, data, "restore", path, "--yes")[0] == 0
    assert _names(data) == ["Avant"]
    with Book(data) as reopened:
        clients.add_client(reopened, TODAY, last_name="Ensuite")
    assert _names(data) == ["Avant", "Ensuite"]


def test_restore_asks_for_confirmation_and_needs_yes_without_a_terminal(data, capsys):
    path = _backup(capsys, data)
    with Book(data) as book:
        clients.add_client(book, TODAY, last_name="Après")
    code, _, err = cli(capsys, data, "restore", path)
    assert code == 2 and "--yes" in err and err.count("\n") == 1
    assert _names(data) == ["Avant", "Après"]


def test_restore_refuses_while_the_book_is_open(data, capsys):
    path = _backup(capsys, data)
    with Book(data):
        code, _, err = cli(capsys, data, "restore", path, "--yes")
    assert code == 2 and "open in another Carnet" in err


@pytest.mark.parametrize("content, message", [
    (b"{not json", "not a readable Carnet backup"),
    (b'{"format": "carnet-export", "version": 1}', "not a readable Carnet backup"),
    (orjson.dumps({"format": "carnet-book", "schema": SCHEMA_VERSION + 1, "seq": 1,
                   "tables": {}}), "newer Carnet"),
])
def test_restore_refuses_a_file_that_is_not_a_usable_backup(data, capsys, tmp_path, content,
                                                          message):
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    code, _, err = cli(capsys, data, "restore", str(bad), "--yes")
    assert code == 2 and message in err and err.count("\n") == 1
    assert _names(data) == ["Avant"]


def test_a_corrupt_book_names_the_restore_command_which_then_works(data, capsys):
    _backup(capsys, data)
    (data / "book.json").write_bytes(b"\x00garbage")
    code, _, err = cli(capsys, data, "clients")
    assert code == 2 and err.count("\n") == 1
    command = err.split("restore it with: ", 1)[1].rstrip(")\n")
    assert command.startswith(f"python app.py --data {data} restore ")
    assert cli(capsys, data, "restore", command.split()[-1], "--yes")[0] == 0
    assert _names(data) == ["Avant"]
    [kept] = (data / "backups").glob("replaced-*")
    assert (kept / "book.json").read_bytes() == b"\x00garbage"


def test_an_older_backup_is_migrated_when_the_book_next_opens(data, tmp_path):
    old = tmp_path / "old.json"
    client = clients.Client(last_name="Ancien").to_doc()
    client["tolerance"] = client.pop("tolerance_days")
    old.write_bytes(orjson.dumps({"format": "carnet-book", "schema": 1, "seq": 3,
                                  "tables": {"clients": {"1": client}}}))
    restore.restore(data, restore.read_backup(old), datetime(2026, 11, 23, 12))
    Book(data).close()
    assert _names(data) == ["Ancien"]


def test_the_books_replaced_by_restores_rotate_out(data):
    backup = restore.read_backup(Path(_first_backup(data)))
    for minute in range(5):
        restore.restore(data, backup, datetime(2026, 11, 23, 12, minute))
    kept = restore.replaced_books(data)
    assert len(kept) == restore.KEEP_REPLACED and kept[0].name == "replaced-20261123-120200-000000"
