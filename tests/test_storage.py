"""The book on disk never loses an acknowledged write and refuses to be misused."""

from __future__ import annotations

import os
import random
import signal
import stat
import subprocess
import sys
import textwrap
import time
from datetime import date, datetime
from pathlib import Path

import orjson
import pytest

from store import backups
from store.book import Book
from store.clients import add_client
from store.errors import BookChanged, BookCorrupt, BookLocked, BookVersionError, ReadOnlyBook
from store.journal import encode_entry
from store.migrations import SCHEMA_VERSION
from store.relations import log_interaction

TODAY = date(2026, 11, 23)
ROOT = Path(__file__).resolve().parents[1]

WRITER = textwrap.dedent("""
    import sys
    from datetime import datetime
    import store.storage
    store.storage.COMPACT_AT_BYTES = 3000   # fold often, so kills also land mid-compaction
    from store.book import Book
    from store.clients import add_client
    from store.relations import log_interaction
    book = Book(sys.argv[1])
    client = book.clients()[0] if book.clients() else add_client(book, datetime(2026, 1, 1).date(), last_name="Writer")
    start = int(sys.argv[2])
    for i in range(start, start + 100000):
        log_interaction(book, client.id, "note", f"write {i}", datetime(2026, 1, 1, 9, 0))
        print(i, flush=True)
""")


def _notes(book: Book) -> set[int]:
    return {int(i.text.split()[1]) for i in book.interactions()}


def test_every_acknowledged_write_survives_sigkill(tmp_path):
    data = tmp_path / "book"
    rng = random.Random(20261123)
    acknowledged: set[int] = set()
    start = 0
    for trial in range(25):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(data), str(start)],
                                stdout=subprocess.PIPE, cwd=ROOT, text=True)
        wanted = rng.randint(1, 40)
        for _ in range(wanted):
            line = proc.stdout.readline()
            if not line:
                break
            acknowledged.add(int(line))
        time.sleep(rng.random() * 0.01)
        proc.send_signal(signal.SIGKILL)
        rest, _ = proc.communicate()
        acknowledged.update(int(n) for n in rest.split())
        start += 1000
        with Book(data) as book:
            missing = acknowledged - _notes(book)
            assert not missing, f"trial {trial}: lost acknowledged writes {sorted(missing)[:5]}"


def test_a_torn_last_journal_entry_is_ignored(tmp_path):
    data = tmp_path / "book"
    with Book(data) as book:
        client = add_client(book, TODAY, last_name="Martin")
    torn = encode_entry(2, [["clients", client.id, {**client.to_doc(), "last_name": "Torn"}]])
    (data / "book.journal").write_bytes(torn[: len(torn) // 2])
    with Book(data) as reopened:
        assert [c.last_name for c in reopened.clients()] == ["Martin"]
        add_client(reopened, TODAY, last_name="After")
    with Book(data, read_only=True) as again:
        assert sorted(c.last_name for c in again.clients()) == ["After", "Martin"]


def test_damage_in_the_middle_of_the_journal_is_refused(tmp_path):
    data = tmp_path / "book"
    book = Book(data)
    add_client(book, TODAY, last_name="One")
    book.files.journal.close()
    book.files.journal = None
    os.close(book.files.lock_fd)
    journal = data / "book.journal"
    lines = journal.read_bytes().split(b"\n")
    journal.write_bytes(b"00000000 {garbage}\n" + lines[0] + b"\n")
    with pytest.raises(BookCorrupt, match="journal"):
        Book(data)


def test_writes_are_journaled_and_folded_on_close(tmp_path):
    data = tmp_path / "book"
    with Book(data) as book:
        add_client(book, TODAY, last_name="Durand")
        assert (data / "book.journal").stat().st_size > 0
    assert (data / "book.journal").stat().st_size == 0
    snapshot = orjson.loads((data / "book.json").read_bytes())
    assert snapshot["schema"] == SCHEMA_VERSION
    assert [d["last_name"] for d in snapshot["tables"]["clients"].values()] == ["Durand"]


def test_a_second_writer_is_refused_with_a_clear_message(tmp_path):
    data = tmp_path / "book"
    with Book(data):
        proc = subprocess.run(
            [sys.executable, "-c", f"from store.book import Book; Book({str(data)!r})"],
            cwd=ROOT, capture_output=True, text=True)
        assert "BookLocked" in proc.stderr and "already open in another Carnet" in proc.stderr
        with Book(data, read_only=True) as reader:
            assert reader.clients() == []
            with pytest.raises(ReadOnlyBook):
                add_client(reader, TODAY, last_name="Nope")


def test_a_reader_sees_what_the_writer_committed(tmp_path):
    data = tmp_path / "book"
    with Book(data) as writer:
        add_client(writer, TODAY, last_name="Visible")
        with Book(data, read_only=True) as reader:
            assert [c.last_name for c in reader.clients()] == ["Visible"]


def test_a_book_changed_behind_its_back_is_not_overwritten(tmp_path):
    data = tmp_path / "book"
    book = Book(data)
    add_client(book, TODAY, last_name="Mine")
    synced = b'{"format":"carnet-book","schema":%d,"seq":99,"tables":{}}' % SCHEMA_VERSION
    (data / "book.json").write_bytes(synced)
    with pytest.raises(BookChanged, match="changed by another program"):
        add_client(book, TODAY, last_name="Lost?")
    assert [c.last_name for c in book.clients()] == ["Mine"]
    with pytest.raises(BookChanged):
        book.close()
    assert (data / "book.json").read_bytes() == synced


def test_an_older_book_is_migrated_after_a_backup(tmp_path):
    data = tmp_path / "book"
    data.mkdir(mode=0o700)
    old = {"format": "carnet-book", "schema": 1, "seq": 3, "tables": {
        "clients": {"1": {"last_name": "Ancien", "tolerance": 5}},
        "profile": {"1": {"name": "Claire", "tolerance": 2}}}}
    (data / "book.json").write_bytes(orjson.dumps(old))
    with Book(data) as book:
        assert book.client(1).tolerance_days == 5
        assert book.profile.tolerance_days == 2
    saved = [p for p in backups.list_backups(data) if "before-migration-v1" in p.name]
    assert len(saved) == 1 and orjson.loads(saved[0].read_bytes())["schema"] == 1
    assert orjson.loads((data / "book.json").read_bytes())["schema"] == SCHEMA_VERSION


def test_a_newer_book_is_refused_and_left_untouched(tmp_path):
    data = tmp_path / "book"
    data.mkdir(mode=0o700)
    newer = orjson.dumps({"format": "carnet-book", "schema": SCHEMA_VERSION + 1, "seq": 0,
                          "tables": {}})
    (data / "book.json").write_bytes(newer)
    with pytest.raises(BookVersionError, match="newer Carnet"):
        Book(data)
    assert (data / "book.json").read_bytes() == newer


def test_a_corrupt_snapshot_names_the_newest_backup(tmp_path):
    data = tmp_path / "book"
    with Book(data) as book:
        add_client(book, TODAY, last_name="Sauvé")
        book.files.backup()
    (data / "book.json").write_bytes(b"{not json")
    with pytest.raises(BookCorrupt) as refused:
        Book(data)
    assert "restore" in str(refused.value) and str(backups.newest_backup(data)) in str(refused.value)
    assert (data / "book.json").read_bytes() == b"{not json"


def test_data_directory_is_private_and_every_file_too(tmp_path):
    data = tmp_path / "deep" / "book"
    with Book(data) as book:
        add_client(book, TODAY, last_name="Privé")
        book.files.backup()
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    for path in data.rglob("*"):
        expected = 0o700 if path.is_dir() else 0o600
        assert stat.S_IMODE(path.stat().st_mode) == expected, path


def test_stray_temporary_files_are_cleaned_at_start(tmp_path):
    data = tmp_path / "book"
    Book(data).close()
    stray = data / "book.json.carnet-tmp"
    stray.write_bytes(b"half a snapshot")
    Book(data).close()
    assert not stray.exists()


def test_backups_rotate(tmp_path):
    data = tmp_path / "book"
    data.mkdir()
    for minute in range(14):
        backups.write_backup(data, b"{}", now=datetime(2026, 11, 23, 10, minute))
    kept = backups.list_backups(data)
    assert len(kept) == backups.KEEP and kept[0].name.startswith("book-20261123-1004")


def test_a_daily_backup_is_taken_on_first_open_of_the_day(tmp_path):
    data = tmp_path / "book"
    with Book(data) as book:
        add_client(book, TODAY, last_name="Jour")
    Book(data, now=datetime(2026, 11, 24, 8, 0)).close()
    Book(data, now=datetime(2026, 11, 24, 18, 0)).close()
    assert sum("20261124" in p.name for p in backups.list_backups(data)) == 1


def test_any_unicode_round_trips_exactly_through_the_disk(tmp_path):
    data = tmp_path / "book"
    name = "  Ωμέγα <Dupont & Fils> « œuvre » 👩‍🔬 עברית e\u0301 \u202f "
    with Book(data) as book:
        client = add_client(book, TODAY, last_name=name)
        log_interaction(book, client.id, "note", name + "\nligne 2", datetime(2026, 11, 23, 10))
    with Book(data, read_only=True) as book:
        assert book.client(client.id).last_name == name
        assert book.interactions()[0].text == name + "\nligne 2"
