"""The business's profile changed field by field, each value checked by the store's rules."""

from __future__ import annotations

import copy
from dataclasses import fields

from . import identifiers as ids
from . import validate as v
from .book import Book
from .errors import ValidationError, field_label
from .i18n import _
from .models import LANGUAGES, LEGAL_FORMS, TEXT_ALIGNS, TYPEFACES, Profile
from .money_records import DECLARATION_PERIODS, VAT_REGIMES
from .signature_image import signature_image
from .siret import for_print as siret_for_print
from .siret import siret

SINGLE_LINE = ("name", "trade", "postcode", "city", "country", "phone", "siret", "legal_form",
               "letter_city", "signature_image")
PREFIX_FIELDS = ("quote_prefix", "invoice_prefix", "credit_prefix")
MAX_PAYMENT_DAYS = 120
"""The longest payment term, in days (between professionals the law caps it at 60, L441-10)."""
MAX_QUOTE_DAYS = 365
_PRINTED_FORMS = {form.casefold(): form for form in LEGAL_FORMS}
_PRINTED_FORMS.update({word: "EI" for word in ("micro-entreprise", "micro-entrepreneur",
                                               "auto-entreprise", "auto-entrepreneur")})
"""How a form typed in any case prints; a micro-entrepreneur is an EI in law."""

__all__ = ["LEGAL_FORMS", "checked_invoicing", "checked_profile", "legal_form_for_print",
           "name_with_legal_form", "siret", "siret_for_print", "update_profile"]


def legal_form_for_print(legal_form: str) -> str:
    """The form as letters print it: "EI" for a micro-entreprise, known forms in their usual
    case ("sasu" → "SASU"), any other text as typed."""
    form = " ".join(legal_form.split())
    return _PRINTED_FORMS.get(form.casefold(), form)


def name_with_legal_form(profile: Profile) -> str:
    """The name as letters print it beside the form: "Claire Vasseur EI", "Atelier Vasseur
    SASU", "Claire Vasseur, entrepreneur individuel"; the name alone when no form is given
    or the name already carries it."""
    name = " ".join(profile.name.split())
    form = legal_form_for_print(profile.legal_form)
    if not form:
        return name
    words = name.casefold().split()
    if form.casefold() in (" ".join(words[:len(form.split())]),
                           " ".join(words[-len(form.split()):])):
        return name
    return f"{name} {form}" if form.isupper() and " " not in form else f"{name}, {form}"


def checked_profile(profile: Profile) -> Profile:
    """Validate every field of a profile, in place; returns it.

    The signature image is checked for its text only: whether the file is there and readable
    is checked when it is chosen (update_profile), since a book may move between computers.
    """
    for name in SINGLE_LINE:
        setattr(profile, name, v.text(name, getattr(profile, name), multiline=False))
    profile.siret = siret(profile.siret)
    profile.address_lines = [v.text(f"address line {i}", line, multiline=False)
                             for i, line in enumerate(profile.address_lines, 1) if line.strip()]
    profile.email = v.email("email", profile.email)
    profile.vat_note = v.text("vat_note", profile.vat_note)
    profile.signature = v.text("signature", profile.signature)
    profile.language = v.choice("language", profile.language, LANGUAGES)
    profile.tolerance_days = v.tolerance("tolerance", profile.tolerance_days, optional=False)
    profile.typeface = v.choice("typeface", profile.typeface, TYPEFACES)
    profile.text_align = v.choice("text_align", profile.text_align, TEXT_ALIGNS)
    return checked_invoicing(profile)


def checked_invoicing(profile: Profile) -> Profile:
    """Validate the invoicing settings of a profile, in place; returns it."""
    profile.vat_regime = v.choice("vat_regime", profile.vat_regime, VAT_REGIMES)
    profile.vat_rate = ids.vat_rate(profile.vat_rate)
    profile.vat_number = ids.vat_number(profile.vat_number)
    profile.payment_days = v.whole_number("payment_days", profile.payment_days,
                                          maximum=MAX_PAYMENT_DAYS)
    profile.quote_days = v.whole_number("quote_days", profile.quote_days, minimum=1,
                                        maximum=MAX_QUOTE_DAYS)
    profile.penalty_rate = v.text("penalty_rate", profile.penalty_rate, multiline=False)
    profile.iban = ids.iban(profile.iban)
    profile.bic = ids.bic(profile.bic)
    profile.mediator = v.text("mediator", profile.mediator)
    prefixes = {}
    for name in PREFIX_FIELDS:
        value = ids.prefix(getattr(profile, name), name)
        if value.casefold() in prefixes:
            raise ValidationError(name, _("{value} is already the {other}: quotes, invoices and "
                                          "credit notes each need their own").format(
                                              value=repr(value),
                                              other=field_label(prefixes[value.casefold()])))
        prefixes[value.casefold()] = name
        setattr(profile, name, value)
    profile.declaration = v.choice("declaration", profile.declaration, DECLARATION_PERIODS)
    return profile


def update_profile(book: Book, **changes) -> Profile:
    """Change some fields of the profile as one change; a name, once given, cannot be blanked.

    A signature image given anew must be a readable PNG or JPEG; it is kept by absolute path.
    """
    known = {f.name for f in fields(Profile)}
    profile = copy.deepcopy(book.profile)
    for name, value in changes.items():
        if name not in known:
            raise ValidationError(name, _("is not a profile field"))
        setattr(profile, name, list(value) if name == "address_lines" else value)
    if "name" in changes and not profile.name.strip():
        raise ValidationError("name", _("is needed: it heads every letter"))
    profile = checked_profile(profile)
    if profile.signature_image != book.profile.signature_image:
        profile.signature_image = signature_image(profile.signature_image)
    with book.transaction(_("edit profile")):
        book.set_profile(profile)
    return book.profile
