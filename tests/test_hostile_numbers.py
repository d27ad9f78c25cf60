"""Huge numbers, odd digits, far dates and hostile bytes through the real command line:
exit 2 with one clear line naming what was refused, the book unchanged; never a traceback."""

from __future__ import annotations

import csv
import io
import time
from datetime import date
from pathlib import Path

import orjson
import pytest

from store import clients, orders
from store.book import Book
from tests.test_cli import TODAY, assert_bad_input, carnet

BOOK_FILES = ("book.json", "book.journal")


def assert_rows_refused(result, *words: str) -> None:
    """A CSV import refused: each bad row on its own `error line N…` line, then one `carnet:`
    line, exit 2, no traceback."""
    lines = result.stderr.splitlines()
    assert result.returncode == 2 and lines, result
    assert lines[-1].startswith("carnet: ") and "nothing was imported" in lines[-1]
    assert all(line.startswith("error line ") for line in lines[:-1]), lines
    assert "Traceback" not in result.stderr + result.stdout
    assert all(word in result.stderr for word in words), result.stderr


def _files(folder: Path) -> bytes:
    return b"".join((folder / name).read_bytes() for name in BOOK_FILES if (folder / name).exists())


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A book holding client 1, Lefèvre, written through the store (the runs under test are real)."""
    folder = tmp_path / "book"
    with Book(folder) as book:
        clients.add_client(book, date.fromisoformat(TODAY), last_name="Lefèvre",
                           email="h@exemple.fr")
    return folder


@pytest.mark.parametrize("argv, words", [
    (["order", "add", "1", "--title", "T", "--due", "2026-12-01", "--price", "1e27"],
     ("price", "1,000,000")),
    (["order", "add", "1", "--title", "T", "--due", "2026-12-01", "--price", "NaN"],
     ("price", "not an amount")),
    (["order", "add", "1", "--title", "T", "--due", "2026-12-01", "--price", "-inf"],
     ("price",)),
    (["order", "add", "1", "--title", "T", "--due", "9999-12-31"], ("due date", "2100")),
    (["followup", "add", "1", "Rappeler", "--due", "9999-12-31"], ("due", "2100")),
    (["client", "add", "--last-name", "Lef\u202eèvre"], ("last_name", "U+202E")),
    (["client", "add", "--last-name", "Roy", "--city", "Orl\u2029éans"], ("city", "U+2029")),
])
def test_a_write_with_a_hostile_value_is_one_clear_line(data, argv, words):
    before = _files(data)
    assert_bad_input(carnet(*argv, data=data), *words)
    assert _files(data) == before


def test_negative_zero_is_stored_as_zero(data):
    result = carnet("order", "add", "1", "--title", "T", "--due", "2026-12-01", "--price", "-0",
                    "--json", data=data)
    assert result.returncode == 0, result.stderr
    assert carnet("export", "csv", "--what", "orders", "--out", str(data / "o.csv"),
                  data=data).returncode == 0
    rows = list(csv.DictReader(io.StringIO((data / "o.csv").read_text("utf-8-sig"))))
    assert [row["prix"] for row in rows] == ["0.00"]


@pytest.mark.parametrize("header, cell, words", [
    ("prix", "1e27", ("prix", "1,000,000")),
    ("pages", str(10**23), ("pages", "at most 100,000")),
    ("pages", "²", ("pages", "not a whole number")),
    ("échéance", "9999-12-31", ("échéance", "2100")),
])
def test_a_csv_of_orders_with_a_hostile_number_names_its_line(data, header, cell, words):
    row = {"client": "h@exemple.fr", "titre": "Acte", "échéance": "2026-12-01", header: cell}
    text = ",".join(row) + "\n" + ",".join(row.values()) + "\n"
    (data / "in.csv").write_text(text, encoding="utf-8")
    before = _files(data)
    result = carnet("import", "csv", str(data / "in.csv"), "--yes", data=data)
    assert_rows_refused(result, "error line 2, column", *words)
    assert _files(data) == before


@pytest.mark.parametrize("cell, words", [
    (str(10**20), ("tolérance", "at most 365")), ("-1", ("tolérance", "at least 0")),
    ("٣", ("not a whole number",)),
])
def test_a_csv_of_clients_with_a_hostile_tolerance_names_its_line(data, cell, words):
    (data / "in.csv").write_text(f"nom,tolérance\nRoy,{cell}\n", encoding="utf-8")
    result = carnet("import", "csv", str(data / "in.csv"), "--yes", data=data)
    assert_rows_refused(result, "error line 2, column", *words)


def test_a_csv_one_line_field_refuses_format_controls(data):
    (data / "in.csv").write_text("nom,ville\n\"Roy\",\"Orl\u2028éans\"\nMartin,Tours\n",
                                 encoding="utf-8")
    result = carnet("import", "csv", str(data / "in.csv"), "--yes", data=data)
    assert_rows_refused(result, "line 2, column 'ville'", "U+2028")


def test_invalid_utf8_in_a_csv_is_refused_with_its_line_and_byte(data):
    (data / "in.csv").write_bytes("nom,ville\nLefèvre,Orléans\n".encode() + b"Ro\xffy,Tours\n")
    before = _files(data)
    assert_bad_input(carnet("import", "csv", str(data / "in.csv"), "--yes", data=data),
                     "line 3, byte 3", "0xFF", "UTF-8")
    assert _files(data) == before


def test_a_windows_1252_csv_is_announced_in_the_preview(data):
    (data / "in.csv").write_bytes("nom,ville\nRoy,Orléans\n".encode("cp1252"))
    result = carnet("import", "csv", str(data / "in.csv"), "--yes", data=data)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("note: the file is not UTF-8 (line 2, byte 8 (0xE9)")
    assert "Windows-1252" in result.stdout and "Orléans" in result.stdout


def test_a_10_mb_header_is_refused_at_once(data):
    (data / "in.csv").write_text(",".join(["nom"] * 2_500_000) + "\nRoy\n", encoding="utf-8")
    started = time.monotonic()
    result = carnet("import", "csv", str(data / "in.csv"), "--yes", data=data)
    assert time.monotonic() - started < 5
    assert_bad_input(result, "line 1", "header")


def _export(tmp_path: Path) -> dict:
    folder = tmp_path / "source"
    with Book(folder) as book:
        client = clients.add_client(book, date_today(), last_name="Lefèvre")
        orders.add_order(book, date_today(), client.id, "Acte", due=date_today())
        orders.add_order(book, date_today(), client.id, "Registre", due=date_today())
    assert carnet("export", "json", "--out", str(tmp_path / "export.json"),
                  data=folder).returncode == 0
    return orjson.loads((tmp_path / "export.json").read_bytes())


def date_today():
    from datetime import date
    return date.fromisoformat(TODAY)


def _set(path: str, value):
    def change(tables: dict) -> None:
        *keys, last = path.split("/")
        target = tables
        for key in keys:
            target = target[key]
        target[last] = value
    return change


def _rekey(table: str, old: str, new: str):
    def change(tables: dict) -> None:
        tables[table][new] = tables[table].pop(old)
    return change


@pytest.mark.parametrize("change, words", [
    (_set("orders/1/client_id", "1"), ("orders 1.client_id", "'1' is not an id")),
    (_set("orders/1/client_id", True), ("orders 1.client_id", "not an id")),
    (_set("orders/1/client_id", 2**40), ("orders 1.client_id", "at most")),
    (_set("orders/2/ref", "2026-001"), ("orders 2", "reference 2026-001")),
    (_set("orders/1/price", "1e27"), ("orders 1.price", "1,000,000")),
    (_set("orders/1/price", 12.5), ("orders 1.price", "not an amount")),
    (_set("orders/1/due", "9999-12-31"), ("orders 1.due", "2100")),
    (_set("orders/1/due", "2026-02-30"), ("orders 1.due", "not a real date")),
    (_set("orders/1/due", "20261201"), ("orders 1.due", "YYYY-MM-DD")),
    (_set("orders/1/document/pages", 10**18), ("orders 1.document.pages", "100,000")),
    (_set("clients/1/tolerance_days", 10**18), ("clients 1.tolerance_days", "365")),
    (_set("clients/1/last_name", "Lef\u202eèvre"), ("last_name", "U+202E")),
    (_rekey("clients", "1", "²"), ("clients id", "'²' is not a whole number")),
    (_rekey("orders", "2", str(2**64)), ("orders id", "at most")),
])
def test_a_json_import_checks_every_field_like_the_forms(tmp_path, change, words):
    document = _export(tmp_path)
    change(document["tables"])
    (tmp_path / "bad.json").write_bytes(orjson.dumps(document))
    target = tmp_path / "target"
    result = carnet("import", "json", str(tmp_path / "bad.json"), "--yes", data=target)
    assert_bad_input(result, *words)
    with Book(target, read_only=True) as book:
        assert book.clients() == [] and book.orders() == []


def test_a_book_holding_the_last_day_of_9999_still_exports(tmp_path):
    folder = tmp_path / "old"
    with Book(folder) as book:
        client = clients.add_client(book, date_today(), last_name="Ancien")
        order = orders.add_order(book, date_today(), client.id, "Acte", due=date_today())
        doc = book.rows("orders")[str(order.id)]
        book.put("orders", order.id, {**doc, "due": "9999-12-31"})
        assert book.order(order.ref).due == date(9999, 12, 31)
    for fmt in ("ics", "json", "vcard"):
        result = carnet("export", fmt, "--out", str(tmp_path / f"x.{fmt}"), data=folder)
        assert result.returncode == 0, result.stderr
    assert b"DTSTART;VALUE=DATE:99991231" in (tmp_path / "x.ics").read_bytes()
    result = carnet("export", "csv", "--what", "orders", "--out", str(tmp_path / "x.csv"),
                    data=folder)
    assert result.returncode == 0, result.stderr
