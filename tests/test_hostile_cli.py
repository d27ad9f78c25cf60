"""Malformed arguments to every exchange sub-command: exit status 2, one clear line, no traceback."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import app
from store import clients
from store.book import Book

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 23)

CASES = {
    "export without a format": ["export", "--out", "{tmp}/x"],
    "export in an unknown format": ["export", "pdf", "--out", "{tmp}/x"],
    "export without --out": ["export", "json"],
    "export csv without --what": ["export", "csv", "--out", "{tmp}/x.csv"],
    "export csv of an unknown table": ["export", "csv", "--what", "letters", "--out", "{tmp}/x"],
    "export json with --what": ["export", "json", "--what", "clients", "--out", "{tmp}/x"],
    "export into a directory": ["export", "json", "--out", "{tmp}"],
    "export into a missing folder": ["export", "ics", "--out", "{tmp}/nowhere/x.ics"],
    "export with a bad --today": ["export", "json", "--out", "{tmp}/x", "--today", "31/02/2026"],
    "export with an impossible --today": ["export", "json", "--out", "{tmp}/x", "--today",
                                          "2026-02-31"],
    "import without a file": ["import", "csv"],
    "import a missing file": ["import", "csv", "{tmp}/missing.csv", "--yes"],
    "import a directory": ["import", "json", "{tmp}", "--yes"],
    "import an unknown format": ["import", "xlsx", "{tmp}/garbage.bin"],
    "import binary garbage as JSON": ["import", "json", "{tmp}/garbage.bin", "--yes"],
    "import binary garbage as CSV": ["import", "csv", "{tmp}/garbage.bin", "--yes"],
    "import an empty CSV": ["import", "csv", "{tmp}/empty.csv", "--yes"],
    "import JSON into a book that is not empty": ["import", "json", "{tmp}/export.json", "--yes"],
    "import without --yes and no terminal": ["import", "csv", "{tmp}/new.csv"],
    "backup with an extra argument": ["backup", "now"],
    "restore without a file": ["restore"],
    "restore a missing file": ["restore", "{tmp}/missing.json", "--yes"],
    "restore a directory": ["restore", "{tmp}", "--yes"],
    "restore garbage": ["restore", "{tmp}/garbage.bin", "--yes"],
    "restore an export instead of a backup": ["restore", "{tmp}/export.json", "--yes"],
    "client without an action": ["client"],
    "client with an unknown action": ["client", "delete", "1"],
    "client with a non-numeric id": ["client", "export", "abc", "--out", "{tmp}/c.json"],
    "client with id zero": ["client", "erase", "0", "--yes"],
    "client with a negative id": ["client", "erase", "-3", "--yes"],
    "client export of an unknown id": ["client", "export", "99", "--out", "{tmp}/c.json"],
    "client export without --out": ["client", "export", "1"],
    "client erase of an unknown id": ["client", "erase", "99", "--yes"],
    "client erase with --out": ["client", "erase", "1", "--out", "{tmp}/c.json", "--yes"],
    "client erase without --yes and no terminal": ["client", "erase", "1"],
    "any command on a data folder that is a file": ["backup", "--data", "{tmp}/garbage.bin"],
}


@pytest.fixture(scope="module")
def tmp(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    with Book(folder / "book") as book:
        clients.add_client(book, TODAY, last_name="Témoin")
    (folder / "garbage.bin").write_bytes(bytes(range(256)) * 4)
    (folder / "empty.csv").write_bytes(b"")
    (folder / "new.csv").write_text("nom\nNouveau\n", encoding="utf-8")
    subprocess.run([sys.executable, "app.py", "--data", str(folder / "book"), "export", "json",
                    "--out", str(folder / "export.json")], cwd=ROOT, check=True,
                   capture_output=True)
    return folder


@pytest.mark.parametrize("argv", CASES.values(), ids=CASES.keys())
def test_malformed_arguments_get_one_clear_line_and_exit_2(tmp, argv):
    before = (tmp / "book" / "book.json").read_bytes()
    argv = [a.replace("{tmp}", str(tmp)) for a in argv]
    data = [] if "--data" in argv else ["--data", str(tmp / "book")]
    result = subprocess.run([sys.executable, "app.py", *data, *argv], cwd=ROOT,
                            capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60)
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("carnet: ") and len(lines[0]) > 20, lines
    assert (tmp / "book" / "book.json").read_bytes() == before
    assert not list(tmp.glob("x*")) and not (tmp / "c.json").exists()


def _locked(monkeypatch, folder: Path) -> None:
    """A folder without permission, as a non-root user meets it (tests run as root)."""
    real_open, real_mkdir = os.open, os.mkdir

    def refuse(path, *args, **kwargs):
        if str(path).startswith(str(folder)):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
    monkeypatch.setattr(os, "open", lambda p, *a, **k: refuse(p) or real_open(p, *a, **k))
    monkeypatch.setattr(os, "mkdir", lambda p, *a, **k: refuse(p) or real_mkdir(p, *a, **k))
    monkeypatch.setattr(Path, "read_bytes", lambda p: refuse(p) or p.open("rb").read())


@pytest.mark.parametrize("argv", [
    ["export", "json", "--out", "{locked}/x.json"],
    ["import", "csv", "{locked}/clients.csv", "--yes"],
    ["restore", "{locked}/backup.json", "--yes"],
    ["--data", "{locked}/book", "import", "csv", "{tmp}/new.csv", "--yes"],
    ["--data", "{locked}/book", "backup"],
], ids=["export into", "import from", "restore from", "import into a book in", "backup of a book in"])
def test_a_folder_without_permission_is_one_clear_line(tmp, tmp_path, monkeypatch, capsys, argv):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "clients.csv").write_text("nom\nX\n", encoding="utf-8")
    (locked / "backup.json").write_bytes((tmp / "book" / "book.json").read_bytes())
    if "backup" in argv:
        Book(locked / "book").close()
    _locked(monkeypatch, locked)
    argv = [a.replace("{locked}", str(locked)).replace("{tmp}", str(tmp)) for a in argv]
    data = [] if "--data" in argv else ["--data", str(tmp / "book")]
    try:
        code = app.main([*data, *argv])
    except SystemExit as exit_:
        code = exit_.code
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "ermission denied" in err, err
