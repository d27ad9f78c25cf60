"""Forms on clients: the contact card, and marking a client difficult or parted."""

from __future__ import annotations

from store import clients as ops
from store.i18n import N_, _
from store.labels import CHANNEL_LABELS, STATUS_LABELS, choices, status_label
from store.profile import siret_for_print
from store.models import CHANNELS, CIVILITIES, CLIENT_STATUSES, LANGUAGES, Client

from .common import options, with_client
from .fields import Field
from .form import FormDialog
from .host import Host

CIVILITY_LABELS = {"": "—", "Dr": "Dr (Docteur)", "Pr": "Pr (Professeur)"}
CIVILITY_OPTIONS = tuple((CIVILITY_LABELS.get(civility, civility), civility)
                         for civility in CIVILITIES)


def _card_fields(client: Client) -> list[Field]:
    return [
        Field("civility", N_("Civility"), "select", value=client.civility,
              options=CIVILITY_OPTIONS),
        Field("first_name", N_("First name"), value=client.first_name, aliases=("name",)),
        Field("last_name", N_("Last name"), value=client.last_name),
        Field("organisation", N_("Organisation"), value=client.organisation),
        Field("siren", N_("SIREN"), value=siret_for_print(client.siren), aliases=("siret",),
              placeholder=N_("a business's SIREN (9 digits) or SIRET, for its invoices")),
        Field("vat_number", N_("VAT number"), value=client.vat_number, aliases=("vat number",),
              placeholder=N_("a business's EU VAT number, if it has one")),
        Field("address_lines", N_("Address"), "lines", value=client.address_lines,
              aliases=tuple(f"address line {n}" for n in range(1, 10))),
        Field("postcode", N_("Postcode"), value=client.postcode),
        Field("city", N_("City"), value=client.city),
        Field("country", N_("Country"), value=client.country, placeholder=N_("empty for France")),
        Field("email", N_("E-mail"), value=client.email),
        Field("phone", N_("Phone"), value=client.phone),
        Field("language", N_("Language"), "select", value=client.language,
              options=options(LANGUAGES)),
        Field("channel", N_("Prefers"), "select", value=client.channel,
              options=choices(CHANNELS, CHANNEL_LABELS)),
        Field("tags", N_("Tags"), value=", ".join(client.tags), placeholder=N_("comma, separated")),
        Field("tolerance_days", N_("Tolerance"), aliases=("tolerance",),
              value="" if client.tolerance_days is None else str(client.tolerance_days),
              placeholder=N_("days of grace; empty: the profile's")),
        Field("notes", N_("Notes"), "area", value=client.notes),
    ]


def _card_values(values: dict) -> dict:
    card = dict(values)
    card["tags"] = [tag.strip() for tag in str(values["tags"]).split(",") if tag.strip()]
    card["civility"] = values["civility"] or ""
    return card


def new_client(app: Host):
    """Add a client: a name or an organisation is enough to start."""
    language = app.book.profile.language or "fr"

    def save(values: dict) -> str:
        client = ops.add_client(app.book, app.today, **_card_values(values))
        return _("{name} added").format(name=client.name)

    return app.push_screen(FormDialog(_("New client"),
                                      _card_fields(Client(language=language)), save,
                                      submit_label=_("Add")))


@with_client
def edit_client(app: Host, client: Client):
    """Edit a client's contact card."""
    def save(values: dict) -> str:
        edited = ops.edit_client(app.book, client.id, **_card_values(values))
        return _("{name} saved").format(name=edited.name)

    return app.push_screen(FormDialog(_("Edit {name}").format(name=client.name),
                                      _card_fields(client), save))


@with_client
def mark_client(app: Host, client: Client):
    """Mark a client active, difficult (say why) or parted (asks first; history is kept)."""
    fields = [
        Field("status", N_("Status"), "select", value=client.status,
              options=choices(CLIENT_STATUSES, STATUS_LABELS)),
        Field("note", N_("Note"), "area", value=client.status_note, aliases=("status note",),
              placeholder=N_("what happened; the frame you reminded them of")),
    ]

    def save(values: dict) -> str:
        marked = ops.mark_client(app.book, client.id, values["status"] or "",
                                 str(values["note"]))
        return _("{name} is now {status}").format(
            name=marked.name, status=status_label(marked.status))

    def question(values: dict) -> str | None:
        if values["status"] == "parted" and client.status != "parted":
            return (_("Part ways with {name}?").format(name=client.name) + "\n"
                    + _("They drop out of reminders and the dashboard; their history is kept."))
        return None

    intro = _("Currently {status}.").format(status=status_label(client.status))
    return app.push_screen(FormDialog(_("Mark {name}").format(name=client.name), fields, save,
                                      question=question, intro=intro))
