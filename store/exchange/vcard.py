"""vCard 4.0 (RFC 6350) export of clients for address books."""

from __future__ import annotations

import uuid

from .contentlines import escape, property_line
from .identity import book_identity


def client_uid(client_id: int, identity: str) -> str:
    name = f"carnet:{identity}:client:{client_id}"
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, name))


def _card(client, identity: str) -> list[str]:
    person = bool(client.first_name or client.last_name)
    name = ";".join(escape(part) for part in
                    (client.last_name, client.first_name, "", client.civility, ""))
    lines = [property_line("BEGIN", "VCARD"), property_line("VERSION", "4.0"),
             property_line("UID", client_uid(client.id, identity)),
             property_line("KIND", "individual" if person else "org"),
             property_line("FN", escape(client.name)), property_line("N", name)]
    if client.organisation:
        lines.append(property_line("ORG", escape(client.organisation)))
    if client.email:
        lines.append(property_line("EMAIL", escape(client.email)))
    if client.phone:
        lines.append(property_line("TEL", escape(client.phone), "VALUE=text"))
    if client.address_lines or client.postcode or client.city or client.country:
        street = ",".join(escape(line) for line in client.address_lines)
        parts = ("", "", street, escape(client.city), "", escape(client.postcode),
                 escape(client.country))
        lines.append(property_line("ADR", ";".join(parts)))
    lines.append(property_line("LANG", client.language))
    if client.tags:
        lines.append(property_line("CATEGORIES", ",".join(escape(t) for t in client.tags)))
    if client.notes:
        lines.append(property_line("NOTE", escape(client.notes)))
    lines.append(property_line("END", "VCARD"))
    return lines


def export_vcard(book) -> bytes:
    """Every client as one vCard 4.0 file (UTF-8, CRLF, folded at 75 octets)."""
    identity = book_identity(book)
    return "".join(line for client in book.clients()
                   for line in _card(client, identity)).encode("utf-8")

