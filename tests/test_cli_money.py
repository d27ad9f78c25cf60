"""The money commands as scripts use them: quote, invoice, credit-note, invoices, receipts, paid,
the profile's invoicing options and a client's SIREN — what they print, file and refuse."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from store import clients, orders
from store.book import Book
from store.profile import update_profile
from tests.test_cli import assert_bad_input, carnet

TODAY = date(2026, 11, 23)
DOCUMENT_KEYS = ["number", "kind", "ref", "client_id", "issued", "due", "total", "paid", "file"]
ENTRY_KEYS = ["date", "client", "invoice", "nature", "amount", "method"]


def ok(result) -> str:
    """The stdout of a run that succeeded without a word on stderr."""
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout.strip()


def as_json(result):
    return json.loads(ok(result))


@pytest.fixture
def data(tmp_path) -> Path:
    """Claire's book: Henri Lefèvre (client 1, private) with 2026-001 delivered (1250 €) and
    2026-002 open (400 €); the Archives Dumont (client 2, a business) with 2026-003 delivered
    (36 000 €)."""
    folder = tmp_path / "book"
    with Book(folder) as book:
        update_profile(book, name="Claire Vasseur", legal_form="EI", siret="81234563500021",
                       address_lines=["12 rue des Carmes"], postcode="45000", city="Orléans",
                       mediator="CM2C, 14 rue Saint-Jean, 75017 Paris, www.cm2c.net")
        henri = clients.add_client(book, TODAY, first_name="Henri", last_name="Lefèvre",
                                   address_lines=["3 place du Martroi"], postcode="45000",
                                   city="Orléans")
        dumont = clients.add_client(book, TODAY, last_name="Dumont",
                                    organisation="Archives Dumont", siren="732829320",
                                    address_lines=["1 quai de la Loire"], postcode="37000",
                                    city="Tours")
        for client, title, price in ((henri, "Acte de vente, 1523", "1250"),
                                     (henri, "Lettre patente, 1610", "400"),
                                     (dumont, "Fonds Dumont, 3 registres", "36000")):
            orders.add_order(book, TODAY, client.id, title, date(2026, 11, 30),
                             received=date(2026, 10, 1), price=price)
        orders.deliver(book, "2026-001", date(2026, 11, 20))
        orders.deliver(book, "2026-003", date(2026, 11, 2))
    return folder


def documents(data: Path) -> list[dict]:
    return as_json(carnet("invoices", "--json", data=data))


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


# -- documents issued and filed ------------------------------------------------

def test_invoice_files_the_pdf_and_the_same_order_keeps_its_number(data):
    path = Path(ok(carnet("invoice", "2026-001", data=data)))
    assert path == data / "documents" / "F-2026-0001.pdf"
    assert path.stat().st_mode & 0o777 == 0o600
    text = pdf_text(path)
    assert "F-2026-0001" in text and "Henri Lefèvre" in text
    assert Path(ok(carnet("invoice", "2026-001", "--today", "2026-11-25", data=data))) == path
    [row] = documents(data)
    assert list(row) == DOCUMENT_KEYS
    assert row == {"number": "F-2026-0001", "kind": "invoice", "ref": "2026-001",
                   "client_id": 1, "issued": "2026-11-23", "due": "2026-12-23",
                   "total": "1250.00", "paid": "0.00", "file": "documents/F-2026-0001.pdf"}


def test_invoice_out_writes_a_copy_and_on_dates_it(data, tmp_path):
    out = tmp_path / "copie facture.pdf"
    assert ok(carnet("invoice", "2026-001", "--on", "2026-11-21", "--out", str(out),
                     data=data)) == str(out)
    assert out.read_bytes() == (data / "documents" / "F-2026-0001.pdf").read_bytes()
    assert documents(data)[0]["issued"] == "2026-11-21"


def test_a_deposit_invoice_then_the_final_invoice_deducts_it(data):
    ok(carnet("invoice", "2026-002", "--deposit", "150", data=data))
    [deposit] = documents(data)
    assert (deposit["number"], deposit["kind"], deposit["total"]) == \
        ("F-2026-0001", "deposit", "150.00")
    ok(carnet("deliver", "2026-002", data=data))
    ok(carnet("invoice", "2026-002", data=data))
    final = documents(data)[-1]
    assert (final["number"], final["kind"], final["total"]) == ("F-2026-0002", "invoice",
                                                                "250.00")


def test_quote_for_an_open_order_in_english(data):
    path = Path(ok(carnet("quote", "2026-002", "--lang", "en", data=data)))
    assert path.name == "D-2026-0001.pdf" and path.is_file()
    [row] = documents(data)
    assert (row["kind"], row["total"], row["paid"]) == ("quote", "400.00", None)
    assert row["due"] == "2026-12-23"


def test_credit_note_refers_to_its_invoice_and_never_gives_back_more(data):
    ok(carnet("invoice", "2026-001", data=data))
    path = Path(ok(carnet("credit-note", "F-2026-0001", "--amount", "125,50",
                          "--reason", "Remise de 10 % — geste commercial", data=data)))
    assert path.name == "A-2026-0001.pdf"
    assert "F-2026-0001" in pdf_text(path)
    [note] = [row for row in documents(data) if row["number"] == "A-2026-0001"]
    assert (note["kind"], note["total"], note["ref"]) == ("credit-note", "-125.50", "2026-001")
    assert_bad_input(carnet("credit-note", "F-2026-0001", "--amount", "2000", "--reason",
                            "trop", data=data), "amount")
    assert len(documents(data)) == 2


# -- bad input: one line, exit 2, nothing issued -------------------------------

@pytest.mark.parametrize("argv, words", [
    (("invoice", "2099-999"), ("2099-999",)),
    (("invoice", "2026-002"), ("not delivered",)),
    (("invoice", "2026-001", "--deposit", "beaucoup"), ("--deposit",)),
    (("invoice", "2026-002", "--deposit", "0"), ("--deposit",)),
    (("invoice", "2026-001", "--on", "2026-12-31"), ("--on",)),
    (("invoice", "2026-001", "--lang", "de"), ("--lang",)),
    (("quote", "2026-001"), ("2026-001",)),
    (("credit-note", "F-2026-0042", "--amount", "10", "--reason", "x"), ("F-2026-0042",)),
    (("credit-note", "F-2026-0001", "--amount", "-10", "--reason", "x"), ("--amount",)),
    (("credit-note", "F-2026-0001", "--amount", "10", "--reason", "   "), ("--reason",)),
    (("credit-note", "F-2026-0001", "--reason", "x"), ("--amount",)),
], ids=" ".join)
def test_bad_input_is_one_line_and_takes_no_number(data, argv, words):
    assert_bad_input(carnet(*argv, data=data), *words)
    assert documents(data) == []


def test_an_out_that_cannot_be_written_takes_no_number(data, tmp_path):
    assert_bad_input(carnet("invoice", "2026-001", "--out", str(tmp_path), data=data),
                     "directory")
    assert_bad_input(carnet("invoice", "2026-001", "--out", str(tmp_path / "nope" / "f.pdf"),
                            data=data), "does not exist")
    assert documents(data) == []


def test_a_folder_without_a_book_is_refused(tmp_path):
    for argv in (("invoice", "2026-001"), ("invoices",), ("receipts",), ("paid", "2026-001")):
        assert_bad_input(carnet(*argv, data=tmp_path / "typo"), "no Carnet book in")
    assert not (tmp_path / "typo").exists()


def test_invoices_on_an_empty_book(data):
    assert documents(data) == []
    assert "No document issued yet" in ok(carnet("invoices", data=data))


# -- payments and the receipts book --------------------------------------------

def test_paid_in_parts_settles_the_invoice_then_marks_the_order_paid(data):
    ok(carnet("invoice", "2026-001", data=data))
    line = ok(carnet("paid", "2026-001", "--amount", "1 000", "--method", "cheque",
                     "--on", "2026-11-22", data=data))
    assert line.startswith("2026-001") and "1000.00" in line and "250.00 still due" in line
    assert documents(data)[0]["paid"] == "1000.00"
    assert_bad_input(carnet("paid", "2026-001", "--amount", "300", data=data), "250")
    shown = as_json(carnet("paid", "2026-001", "--json", data=data))
    assert (shown["status"], shown["paid"]) == ("paid", "2026-11-23")
    [payment] = shown["payments"]
    assert (payment["amount"], payment["invoice"], payment["method"], payment["date"]) == \
        ("250.00", "F-2026-0001", "transfer", "2026-11-23")
    assert documents(data)[0]["paid"] == "1250.00"


@pytest.mark.parametrize("argv, words", [
    (("paid", "2026-001", "--amount", "dix"), ("--amount",)),
    (("paid", "2026-001", "--amount", "0"), ("--amount",)),
    (("paid", "2026-001", "--method", "bitcoin"), ("--method",)),
    (("paid", "2026-001", "--on", "2027-01-01"), ("--on",)),
    (("paid", "2099-001"), ("2099-001",)),
    (("receipts", "--quarter", "1", "--month", "2"), ("--month", "--quarter")),
    (("receipts", "--quarter", "5"), ("--quarter",)),
    (("receipts", "--month", "13"), ("--month",)),
    (("receipts", "--year", "deux mille"), ("--year",)),
], ids=" ".join)
def test_bad_payment_and_period_input(data, argv, words):
    assert_bad_input(carnet(*argv, data=data), *words)


def _receive(data: Path) -> None:
    """Henri pays his invoice in two parts (November, December); the Dumont archives pay
    theirs in full in December."""
    for ref in ("2026-001", "2026-003"):
        ok(carnet("invoice", ref, "--on", "2026-11-20", data=data))
    ok(carnet("paid", "2026-001", "--amount", "250", "--on", "2026-11-21", "--method", "cash",
              data=data))
    ok(carnet("paid", "2026-001", "--today", "2026-12-02", data=data))
    ok(carnet("paid", "2026-003", "--today", "2026-12-05", data=data))


def test_receipts_json_is_the_period_its_entries_and_their_total(data):
    _receive(data)
    book = as_json(carnet("receipts", "--json", "--today", "2026-12-10", data=data))
    assert list(book) == ["from", "to", "entries", "total"]
    assert (book["from"], book["to"]) == ("2026-01-01", "2026-12-31")
    assert [list(entry) for entry in book["entries"]] == [ENTRY_KEYS] * 3
    assert book["entries"][0] == {"date": "2026-11-21", "client": "Henri Lefèvre",
                                  "invoice": "F-2026-0001", "nature": "prestation de services",
                                  "amount": "250.00", "method": "cash"}
    assert [e["date"] for e in book["entries"]] == ["2026-11-21", "2026-12-02", "2026-12-05"]
    assert book["total"] == "37250.00" == str(sum(Decimal(e["amount"])
                                                  for e in book["entries"]))
    november = as_json(carnet("receipts", "--month", "11", "--json", "--today", "2026-12-10",
                              data=data))
    assert (november["from"], november["to"], november["total"]) == \
        ("2026-11-01", "2026-11-30", "250.00")
    spring = as_json(carnet("receipts", "--year", "2026", "--quarter", "2", "--json", data=data))
    assert (spring["from"], spring["to"], spring["entries"], spring["total"]) == \
        ("2026-04-01", "2026-06-30", [], "0.00")


def test_receipts_text_gives_the_urssaf_totals_and_the_threshold_warning(data):
    _receive(data)
    text = ok(carnet("receipts", "--quarter", "4", "--today", "2026-12-10", data=data))
    assert "2026-10-01 to 2026-12-31" in text
    assert "Henri Lefèvre" in text and "Dumont" in text
    assert "Total received: 37250.00" in text
    assert "URSSAF (quarterly" in text
    [declared] = [line for line in text.splitlines() if line.startswith("  2026-10-01")]
    assert declared.split() == ["2026-10-01", "to", "2026-12-31", "37250.00"]
    assert "Warning:" in text
    quiet = ok(carnet("receipts", "--quarter", "3", "--today", "2026-12-10", data=data))
    assert "No payment received" in quiet and "Total received: 0.00" in quiet


def test_receipts_by_month_for_a_monthly_declaration(data):
    _receive(data)
    ok(carnet("profile", "set", "--declaration", "monthly", data=data))
    text = ok(carnet("receipts", "--today", "2026-12-10", data=data))
    assert "URSSAF (monthly" in text
    assert "2026-11-01 to 2026-11-30" in text and "2026-12-01 to 2026-12-31" in text


# -- the profile's invoicing settings and a client's SIREN ---------------------

def test_profile_set_takes_the_invoicing_settings(data):
    ok(carnet("profile", "set", "--vat-regime", "vat", "--vat-rate", "20",
              "--vat-number", "FR90812345635", "--payment-days", "45", "--penalty-rate",
              "taux BCE + 10 points", "--iban", "FR76 3000 6000 0112 3456 7890 189", "--bic",
              "BNPAFRPPXXX", "--mediator", "Médiateur — CMAP, www.cmap.fr", "--quote-prefix",
              "DV", "--invoice-prefix", "FA", "--credit-prefix", "AV", "--quote-days", "15",
              "--declaration", "monthly", data=data))
    shown = as_json(carnet("profile", "show", "--json", data=data))
    assert (shown["vat_regime"], shown["vat_rate"], shown["payment_days"]) == ("vat", "20", 45)
    assert (shown["quote_prefix"], shown["invoice_prefix"], shown["credit_prefix"]) == \
        ("DV", "FA", "AV")
    assert (shown["quote_days"], shown["declaration"]) == (15, "monthly")
    assert shown["mediator"] == "Médiateur — CMAP, www.cmap.fr"
    assert shown["iban"].replace(" ", "") == "FR7630006000011234567890189"
    assert Path(ok(carnet("invoice", "2026-001", data=data))).name == "FA-2026-0001.pdf"


@pytest.mark.parametrize("argv, words", [
    (("--vat-regime", "exempt"), ("--vat-regime",)),
    (("--declaration", "yearly"), ("--declaration",)),
    (("--payment-days", "thirty"), ("--payment-days",)),
    (("--payment-days", "365"), ("payment_days",)),
    (("--iban", "FR76 0000 0000 0000"), ("iban",)),
    (("--bic", "NOTABIC"), ("bic",)),
], ids=" ".join)
def test_profile_set_refuses_bad_invoicing_settings(data, argv, words):
    assert_bad_input(carnet("profile", "set", *argv, data=data), *words)


def test_client_add_takes_a_siren_and_a_vat_number(data):
    added = as_json(carnet("client", "add", "--last-name", "Roux", "--organisation",
                           "Bibliothèque Roux", "--siren", "552 100 554", "--vat-number",
                           "FR96552100554", "--json", data=data))
    assert (added["siren"], added["vat_number"]) == ("552100554", "FR96552100554")
    assert_bad_input(carnet("client", "add", "--last-name", "Roux", "--siren", "123456789",
                            data=data), "checksum")


def test_letter_reminder_about_an_invoice_past_due(data):
    ok(carnet("invoice", "2026-001", data=data))
    assert_bad_input(carnet("letter", "reminder", "F-2026-0001", data=data), "past its due date")
    path = Path(ok(carnet("letter", "reminder", "F-2026-0001", "--today", "2027-01-05",
                          data=data)))
    assert path.is_file() and "F-2026-0001" in pdf_text(path)
    notice = Path(ok(carnet("letter", "formal-notice", "F-2026-0001", "--today", "2027-01-20",
                            data=data)))
    assert notice.is_file() and notice != path
    assert_bad_input(carnet("letter", "overdraft", "F-2026-0001", data=data), "reminder",
                     "formal-notice")


def test_an_invoice_missing_a_mention_says_which_on_stderr(tmp_path):
    data = tmp_path / "book"
    with Book(data) as book:
        update_profile(book, name="Claire Vasseur", address_lines=["12, rue Mouffetard"],
                       postcode="75005", city="Paris", legal_form="EI", siret="81234563500021")
        client = clients.add_client(book, date(2026, 11, 20), last_name="Lefèvre",
                                    address_lines=["7, rue de la Charpenterie"],
                                    postcode="45000", city="Orléans")
        order = orders.add_order(book, date(2026, 11, 20), client.id, "Acte", date(2026, 12, 10),
                                 price=Decimal("300"))
        orders.deliver(book, order.ref, date(2026, 11, 20))
    result = carnet("invoice", order.ref, data=data)
    assert result.returncode == 0, result.stderr
    assert "lacks a mention: the profile names no consumer mediator" in result.stderr
