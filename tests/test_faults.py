"""Faults: a full disk, a read-only folder, a newer or damaged book — clear words, nothing lost."""

from __future__ import annotations

import errno
import os
from datetime import date

import orjson
import pytest

import store.storage
from store import backups
from store.book import Book
from store.clients import add_client
from store.errors import BookError, CarnetError
from store.journal import encode_entry
from store.migrations import SCHEMA_VERSION
from tests.test_privacy import cli

TODAY = date(2026, 11, 23)
ENTRY_POINTS = (("clients",), ("orders",), ("overdue",), ("export", "json", "--out", "x.json"),
                ("backup",), ("client", "export", "1", "--out", "c.json"),
                ("import", "csv", "{csv}", "--yes"), ("client", "erase", "1", "--yes"))


def _names(data) -> list[str]:
    with Book(data, read_only=True) as book:
        return [c.last_name for c in book.clients()]


def _crash(book: Book) -> None:
    """Stop using a book the way a killed process does: no compaction, lock released."""
    book.files.journal.close()
    os.close(book.files.lock_fd)


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "book"
    with Book(folder) as book:
        add_client(book, TODAY, last_name="Un")
        book.files.backup()
    return folder


def _no_space(*_args):
    raise OSError(errno.ENOSPC, "No space left on device")


def _half_then_no_space(monkeypatch):
    real, calls = os.write, []

    def write(fd, data):
        calls.append(fd)
        if len(calls) == 1:
            return real(fd, bytes(data[:len(data) // 2]))
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(os, "write", write)


def test_a_full_disk_refuses_the_write_and_keeps_every_acknowledged_one(data, monkeypatch):
    book = Book(data)
    add_client(book, TODAY, last_name="Deux")
    with monkeypatch.context() as patched:
        patched.setattr(os, "write", _no_space)
        with pytest.raises(OSError, match="No space"):
            add_client(book, TODAY, last_name="Perdu")
    assert [c.last_name for c in book.clients()] == ["Un", "Deux"]
    add_client(book, TODAY, last_name="Trois")
    _crash(book)
    assert _names(data) == ["Un", "Deux", "Trois"]


def test_a_line_torn_by_a_full_disk_is_ignored_on_reopening(data, monkeypatch):
    book = Book(data)
    add_client(book, TODAY, last_name="Deux")
    with monkeypatch.context() as patched:
        _half_then_no_space(patched)
        with pytest.raises(OSError):
            add_client(book, TODAY, last_name="Perdu")
    _crash(book)
    assert _names(data) == ["Un", "Deux"]


def test_the_writer_keeps_working_after_a_full_disk_tore_a_journal_line(data, monkeypatch):
    book = Book(data)
    with monkeypatch.context() as patched:
        _half_then_no_space(patched)
        with pytest.raises(OSError):
            add_client(book, TODAY, last_name="Perdu")
    add_client(book, TODAY, last_name="Deux")
    _crash(book)
    assert _names(data) == ["Un", "Deux"]


def test_a_failed_compaction_loses_no_acknowledged_write(data, monkeypatch):
    book = Book(data)
    add_client(book, TODAY, last_name="Deux")
    monkeypatch.setattr(store.storage, "COMPACT_AT_BYTES", 10)
    monkeypatch.setattr(store.storage, "write_temporary", _no_space)
    add_client(book, TODAY, last_name="Trois")
    _crash(book)
    assert _names(data) == ["Un", "Deux", "Trois"]
    assert not list(data.glob("*.carnet-tmp"))


def test_a_write_whose_compaction_fails_is_acknowledged_and_the_book_stays_usable(data, monkeypatch):
    book = Book(data)
    monkeypatch.setattr(store.storage, "COMPACT_AT_BYTES", 10)
    with monkeypatch.context() as patched:
        patched.setattr(store.storage, "write_temporary", _no_space)
        add_client(book, TODAY, last_name="Deux")
    assert [c.last_name for c in book.clients()] == ["Un", "Deux"]
    add_client(book, TODAY, last_name="Trois")
    book.close()
    assert _names(data) == ["Un", "Deux", "Trois"]


def test_a_full_disk_during_an_import_is_one_line_and_changes_nothing(data, capsys, monkeypatch,
                                                                      tmp_path):
    rows = tmp_path / "clients.csv"
    rows.write_text("nom\nDeux\nTrois\n", encoding="utf-8")
    monkeypatch.setattr(store.storage.Journal, "append", _no_space)
    code, _, err = cli(capsys, data, "import", "csv", str(rows), "--yes")
    assert code == 1 and err.strip() == "carnet: No space left on device"
    assert _names(data) == ["Un"]


def _read_only_folder(monkeypatch, data) -> None:
    """What a read-only mount does (tests run as root, for whom chmod changes nothing)."""
    real_open, real_mkdir = os.open, os.mkdir

    def refuse_writes(path, flags, *args, **kwargs):
        if str(path).startswith(str(data)) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args, **kwargs)

    def refuse_mkdir(path, *args, **kwargs):
        if str(path).startswith(str(data)):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_mkdir(path, *args, **kwargs)
    monkeypatch.setattr(os, "open", refuse_writes)
    monkeypatch.setattr(os, "mkdir", refuse_mkdir)
    monkeypatch.setattr(os, "chmod", lambda *a, **k: None)


def test_a_read_only_folder_can_still_be_read_and_listed(data, monkeypatch, capsys, tmp_path):
    _read_only_folder(monkeypatch, data)
    assert _names(data) == ["Un"]
    code, out, _ = cli(capsys, data, "clients")
    assert code == 0 and "Un" in out
    code, _, err = cli(capsys, data, "export", "json", "--out", str(tmp_path / "all.json"))
    assert code == 0 and (tmp_path / "all.json").exists()


def test_writing_to_a_read_only_folder_is_one_clear_line(data, monkeypatch, capsys, tmp_path):
    _read_only_folder(monkeypatch, data)
    rows = tmp_path / "clients.csv"
    rows.write_text("nom\nDeux\n", encoding="utf-8")
    code, _, err = cli(capsys, data, "import", "csv", str(rows), "--yes")
    assert code in (1, 2) and err.count("\n") == 1 and "Read-only file system" in err


def test_opening_a_read_only_folder_for_writing_says_to_open_it_read_only(data, monkeypatch):
    _read_only_folder(monkeypatch, data)
    with pytest.raises(BookError, match="read-only"):
        Book(data)


def _newer(data) -> None:
    (data / "book.json").write_bytes(orjson.dumps(
        {"format": "carnet-book", "schema": SCHEMA_VERSION + 1, "seq": 9, "tables": {}}))


def _damaged_journal(data) -> None:
    good = encode_entry(99, [["clients", 7, {"last_name": "x"}]])
    (data / "book.journal").write_bytes(b"00000000 garbage\n" + good)


def _corrupt_snapshot(data) -> None:
    (data / "book.json").write_bytes(b'{"format": "carnet-book", "tab')


@pytest.mark.parametrize("damage", [_newer, _corrupt_snapshot, _damaged_journal])
def test_an_unreadable_book_is_one_clear_line_at_every_entry_point_and_untouched(
        data, capsys, tmp_path, damage):
    damage(data)
    before = {p.name: p.read_bytes() for p in data.glob("book.*")}
    rows = tmp_path / "clients.csv"
    rows.write_text("nom\nDeux\n", encoding="utf-8")
    for argv in ENTRY_POINTS:
        argv = [a.replace("{csv}", str(rows)) if "{" in a else a for a in argv]
        argv = [str(tmp_path / a) if a.endswith(".json") else a for a in argv]
        code, _, err = cli(capsys, data, *argv)
        assert code == 2 and err.count("\n") == 1, (argv, err)
        assert "nothing was changed" in err or "restore a backup" in err, (argv, err)
    assert {p.name: p.read_bytes() for p in data.glob("book.*")} == before
    assert not (tmp_path / "x.json").exists()


@pytest.mark.parametrize("damage", [
    _corrupt_snapshot,
    _newer,
    _damaged_journal,
])
def test_an_unreadable_book_names_the_newest_backup_and_the_restore_command(data, damage):
    damage(data)
    with pytest.raises(CarnetError) as refused:
        Book(data)
    newest = backups.newest_backup(data)
    assert f"restore {newest}" in str(refused.value)


def test_the_restore_hint_names_the_books_folder(data):
    _corrupt_snapshot(data)
    with pytest.raises(CarnetError) as refused:
        Book(data)
    assert f"--data {data} restore " in str(refused.value)


@pytest.mark.parametrize("damage", [_newer, _corrupt_snapshot, _damaged_journal])
def test_restoring_the_newest_backup_brings_an_unreadable_book_back(data, capsys, damage):
    damage(data)
    newest = backups.newest_backup(data)
    assert cli(capsys, data, "restore", str(newest), "--yes")[0] == 0
    assert _names(data) == ["Un"]
