"""The whole book as one versioned, self-describing JSON document, and back (same ids)."""

from __future__ import annotations

import copy
from datetime import datetime

import orjson

from .. import clients as client_ops
from .. import orders as order_ops
from .. import profile as profile_ops
from .. import validate as v
from ..errors import CarnetError, ValidationError
from ..i18n import _
from ..migrations import SCHEMA_VERSION, migrate
from ..models import CHANNELS, DIRECTIONS, INTERACTION_KINDS, TABLE_MODELS, Profile
from ..money_records import DOCUMENT_KINDS, PAYMENT_METHODS
from . import json_check
from .identity import META_TABLE

FORMAT = "carnet-export"
VERSION = 1
PROFILE = "profile"
TABLES = (PROFILE, META_TABLE, *TABLE_MODELS)
REFERENCES = {"orders": "client_id", "interactions": "client_id", "incidents": "client_id",
              "followups": "client_id", "letters": "client_id", "documents": "client_id",
              "payments": "client_id"}


def export_document(book, now: datetime) -> dict:
    """Every table of the book, rows keyed by id, with format, version and schema."""
    rows = {name: book.rows(name).plain() for name in TABLES}
    return {"format": FORMAT, "version": VERSION, "schema": SCHEMA_VERSION,
            "exported": now.isoformat(timespec="seconds"),
            "tables": {name: rows.get(name, {}) for name in TABLES}}


def export_json(book, now: datetime) -> bytes:
    """The export as indented UTF-8 JSON."""
    return orjson.dumps(export_document(book, now), option=orjson.OPT_INDENT_2) + b"\n"


def read_export(data: bytes) -> dict:
    """Parse and check an export; returns its tables, migrated to this Carnet's schema."""
    try:
        document = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise CarnetError(_("this file is not JSON ({error})").format(error=exc)) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise CarnetError(_("this file is not a Carnet export (format 'carnet-export' "
                            "expected)"))
    version, schema = document.get("version"), document.get("schema")
    if not isinstance(version, int) or not isinstance(schema, int):
        raise CarnetError(_("this Carnet export has no valid version"))
    if version > VERSION or schema > SCHEMA_VERSION:
        raise CarnetError(_("this export was written by a newer Carnet; update Carnet to "
                            "import it"))
    tables = document.get("tables")
    if not isinstance(tables, dict) or not all(isinstance(t, dict) for t in tables.values()):
        raise CarnetError(_("this Carnet export has no tables"))
    unknown = sorted(set(tables) - set(TABLES))
    if unknown:
        raise CarnetError(_("this Carnet export has unknown tables: {tables}")
                          .format(tables=", ".join(unknown)))
    return migrate(tables, schema)


def _check_strings(where: str, value: object) -> None:
    """Every string in a document must be storable text."""
    if isinstance(value, str):
        v.text(where, value)
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_strings(f"{where}.{key}", item)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_strings(f"{where}[{index}]", item)


def check_tables(tables: dict) -> None:
    """Each row must have every field of the right type and range, read back exactly as a
    record, hold a reference no other order has, and refer to clients that exist."""
    for name, rows in tables.items():
        for key, doc in rows.items():
            where = f"{name} {key}"
            json_check.check_record(name, key, doc)
            _check_strings(where, doc)
            if name == META_TABLE:
                continue
            try:
                model = (Profile.from_doc(doc) if name == PROFILE
                         else TABLE_MODELS[name].from_doc(doc, int(key)))
                same = model.to_doc() == doc
            except (TypeError, ValueError, KeyError, AttributeError, ArithmeticError) as exc:
                raise ValidationError(where, _("cannot be read ({error})").format(error=exc)) \
                    from None
            if not same:
                raise ValidationError(where, _("does not read back exactly as a record"))
    json_check.check_unique_refs(tables.get("orders", {}))
    clients = tables.get("clients", {})
    for name, field in REFERENCES.items():
        for key, doc in tables.get(name, {}).items():
            if str(doc[field]) not in clients:
                raise ValidationError(f"{name} {key}", _("refers to client {id}, who is not in "
                                                         "the export").format(id=doc[field]))


def _check_rules(book) -> None:
    """The store's own rules hold for every imported client, order and interaction."""
    checks = [(f"clients {c.id}", c, lambda r: client_ops._checked(r)) for c in book.clients()]
    checks += [(f"orders {o.id}", o, lambda r: order_ops._checked(book, r)) for o in book.orders()]
    for where, record, check in checks:
        try:
            same = check(copy.deepcopy(record)).to_doc() == record.to_doc()
        except CarnetError as exc:
            raise ValidationError(where, str(exc)) from None
        if not same:
            raise ValidationError(where, _("does not follow Carnet's rules"))
    try:
        profile_ops.checked_profile(copy.deepcopy(book.profile))
    except CarnetError as exc:
        raise ValidationError("profile", str(exc)) from None
    for item in book.interactions():
        v.choice(f"interactions {item.id} kind", item.kind, INTERACTION_KINDS)
        v.choice(f"interactions {item.id} channel", item.channel, CHANNELS)
        v.choice(f"interactions {item.id} direction", item.direction, DIRECTIONS)
        v.satisfaction(f"interactions {item.id} satisfaction", item.satisfaction)
    numbers: dict[str, int] = {}
    for doc in book.all("documents"):
        v.choice(f"documents {doc.id} kind", doc.kind, DOCUMENT_KINDS)
        if doc.number in numbers:
            raise ValidationError(f"documents {doc.id}", _(
                "has the number {number}, already used by documents {other}").format(
                number=doc.number, other=numbers[doc.number]))
        numbers[doc.number] = doc.id
    for payment in book.all("payments"):
        v.choice(f"payments {payment.id} method", payment.method, PAYMENT_METHODS)


def is_blank(book) -> bool:
    """No record at all (a book's identity aside)."""
    return not any(book.rows(name) for name in TABLES if name != META_TABLE)


def import_json(book, data: bytes) -> dict[str, int]:
    """Load an export into an empty book, keeping every id; returns counts per table."""
    if not is_blank(book):
        raise CarnetError(_("this book is not empty; a JSON export can only be imported into "
                            "an empty book (use --data with a new folder)"))
    tables = read_export(data)
    check_tables(tables)
    with book.transaction("import JSON export"):
        for name in TABLES:
            if name == META_TABLE and tables.get(name):
                for key in book.rows(name):
                    book.put(name, int(key), None)
            for key, doc in tables.get(name, {}).items():
                book.put(name, int(key), doc)
        _check_rules(book)
    return {name: len(rows) for name, rows in tables.items() if rows}
