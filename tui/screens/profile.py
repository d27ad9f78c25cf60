"""The business's identity, printed on every letterhead, and its default rules."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header, Static

from store.errors import CarnetError, ValidationError
from store.i18n import N_, _, language
from store.models import LEGAL_FORMS, Profile
from store.profile import siret_for_print, update_profile

from ..dialogs.fields import Field, FieldList
from ..widgets.footer import KeyFooter
from .base import BookScreen

BINDINGS = [
    Binding("ctrl+s", "save", N_("Save"), id="profile.save",
            tooltip=N_("Check and save the profile")),
    Binding("ctrl+r", "revert", N_("Revert"), id="profile.revert",
            tooltip=N_("Put back the profile as last saved")),
    Binding("escape", "leave_fields", N_("Leave fields"), id="profile.leave",
            tooltip=N_("Leave the fields so that 1–4 switch sections again")),
]
"""Keys of the profile, by id."""
LANGUAGE_OPTIONS = (("français", "fr"), ("English", "en"))
"""Each language named in itself: the same in every interface language."""
TYPEFACE_OPTIONS = ((N_("DejaVu Serif — every script"), "dejavu"),
                    (N_("EB Garamond — a book face"), "garamond"))
ALIGN_OPTIONS = ((N_("Justified — even right edge"), "justify"), (N_("Ragged right"), "ragged"))
VAT_OPTIONS = ((N_("VAT-exempt — art. 293 B du CGI (franchise)"), "franchise"),
               (N_("VAT charged on every line"), "vat"))
DECLARATION_OPTIONS = ((N_("Quarterly"), "quarterly"), (N_("Monthly"), "monthly"))
"""The selects' options, labels marked N_ and translated by `translated`."""
NUMBERS = ("payment_days", "quote_days")
"""Fields typed as whole numbers: an empty one is sent as 0 for the store to judge."""


def translated(choices: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """A select's options with their labels in the interface's language."""
    return tuple((_(label), value) for label, value in choices)


def profile_fields(profile: Profile) -> list[Field]:
    """The profile as form fields, in the order a letterhead reads."""
    return [
        Field("name", _("Name"), value=profile.name, placeholder=_("as you sign your letters")),
        Field("trade", _("Trade"), value=profile.trade, placeholder=_("e.g. Paléographe")),
        Field("address_lines", _("Address"), "lines", value=profile.address_lines,
              aliases=tuple(f"address line {n}" for n in range(1, 10))),
        Field("postcode", _("Postcode"), value=profile.postcode),
        Field("city", _("City"), value=profile.city),
        Field("country", _("Country"), value=profile.country),
        Field("email", _("E-mail"), value=profile.email),
        Field("phone", _("Phone"), value=profile.phone),
        Field("siret", _("SIRET"), value=siret_for_print(profile.siret),
              placeholder=_("SIRET (14 digits) or SIREN (9), spaces allowed")),
        Field("legal_form", _("Legal form"), value=profile.legal_form, aliases=("legal form",),
              suggestions=LEGAL_FORMS,
              placeholder=_("EI, EIRL, micro-entreprise, SASU… (→ completes)")),
        Field("vat_note", _("VAT note"), value=profile.vat_note,
              placeholder=_("TVA non applicable, art. 293 B du CGI")),
        Field("signature", _("Signature"), "area", value=profile.signature),
        Field("signature_image", _("Signature img"), value=profile.signature_image,
              aliases=("signature image",),
              placeholder=_("a PNG or JPEG of your signature (path); empty for none")),
        Field("letter_city", _("Letters from"), value=profile.letter_city,
              placeholder=_("the city in « Paris, le … »")),
        Field("language", _("Language"), "select", value=profile.language or "fr",
              options=LANGUAGE_OPTIONS),
        Field("tolerance_days", _("Tolerance"), value=str(profile.tolerance_days),
              aliases=("tolerance",), placeholder=_("days of grace before a late order shows")),
        Field("typeface", _("Typeface"), "select", value=profile.typeface or "dejavu",
              options=translated(TYPEFACE_OPTIONS)),
        Field("text_align", _("Alignment"), "select", value=profile.text_align or "justify",
              aliases=("alignment", "align"), options=translated(ALIGN_OPTIONS)),
        *invoicing_fields(profile),
    ]


def invoicing_fields(profile: Profile) -> list[Field]:
    """What quotes, invoices and the receipts book take from the profile."""
    return [
        Field("vat_regime", _("VAT"), "select", value=profile.vat_regime or "franchise",
              aliases=("vat regime",), options=translated(VAT_OPTIONS)),
        Field("vat_rate", _("VAT rate (%)"), value=profile.vat_rate, aliases=("vat rate",),
              placeholder=_("20, 10, 5.5 — only when VAT is charged")),
        Field("vat_number", _("VAT number"), value=profile.vat_number, aliases=("vat number",),
              placeholder=_("FR… (intracommunity VAT number), if you have one")),
        Field("payment_days", _("Payment days"), value=str(profile.payment_days),
              aliases=("payment days",), placeholder=_("days from an invoice to its due date")),
        Field("penalty_rate", _("Penalty rate"), value=profile.penalty_rate,
              aliases=("penalty rate",), placeholder=_("empty: the legal rate's wording")),
        Field("iban", _("IBAN"), value=profile.iban,
              placeholder=_("printed on invoices, checked")),
        Field("bic", _("BIC"), value=profile.bic),
        Field("mediator", _("Mediator"), "area", value=profile.mediator,
              placeholder=_("the consumer mediator for private clients: name and web address")),
        Field("quote_prefix", _("Quote no."), value=profile.quote_prefix,
              aliases=("quote prefix",), placeholder=_("prefix: D → D-2026-0001")),
        Field("invoice_prefix", _("Invoice no."), value=profile.invoice_prefix,
              aliases=("invoice prefix",),
              placeholder=_("prefix: F → F-2026-0001 (deposits too)")),
        Field("credit_prefix", _("Credit no."), value=profile.credit_prefix,
              aliases=("credit prefix", "credit note prefix"),
              placeholder=_("prefix of credit notes: A → A-2026-0001")),
        Field("quote_days", _("Quote valid"), value=str(profile.quote_days),
              aliases=("quote days",), placeholder=_("days a quote stays valid")),
        Field("declaration", _("Declaring"), "select", value=profile.declaration or "quarterly",
              aliases=("declaration period",), options=translated(DECLARATION_OPTIONS)),
    ]


class ProfileScreen(BookScreen):
    """Edit the business's identity; saved with ctrl+s, checked field by field."""

    SECTION = N_("Profile")
    BINDINGS = BINDINGS

    composed_at: int | None = None
    """The book's revision whose profile the fields were composed with, until first shown."""

    def compose(self) -> ComposeResult:
        book = self.app.book
        self.composed_at = book.revision if book is not None else None
        yield Header()
        yield Static(_("Your business as your letters show it. ctrl+s saves, ctrl+r puts back "
                       "the saved one."), id="profile-intro")
        yield FieldList(profile_fields(book.profile if book is not None else Profile()),
                        self.app.today, id="profile-fields")
        yield Static("", id="profile-error", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(FieldList).focus_first()

    def reload(self) -> None:
        composed_at, self.composed_at = self.composed_at, None
        if composed_at is not None and composed_at == self.app.book.revision:
            return
        self.action_revert()

    def action_revert(self) -> None:
        fields = profile_fields(self.app.book.profile)
        self.query_one(FieldList).set_values({f.name: f.value for f in fields})
        self.query_one("#profile-error", Static).update("")

    def action_leave_fields(self) -> None:
        self.set_focus(None)

    def action_save(self) -> None:
        body = self.query_one(FieldList)
        body.clear_errors()
        general = self.query_one("#profile-error", Static)
        general.update("")
        spoken = self.app.book.profile.language or "fr"
        try:
            values = body.values()
            values["tolerance_days"] = values["tolerance_days"] or "0"
            values["language"] = values["language"] or ""
            values["typeface"] = values["typeface"] or ""
            values["text_align"] = values["text_align"] or ""
            for name in ("vat_regime", "declaration"):
                values[name] = values[name] or ""
            for name in NUMBERS:
                values[name] = values[name].strip() or "0"
            update_profile(self.app.book, **values)
        except ValidationError as error:
            if not body.show_error(error):
                general.update(str(error))
            return
        except CarnetError as error:
            general.update(str(error))
            return
        self.app.notify(_("Profile saved; it heads every new letter."), title=_("Profile"))
        self.set_focus(None)
        self.app.refresh_data()
        chosen = self.app.book.profile.language or "fr"
        if chosen != spoken and chosen != language():
            self.app.switch_language(chosen)
