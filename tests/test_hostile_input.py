"""Hostile text through every text field: stored exactly or refused by name, and every export reads back."""

from __future__ import annotations

import re
import tempfile
import unicodedata
from datetime import date, datetime, timedelta
from pathlib import Path

import icalendar
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store import clients, incidents, orders, postal, relations
from store.book import Book
from store.errors import ValidationError
from store.exchange import csv_import, csv_io, ical, json_io, vcard
from tests.vcard_reading import read_cards

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 14, 0)
NASTY = ["<b>&amp;</b>", "&", "\"'`", "\x00", "\x07", "\x1b[31m", "\r\n", "\n", "\t", "\x7f",
         "\u202e", "\u200f", "שלום", "مرحبا", "e\u0301", "👩‍🔬", "\ufeff", "\u2028", "\x85",
         " ", "  lead", "trail  ", ";", ",", "\\", "=cmd|' /C calc'!A0", "+33 6", "'", "@",
         "« »", "\u202f", "Ω", "\U0001d11e"]
TEXT = st.one_of(
    st.text(max_size=40),
    st.lists(st.sampled_from(NASTY) | st.text(max_size=5), max_size=8).map("".join),
    st.sampled_from(["x", "é", "👩‍🔬", "a\nb"]).map(lambda s: s * (10_000 // len(s))),
)
SWEEP = settings(max_examples=40, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
CLIENT_LINE = ("first_name", "last_name", "organisation", "postcode", "city", "country", "phone")
CLIENT_TEXT = ("notes", "status_note")
ORDER_TEXT = ("service", "scope", "summary")
DOCUMENT_TEXT = ("nature", "date_text", "place", "script", "archive_ref")


def one_line_refused(char: str) -> bool:
    """A character a one-line field refuses: a break, a C1 control, an invisible format control."""
    return char in "\n\r\t\u2028\u2029" or "\x80" <= char <= "\x9f" or (
        unicodedata.category(char) == "Cf" and char not in "\u200c\u200d")


def refused(value: str, single_line: bool = False, required: bool = False) -> bool:
    """What the store must refuse: control characters (and, on one-line fields, line breaks,
    separators and format controls such as U+202E)."""
    if CONTROL.search(value) or (single_line and any(map(one_line_refused, value))):
        return True
    return required and not value.strip()


class Books:
    """A fresh folder of books for one example."""

    def __enter__(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.root = Path(self.tmp.name)
        return self

    def __exit__(self, *exc):
        self.tmp.cleanup()

    def open(self, name: str, read_only: bool = False) -> Book:
        return Book(self.root / name, read_only=read_only)


def _json_copy(books: Books, source: Book) -> Book:
    copy = books.open("json")
    json_io.import_json(copy, json_io.export_json(source, NOW))
    return copy


def _csv_copy(books: Books, source: Book, tables=("clients", "orders")) -> Book:
    copy = books.open("csv")
    for what in tables:
        report = csv_import.import_csv(copy, csv_io.export_csv(source, what), TODAY, apply=True)
        assert report.applied and not report.errors and not report.duplicates, report
    for what in tables:
        assert csv_io.export_csv(copy, what) == csv_io.export_csv(source, what)
    return copy


def too_wide_for_a_letter(field: str, value: str, refusal: ValidationError) -> bool:
    """A street line, postcode or city whose line in the address block would pass 38 characters
    (store.postal: spaces collapsed, postcode and city in capitals)."""
    shown = value.upper() if field in ("postcode", "city") else value
    return (field in ("address_lines", "postcode", "city") and "La Poste allows 38" in
            refusal.message and len(" ".join(shown.split())) > postal.MAX_CHARS)


def _client_fields(field: str, value: str) -> dict:
    fields = {"last_name": "Fixe"}
    if field in ("address_lines", "tags"):
        fields[field] = [value, "fin"]
    else:
        fields[field] = value
    return fields


@SWEEP
@given(field=st.sampled_from(CLIENT_LINE + CLIENT_TEXT + ("email", "address_lines", "tags")),
       value=TEXT)
def test_client_text_is_kept_exactly_or_refused_by_name(field, value):
    single = field not in CLIENT_TEXT
    expect_refusal = refused(value, single, required=(field == "last_name"))
    if field == "email":
        expect_refusal = refused(value, True) or bool(value) and (
            "@" not in value or value.startswith("@") or value.endswith("@"))
    fields = _client_fields(field, value)
    with Books() as books:
        with books.open("book") as book:
            try:
                client = clients.add_client(book, TODAY, **fields)
            except ValidationError as exc:
                assert expect_refusal or too_wide_for_a_letter(field, value, exc), (field, exc)
                assert exc.field in {"address_lines": ("address line 1",),
                                     "status_note": ("status note",),
                                     "last_name": ("last_name", "name")}.get(field, (field,))
                assert book.clients() == []
                return
            assert not expect_refusal, (field, value)
            assert getattr(client, field) == fields[field]
            ics = ical.export_ics(book, NOW)
            cards = read_cards(vcard.export_vcard(book))
            for copy in (_json_copy(books, book), _csv_copy(books, book, ("clients",))):
                with copy:
                    assert getattr(copy.client(client.id), field) == fields[field]
        with books.open("book", read_only=True) as reopened:
            assert getattr(reopened.client(client.id), field) == fields[field]
    _check_card(cards[0], client)
    assert len(icalendar.Calendar.from_ical(ics).walk("VEVENT")) == 0


def _check_card(card: dict, client) -> None:
    assert card["FN"] == [[client.name]]
    assert card["N"][:2] == [[client.last_name], [client.first_name]]
    if client.organisation:
        assert card["ORG"] == [[client.organisation]]
    if client.address_lines or client.city or client.postcode or client.country:
        assert card["ADR"][2:] == [client.address_lines or [""], [client.city], [""],
                                   [client.postcode], [client.country]]
    if client.tags:
        assert card["CATEGORIES"] == [client.tags]
    if client.notes:
        assert card["NOTE"] == [[client.notes]]
    for name, prop in (("email", "EMAIL"), ("phone", "TEL")):
        if getattr(client, name):
            assert card[prop] == [[getattr(client, name)]]


@SWEEP
@given(field=st.sampled_from(("title",) + ORDER_TEXT + DOCUMENT_TEXT), value=TEXT,
       name=TEXT.filter(lambda n: not refused(n, True, True)))
def test_order_text_is_kept_exactly_or_refused_by_name(field, value, name):
    expect_refusal = refused(value, field == "title", required=(field == "title"))
    with Books() as books:
        with books.open("book") as book:
            client = clients.add_client(book, TODAY, last_name=name, email="c@example.fr")
            kwargs = {"title": "Acte"}
            if field in DOCUMENT_TEXT:
                kwargs["document"] = orders.Document(**{field: value})
            else:
                kwargs[field] = value
            try:
                order = orders.add_order(book, TODAY, client.id, due=TODAY + timedelta(days=3),
                                         **kwargs)
            except ValidationError as exc:
                assert expect_refusal, (field, value, exc)
                assert exc.field in (field, f"document {field}")
                assert book.orders() == []
                return
            assert not expect_refusal, (field, value)

            def stored(o):
                return getattr(o.document, field) if field in DOCUMENT_TEXT else getattr(o, field)
            assert stored(order) == value
            events = icalendar.Calendar.from_ical(ical.export_ics(book, NOW)).walk("VEVENT")
            assert [str(e["SUMMARY"]) for e in events] == [
                f"Échéance {order.ref}: {order.title} ({name})"]
            for copy in (_json_copy(books, book), _csv_copy(books, book)):
                with copy:
                    assert stored(copy.order(order.ref)) == stored(order)
        with books.open("book", read_only=True) as reopened:
            assert stored(reopened.order(order.ref)) == stored(order)


@SWEEP
@given(kind=st.sampled_from(("interaction", "followup", "postpone", "pause", "extra",
                             "incident", "steps", "lesson", "gift")), value=TEXT)
def test_relationship_text_is_kept_exactly_or_refused_by_name(kind, value):
    with Books() as books:
        with books.open("book") as book:
            client = clients.add_client(book, TODAY, last_name="Fixe")
            order = orders.add_order(book, TODAY, client.id, "Acte", TODAY + timedelta(days=3))
            required = kind in ("followup", "postpone", "extra", "incident", "lesson", "gift")
            expect_refusal = refused(value, required=required)
            before = json_io.export_json(book, NOW)
            try:
                read = _relationship(book, kind, value, client, order)
            except ValidationError as exc:
                assert expect_refusal, (kind, value, exc)
                assert exc.field and exc.message
                if kind == "steps":
                    assert book.incidents()[-1].fixed is None
                else:
                    assert json_io.export_json(book, NOW) == before
                return
            assert not expect_refusal, (kind, value)
            assert read(book) == value
            with _json_copy(books, book) as copy:
                assert read(copy) == value
            ics = ical.export_ics(book, NOW)
            if kind == "followup":
                descriptions = [str(e["DESCRIPTION"]) for e in
                                icalendar.Calendar.from_ical(ics).walk("VEVENT")]
                assert f"À faire: {value}\nClient: Fixe" in descriptions
            if kind in ("interaction", "gift"):
                interactions = csv_io.export_csv(book, "interactions")
                rows = csv_import.read_rows(csv_import.decode(interactions))[1]
                assert rows[-1][1][-1] == value
        with books.open("book", read_only=True) as reopened:
            assert read(reopened) == value


def _relationship(book, kind, value, client, order):
    """Store `value` through one operation; returns how to read it back from a book."""
    if kind == "interaction":
        relations.log_interaction(book, client.id, "note", value, NOW)
        return lambda b: b.interactions()[-1].text
    if kind == "gift":
        relations.record_gift(book, client.id, value, TODAY)
        return lambda b: b.interactions()[-1].text
    if kind == "followup":
        relations.add_followup(book, client.id, TODAY, value)
        return lambda b: b.followups()[-1].what
    if kind == "postpone":
        orders.postpone(book, order.ref, TODAY + timedelta(days=9), value, "mine", TODAY)
        return lambda b: b.order(order.ref).postponements[-1].reason
    if kind == "pause":
        orders.pause(book, order.ref, TODAY, value)
        return lambda b: b.order(order.ref).pauses[-1].reason
    if kind == "extra":
        orders.add_extra(book, order.ref, value, "10", TODAY)
        return lambda b: b.order(order.ref).extras[-1].what
    if kind == "incident":
        incidents.open_incident(book, order.ref, TODAY, value)
        return lambda b: b.incidents()[-1].what
    if kind == "lesson":
        incidents.add_lesson(book, TODAY, value)
        return lambda b: b.lessons()[-1].text
    plan = incidents.open_incident(book, order.ref, TODAY, "retard")
    incidents.record_step(book, plan.id, "apologised", TODAY)
    incidents.record_step(book, plan.id, "fixed", TODAY, solution=value, client_proposal=value)
    return lambda b: b.incidents()[-1].client_proposal


@SWEEP
@given(header=st.lists(st.sampled_from(["nom", "prénom", "e-mail", "ville", "client", "titre",
                                        "échéance", "prix", "statut", "pages", "créé le",
                                        "langue", "adresse", "étiquettes"]) | TEXT,
                       min_size=1, max_size=6),
       cells=st.lists(st.lists(TEXT, max_size=7), max_size=5),
       delimiter=st.sampled_from([",", ";", "\t"]),
       raw=st.binary(max_size=200))
def test_any_spreadsheet_imports_or_is_refused_clearly(header, cells, delimiter, raw):
    quote = lambda cell: '"' + cell.replace('"', '""') + '"'  # noqa: E731
    text = "\n".join(delimiter.join(quote(c) for c in row) for row in [header, *cells])
    with Books() as books:
        with books.open("book") as book:
            clients.add_client(book, TODAY, last_name="Fixe", email="c@example.fr")
            for data in (text.encode("utf-8"), raw, text.encode("utf-8") + raw):
                before = json_io.export_json(book, NOW)
                try:
                    report = csv_import.import_csv(book, data, TODAY, apply=True)
                except csv_import.CarnetError as refused:
                    assert str(refused) and "\n" not in str(refused)
                    assert json_io.export_json(book, NOW) == before
                    continue
                for error in report.errors:
                    assert error.line >= 2 and error.reason
                if report.errors:
                    assert not report.applied and json_io.export_json(book, NOW) == before
