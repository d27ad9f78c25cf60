"""Spreadsheets in and out: headers in French or English, previews, row errors, duplicates."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from store import clients
from store.book import Book
from store.exchange import csv_import, csv_io
from store.exchange.csv_headers import CLIENT_HEADERS, INTERACTION_HEADERS, ORDER_HEADERS
from tests.test_exchange_json import fill_book

TODAY = date(2026, 11, 23)
DOCS = Path(__file__).resolve().parents[1] / "docs"


@pytest.fixture
def book(tmp_path):
    with Book(tmp_path / "book") as opened:
        yield opened


def rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_export_round_trips_through_an_empty_book_to_identical_files(tmp_path):
    with Book(tmp_path / "a") as source:
        fill_book(source)
        clients.add_client(source, TODAY, last_name="=HYPERLINK(\"x\")", first_name="'quote",
                           city="+cmd", phone="+33 6 12 34 56 78", tags=["a", "", "b"],
                           address_lines=["ligne 1", "", "ligne 3, « bis »"])
        exported = {what: csv_io.export_csv(source, what) for what in ("clients", "orders")}
    with Book(tmp_path / "b") as copy:
        for what in ("clients", "orders"):
            report = csv_import.import_csv(copy, exported[what], TODAY, apply=True)
            assert report.applied and not report.errors and not report.duplicates
        again = {what: csv_io.export_csv(copy, what) for what in ("clients", "orders")}
    assert again == exported


def test_export_is_deterministic_and_in_the_books_language(tmp_path):
    with Book(tmp_path / "a") as book:
        fill_book(book)
        first = csv_io.export_csv(book, "interactions")
        assert first == csv_io.export_csv(book, "interactions")
        assert rows(csv_io.export_csv(book, "orders"))[0][:3] == ["référence", "client", "titre"]
        assert rows(first)[1][:4] == ["2026-11-20T10:30", "henri@example.fr", "2026-001",
                                      "complaint"]


def test_cells_a_spreadsheet_would_run_as_formulas_are_neutralised(book):
    clients.add_client(book, TODAY, last_name="=1+1", organisation="@SUM(A1)",
                       phone="+33 6 12 34 56 78", city="-2+3+cmd|' /C calc'!A0")
    [_, row] = rows(csv_io.export_csv(book, "clients"))
    named = dict(zip([c[0] for c in csv_io.CLIENT_COLUMNS], row))
    assert named["last_name"] == "'=1+1" and named["organisation"] == "'@SUM(A1)"
    assert named["city"].startswith("'-") and named["phone"] == "+33 6 12 34 56 78"


def test_the_example_files_import_with_french_headers(book):
    report = csv_import.import_csv(book, (DOCS / "import-example-clients.csv").read_bytes(),
                                   TODAY, apply=True)
    assert (report.kind, len(report.created), report.errors) == ("clients", 4, [])
    hall = next(c for c in book.clients() if c.last_name == "Hall")
    assert (hall.civility, hall.language) == ("M.", "en")
    lefevre = next(c for c in book.clients() if c.last_name == "Lefèvre")
    assert lefevre.address_lines == ["3, place du Martroi", "Bâtiment B"]
    report = csv_import.import_csv(book, (DOCS / "import-example-orders.csv").read_bytes(),
                                   TODAY, apply=True)
    assert (report.kind, len(report.created), report.errors) == ("orders", 3, [])
    testament = book.order("2026-102")
    assert (str(testament.price), testament.status, testament.due) == (
        "1250.00", "in progress", date(2026, 12, 10))
    assert book.order("2026-103").title == "Inventaire après décès, 1711"


def test_english_headers_in_any_order_comma_separated(book):
    data = b"City,E-mail,Last Name,First name,Unknown column\nYork,a@b.uk,Smith,Ann,x\n"
    report = csv_import.import_csv(book, data, TODAY, apply=True)
    assert report.ignored_columns == ["Unknown column"]
    [ann] = book.clients()
    assert (ann.first_name, ann.last_name, ann.city, ann.email) == ("Ann", "Smith", "York", "a@b.uk")


def test_windows_1252_semicolon_files_from_older_excel(book):
    data = "Nom;Prénom;Ville\nLefèvre;Élise;Orléans\n".encode("cp1252")
    csv_import.import_csv(book, data, TODAY, apply=True)
    assert book.clients()[0].name == "Élise Lefèvre"


def test_the_preview_changes_nothing(book):
    report = csv_import.import_csv(book, b"nom,ville\nMorel,Tours\n", TODAY)
    assert report.created == ["line 2: client 'Morel', Tours"] and not report.applied
    assert book.clients() == [] and book.history == []


def test_row_errors_name_line_and_column_and_nothing_is_imported(book):
    clients.add_client(book, TODAY, last_name="Morel", email="morel@example.fr")
    data = ("référence;client;titre;échéance;prix\n"
            "A-1;morel@example.fr;Acte;2026-12-01;100\n"
            "A-2;inconnu@example.fr;Acte;2026-12-01;100\n"
            "A-3;morel@example.fr;Acte;31/02/2026;100\n"
            "A-4;morel@example.fr;;2026-12-01;100\n"
            "A-5;morel@example.fr;Acte;2026-12-01;cher\n").encode()
    report = csv_import.import_csv(book, data, TODAY, apply=True)
    assert [str(e) for e in report.errors] == [
        "line 3, column 'client': no client with the e-mail or name 'inconnu@example.fr'",
        "line 4, column 'échéance': '31/02/2026' is not a real date",
        "line 5, column 'titre': is required",
        "line 6, column 'prix': 'cher' is not an amount",
    ]
    assert not report.applied and book.orders() == []


def test_skip_bad_rows_imports_the_good_ones(book):
    data = b"nom,e-mail\nBon,bon@example.fr\nMauvais,pas-une-adresse\nAutre,\n"
    report = csv_import.import_csv(book, data, TODAY, apply=True, skip_bad_rows=True)
    assert report.applied and [e.column for e in report.errors] == ["e-mail"]
    assert sorted(c.last_name for c in book.clients()) == ["Autre", "Bon"]


def test_duplicates_are_reported_not_doubled(book):
    clients.add_client(book, TODAY, last_name="Morel", email="Morel@Example.fr")
    clients.add_client(book, TODAY, first_name="Ann", last_name="Smith", city="York")
    data = ("nom,prénom,ville,e-mail\n"
            "Morel,Jeanne,Tours,morel@example.fr\n"
            "smith,ann,york,\n"
            "Neuf,,Blois,neuf@example.fr\n"
            "Neuf bis,,Blois,NEUF@example.fr\n").encode()
    report = csv_import.import_csv(book, data, TODAY, apply=True)
    assert len(report.created) == 1 and len(report.duplicates) == 3
    assert "line 2" in report.duplicates[0] and "line 5" in report.duplicates[2]
    assert len(book.clients()) == 3


def test_orders_find_their_client_by_name_and_get_the_next_reference(book):
    clients.add_client(book, TODAY, organisation="Étude Martin")
    data = "client;titre;reçu le;échéance\nétude martin;Inventaire;1/11/2026;+30\n".encode()
    csv_import.import_csv(book, data, TODAY, apply=True)
    [order] = book.orders()
    assert (order.ref, order.received, order.due) == ("2026-001", date(2026, 11, 1),
                                                      date(2026, 12, 23))


def test_an_existing_reference_is_a_duplicate(book):
    henri = clients.add_client(book, TODAY, last_name="Henri", email="h@example.fr")
    csv_import.import_csv(book, b"ref,client,title,due\n2026-001,h@example.fr,A,+3\n", TODAY,
                          apply=True)
    report = csv_import.import_csv(book, b"ref,client,title,due\n2026-001,h@example.fr,B,+3\n",
                                   TODAY, apply=True)
    assert report.duplicates == ["line 2: order 2026-001 already exists (skipped)"]
    assert [o.title for o in book.orders()] == ["A"] and henri.id == 1


def test_a_reference_with_a_superscript_digit_is_refused(book):
    clients.add_client(book, TODAY, last_name="Henri", email="h@example.fr")
    report = csv_import.import_csv(book, "ref,client,title,due\n2026-²,h@example.fr,A,+3\n"
                                   .encode(), TODAY, apply=True)
    assert [e.column for e in report.errors] == ["ref"] and book.orders() == []


def test_large_files_report_progress(book):
    lines = "\n".join(f"Client{i},Ville{i}" for i in range(450))
    seen = []
    csv_import.import_csv(book, f"nom,ville\n{lines}\n".encode(), TODAY, apply=True,
                          progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (100, 450) and seen[-1] == (450, 450)
    assert len(book.clients()) == 450 and len(book.history) == 1


def test_a_file_without_any_known_header_is_refused(book):
    with pytest.raises(csv_import.CarnetError, match="no known column"):
        csv_import.import_csv(book, b"foo,bar\n1,2\n", TODAY)


def test_every_accepted_header_is_documented():
    documented = (DOCS / "import-csv.md").read_text(encoding="utf-8")
    for headers in (CLIENT_HEADERS, ORDER_HEADERS, INTERACTION_HEADERS):
        for names in headers.values():
            for name in names:
                assert name in documented, name


def test_titles_are_read_as_a_person_writes_them(book):
    sheet = ("civilité;nom;ville;code postal\nMaître;Caradec;Rennes;35000\n"
             "Docteur;Holloway;Oxford;OX2\nProf.;Martin;Tours;37000\nmaitre;Le Goff;Brest;29200\n")
    report = csv_import.import_csv(book, sheet.encode(), TODAY, apply=True)
    assert report.errors == []
    assert {c.last_name: c.civility for c in book.clients()} == {
        "Caradec": "Maître", "Holloway": "Dr", "Martin": "Pr", "Le Goff": "Maître"}


def test_the_clients_own_reference_is_imported_and_exported(book):
    clients.add_client(book, TODAY, organisation="Étude Martin")
    data = ("client;titre;échéance;V/réf.\n"
            "étude martin;Inventaire;20/12/2026;Dossier 2026/0147 « AC »\n").encode()
    csv_import.import_csv(book, data, TODAY, apply=True)
    [order] = book.orders()
    assert order.client_ref == "Dossier 2026/0147 « AC »"
    header, row = rows(csv_io.export_csv(book, "orders"))
    assert row[header.index("v/réf.") if "v/réf." in header
               else header.index("client's reference")] == "Dossier 2026/0147 « AC »"
