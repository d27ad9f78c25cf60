"""A sync tool bringing another copy of the book: detected, never absorbed, never merged."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import orjson
import pytest

from store import backups
from store.book import Book
from store.clients import add_client
from store.errors import BookChanged, BookConflict, BookCorrupt
from store.migrations import SCHEMA_VERSION
from tests.test_privacy import cli

TODAY = date(2026, 11, 23)
ROOT = Path(__file__).resolve().parents[1]


def _harness(mode: str, folder: Path, count: int, seed: int) -> dict:
    run = subprocess.run([sys.executable, "-m", "tests.storage_harness", mode, str(folder),
                          str(count), str(seed)], cwd=ROOT, capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def _crash(book: Book) -> None:
    """Stop using a book the way a killed process does: no fold, locks released."""
    book.files.journal.close()
    book.files.journal = None
    book.files.lock.release()


def _names(data: Path) -> list[str]:
    with Book(data, read_only=True) as book:
        return [c.last_name for c in book.clients()]


def _other_machine(data: Path, tmp_path: Path, name: str) -> bytes:
    """The same book on another machine, changed and folded there: its book.json."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    (elsewhere / "book.json").write_bytes((data / "book.json").read_bytes())
    with Book(elsewhere) as book:
        add_client(book, TODAY, last_name=name)
    return (elsewhere / "book.json").read_bytes()


def _sync_in(data: Path, snapshot: bytes) -> None:
    tmp = data / ".sync-tmp"
    tmp.write_bytes(snapshot)
    os.replace(tmp, data / "book.json")


def test_every_replacement_landing_while_a_process_writes_is_detected(tmp_path):
    figures = _harness("race", tmp_path, 40, 9)
    assert figures["errors"] == []
    assert figures["replacements"] + figures["in_place_edits"] == 40
    assert figures["detected"] == 40 and figures["overwritten"] == 0
    assert figures["both_versions_kept"] == 40 and figures["lost"] == 0


def test_a_replacement_landing_during_the_append_is_not_taken_for_carnets_own(tmp_path,
                                                                             monkeypatch):
    data = tmp_path / "book"
    book = Book(data)
    add_client(book, TODAY, last_name="Mine")
    synced = _other_machine(data, tmp_path, "Theirs")
    real_fsync = os.fsync

    def fsync_while_synced(fd):
        real_fsync(fd)
        if fd == book.files.journal.fd and not (data / ".landed").exists():
            (data / ".landed").touch()
            _sync_in(data, synced)
    monkeypatch.setattr(os, "fsync", fsync_while_synced)
    with pytest.raises(BookChanged):
        add_client(book, TODAY, last_name="During")
        add_client(book, TODAY, last_name="After")
    with pytest.raises(BookChanged):
        book.close()
    assert (data / "book.json").read_bytes() == synced


def test_an_edit_in_place_with_the_same_size_and_time_is_detected(tmp_path):
    data = tmp_path / "book"
    book = Book(data)
    add_client(book, TODAY, last_name="Mine")
    path = data / "book.json"
    before = path.read_bytes()
    seq = b'"seq":%d' % orjson.loads(before)["seq"]
    other = before.replace(seq, seq[:-1] + b"7" if seq[-1:] != b"7" else seq[:-1] + b"8", 1)
    edit = ("import os, sys; p = sys.argv[1]; st = os.stat(p); d = open(sys.argv[2], 'rb').read();"
            "f = open(p, 'r+b'); f.write(d + b' ' * (st.st_size - len(d))); f.close();"
            "os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns))")
    (tmp_path / "other.json").write_bytes(other)
    subprocess.run([sys.executable, "-c", edit, str(path), str(tmp_path / "other.json")],
                   check=True)
    assert path.stat().st_size == len(before)
    with pytest.raises(BookChanged):
        add_client(book, TODAY, last_name="Lost?")
    with pytest.raises(BookChanged):
        book.close()


def test_two_machines_adding_a_client_each_keep_both_versions_and_a_command_to_choose(
        tmp_path, capsys):
    data = tmp_path / "book"
    with Book(data) as book:
        add_client(book, TODAY, last_name="Common")
    machine_a = Book(data)
    add_client(machine_a, TODAY, last_name="Alice")
    _crash(machine_a)
    journal = (data / "book.journal").read_bytes()
    bob = _other_machine(data, tmp_path, "Bob")
    _sync_in(data, bob)
    with pytest.raises(BookConflict) as refused:
        Book(data)
    message = str(refused.value)
    assert "nothing was merged or dropped" in message and "restore" in message
    assert (data / "book.json").read_bytes() == bob
    assert (data / "book.journal").read_bytes() == journal
    [kept] = (data / "backups").glob("conflict-*")
    as_found, from_journal = kept / "book-as-found.json", kept / "book-from-journal.json"
    assert as_found.read_bytes() == bob and str(from_journal) in message
    with pytest.raises(BookConflict):
        Book(data, read_only=True)
    code, _, err = cli(capsys, data, "clients")
    assert code == 2 and err.count("\n") == 1 and "restore" in err
    assert cli(capsys, data, "restore", str(from_journal), "--yes")[0] == 0
    assert _names(data) == ["Common", "Alice"]
    assert cli(capsys, data, "restore", str(as_found), "--yes")[0] == 0
    assert _names(data) == ["Common", "Bob"]


def test_a_deleted_book_json_with_its_journal_left_is_refused_and_the_journal_kept(tmp_path,
                                                                                  capsys):
    data = tmp_path / "book"
    with Book(data) as book:
        add_client(book, TODAY, last_name="Before")
    book = Book(data)
    add_client(book, TODAY, last_name="Journaled")
    _crash(book)
    journal = (data / "book.journal").read_bytes()
    (data / "book.json").unlink()
    with pytest.raises(BookConflict, match="book.json is missing"):
        Book(data)
    assert not (data / "book.json").exists()
    assert (data / "book.journal").read_bytes() == journal
    [kept] = (data / "backups").glob("conflict-*/book-from-journal.json")
    assert cli(capsys, data, "restore", str(kept), "--yes")[0] == 0
    assert _names(data) == ["Before", "Journaled"]


def test_a_journal_that_skips_a_change_is_refused(tmp_path):
    data = tmp_path / "book"
    with Book(data) as book:
        add_client(book, TODAY, last_name="Un")
    book = Book(data)
    add_client(book, TODAY, last_name="Deux")
    add_client(book, TODAY, last_name="Trois")
    _crash(book)
    lines = (data / "book.journal").read_bytes().split(b"\n")
    (data / "book.journal").write_bytes(b"\n".join([lines[0], lines[2], b""]))
    before = (data / "book.json").read_bytes()
    with pytest.raises(BookCorrupt, match="skips from change"):
        Book(data)
    assert (data / "book.json").read_bytes() == before


def test_an_old_journal_not_following_the_snapshot_is_refused_not_merged(tmp_path):
    data = tmp_path / "book"
    data.mkdir(mode=0o700)
    snapshot = {"format": "carnet-book", "schema": SCHEMA_VERSION, "seq": 5,
                "tables": {"clients": {"1": {"last_name": "Snap"}}}}
    (data / "book.json").write_bytes(orjson.dumps(snapshot))
    from store.journal import encode_entry
    (data / "book.journal").write_bytes(encode_entry(9, [["clients", 2, {"last_name": "Far"}]]))
    with pytest.raises(BookConflict):
        Book(data)
    assert orjson.loads((data / "book.json").read_bytes()) == snapshot


def test_a_fold_cut_short_before_the_journal_was_emptied_is_no_conflict(tmp_path, monkeypatch):
    import store.journal
    data = tmp_path / "book"
    book = Book(data)
    add_client(book, TODAY, last_name="Un")
    with monkeypatch.context() as patched:
        patched.setattr(store.journal.Journal, "reset", lambda *a: (_ for _ in ()).throw(
            OSError(5, "killed")))
        with pytest.raises(OSError):
            book.files.compact()
    _crash(book)
    assert (data / "book.journal").stat().st_size > 0
    assert _names(data) == ["Un"]
    with Book(data) as reopened:
        add_client(reopened, TODAY, last_name="Deux")
    assert _names(data) == ["Un", "Deux"]
    assert not list((data / "backups").glob("conflict-*"))
    assert not list((data / "backups").glob("base-*"))
    assert backups.list_backups(data)
