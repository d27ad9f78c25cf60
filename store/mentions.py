"""Which mentions a quote, an invoice or a credit note must print, by buyer, regime and kind.

`required_mentions(doc)` returns keys of MENTIONS; the layout prints each one it is given.
The rules read only the document's own snapshots (seller and buyer as issued), so the answer
never changes after issue. Sources are given per key in MENTIONS: the CGI's annexe II
art. 242 nonies A, I (legifrance LEGIARTI000046086694, the mandatory invoice mentions, with
the e-invoicing additions of décret 2022-1299); Code de commerce L441-9 (due date, penalty
rate, €40 indemnity on invoices between professionals), L441-10 II and D441-5 (the €40);
L526-22 and R526-26 (the "EI" beside an individual entrepreneur's name); Code de la
consommation L612-1 and L616-1 (a consumer's right to a mediator, and being told which).
Penalties, the indemnity and discount terms concern professional buyers only (L441-9 covers
purchases "pour une activité professionnelle"); the mediator, private buyers only.
"""

from __future__ import annotations

from .i18n import _
from .models import Profile
from .money_records import MoneyDocument
from .profile import legal_form_for_print

MENTIONS = {
    "number": "a unique number in one chronological, continuous series "
              "(CGI annexe II art. 242 nonies A, I-7°)",
    "issue_date": "the date of issue (CGI annexe II art. 242 nonies A, I-6°)",
    "seller": "the seller's full name and address (CGI annexe II art. 242 nonies A, I-1°)",
    "seller_ei": "\"EI\" or \"entrepreneur individuel\" right before or after the name of an "
                 "individual entrepreneur (Code de commerce art. L526-22 and R526-26)",
    "seller_siret": "the seller's SIREN or SIRET (CGI annexe II art. 242 nonies A, I-1°, "
                    "the number of Code de commerce art. R123-221)",
    "seller_vat_number": "the seller's VAT number when it has one "
                         "(CGI annexe II art. 242 nonies A, I-2°)",
    "buyer": "the buyer's full name and address (CGI annexe II art. 242 nonies A, I-1°)",
    "buyer_siren": "a business buyer's SIREN (CGI annexe II art. 242 nonies A, I-1° as "
                   "amended by décret 2022-1299 for e-invoicing)",
    "buyer_vat_number": "a business buyer's VAT number when it has one "
                        "(CGI annexe II art. 242 nonies A, I)",
    "lines": "for each service its quantity, precise description and unit price before VAT, "
             "and any discount (CGI annexe II art. 242 nonies A, I; Code de commerce L441-9)",
    "totals": "the total before VAT and the total due (CGI annexe II art. 242 nonies A, I)",
    "vat_breakdown": "the VAT rate of each line, the total before VAT and the VAT per rate "
                     "(CGI annexe II art. 242 nonies A, I)",
    "vat_exempt": "\"TVA non applicable, art. 293 B du CGI\" under the franchise en base: the "
                  "exemption's reference (CGI annexe II art. 242 nonies A, I-12°)",
    "nature": "that the invoice is for services only: \"prestation de services\" "
              "(CGI annexe II art. 242 nonies A, I-8° bis, added by décret 2022-1299 for "
              "e-invoicing)",
    "service_date": "the date the service was completed, when it differs from the date of "
                    "issue (CGI annexe II art. 242 nonies A, I)",
    "due": "the date payment is due (Code de commerce art. L441-9, I)",
    "penalties": "the late-payment penalty rate (Code de commerce art. L441-9, I; by default "
                 "the ECB rate plus 10 points, art. L441-10, II), between professionals",
    "recovery_indemnity": "the fixed €40 indemnity for recovery costs a professional paying "
                          "late owes (Code de commerce art. L441-9, I, L441-10, II and D441-5)",
    "discount_terms": "the terms of a discount for early payment, or that none is given "
                      "(Code de commerce art. L441-9, I)",
    "mediator": "the consumer mediator a private buyer may turn to, with its address "
                "(Code de la consommation art. L612-1, L616-1 and R616-1)",
    "deposit": "that the invoice is a deposit invoice (facture d'acompte) and for which order "
               "(CGI art. 289, I-1-c: an invoice for each deposit received)",
    "deposits_deducted": "the deposit invoices whose amounts a final invoice deducts",
    "refers_to": "a credit note's precise reference to the invoice it corrects "
                 "(CGI art. 289, I-5: a document amending an invoice is an invoice)",
    "validity": "how long a quote stays valid",
    "acceptance": "the space for the client's dated signature and \"Bon pour accord\"",
    "iban": "the bank details to pay to, when the profile has an IBAN",
}
"""Every mention key, with what it prints and why."""

EI_FORMS = ("", "EI", "EIRL")
"""Legal forms whose holder is an individual entrepreneur (an empty form: a micro-entrepreneur)."""
BILLS = ("invoice", "deposit")
"""Documents that ask for payment."""


def is_business(buyer: dict) -> bool:
    """A buyer acting for a business: it has an organisation or a SIREN."""
    return bool(str(buyer.get("organisation", "")).strip() or str(buyer.get("siren", "")).strip())


def _in_france(party: dict) -> bool:
    return str(party.get("country", "")).strip().casefold() in ("", "france", "fr")


def seller_charges_vat(seller: dict) -> bool:
    """The seller's profile (as issued) charges VAT rather than being exempt under 293 B."""
    return seller.get("vat_regime", Profile().vat_regime) == "vat"


def required_mentions(doc: MoneyDocument) -> tuple[str, ...]:
    """The MENTIONS keys this document must print, in the order of MENTIONS."""
    seller, buyer, kind = doc.seller, doc.buyer, doc.kind
    business = is_business(buyer)
    keys = {"number", "issue_date", "seller", "seller_siret", "buyer", "lines", "totals"}
    if legal_form_for_print(str(seller.get("legal_form", ""))) in EI_FORMS:
        keys.add("seller_ei")
    if str(seller.get("vat_number", "")).strip():
        keys.add("seller_vat_number")
    keys.add("vat_breakdown" if seller_charges_vat(seller) else "vat_exempt")
    if kind != "quote":
        keys.add("nature")
    if business and (str(buyer.get("siren", "")).strip() or _in_france(buyer)):
        keys.add("buyer_siren")
    if business and str(buyer.get("vat_number", "")).strip():
        keys.add("buyer_vat_number")
    if kind in BILLS:
        keys.add("due")
        if business:
            keys.update(("penalties", "recovery_indemnity", "discount_terms"))
        if str(seller.get("iban", "")).strip():
            keys.add("iban")
    if kind == "invoice":
        keys.add("service_date")
        if doc.deducted:
            keys.add("deposits_deducted")
    if kind == "deposit":
        keys.add("deposit")
    if kind == "credit-note":
        keys.add("refers_to")
    if kind == "quote":
        keys.update(("validity", "acceptance"))
    if not business and kind != "credit-note":
        keys.add("mediator")
    return tuple(key for key in MENTIONS if key in keys)


def missing_details(doc: MoneyDocument) -> list[str]:
    """What the document must print but its seller or buyer does not hold (to complete)."""
    seller, buyer = doc.seller, doc.buyer
    mentions = required_mentions(doc)
    missing = []
    if not str(seller.get("siret", "")).strip():
        missing.append(_("the profile has no SIRET (profile set --siret)"))
    if "seller_ei" in mentions and not str(seller.get("legal_form", "")).strip():
        missing.append(_("the profile has no legal form: an individual entrepreneur prints "
                         "\"EI\" beside the name (profile set --legal-form EI)"))
    if "buyer_siren" in mentions and not str(buyer.get("siren", "")).strip():
        missing.append(_("the client is a business but has no SIREN"))
    if "mediator" in mentions and not str(seller.get("mediator", "")).strip():
        missing.append(_("the profile names no consumer mediator for private clients"))
    return missing
