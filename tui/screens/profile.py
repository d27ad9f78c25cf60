"""The business's identity, printed on every letterhead, and its default rules."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header, Static

from store.errors import CarnetError, ValidationError
from store.models import LANGUAGES, LEGAL_FORMS, Profile
from store.profile import siret_for_print, update_profile

from ..dialogs.common import options
from ..dialogs.fields import Field, FieldList
from ..widgets.footer import KeyFooter
from .base import BookScreen

BINDINGS = [
    Binding("ctrl+s", "save", "Save", id="profile.save",
            tooltip="Check and save the profile"),
    Binding("ctrl+r", "revert", "Revert", id="profile.revert",
            tooltip="Put back the profile as last saved"),
    Binding("escape", "leave_fields", "Leave fields", id="profile.leave",
            tooltip="Leave the fields so that 1–4 switch sections again"),
]
"""Keys of the profile, by id."""
TYPEFACE_OPTIONS = (("DejaVu Serif — every script", "dejavu"),
                    ("EB Garamond — a book face", "garamond"))
ALIGN_OPTIONS = (("Justified — even right edge", "justify"), ("Ragged right", "ragged"))
VAT_OPTIONS = (("VAT-exempt — art. 293 B du CGI (franchise)", "franchise"),
               ("VAT charged on every line", "vat"))
DECLARATION_OPTIONS = (("Quarterly", "quarterly"), ("Monthly", "monthly"))
NUMBERS = ("payment_days", "quote_days")
"""Fields typed as whole numbers: an empty one is sent as 0 for the store to judge."""


def profile_fields(profile: Profile) -> list[Field]:
    """The profile as form fields, in the order a letterhead reads."""
    return [
        Field("name", "Name", value=profile.name, placeholder="as you sign your letters"),
        Field("trade", "Trade", value=profile.trade, placeholder="e.g. Paléographe"),
        Field("address_lines", "Address", "lines", value=profile.address_lines,
              aliases=tuple(f"address line {n}" for n in range(1, 10))),
        Field("postcode", "Postcode", value=profile.postcode),
        Field("city", "City", value=profile.city),
        Field("country", "Country", value=profile.country),
        Field("email", "E-mail", value=profile.email),
        Field("phone", "Phone", value=profile.phone),
        Field("siret", "SIRET", value=siret_for_print(profile.siret),
              placeholder="SIRET (14 digits) or SIREN (9), spaces allowed"),
        Field("legal_form", "Legal form", value=profile.legal_form, aliases=("legal form",),
              suggestions=LEGAL_FORMS,
              placeholder="EI, EIRL, micro-entreprise, SASU… (→ completes)"),
        Field("vat_note", "VAT note", value=profile.vat_note,
              placeholder="TVA non applicable, art. 293 B du CGI"),
        Field("signature", "Signature", "area", value=profile.signature),
        Field("signature_image", "Signature img", value=profile.signature_image,
              aliases=("signature image",),
              placeholder="a PNG or JPEG of your signature (path); empty for none"),
        Field("letter_city", "Letters from", value=profile.letter_city,
              placeholder="the city in « Paris, le … »"),
        Field("language", "Language", "select", value=profile.language or "fr",
              options=options(LANGUAGES)),
        Field("tolerance_days", "Tolerance", value=str(profile.tolerance_days),
              aliases=("tolerance",), placeholder="days of grace before a late order shows"),
        Field("typeface", "Typeface", "select", value=profile.typeface or "dejavu",
              options=TYPEFACE_OPTIONS),
        Field("text_align", "Alignment", "select", value=profile.text_align or "justify",
              aliases=("alignment", "align"), options=ALIGN_OPTIONS),
        *invoicing_fields(profile),
    ]


def invoicing_fields(profile: Profile) -> list[Field]:
    """What quotes, invoices and the receipts book take from the profile."""
    return [
        Field("vat_regime", "VAT", "select", value=profile.vat_regime or "franchise",
              aliases=("vat regime",), options=VAT_OPTIONS),
        Field("vat_rate", "VAT rate (%)", value=profile.vat_rate, aliases=("vat rate",),
              placeholder="20, 10, 5.5 — only when VAT is charged"),
        Field("vat_number", "VAT number", value=profile.vat_number, aliases=("vat number",),
              placeholder="FR… (intracommunity VAT number), if you have one"),
        Field("payment_days", "Payment days", value=str(profile.payment_days),
              aliases=("payment days",), placeholder="days from an invoice to its due date"),
        Field("penalty_rate", "Penalty rate", value=profile.penalty_rate,
              aliases=("penalty rate",), placeholder="empty: the legal rate's wording"),
        Field("iban", "IBAN", value=profile.iban, placeholder="printed on invoices, checked"),
        Field("bic", "BIC", value=profile.bic),
        Field("mediator", "Mediator", "area", value=profile.mediator,
              placeholder="the consumer mediator for private clients: name and web address"),
        Field("quote_prefix", "Quote no.", value=profile.quote_prefix,
              aliases=("quote prefix",), placeholder="prefix: D → D-2026-0001"),
        Field("invoice_prefix", "Invoice no.", value=profile.invoice_prefix,
              aliases=("invoice prefix",), placeholder="prefix: F → F-2026-0001 (deposits too)"),
        Field("credit_prefix", "Credit no.", value=profile.credit_prefix,
              aliases=("credit prefix", "credit note prefix"),
              placeholder="prefix of credit notes: A → A-2026-0001"),
        Field("quote_days", "Quote valid", value=str(profile.quote_days),
              aliases=("quote days",), placeholder="days a quote stays valid"),
        Field("declaration", "Declaring", "select", value=profile.declaration or "quarterly",
              aliases=("declaration period",), options=DECLARATION_OPTIONS),
    ]


class ProfileScreen(BookScreen):
    """Edit the business's identity; saved with ctrl+s, checked field by field."""

    SECTION = "Profile"
    BINDINGS = BINDINGS

    composed_at: int | None = None
    """The book's revision whose profile the fields were composed with, until first shown."""

    def compose(self) -> ComposeResult:
        book = self.app.book
        self.composed_at = book.revision if book is not None else None
        yield Header()
        yield Static("Your business as your letters show it. ctrl+s saves, ctrl+r puts back "
                     "the saved one.", id="profile-intro")
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
        self.app.notify("Profile saved; it heads every new letter.", title="Profile")
        self.set_focus(None)
        self.app.refresh_data()
