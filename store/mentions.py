"""Which mentions a quote, an invoice or a credit note must print, by buyer, regime and kind.

`required_mentions(doc)` returns keys of MENTIONS; the layout prints each one it is given.
The rules read only the document's own snapshots (seller and buyer as issued), so the answer
never changes after issue. Sources are given per key in MENTIONS.
"""

from __future__ import annotations

from .models import Profile
from .money_records import MoneyDocument
from .profile import legal_form_for_print

MENTIONS = {
    "number": "a unique number in one chronological, continuous series "
              "(CGI annexe II art. 242 nonies A, I-1°)",
    "issue_date": "the date of issue (CGI art. 242 nonies A, I-1°)",
    "seller": "the seller's name and address (CGI art. 242 nonies A, I-2°)",
    "seller_ei": "\"EI\" or \"entrepreneur individuel\" right before or after the name of an "
                 "individual entrepreneur (Code de commerce art. L526-22, R526-26)",
    "seller_siret": "the seller's SIREN or SIRET (Code de commerce art. R123-237; "
                    "CGI art. 242 nonies A, I-2°)",
    "seller_vat_number": "the seller's VAT number when it has one (CGI art. 242 nonies A, I-4°)",
    "buyer": "the buyer's name and address (CGI art. 242 nonies A, I-3°)",
    "buyer_siren": "a business buyer's SIREN (CGI art. 242 nonies A as amended for "
                   "e-invoicing, ordonnance 2021-1190; printed as soon as it is known)",
    "buyer_vat_number": "a business buyer's VAT number when it has one "
                        "(CGI art. 242 nonies A, I-4°)",
    "lines": "quantity, precise description, unit price before VAT and any discount per line "
             "(CGI art. 242 nonies A, I-5° and I-6°)",
    "totals": "the total before VAT and the total due (CGI art. 242 nonies A, I-7° and I-8°)",
    "vat_breakdown": "the VAT rate on each line and the VAT total per rate "
                     "(CGI art. 242 nonies A, I-7° and I-8°)",
    "vat_exempt": "\"TVA non applicable, art. 293 B du CGI\" for the franchise en base "
                  "(CGI art. 242 nonies A, I-13°)",
    "nature": "the nature of the operation: \"prestation de services\" (CGI art. 242 "
              "nonies A as amended for e-invoicing, from 1 September 2026)",
    "service_date": "the date the service was completed, when it differs from the date of "
                    "issue (CGI art. 242 nonies A, I-9°)",
    "due": "the date payment is due (Code de commerce art. L441-9, I)",
    "penalties": "the late-payment penalty rate (Code de commerce art. L441-9, I and L441-10, "
                 "II), between professionals",
    "recovery_indemnity": "the fixed €40 indemnity for recovery costs owed by a professional "
                          "paying late (Code de commerce art. L441-10, II and D441-5)",
    "discount_terms": "the terms of any discount for early payment, or that none is given "
                      "(Code de commerce art. L441-9, I)",
    "mediator": "the consumer mediator a private buyer may turn to, with its address "
                "(Code de la consommation art. L612-1, L616-1 and R616-1)",
    "deposit": "that the invoice is a deposit invoice (facture d'acompte) and for which order "
               "(CGI art. 289, I-1-c)",
    "deposits_deducted": "the deposit invoices whose amounts a final invoice deducts",
    "refers_to": "a credit note's reference to the invoice it corrects "
                 "(CGI art. 242 nonies A, I-11°; art. 289, I-5)",
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
        missing.append("the profile has no SIRET (profile set --siret)")
    if "seller_ei" in mentions and not str(seller.get("legal_form", "")).strip():
        missing.append("the profile has no legal form: an individual entrepreneur prints "
                       "\"EI\" beside the name (profile set --legal-form EI)")
    if "buyer_siren" in mentions and not str(buyer.get("siren", "")).strip():
        missing.append("the client is a business but has no SIREN")
    if "mediator" in mentions and not str(seller.get("mediator", "")).strip():
        missing.append("the profile names no consumer mediator for private clients")
    return missing
