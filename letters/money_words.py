"""The words of a quote, an invoice or a credit note, in French and in English.

Each mandatory mention the store asks for (store/mentions.py) is printed from here; the
sentences follow the wording the law and usage give (art. 293 B du CGI, L441-10 and D441-5
du Code de commerce).
"""

from __future__ import annotations

TITLES = {
    "fr": {"quote": "Devis", "invoice": "Facture", "deposit": "Facture d’acompte",
           "credit-note": "Avoir"},
    "en": {"quote": "Quote", "invoice": "Invoice", "deposit": "Deposit invoice",
           "credit-note": "Credit note"},
}

LABELS = {
    "fr": {"number": "Numéro", "issued": "Date", "service_date": "Date de la prestation",
           "due": "À payer avant le", "valid": "Valable jusqu’au", "order": "Commande",
           "client_ref": "V/réf.", "buyer_siren": "SIREN du client",
           "buyer_vat": "TVA du client", "refers_to": "Facture corrigée",
           "description": "Désignation", "quantity": "Qté", "unit_price": "Prix unitaire",
           "line_total": "Montant", "vat_rate": "TVA", "subtotal": "Total HT",
           "vat": "TVA", "total": "Total TTC", "total_exempt": "Total",
           "credit_total": "Montant de l’avoir", "pay_to": "Règlement par virement",
           "iban": "IBAN", "bic": "BIC", "seller_vat": "N° TVA"},
    "en": {"number": "Number", "issued": "Date", "service_date": "Service completed",
           "due": "Payment due by", "valid": "Valid until", "order": "Order",
           "client_ref": "Your ref.", "buyer_siren": "Client’s SIREN",
           "buyer_vat": "Client’s VAT no.", "refers_to": "Invoice corrected",
           "description": "Description", "quantity": "Qty", "unit_price": "Unit price",
           "line_total": "Amount", "vat_rate": "VAT", "subtotal": "Total excl. VAT",
           "vat": "VAT", "total": "Total incl. VAT", "total_exempt": "Total",
           "credit_total": "Amount credited", "pay_to": "Payment by bank transfer",
           "iban": "IBAN", "bic": "BIC", "seller_vat": "VAT no."},
}

DEFAULT_PENALTY = {
    "fr": "trois fois le taux d’intérêt légal",
    "en": "three times the French legal interest rate",
}
"""The penalty rate printed when the profile names none (the legal floor, art. L441-10)."""


def _terms(language: str, days: str, due: str) -> str:
    """The payment terms: on receipt, or within so many days and by which date."""
    if not days or not due:
        return ""
    if days == "0":
        return ("Paiement à réception de la facture." if language == "fr" else
                "Payment on receipt of the invoice.")
    return (f"Paiement à {days} jours, au plus tard le {due}." if language == "fr" else
            f"Payment within {days} days, by {due} at the latest.")


def mention(key: str, language: str, **facts: str) -> str:
    """The sentence that prints one mandatory mention ('' for those shown elsewhere)."""
    fr = language == "fr"
    penalty = facts.get("penalty") or DEFAULT_PENALTY[language]
    sentences = {
        "vat_exempt": "TVA non applicable, art. 293 B du CGI" if fr else
                      "TVA non applicable, art. 293 B du CGI (VAT not applicable: French "
                      "VAT exemption scheme for small businesses)",
        "nature": "Prestation de services." if fr else "Provision of services.",
        "due": _terms(language, facts.get("days", ""), facts.get("valid", "")),
        "penalties": (f"En cas de retard de paiement, des pénalités sont dues au taux de "
                      f"{penalty}." if fr else
                      f"Late payment incurs penalties at {penalty}."),
        "recovery_indemnity": ("Tout retard de paiement entraîne de plein droit une "
                               "indemnité forfaitaire pour frais de recouvrement de 40 € "
                               "(art. L441-10 et D441-5 du Code de commerce)." if fr else
                               "Any late payment entails a fixed indemnity of €40 for "
                               "recovery costs (French Commercial Code, art. L441-10 and "
                               "D441-5)."),
        "discount_terms": ("Pas d’escompte pour paiement anticipé." if fr else
                           "No discount for early payment."),
        "mediator": (f"En cas de litige, vous pouvez recourir gratuitement au médiateur de la "
                     f"consommation : {facts['mediator']}." if fr else
                     f"In case of dispute you may refer, free of charge, to the consumer "
                     f"mediator: {facts['mediator']}.") if facts.get("mediator") else "",
        "deposit": (f"Acompte demandé sur la commande {facts.get('order', '')}." if fr else
                    f"Deposit requested on order {facts.get('order', '')}."),
        "deposits_deducted": ((f"Acomptes déjà facturés et déduits : {facts['deducted']}."
                               if fr else f"Deposits already invoiced and deducted: "
                               f"{facts['deducted']}.") if facts.get("deducted") else ""),
        "refers_to": (f"Avoir sur la facture {facts.get('refers_to', '')}"
                      f"{' : ' + facts['reason'] if facts.get('reason') else ''}." if fr else
                      f"Credit note on invoice {facts.get('refers_to', '')}"
                      f"{': ' + facts['reason'] if facts.get('reason') else ''}."),
        "validity": (f"Devis valable jusqu’au {facts.get('valid', '')}." if fr else
                     f"This quote is valid until {facts.get('valid', '')}."),
        "acceptance": ("Bon pour accord — date et signature du client :" if fr else
                       "Accepted — the client’s date and signature:"),
    }
    return sentences.get(key, "")
