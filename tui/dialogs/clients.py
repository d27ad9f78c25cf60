"""Forms on clients: the contact card, and marking a client difficult or parted."""

from __future__ import annotations

from textual.app import App

from store import clients as ops
from store.profile import siret_for_print
from store.models import CHANNELS, CIVILITIES, CLIENT_STATUSES, LANGUAGES, Client

from .common import lookup, options
from .fields import Field
from .form import FormDialog

CIVILITY_LABELS = {"": "—", "Dr": "Dr (Docteur)", "Pr": "Pr (Professeur)"}
CIVILITY_OPTIONS = tuple((CIVILITY_LABELS.get(civility, civility), civility)
                         for civility in CIVILITIES)


def _card_fields(client: Client) -> list[Field]:
    return [
        Field("civility", "Civility", "select", value=client.civility,
              options=CIVILITY_OPTIONS),
        Field("first_name", "First name", value=client.first_name, aliases=("name",)),
        Field("last_name", "Last name", value=client.last_name),
        Field("organisation", "Organisation", value=client.organisation),
        Field("siren", "SIREN", value=siret_for_print(client.siren), aliases=("siret",),
              placeholder="a business's SIREN (9 digits) or SIRET, for its invoices"),
        Field("vat_number", "VAT number", value=client.vat_number, aliases=("vat number",),
              placeholder="a business's EU VAT number, if it has one"),
        Field("address_lines", "Address", "lines", value=client.address_lines,
              aliases=tuple(f"address line {n}" for n in range(1, 10))),
        Field("postcode", "Postcode", value=client.postcode),
        Field("city", "City", value=client.city),
        Field("country", "Country", value=client.country, placeholder="empty for France"),
        Field("email", "E-mail", value=client.email),
        Field("phone", "Phone", value=client.phone),
        Field("language", "Language", "select", value=client.language,
              options=options(LANGUAGES)),
        Field("channel", "Prefers", "select", value=client.channel, options=options(CHANNELS)),
        Field("tags", "Tags", value=", ".join(client.tags), placeholder="comma, separated"),
        Field("tolerance_days", "Tolerance", aliases=("tolerance",),
              value="" if client.tolerance_days is None else str(client.tolerance_days),
              placeholder="days of grace; empty: the profile's"),
        Field("notes", "Notes", "area", value=client.notes),
    ]


def _card_values(values: dict) -> dict:
    card = dict(values)
    card["tags"] = [tag.strip() for tag in str(values["tags"]).split(",") if tag.strip()]
    card["civility"] = values["civility"] or ""
    return card


def new_client(app: App):
    """Add a client: a name or an organisation is enough to start."""
    language = app.book.profile.language or "fr"

    def save(values: dict) -> str:
        client = ops.add_client(app.book, app.today, **_card_values(values))
        return f"{client.name} added"

    return app.push_screen(FormDialog("New client", _card_fields(Client(language=language)),
                                      save, submit_label="Add"))


def edit_client(app: App, id: int):
    """Edit a client's contact card."""
    client = lookup(app, lambda: app.book.client(id))
    if client is None:
        return None

    def save(values: dict) -> str:
        edited = ops.edit_client(app.book, id, **_card_values(values))
        return f"{edited.name} saved"

    return app.push_screen(FormDialog(f"Edit {client.name}", _card_fields(client), save))


def mark_client(app: App, client_id: int):
    """Mark a client active, difficult (say why) or parted (asks first; history is kept)."""
    client = lookup(app, lambda: app.book.client(client_id))
    if client is None:
        return None
    fields = [
        Field("status", "Status", "select", value=client.status,
              options=options(CLIENT_STATUSES)),
        Field("note", "Note", "area", value=client.status_note, aliases=("status note",),
              placeholder="what happened; the frame you reminded them of"),
    ]

    def save(values: dict) -> str:
        marked = ops.mark_client(app.book, client_id, values["status"] or "",
                                 str(values["note"]))
        return f"{marked.name} is now {marked.status}"

    def question(values: dict) -> str | None:
        if values["status"] == "parted" and client.status != "parted":
            return (f"Part ways with {client.name}?\nThey drop out of reminders and the "
                    "dashboard; their history is kept.")
        return None

    return app.push_screen(FormDialog(f"Mark {client.name}", fields, save, question=question,
                                      intro=f"Currently {client.status}.",
                                      submit_label="Mark"))
