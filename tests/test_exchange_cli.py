"""The exchange sub-commands as a user runs them: exports, imports with preview, progress
on a terminal only."""

from __future__ import annotations

import io
import stat
from datetime import date

import icalendar
import orjson
import pytest

from store.book import Book
from store.exchange.progress import ProgressBar
from tests.test_exchange_json import fill_book
from tests.test_privacy import cli
from tests.vcard_reading import read_cards

TODAY = date(2026, 11, 23)


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "book"
    with Book(folder) as book:
        fill_book(book)
    return folder


def test_every_export_written_into_the_data_folder_is_private_and_readable(data, capsys):
    outputs = {"json": "all.json", "ics": "due.ics", "vcard": "clients.vcf"}
    for fmt, name in outputs.items():
        code, out, _ = cli(capsys, data, "export", fmt, "--out", str(data / name))
        assert code == 0 and str(data / name) in out
    for what in ("clients", "orders", "interactions"):
        assert cli(capsys, data, "export", "csv", "--what", what,
                   "--out", str(data / f"{what}.csv"))[0] == 0
    for path in data.glob("*.*"):
        if path.suffix in (".json", ".ics", ".vcf", ".csv"):
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert orjson.loads((data / "all.json").read_bytes())["format"] == "carnet-export"
    assert icalendar.Calendar.from_ical((data / "due.ics").read_bytes()).walk("VEVENT")
    assert len(read_cards((data / "clients.vcf").read_bytes())) == 2


def test_a_csv_import_previews_then_applies(tmp_path, capsys):
    rows = tmp_path / "clients.csv"
    rows.write_text("Nom;Prénom;Ville;Couleur\nMorel;Jeanne;Tours;bleu\n", encoding="utf-8")
    code, out, _ = cli(capsys, tmp_path / "new", "import", "csv", str(rows), "--yes")
    assert code == 0
    assert out.splitlines() == ["ignored column: 'Couleur' (not a known header)",
                                "create line 2: client 'Jeanne Morel', Tours",
                                "Imported 1 client; skipped 0 rows."]
    code, out, _ = cli(capsys, tmp_path / "new", "import", "csv", str(rows), "--yes")
    assert code == 0 and "duplicate line 2" in out and "Nothing to import" in out


def test_a_csv_with_bad_rows_lists_each_and_imports_nothing(tmp_path, capsys):
    rows = tmp_path / "clients.csv"
    rows.write_text("nom,e-mail\nBon,bon@example.fr\nMauvais,sans-arobase\n", encoding="utf-8")
    code, _, err = cli(capsys, tmp_path / "new", "import", "csv", str(rows), "--yes")
    assert code == 2
    assert err.splitlines() == [
        "error line 3, column 'e-mail': 'sans-arobase' does not look like an e-mail address",
        "carnet: 1 row with errors; nothing was imported (fix them, or rerun with "
        "--skip-bad-rows)"]
    with Book(tmp_path / "new", read_only=True) as book:
        assert book.clients() == []
    code, out, _ = cli(capsys, tmp_path / "new", "import", "csv", str(rows), "--yes",
                       "--skip-bad-rows")
    assert code == 0 and "Imported 1 client; skipped 1 row." in out


def test_a_large_import_into_a_pipe_prints_no_progress_bar(tmp_path, capsys):
    rows = tmp_path / "clients.csv"
    rows.write_text("nom,ville\n" + "".join(f"Client {i},Ville\n" for i in range(250)),
                    encoding="utf-8")
    code, out, err = cli(capsys, tmp_path / "new", "import", "csv", str(rows), "--yes")
    assert code == 0 and "Imported 250 clients" in out
    assert err == ""


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_the_progress_bar_redraws_one_line_on_a_terminal_only():
    terminal, pipe = Terminal(), io.StringIO()
    for stream in (terminal, pipe):
        bar = ProgressBar("importing", stream)
        for done in (100, 200, 250):
            bar(done, 250)
    assert pipe.getvalue() == ""
    drawn = terminal.getvalue()
    assert drawn.count("\r") == 3 and drawn.endswith("250/250\n")
    assert drawn.splitlines()[-1].endswith("importing [" + "#" * 30 + "] 250/250")


def test_a_json_export_moves_a_whole_book_to_a_new_folder(data, tmp_path, capsys):
    export = tmp_path / "all.json"
    assert cli(capsys, data, "export", "json", "--out", str(export))[0] == 0
    code, out, _ = cli(capsys, tmp_path / "moved", "import", "json", str(export), "--yes")
    assert code == 0 and "2 clients, 2 orders" in out
    assert cli(capsys, tmp_path / "moved", "export", "json", "--out",
               str(tmp_path / "again.json"))[0] == 0
    first, again = (orjson.loads(p.read_bytes()) for p in (export, tmp_path / "again.json"))
    assert first["tables"] == again["tables"]
