"""The storage layer on real files: old books, locks, damage, temporaries, folder modes, faults."""

from __future__ import annotations

import errno
import fcntl
import os
import stat
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path

import orjson
import pytest

import store.storage
from store import backups
from store.book import Book
from store.clients import add_client
from store.errors import BookChanged, BookCorrupt, BookError, BookLocked
from store.files import write_atomic
from store.journal import encode_entry
from store.migrations import SCHEMA_VERSION
from tests.test_privacy import cli
from tests.test_storage_sync import TODAY, _crash, _names, _sync_in

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "book"
    with Book(folder) as book:
        add_client(book, TODAY, last_name="Un")
        book.files.backup()
    return folder


def _files(data: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in data.glob("book.*")}


# -- 3. migration with an unfolded journal -------------------------------------------

def test_an_old_book_with_an_unfolded_journal_is_folded_before_it_is_migrated(tmp_path, capsys):
    data = tmp_path / "book"
    data.mkdir(mode=0o700)
    old = {"format": "carnet-book", "schema": 1, "seq": 3,
           "tables": {"clients": {"1": {"last_name": "Ancien", "tolerance": 5}}}}
    (data / "book.json").write_bytes(orjson.dumps(old))
    (data / "book.journal").write_bytes(
        encode_entry(4, [["clients", 2, {"last_name": "Journal", "tolerance": 9}]]))
    with Book(data) as book:
        assert [(c.last_name, c.tolerance_days) for c in book.clients()] == \
            [("Ancien", 5), ("Journal", 9)]
    code, out, _ = cli(capsys, data, "clients")
    assert code == 0 and "Journal" in out
    [saved] = [p for p in backups.list_backups(data) if "before-migration-v1" in p.name]
    before = orjson.loads(saved.read_bytes())
    assert before["schema"] == 1 and before["seq"] == 4
    assert before["tables"]["clients"]["2"]["tolerance"] == 9
    assert orjson.loads((data / "book.json").read_bytes())["schema"] == SCHEMA_VERSION
    assert (data / "book.journal").stat().st_size == 0


# -- 4. the lock ---------------------------------------------------------------------

HOLDER = textwrap.dedent("""
    import sys
    from datetime import date
    from store.book import Book
    from store.clients import add_client
    from store.errors import BookError
    book = Book(sys.argv[1])
    add_client(book, date(2026, 11, 23), last_name="Premier")
    print("ready", flush=True)
    sys.stdin.readline()
    try:
        add_client(book, date(2026, 11, 23), last_name="Second")
        print("written", flush=True)
    except BookError as exc:
        print("refused:", exc, flush=True)
    try:
        book.close()
    except BookError:
        pass
""")


def _holder(data: Path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(data)], cwd=ROOT, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert proc.stdout.readline().strip() == "ready"
    return proc


def _second_writer(data: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "import sys; from store.book import Book; "
                           "Book(sys.argv[1]).close()", str(data)],
                          cwd=ROOT, capture_output=True, text=True)


@pytest.mark.parametrize("swap", ["delete", "replace"])
def test_a_deleted_or_replaced_lock_file_lets_no_second_writer_in(data, swap):
    proc = _holder(data)
    lock = data / "book.lock"
    lock.unlink()
    if swap == "replace":
        lock.write_bytes(b"")
    second = _second_writer(data)
    assert second.returncode != 0 and "already open in another Carnet" in second.stderr
    out, _ = proc.communicate("go\n", timeout=30)
    assert out.startswith("refused:") and "book.lock was deleted or replaced" in out
    assert _names(data) == ["Un", "Premier"]


def test_a_lock_file_swapped_under_an_open_book_refuses_the_next_write(data):
    book = Book(data)
    (data / "book.lock").unlink()
    with pytest.raises(BookLocked, match="deleted or replaced"):
        add_client(book, TODAY, last_name="Deux")
    book.close()
    assert _names(data) == ["Un"]


# -- 5. a complete last line with a bad checksum -------------------------------------------

def test_a_complete_last_line_with_a_bad_checksum_is_damage_not_a_torn_write(data, capsys):
    book = Book(data)
    add_client(book, TODAY, last_name="Deux")
    _crash(book)
    journal = data / "book.journal"
    lines = journal.read_bytes().split(b"\n")
    lines[-2] = b"%08x" % ((int(lines[-2][:8], 16) + 1) % 2**32) + lines[-2][8:]
    journal.write_bytes(b"\n".join(lines))
    before = _files(data)
    with pytest.raises(BookCorrupt) as refused:
        Book(data)
    assert "damaged (last line)" in str(refused.value)
    assert str(backups.newest_backup(data)) in str(refused.value)
    code, _, err = cli(capsys, data, "clients")
    assert code == 2 and "damaged" in err
    assert _files(data) == before


# -- 6. temporary files ----------------------------------------------------------------

def test_a_symlink_planted_at_the_old_temporary_name_is_never_followed(tmp_path, data, capsys):
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    out = tmp_path / "all.json"
    planted = [out.with_name(out.name + ".carnet-tmp"),
               data / "book.json.carnet-tmp", data / "book.open.json.carnet-tmp"]
    for link in planted:
        link.symlink_to(victim)
    code, _, err = cli(capsys, data, "export", "json", "--out", str(out))
    assert code == 0, err
    with Book(data) as book:
        add_client(book, TODAY, last_name="Deux")
    write_atomic(tmp_path / "direct.json", b"{}")
    assert victim.read_bytes() == b"precious"
    assert out.is_file() and not out.is_symlink()
    assert orjson.loads((data / "book.json").read_bytes())["format"] == "carnet-book"


def test_temporaries_get_random_names_and_an_unwritable_target_names_the_target(tmp_path):
    seen = set()
    real_replace = os.replace

    def remember(source, target):
        seen.add(Path(source).name)
        real_replace(source, target)
    os.replace = remember
    try:
        write_atomic(tmp_path / "a.json", b"1")
        write_atomic(tmp_path / "a.json", b"2")
    finally:
        os.replace = real_replace
    assert len(seen) == 2 and all(n.startswith("a.json.") and n.endswith(".carnet-tmp")
                                  for n in seen)
    with pytest.raises(OSError) as refused:
        write_atomic(tmp_path / "missing" / "b.json", b"1")
    assert refused.value.filename == str(tmp_path / "missing" / "b.json")


# -- 9. folder modes --------------------------------------------------------------------

def test_an_existing_shared_folder_keeps_its_mode_and_sticky_bit(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)
    with Book(shared) as book:
        add_client(book, TODAY, last_name="Partagé")
        book.files.backup()
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
    assert stat.S_IMODE((shared / "backups").stat().st_mode) == 0o700
    assert stat.S_IMODE((shared / "book.json").stat().st_mode) == 0o600


def test_a_folder_made_read_only_is_not_made_writable_nor_written_to(data, tmp_path):
    os.chmod(data, 0o500)
    before = _files(data)
    try:
        with pytest.raises(BookError, match="read-only"):
            Book(data)
        assert stat.S_IMODE(data.stat().st_mode) == 0o500
        assert _files(data) == before
        assert _names(data) == ["Un"]
    finally:
        os.chmod(data, 0o700)


def test_folders_carnet_creates_are_private_under_any_umask(tmp_path):
    old = os.umask(0o022)
    try:
        with Book(tmp_path / "a" / "b") as book:
            add_client(book, TODAY, last_name="Neuf")
    finally:
        os.umask(old)
    for folder in (tmp_path / "a", tmp_path / "a" / "b"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


# -- 11. a full disk at the fold on close -------------------------------------------------

def _no_space(*_args):
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_during_the_fold_at_close_is_no_failure_when_the_change_was_saved(
        data, monkeypatch, capsys, tmp_path):
    book = Book(data)
    add_client(book, TODAY, last_name="Deux")
    with monkeypatch.context() as patched:
        patched.setattr(store.storage, "write_temporary", _no_space)
        book.close()
        rows = tmp_path / "clients.csv"
        rows.write_text("nom\nTrois\n", encoding="utf-8")
        code, out, err = cli(capsys, data, "import", "csv", str(rows), "--yes")
        assert code == 0, err
    assert (data / "book.journal").stat().st_size > 0
    assert _names(data) == ["Un", "Deux", "Trois"]


# -- 12. the right format, the wrong contents ------------------------------------------------

def _snapshot(data: Path, **changes) -> None:
    document = orjson.loads((data / "book.json").read_bytes())
    (data / "book.json").write_bytes(orjson.dumps({**document, **changes}))


def _journal_line(data: Path, body: bytes) -> None:
    import zlib
    (data / "book.journal").write_bytes(b"%08x %s\n" % (zlib.crc32(body), body))


@pytest.mark.parametrize("damage", [
    lambda d: _snapshot(d, seq="7"),
    lambda d: _snapshot(d, tables=[]),
    lambda d: _snapshot(d, tables={"clients": {"1": "a name"}}),
    lambda d: _snapshot(d, schema=None),
    lambda d: _journal_line(d, b"[1, 2, 3]"),
    lambda d: _journal_line(d, b'"text"'),
    lambda d: _journal_line(d, b'{"seq": 2, "ops": [["clients", "2", {}]]}'),
    lambda d: _journal_line(d, b'{"seq": 2, "ops": [["clients", 2, "doc"]]}'),
    lambda d: _journal_line(d, b'{"seq": "2", "ops": []}'),
    lambda d: _journal_line(d, b'{"seq": %d, "ops": [["clients", 2, {"nope": 1}]]}' % (
        orjson.loads((d / "book.json").read_bytes())["seq"] + 1)),
], ids=["seq-text", "tables-list", "row-text", "schema-null", "line-list", "line-text",
        "op-id-text", "op-doc-text", "entry-seq-text", "op-unreadable-record"])
def test_a_book_of_the_right_format_with_wrong_contents_is_damaged_not_a_bug(
        data, capsys, tmp_path, damage):
    damage(data)
    before = _files(data)
    with pytest.raises(BookCorrupt):
        Book(data)
    rows = tmp_path / "clients.csv"
    rows.write_text("nom\nDeux\n", encoding="utf-8")
    for argv in (("clients",), ("overdue",), ("import", "csv", str(rows), "--yes")):
        code, _, err = cli(capsys, data, *argv)
        assert code == 2 and err.count("\n") == 1 and "bug" not in err, (argv, err)
        assert "nothing was changed" in err
    assert _files(data) == before


# -- 13. smaller -----------------------------------------------------------------------

def test_a_failed_close_releases_the_lock_in_process(data, tmp_path):
    book = Book(data)
    add_client(book, TODAY, last_name="Deux")
    _sync_in(data, (data / "book.json").read_bytes().replace(b'"seq"', b' "seq"', 1))
    with pytest.raises(BookChanged):
        book.close()
    fd = os.open(data / "book.lock", os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    finally:
        os.close(fd)


def test_backup_of_a_folder_without_a_book_refuses_and_writes_nothing(tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = cli(capsys, empty, "backup")
    assert code == 2 and "no book" in err
    assert list(empty.iterdir()) == []


def test_the_daily_backup_is_private_even_when_book_json_was_copied_in_readable(data):
    os.chmod(data / "book.json", 0o644)
    Book(data, now=datetime(2031, 1, 2, 9, 0)).close()
    [daily] = [p for p in backups.list_backups(data) if "20310102" in p.name]
    assert stat.S_IMODE(daily.stat().st_mode) == 0o600


@pytest.fixture
def read_only_mount(tmp_path):
    """A real read-only tmpfs holding a book, where the machine lets tests mount one."""
    point = tmp_path / "mount"
    point.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(point)],
                      capture_output=True).returncode != 0:
        pytest.skip("this machine does not let tests mount a file system")
    try:
        with Book(point / "book") as book:
            add_client(book, TODAY, last_name="Monté")
            book.files.backup()
        subprocess.run(["mount", "-o", "remount,ro", str(point)], check=True)
        yield point / "book"
    finally:
        subprocess.run(["umount", str(point)], check=False)


def test_backup_on_a_read_only_file_system_does_not_name_a_temporary_file(read_only_mount,
                                                                         capsys):
    code, _, err = cli(capsys, read_only_mount, "backup")
    assert code == 1 and "Read-only file system" in err
    assert ".carnet-tmp" not in err and err.count("\n") == 1
    assert _names(read_only_mount) == ["Monté"]
