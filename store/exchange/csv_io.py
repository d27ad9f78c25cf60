"""CSV export of clients, orders and interactions: deterministic, formula-safe, re-importable.

Two dialects: `portable` (commas, decimal points, ISO dates) and `excel-fr`, what a French
spreadsheet opens as it is (semicolons, decimal commas, dates dd/mm/yyyy); both carry a
UTF-8 byte-order mark, and the import reads both.
"""

from __future__ import annotations

import csv
import io

from ..models import Client, Order

# Cells a spreadsheet would run as a formula get a leading apostrophe; import removes it.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"
DIALECTS = ("portable", "excel-fr")
DELIMITERS = {"portable": ",", "excel-fr": ";"}
DAYS = frozenset({"created", "received", "due_original", "due", "delivered", "paid",
                  "cancelled"})
"""Columns holding a day (ISO in the stored rows)."""
AMOUNTS = frozenset({"price"})

CLIENT_COLUMNS = (
    ("civility", "civilité", "civility"), ("first_name", "prénom", "first name"),
    ("last_name", "nom", "last name"), ("organisation", "organisation", "organisation"),
    ("address", "adresse", "address"), ("postcode", "code postal", "postcode"),
    ("city", "ville", "city"), ("country", "pays", "country"), ("email", "e-mail", "e-mail"),
    ("phone", "téléphone", "phone"), ("language", "langue", "language"),
    ("channel", "canal", "channel"), ("tags", "étiquettes", "tags"),
    ("status", "statut", "status"), ("status_note", "note de statut", "status note"),
    ("notes", "notes", "notes"), ("tolerance_days", "tolérance (jours)", "tolerance (days)"),
    ("created", "créé le", "created"),
)
ORDER_COLUMNS = (
    ("ref", "référence", "ref"), ("client", "client", "client"), ("title", "titre", "title"),
    ("service", "prestation", "service"), ("received", "reçu le", "received"),
    ("due_original", "échéance initiale", "original due"), ("due", "échéance", "due"),
    ("price", "prix", "price"), ("status", "statut", "status"),
    ("delivered", "livré le", "delivered"), ("paid", "payé le", "paid"),
    ("cancelled", "annulé le", "cancelled"), ("nature", "nature du document", "document nature"),
    ("date_text", "date du document", "document date"), ("place", "lieu", "place"),
    ("script", "écriture", "script"), ("archive_ref", "cote", "archive reference"),
    ("pages", "pages", "pages"), ("scope", "périmètre convenu", "agreed scope"),
    ("summary", "résumé", "summary"), ("client_ref", "v/réf.", "client's reference"),
)
INTERACTION_COLUMNS = (
    ("when", "date", "when"), ("client", "client", "client"), ("order_ref", "commande", "order"),
    ("kind", "type", "kind"), ("channel", "canal", "channel"), ("direction", "sens", "direction"),
    ("satisfaction", "satisfaction", "satisfaction"), ("text", "texte", "text"),
)


def guard(value: str) -> str:
    """Protect a cell from formula injection, reversibly."""
    if value.startswith("'") or (value.startswith(FORMULA_STARTS) and not _numeric(value)):
        return "'" + value
    return value


def unguard(value: str) -> str:
    """Undo `guard` (a leading apostrophe before a formula start or another apostrophe)."""
    if value.startswith("'") and value[1:2] and value[1] in "=+-@\t\r'":
        return value[1:]
    return value


def _numeric(value: str) -> bool:
    """A signed number or phone number (+33 6 12 34 56 78) is not a formula."""
    return len(value) > 1 and all(c.isdigit() or c in " .()/" for c in value[1:]) \
        and value[0] in "+-" and any(c.isdigit() for c in value)


def _text(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def client_key(client: Client) -> str:
    """How an order row names its client: the e-mail, else the name."""
    return client.email or client.name


def client_row(client: Client) -> dict:
    values = {name: _text(getattr(client, name, None)) for name, _, _ in CLIENT_COLUMNS
              if name not in ("address", "tags")}
    values["address"] = "\n".join(client.address_lines)
    values["tags"] = "\n".join(client.tags)
    return values


def order_row(order: Order, clients: dict) -> dict:
    values = {name: _text(getattr(order, name, None)) for name, _, _ in ORDER_COLUMNS
              if hasattr(order, name)}
    values.update({name: _text(getattr(order.document, name)) for name in
                   ("nature", "date_text", "place", "script", "archive_ref", "pages")})
    values["client"] = client_key(clients[order.client_id])
    return values


def interaction_row(interaction, clients: dict) -> dict:
    values = {name: _text(getattr(interaction, name, None)) for name, _, _ in INTERACTION_COLUMNS}
    values["when"] = interaction.when.isoformat(timespec="minutes")
    values["client"] = client_key(clients[interaction.client_id])
    return values


def _french_day(iso_day: str) -> str:
    year, month, day = iso_day.split("-")
    return f"{day}/{month}/{year}"


def excel_fr(name: str, value: str) -> str:
    """A cell as a French spreadsheet reads it: 20/11/2026, 20/11/2026 10:30, 1250,50."""
    if not value:
        return value
    if name in DAYS:
        return _french_day(value)
    if name == "when":
        day, _, clock = value.partition("T")
        return f"{_french_day(day)} {clock}".rstrip()
    if name in AMOUNTS:
        return value.replace(".", ",")
    return value


def _write(columns, rows, language: str, dialect: str = "portable") -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=DELIMITERS[dialect], lineterminator="\r\n")
    writer.writerow([fr if language == "fr" else en for _, fr, en in columns])
    shown = excel_fr if dialect == "excel-fr" else (lambda name, value: value)
    for row in rows:
        writer.writerow([guard(shown(name, row[name])) for name, _, _ in columns])
    return (BOM + out.getvalue()).encode("utf-8")


def export_csv(book, what: str, dialect: str = "portable") -> bytes:
    """One table as CSV in a dialect, headers in the book's language; UTF-8 with a BOM for
    spreadsheets."""
    if dialect not in DIALECTS:
        raise ValueError(dialect)
    language = book.profile.language
    clients = book.clients_by_id()
    if what == "clients":
        rows = (client_row(c) for c in book.clients())
        return _write(CLIENT_COLUMNS, rows, language, dialect)
    if what == "orders":
        rows = (order_row(o, clients) for o in book.orders())
        return _write(ORDER_COLUMNS, rows, language, dialect)
    if what == "interactions":
        rows = (interaction_row(i, clients) for i in book.interactions())
        return _write(INTERACTION_COLUMNS, rows, language, dialect)
    raise ValueError(what)
