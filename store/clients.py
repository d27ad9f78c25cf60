"""What a freelancer does with clients: add, edit, mark difficult or parted."""

from __future__ import annotations

import copy
from datetime import date

from . import postal, validate as v
from .book import Book
from .errors import ValidationError
from .i18n import _
from .identifiers import vat_number
from .siret import siret
from .text import fold, name_key
from .models import CHANNELS, CIVILITIES, CLIENT_STATUSES, LANGUAGES, Client

SINGLE_LINE = ("first_name", "last_name", "organisation", "postcode", "city", "country", "phone")


def _checked(client: Client) -> Client:
    """Validate every field of a client, in place; returns it."""
    for name in SINGLE_LINE:
        setattr(client, name, v.text(name, getattr(client, name), multiline=False))
    if not (client.first_name.strip() or client.last_name.strip() or client.organisation.strip()):
        raise ValidationError("name", _("a client needs a name or an organisation"))
    client.civility = v.choice("civility", client.civility, CIVILITIES)
    client.language = v.choice("language", client.language, LANGUAGES)
    client.channel = v.choice("channel", client.channel, CHANNELS)
    client.status = v.choice("status", client.status, CLIENT_STATUSES)
    client.email = v.email("email", client.email)
    client.notes = v.text("notes", client.notes)
    client.status_note = v.text("status note", client.status_note)
    client.address_lines = [v.text(f"address line {i + 1}", line, multiline=False)
                            for i, line in enumerate(client.address_lines)]
    client.tags = [v.text("tags", tag, multiline=False) for tag in client.tags]
    client.tolerance_days = v.tolerance("tolerance", client.tolerance_days)
    client.created = v.day("created", client.created, optional=True)
    client.siren = siret(client.siren, "siren")
    client.vat_number = vat_number(client.vat_number)
    return client


def add_client(book: Book, today: date, **fields) -> Client:
    """Create a client from keyword fields (see models.Client); the address must fit a letter."""
    fields.setdefault("created", today)
    try:
        client = Client(**fields)
    except TypeError as exc:
        raise ValidationError("client", str(exc)) from None
    client = _checked(client)
    postal.check(client)
    with book.transaction(_("new client {name}").format(name=client.name)):
        client.id = book.insert("clients", client)
    return book.client(client.id)


def edit_client(book: Book, client_id: int, **changes) -> Client:
    """Change some fields of a client; a changed address must still fit a letter (postal)."""
    before = book.client(client_id)
    client = copy.deepcopy(before)
    for name, value in changes.items():
        if name == "id" or not hasattr(client, name):
            raise ValidationError(name, _("is not a client field"))
        setattr(client, name, value)
    client = _checked(client)
    if any(getattr(client, name) != getattr(before, name) for name in postal.ADDRESS_FIELDS):
        postal.check(client)
    with book.transaction(_("edit client {name}").format(name=client.name)):
        book.save("clients", client)
    return book.client(client_id)


def mark_client(book: Book, client_id: int, status: str, note: str = "") -> Client:
    """Mark a client active, difficult (with a note) or parted (history kept)."""
    return edit_client(book, client_id, status=status, status_note=note)


def searchable(client: Client) -> str:
    """What a search finds a client by, folded: name, organisation, email, city and tags."""
    return fold(" ".join((client.name, client.organisation, client.email, client.city,
                          *client.tags)))


def _indexed(state) -> list[tuple[Client, str]]:
    return [(client, searchable(client)) for client in sorted(state.clients(), key=name_key)]


def client_index(book: Book) -> list[tuple[Client, str]]:
    """Every client with its folded search text, by name; built once per state of the book."""
    return book.remembered("client index", _indexed)


def matching(index: list[tuple[Client, str]], text: str) -> list[Client]:
    """The clients of `index` whose search text contains `text` (folded), in the index's order."""
    needle = fold(text).strip()
    return [client for client, haystack in index if needle in haystack]


def find_clients(book: Book, text: str = "") -> list[Client]:
    """Clients whose name, organisation, email, city or tags contain `text`, sorted by name."""
    return matching(client_index(book), text)


LINKED = ("interactions", "followups", "letters", "incidents")
"""What is about a client besides orders (removed with a client who has no orders)."""


def check_deletable(book: Book, client_id: int) -> None:
    """Refuse to delete a client with orders or letters: those are parted, history kept."""
    client = book.client(client_id)
    if book.where("orders", "client_id", client_id):
        raise ValidationError("client", _("{name} has orders: mark the client parted instead, "
                                          "so the history is kept").format(name=client.name))
    if book.where("letters", "client_id", client_id):
        raise ValidationError("client", _("{name} was sent letters: mark the client parted "
                                          "instead, so the archive is kept").format(
                                              name=client.name))
    if book.where("documents", "client_id", client_id) or book.where("payments", "client_id",
                                                                     client_id):
        raise ValidationError("client", _("{name} has issued documents or payments, which are "
                                          "kept 10 years: the client stays").format(
                                              name=client.name))


def delete_client(book: Book, client_id: int) -> Client:
    """Remove a client who never ordered (an entry made by mistake) with their exchanges and
    follow-ups; a client with orders is parted instead, so the history is kept."""
    client = book.client(client_id)
    check_deletable(book, client_id)
    with book.transaction(_("delete the client {name}").format(name=client.name)):
        for table in LINKED:
            for record in book.where(table, "client_id", client_id):
                book.delete(table, record.id)
        book.delete("clients", client_id)
    return client
