"""CSV import of clients, orders or interactions: preview, per-row errors, duplicates,
all-or-nothing."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Callable

from .. import clients as client_ops
from .. import orders as order_ops
from .. import relations
from .. import validate
from . import csv_text
from ..dates import parse_date
from ..errors import CarnetError, NotFound, ValidationError
from ..i18n import N_, _
from ..models import Document, Order
from .csv_headers import INDEXES, header_key, plain, table_of, translate
from .csv_io import unguard

Progress = Callable[[int, int], None]
ERROR_FIELDS = {"due date": "due", "received date": "received", "delivered date": "delivered",
                "original due date": "due_original", "paid date": "paid",
                "cancelled date": "cancelled",
                "name": "last_name", "tolerance": "tolerance_days", "status note": "status_note",
                "document pages": "pages", "document nature": "nature",
                "document date_text": "date_text", "document place": "place",
                "document script": "script", "document archive_ref": "archive_ref",
                "client": "client", "order": "order_ref"}
UNDO_LABELS = {"clients": N_("import clients from CSV"), "orders": N_("import orders from CSV"),
               "interactions": N_("import interactions from CSV")}
"""The change an import makes, as undo names it."""
_MOMENT = re.compile(r"(?P<day>.+?)[ T]+(?P<hour>\d{1,2})[:h](?P<minute>\d{2})")


@dataclass
class RowError:
    """Why one line of the file cannot be imported."""

    line: int
    column: str
    reason: str

    def __str__(self) -> str:
        if self.column:
            return _("line {line}, column {column!r}: {reason}").format(
                line=self.line, column=self.column, reason=self.reason)
        return _("line {line}: {reason}").format(line=self.line, reason=self.reason)


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
        raise CarnetError(_("the file is empty")) from None
    except csv.Error as exc:
        raise CarnetError(_("line 1: cannot read the header ({error})").format(error=exc)) \
            from None
    csv_text.check_columns(headers)
    rows, start = [], reader.line_num + 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                rows.append((start, [unguard(cell) for cell in cells]))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise CarnetError(_("line {line}: cannot read the file ({error})")
                          .format(line=start, error=exc)) from None
    return headers, rows


class _Importer:
    """Turns rows into store operations inside the caller's transaction."""

    def __init__(self, book, headers: list[str], today: date, kind: str):
        self.book, self.today = book, today
        index = INDEXES[kind]
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
        for client in book.clients() if kind != "clients" else ():
            if client.email:
                self.by_email.setdefault(plain(client.email), []).append(client.id)
            self.by_name.setdefault(plain(client.name), []).append(client.id)
        self.exchanges = {(i.client_id, i.when, i.kind, i.text) for i in book.interactions()} \
            if kind == "interactions" else set()

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
            return _("{name}: a client with the e-mail {email} already exists").format(
                name=checked.name, email=checked.email)
        if name in self.names:
            return _("{name} ({city}): already a client of that name and city").format(
                name=checked.name, city=checked.city or _("no city"))
        client_ops.add_client(self.book, self.today, **fields)
        self.emails.add(email)
        self.names.add(name)
        return None

    def find_client(self, key: str) -> int:
        found = self.by_email.get(plain(key)) or self.by_name.get(plain(key), [])
        if len(found) == 1:
            return found[0]
        if found:
            raise ValidationError("client", _("{key!r} names {count} clients; use the e-mail")
                                  .format(key=key, count=len(found)))
        raise ValidationError("client", _("no client with the e-mail or name {key!r}")
                              .format(key=key))

    def order(self, values: dict) -> str | None:
        if "client" not in values or "title" not in values or "due" not in values:
            missing = [n for n in ("client", "title", "due") if n not in values][0]
            raise ValidationError(missing, _("is required"))
        received = self.date(values, "received", self.today)
        due = self.date(values, "due")
        ref = values.get("ref") or self.next_ref(received.year)
        if ref in self.refs:
            return _("order {ref} already exists").format(ref=ref)
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
            raise ValidationError("ref", _("{ref!r} has a digit that is not 0-9 (a "
                                           "superscript?)").format(ref=order.ref))
        self.book.insert("orders", order_ops._checked(self.book, order))
        self.remember(ref)
        return None

    def interaction(self, values: dict) -> str | None:
        """One exchange on a client's timeline, as it was (no follow-up or plan step made)."""
        for name in ("client", "when", "kind"):
            if name not in values:
                raise ValidationError(name, _("is required"))
        client_id = self.find_client(values["client"])
        ref = values.get("order_ref")
        if ref and ref not in self.refs:
            raise ValidationError("order_ref", _("no order {ref} in the book").format(ref=ref))
        satisfaction = values.get("satisfaction")
        checked = relations._interaction(
            self.book, client_id, translate("interaction kind", values["kind"]),
            values.get("text", ""), self.moment(values["when"]),
            translate("channel", values.get("channel", "email")),
            translate("direction", values.get("direction", "in")), ref,
            int(satisfaction) if satisfaction and satisfaction.strip().isdecimal()
            else satisfaction)
        key = (checked.client_id, checked.when, checked.kind, checked.text)
        if key in self.exchanges:
            return _("this exchange with {client} is already in the book").format(
                client=values["client"])
        self.book.insert("interactions", checked)
        self.exchanges.add(key)
        return None

    def moment(self, text: str) -> datetime | date:
        """2026-11-20T10:30, 20/11/2026 10:30 (or 10h30), or a day alone (then 9:00)."""
        try:
            return datetime.fromisoformat(text.strip())
        except ValueError:
            pass
        found = _MOMENT.fullmatch(text.strip())
        if found and int(found["hour"]) < 24 and int(found["minute"]) < 60:
            day = parse_date(found["day"], self.today, "when")
            return datetime.combine(day, time(int(found["hour"]), int(found["minute"])))
        return parse_date(text, self.today, "when")

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
    """Import clients, orders or interactions (told by the headers); with apply=False only a
    preview."""
    text, note = csv_text.decode(data)
    headers, rows = read_rows(text)
    kind = table_of(headers)
    importer = _Importer(book, headers, today, kind)
    report = ImportReport(kind, ignored_columns=importer.ignored, note=note)
    if not any(importer.columns):
        raise CarnetError(_("no known column in the header; see docs/import-csv.md"))
    create = {"clients": importer.client, "orders": importer.order,
              "interactions": importer.interaction}[kind]
    try:
        with book.transaction(_(UNDO_LABELS[kind])):
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
                    report.duplicates.append(_("line {line}: {duplicate} (skipped)")
                                             .format(line=line, duplicate=duplicate))
                else:
                    report.created.append(describe(values, kind, line))
            if not apply or (report.errors and not skip_bad_rows):
                raise _Rollback
    except _Rollback:
        return report
    report.applied = True
    return report


def describe(values: dict, kind: str, line: int) -> str:
    """One line of the preview."""
    if kind == "interactions":
        return _("line {line}: {kind} of {when} for {client}").format(
            line=line, kind=values["kind"], when=values["when"], client=values["client"])
    if kind == "orders":
        return _("line {line}: order {ref} {title!r} for {client}").format(
            line=line, ref=values.get("ref", _("(new)")), title=values["title"],
            client=values["client"])
    name = " ".join(values.get(k, "") for k in ("first_name", "last_name")).strip()
    name = name or values.get("organisation", "")
    if values.get("city"):
        return _("line {line}: client {name!r}, {city}").format(line=line, name=name,
                                                               city=values["city"])
    return _("line {line}: client {name!r}").format(line=line, name=name)
