"""CSV for a French spreadsheet (excel-fr) beside the portable default, and interactions
that go out and come back in the same."""

from __future__ import annotations

import csv
import io
from datetime import datetime

import pytest

from store import clients, relations
from store.book import Book
from store.exchange import csv_import, csv_io
from tests.test_exchange_csv import TODAY
from tests.test_exchange_json import fill_book
from tests.test_privacy import cli

TABLES = ("clients", "orders", "interactions")


def cells(data: bytes, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""),
                           delimiter=delimiter))


def exchanges(book: Book) -> list[tuple]:
    """Every interaction as a person sees it: whose, when, what, how (ids aside)."""
    names = {c.id: c.name for c in book.clients()}
    return sorted((names[i.client_id], i.when, i.kind, i.channel, i.direction, i.text,
                   i.order_ref, i.satisfaction) for i in book.interactions())


@pytest.fixture
def source(tmp_path):
    with Book(tmp_path / "source") as book:
        fill_book(book)
        relations.log_interaction(book, book.clients()[1].id, "praise", "Merci ; parfait, vraiment",
                                  datetime(2026, 11, 21, 16, 5), "letter", "in", satisfaction=5)
        relations.log_interaction(book, book.clients()[0].id, "note", "=appel à 9h", TODAY,
                                  "phone", "out")
        yield book


def test_the_portable_default_is_unchanged(source):
    data = csv_io.export_csv(source, "orders")
    assert data == csv_io.export_csv(source, "orders", "portable")
    assert data.startswith(b"\xef\xbb\xbf")
    header, first = cells(data, ",")[:2]
    named = dict(zip(header, first))
    assert (named["prix"], named["échéance"], named["reçu le"]) == (
        "1250.50", "2026-11-26", "2026-10-14")


def test_excel_fr_has_semicolons_decimal_commas_and_french_dates(source):
    data = csv_io.export_csv(source, "orders", "excel-fr")
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("référence;client;titre;")
    named = dict(zip(*cells(data, ";")[:2]))
    assert (named["prix"], named["échéance"], named["reçu le"], named["titre"]) == (
        "1250,50", "26/11/2026", "14/10/2026", "Acte de vente, 1523")
    moments = [row[0] for row in cells(csv_io.export_csv(source, "interactions", "excel-fr"),
                                       ";")[1:]]
    assert "20/11/2026 10:30" in moments and "21/11/2026 16:05" in moments


@pytest.mark.parametrize("dialect", csv_io.DIALECTS)
def test_every_table_round_trips_through_an_empty_book_in_either_dialect(source, tmp_path,
                                                                         dialect):
    exported = {what: csv_io.export_csv(source, what, dialect) for what in TABLES}
    with Book(tmp_path / dialect) as copy:
        for what in TABLES:
            report = csv_import.import_csv(copy, exported[what], TODAY, apply=True)
            assert (report.kind, report.errors, report.duplicates) == (what, [], [])
            assert report.applied
        assert exchanges(copy) == exchanges(source)
        again = {what: csv_io.export_csv(copy, what, dialect) for what in TABLES}
    assert again == exported


def test_interactions_imported_twice_are_duplicates_not_doubles(source, tmp_path):
    data = csv_io.export_csv(source, "interactions")
    before = exchanges(source)
    report = csv_import.import_csv(source, data, TODAY, apply=True)
    assert report.created == [] and len(report.duplicates) == len(before)
    assert exchanges(source) == before


def test_an_interactions_file_of_ones_own_reads_french_words(tmp_path):
    with Book(tmp_path / "book") as book:
        clients.add_client(book, TODAY, first_name="Jeanne", last_name="Morel",
                           email="jeanne@example.fr")
        sheet = ("Date;Client;Type;Canal;Sens;Texte\n"
                 "20/11/2026 10h30;jeanne@example.fr;Réclamation;Téléphone;reçu;Trop tard\n"
                 "21/11;Jeanne Morel;cadeau reçu;courrier;reçu;Des chocolats\n")
        report = csv_import.import_csv(book, sheet.encode(), TODAY, apply=True)
        assert (report.kind, report.errors) == ("interactions", [])
        assert exchanges(book) == [
            ("Jeanne Morel", datetime(2026, 11, 20, 10, 30), "complaint", "phone", "in",
             "Trop tard", None, None),
            ("Jeanne Morel", datetime(2026, 11, 21, 9, 0), "gift received", "letter", "in",
             "Des chocolats", None, None)]


def test_an_interaction_for_an_unknown_order_is_an_error_on_its_line(tmp_path):
    with Book(tmp_path / "book") as book:
        clients.add_client(book, TODAY, last_name="Morel", email="m@example.fr")
        sheet = "when,client,order,kind,text\n2026-11-20T10:30,m@example.fr,2026-404,note,x\n"
        report = csv_import.import_csv(book, sheet.encode(), TODAY)
        assert [str(error) for error in report.errors] == [
            "line 2, column 'order': no order 2026-404 in the book"]


def test_the_command_line_exports_for_excel_and_refuses_a_dialect_elsewhere(source, capsys):
    data, out = source.data_dir, source.data_dir / "orders.csv"
    source.close()
    code, printed, _ = cli(capsys, data, "export", "csv", "--what", "orders", "--dialect",
                           "excel-fr", "--out", str(out))
    assert code == 0 and str(out) in printed
    assert out.read_bytes().decode("utf-8-sig").startswith("référence;client;")
    code, _, err = cli(capsys, data, "export", "json", "--dialect", "excel-fr",
                       "--out", str(data / "all.json"))
    assert code == 2 and "--dialect goes with `export csv`" in err
