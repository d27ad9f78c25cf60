"""CSV import of clients or orders: preview, per-row errors, duplicates, all-or-nothing."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from typing import Callable

from .. import clients as client_ops
from .. import orders as order_ops
from .. import validate
from . import csv_text
from ..dates import parse_date
from ..errors import CarnetError, NotFound, ValidationError
from ..models import Document, Order
from .csv_headers import CLIENT_INDEX, ORDER_INDEX, header_key, is_orders, plain, translate
from .csv_io import unguard

Progress = Callable[[int, int], None]
ERROR_FIELDS = {"due date": "due", "received date": "received", "delivered date": "delivered",
                "original due date": "due_original", "paid date": "paid",
                "cancelled date": "cancelled",
                "name": "last_name", "tolerance": "tolerance_days", "status note": "status_note",
                "document pages": "pages", "document nature": "nature",
                "document date_text": "date_text", "document place": "place",
                "document script": "script", "document archive_ref": "archive_ref",
                "client": "client"}


@dataclass
class RowError:
    """Why one line of the file cannot be imported."""

    line: int
    column: str
    reason: str

    def __str__(self) -> str:
        column = f", column {self.column!r}" if self.column else ""
        return f"line {self.line}{column}: {self.reason}"


@dataclass
class ImportReport:
    """What an import creates (or would create), skips and refuses."""

    kind: str
    created: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    applied: bool = False
    note: str = ""
    """How the file was read, when it was not UTF-8."""


class _Rollback(Exception):
    """Raised inside the import transaction to leave the book untouched."""


def decode(data: bytes) -> str:
    """UTF-8 (with or without a BOM), else Windows-1252 when it can only be that (csv_text)."""
    return csv_text.decode(data)[0]


def read_rows(text: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Headers and (line number, cells) of a CSV text; the delimiter is guessed from the header."""
    csv_text.check_header(text)
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        headers = next(reader)
    except StopIteration:
        raise CarnetError("the file is empty") from None
    except csv.Error as exc:
        raise CarnetError(f"line 1: cannot read the header ({exc})") from None
    csv_text.check_columns(headers)
    rows, start = [], reader.line_num + 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                rows.append((start, [unguard(cell) for cell in cells]))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise CarnetError(f"line {start}: cannot read the file ({exc})") from None
    return headers, rows


class _Importer:
    """Turns rows into store operations inside the caller's transaction."""

    def __init__(self, book, headers: list[str], today: date, orders: bool):
        self.book, self.today = book, today
        index = ORDER_INDEX if orders else CLIENT_INDEX
        self.columns = [index.get(header_key(h)) for h in headers]
        self.header_of = {}
        for header, name in zip(headers, self.columns):
            self.header_of.setdefault(name, header)
        self.ignored = [h for h, name in zip(headers, self.columns) if name is None and h.strip()]
        self.emails = {plain(c.email) for c in book.clients() if c.email}
        self.names = {(plain(c.name), plain(c.city)) for c in book.clients()}
        self.refs: set[str] = set()
        self.last_number: dict[str, int] = {}
        for order in book.orders():
            self.remember(order.ref)
        self.by_email: dict[str, list[int]] = {}
        self.by_name: dict[str, list[int]] = {}
        for client in book.clients() if orders else ():
            if client.email:
                self.by_email.setdefault(plain(client.email), []).append(client.id)
            self.by_name.setdefault(plain(client.name), []).append(client.id)

    def values(self, cells: list[str]) -> dict[str, str]:
        values: dict[str, str] = {}
        for name, cell in zip(self.columns, cells):
            if name == "address" and values.get(name) and cell:
                values[name] += "\n" + cell
            elif name is not None and not values.get(name):
                values[name] = cell
        return {k: v for k, v in values.items() if v != ""}

    def column(self, field_name: str) -> str:
        name = "address" if field_name.startswith("address line") else field_name
        name = ERROR_FIELDS.get(name, name)
        return self.header_of.get(name, field_name)

    def date(self, values: dict, name: str, default: date | None = None) -> date | None:
        if name not in values:
            return default
        return parse_date(values[name], self.today, name)

    def client(self, values: dict) -> str | None:
        fields = {k: v for k, v in values.items() if k not in ("address", "tags", "created")}
        lines = values.get("address", "")
        fields["address_lines"] = lines.split("\n") if lines else []
        fields["tags"] = values["tags"].split("\n") if "tags" in values else []
        fields["created"] = self.date(values, "created", self.today)
        for name, kind in (("status", "client status"), ("language", "language"),
                           ("channel", "channel"), ("civility", "civility")):
            if name in fields:
                fields[name] = translate(kind, fields[name])
        checked = client_ops._checked(client_ops.Client(**fields))
        email, name = plain(checked.email), (plain(checked.name), plain(checked.city))
        if email and email in self.emails:
            return f"{checked.name}: a client with the e-mail {checked.email} already exists"
        if name in self.names:
            return (f"{checked.name} ({checked.city or 'no city'}): already a client of that "
                    "name and city")
        client_ops.add_client(self.book, self.today, **fields)
        self.emails.add(email)
        self.names.add(name)
        return None

    def find_client(self, key: str) -> int:
        found = self.by_email.get(plain(key)) or self.by_name.get(plain(key), [])
        if len(found) == 1:
            return found[0]
        if found:
            raise ValidationError("client", f"{key!r} names {len(found)} clients; use the e-mail")
        raise ValidationError("client", f"no client with the e-mail or name {key!r}")

    def order(self, values: dict) -> str | None:
        if "client" not in values or "title" not in values or "due" not in values:
            missing = [n for n in ("client", "title", "due") if n not in values][0]
            raise ValidationError(missing, "is required")
        received = self.date(values, "received", self.today)
        due = self.date(values, "due")
        ref = values.get("ref") or self.next_ref(received.year)
        if ref in self.refs:
            return f"order {ref} already exists"
        document = Document(**{n: values.get(n, "") for n in
                               ("nature", "date_text", "place", "script", "archive_ref")},
                            pages=values.get("pages"))
        order = Order(ref=ref, client_id=self.find_client(values["client"]),
                      title=values["title"], received=received,
                      due_original=self.date(values, "due_original", due), due=due,
                      service=values.get("service", ""), document=document,
                      scope=values.get("scope", ""), price=values.get("price", "0"),
                      status=translate("order status", values.get("status", "accepted")),
                      delivered=self.date(values, "delivered"), paid=self.date(values, "paid"),
                      cancelled=self.date(values, "cancelled"),
                      summary=values.get("summary", ""),
                      client_ref=values.get("client_ref", ""))
        order.ref = validate.text("ref", order.ref, required=True, multiline=False)
        if any(c.isdigit() and not c.isdecimal() for c in order.ref):
            raise ValidationError("ref", f"{order.ref!r} has a digit that is not 0-9 "
                                         "(a superscript?)")
        self.book.insert("orders", order_ops._checked(self.book, order))
        self.remember(ref)
        return None

    def remember(self, ref: str) -> None:
        """Note a reference as taken (and the highest number of its year)."""
        self.refs.add(ref)
        year, _, number = ref.partition("-")
        if number.isdecimal():
            self.last_number[year] = max(self.last_number.get(year, 0), int(number))

    def next_ref(self, year: int) -> str:
        """Like orders.next_ref, without scanning every order for every row."""
        return f"{year}-{self.last_number.get(str(year), 0) + 1:03d}"


def import_csv(book, data: bytes, today: date, apply: bool = False, skip_bad_rows: bool = False,
               progress: Progress | None = None) -> ImportReport:
    """Import clients or orders (told by the headers); with apply=False only a preview."""
    text, note = csv_text.decode(data)
    headers, rows = read_rows(text)
    orders = is_orders(headers)
    importer = _Importer(book, headers, today, orders)
    report = ImportReport("orders" if orders else "clients", ignored_columns=importer.ignored,
                          note=note)
    if not any(importer.columns):
        raise CarnetError("no known column in the header; see docs/import-csv.md")
    create = importer.order if orders else importer.client
    try:
        with book.transaction(f"import {report.kind} from CSV"):
            for done, (line, cells) in enumerate(rows, 1):
                values = importer.values(cells)
                try:
                    duplicate = create(values)
                except (ValidationError, NotFound) as exc:
                    field_name = getattr(exc, "field", "client")
                    reason = getattr(exc, "message", str(exc))
                    report.errors.append(RowError(line, importer.column(field_name), reason))
                    continue
                finally:
                    if progress and (done % 100 == 0 or done == len(rows)):
                        progress(done, len(rows))
                if duplicate:
                    report.duplicates.append(f"line {line}: {duplicate} (skipped)")
                else:
                    report.created.append(describe(values, orders, line))
            if not apply or (report.errors and not skip_bad_rows):
                raise _Rollback
    except _Rollback:
        return report
    report.applied = True
    return report


def describe(values: dict, orders: bool, line: int) -> str:
    """One line of the preview."""
    if orders:
        ref = values.get("ref", "(new)")
        return f"line {line}: order {ref} {values['title']!r} for {values['client']}"
    name = " ".join(values.get(k, "") for k in ("first_name", "last_name")).strip()
    return f"line {line}: client {name or values.get('organisation', '')!r}" + (
        f", {values['city']}" if values.get("city") else "")
