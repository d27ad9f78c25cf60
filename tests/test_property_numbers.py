"""Numbers and dates across their whole range through the forms' rules, CSV, JSON and every
export: a clear refusal (ValidationError/CarnetError), or a value that round-trips and exports."""

from __future__ import annotations

import tempfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import icalendar
import orjson
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from store import clients, orders
from store import validate as v
from store.book import Book
from store.errors import CarnetError
from store.exchange import csv_import, csv_io, ical, json_io, vcard
from store.models import Document
from tests.vcard_reading import read_cards

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 14, 0)
EDGES = ["1e27", str(2**64), str(2**31), str(2**31 - 1), "-0", "-0.0", "0", "NaN", "nan",
         "inf", "-inf", "Infinity", "²", "١٢", "1_000", "1e999999999", "1000000", "1000000.01",
         "999999.995", "100000", "100001", "365", "366", " 12 ", "+5", "-1", "0x10", "", "1,5",
         "1 250,50 €", str(10**23), str(10**20)]
NUMBER = st.one_of(
    st.sampled_from(EDGES),
    st.integers(min_value=0, max_value=400).map(str),
    st.decimals(min_value=0, max_value=1_000_000, places=2).map(str),
    st.integers(min_value=-(2**80), max_value=2**80).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
)
DAY = st.one_of(st.sampled_from([date(9999, 12, 31), date(1, 1, 1), date(2100, 12, 31),
                                 date(2101, 1, 1), date(1899, 12, 31), date(1900, 1, 1)]),
                st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
                st.dates(min_value=TODAY, max_value=date(2100, 12, 31)))
QUICK = settings(max_examples=50, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def _folder() -> tempfile.TemporaryDirectory:
    return tempfile.TemporaryDirectory()


def _every_export(book: Book) -> None:
    """Every export runs and reads back."""
    json_io.read_export(json_io.export_json(book, NOW))
    for what in ("clients", "orders", "interactions"):
        csv_import.read_rows(csv_import.decode(csv_io.export_csv(book, what)))
    icalendar.Calendar.from_ical(ical.export_ics(book, NOW))
    read_cards(vcard.export_vcard(book))


def _order_values(order) -> tuple:
    return order.price, order.document.pages, order.due


def _round_trips(root: Path, book: Book) -> None:
    """The JSON and CSV exports rebuild the same clients and orders in new books."""
    with Book(root / "json") as copy:
        json_io.import_json(copy, json_io.export_json(book, NOW))
        assert list(map(_order_values, copy.orders())) == list(map(_order_values, book.orders()))
        assert [c.tolerance_days for c in copy.clients()] == [c.tolerance_days
                                                               for c in book.clients()]
    with Book(root / "csv") as copy:
        for what in ("clients", "orders"):
            report = csv_import.import_csv(copy, csv_io.export_csv(book, what), TODAY, apply=True)
            assert report.applied and not report.errors, report.errors
        assert list(map(_order_values, copy.orders())) == list(map(_order_values, book.orders()))


VALID = {"price": "350", "pages": "3", "tolerance": "", "due": TODAY}


def _one_hostile(draw_field: str, value) -> dict:
    """Valid values everywhere but one field."""
    return {**VALID, draw_field: value}


FIELD_VALUE = st.one_of(st.tuples(st.sampled_from(["price", "pages", "tolerance"]), NUMBER),
                        st.tuples(st.just("due"), DAY))


@QUICK
@given(field_value=FIELD_VALUE)
def test_numbers_through_the_forms_rules_are_refused_or_round_trip(field_value):
    values = _one_hostile(*field_value)
    with _folder() as tmp:
        root = Path(tmp)
        with Book(root / "book") as book:
            try:
                client = clients.add_client(book, TODAY, last_name="Lefèvre",
                                            tolerance_days=values["tolerance"])
                orders.add_order(book, TODAY, client.id, "Acte", due=values["due"],
                                 price=values["price"], document=Document(pages=values["pages"]))
            except CarnetError as refused:
                assert str(refused) and "\n" not in str(refused)
                assert book.orders() == []
                event("refused")
                return
            event("stored")
            order = book.orders()[0]
            assert Decimal(0) <= order.price <= v.MAX_PRICE and not order.price.is_signed()
            assert order.document.pages is None or 1 <= order.document.pages <= v.MAX_PAGES
            assert v.MIN_YEAR <= order.due.year <= v.MAX_YEAR
            assert book.client(client.id).tolerance_days in (None, *range(v.MAX_TOLERANCE + 1))
            _every_export(book)
            _round_trips(root, book)
        with Book(root / "book", read_only=True) as reopened:
            assert _order_values(reopened.orders()[0]) == _order_values(order)


@QUICK
@given(field_value=st.one_of(FIELD_VALUE, st.tuples(st.just("due"), NUMBER)))
def test_numbers_through_a_csv_import_are_refused_or_round_trip(field_value):
    values = _one_hostile(*field_value)
    due = values["due"].isoformat() if isinstance(values["due"], date) else values["due"]
    clients_csv = f'nom,e-mail,tolérance\nLefèvre,h@exemple.fr,"{values["tolerance"]}"\n'
    orders_csv = (f'client,titre,échéance,prix,pages\nh@exemple.fr,Acte,"{due}",'
                  f'"{values["price"]}","{values["pages"]}"\n')
    with _folder() as tmp:
        root = Path(tmp)
        with Book(root / "book") as book:
            for data in (clients_csv, orders_csv):
                try:
                    report = csv_import.import_csv(book, data.encode(), TODAY, apply=True)
                except CarnetError as refused:
                    assert "\n" not in str(refused)
                    continue
                for error in report.errors:
                    assert error.line == 2 and error.reason and "\n" not in error.reason
                assert report.applied != bool(report.errors)
            _every_export(book)
            event(f"{len(book.orders())} order imported")
            if book.orders():
                order = book.orders()[0]
                assert order.price <= v.MAX_PRICE and v.MIN_YEAR <= order.due.year <= v.MAX_YEAR
                _round_trips(root, book)


def _export_with(root: Path, literal: str, where: str) -> bytes:
    """A real export with one number replaced by a raw JSON literal (any size, NaN…)."""
    with Book(root / "source") as book:
        client = clients.add_client(book, TODAY, last_name="Lefèvre")
        orders.add_order(book, TODAY, client.id, "Acte", due=TODAY, document=Document(pages=3))
        document = orjson.loads(json_io.export_json(book, NOW))
    tables = document["tables"]
    target = {"client_id": tables["orders"]["1"], "pages": tables["orders"]["1"]["document"],
              "tolerance_days": tables["clients"]["1"], "price": tables["orders"]["1"],
              "due": tables["orders"]["1"]}[where]
    target[where] = "@@NUMBER@@"
    return orjson.dumps(document).replace(b'"@@NUMBER@@"', literal.encode())


JSON_LITERAL = st.one_of(
    st.sampled_from(["1e27", str(2**64), "-0", "-0.0", "NaN", "Infinity", '"1"', '"²"', "true",
                     "null", "1.0", str(2**31), '"9999-12-31"', '"2100-12-31"', '"1e27"',
                     '"-0"', "[]", "{}"]),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.integers(min_value=0, max_value=400).map(str),
    st.decimals(min_value=0, max_value=1_000_000, places=2).map(lambda d: f'"{d}"'),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(
        lambda d: f'"{d.isoformat()}"'),
    st.dates(min_value=TODAY, max_value=date(2100, 12, 31)).map(lambda d: f'"{d.isoformat()}"'),
)


@QUICK
@given(literal=JSON_LITERAL,
       where=st.sampled_from(["client_id", "pages", "tolerance_days", "price", "due"]))
def test_numbers_through_a_json_import_are_refused_or_round_trip(literal, where):
    with _folder() as tmp:
        root = Path(tmp)
        data = _export_with(root, literal, where)
        with Book(root / "book") as book:
            try:
                json_io.import_json(book, data)
            except CarnetError as refused:
                assert str(refused) and "\n" not in str(refused)
                assert json_io.is_blank(book)
                event("refused")
                return
            event("imported")
            _every_export(book)
            _round_trips(root, book)
            again = orjson.loads(json_io.export_json(book, NOW))["tables"]
            expected = json_io.read_export(data)
            assert {k: t for k, t in again.items() if k != "meta"} == {
                k: t for k, t in expected.items() if k != "meta"}
