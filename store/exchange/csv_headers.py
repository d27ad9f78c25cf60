"""Which spreadsheet headers and values Carnet understands, in French and English."""

from __future__ import annotations

import unicodedata

CLIENT_HEADERS = {
    "civility": ("civilité", "civility", "title", "salutation"),
    "first_name": ("prénom", "first name", "firstname", "given name"),
    "last_name": ("nom", "last name", "lastname", "surname", "family name", "nom de famille",
                  "name"),
    "organisation": ("organisation", "organization", "société", "entreprise", "company",
                     "raison sociale"),
    "address": ("adresse", "address", "rue", "street", "adresse 1", "adresse 2", "adresse 3",
                "address 1", "address 2", "address 3", "address line 1", "address line 2",
                "complément d'adresse"),
    "postcode": ("code postal", "cp", "postcode", "postal code", "zip", "zip code"),
    "city": ("ville", "city", "commune", "town", "localité"),
    "country": ("pays", "country"),
    "email": ("e-mail", "email", "courriel", "mail", "adresse e-mail", "email address"),
    "phone": ("téléphone", "tél", "tel", "phone", "telephone", "mobile", "portable",
              "phone number"),
    "language": ("langue", "language", "lang"),
    "channel": ("canal", "channel", "canal préféré", "preferred channel"),
    "tags": ("étiquettes", "tags", "mots-clés", "labels"),
    "status": ("statut", "status", "état"),
    "status_note": ("note de statut", "status note"),
    "notes": ("notes", "note", "remarques", "commentaire", "commentaires", "comments"),
    "tolerance_days": ("tolérance (jours)", "tolérance", "tolerance (days)", "tolerance"),
    "created": ("créé le", "créé", "client depuis", "created", "client since"),
}
ORDER_HEADERS = {
    "ref": ("référence", "réf", "ref", "reference", "numéro", "number"),
    "client": ("client", "e-mail du client", "client e-mail", "customer"),
    "title": ("titre", "intitulé", "objet", "title", "subject"),
    "service": ("prestation", "service"),
    "received": ("reçu le", "reçu", "date de réception", "commandé le", "received", "ordered"),
    "due_original": ("échéance initiale", "échéance d'origine", "original due",
                     "original due date"),
    "due": ("échéance", "date limite", "à rendre le", "due", "due date", "deadline"),
    "price": ("prix", "montant", "tarif", "price", "amount"),
    "status": ("statut", "état", "status"),
    "delivered": ("livré le", "livré", "date de livraison", "delivered"),
    "paid": ("payé le", "payé", "paid"),
    "cancelled": ("annulé le", "annulé", "cancelled", "canceled"),
    "nature": ("nature du document", "nature", "document nature", "document"),
    "date_text": ("date du document", "document date"),
    "place": ("lieu", "place"),
    "script": ("écriture", "script"),
    "archive_ref": ("cote", "référence d'archive", "archive reference", "archive ref"),
    "pages": ("pages", "nombre de pages", "page count"),
    "scope": ("périmètre convenu", "périmètre", "agreed scope", "scope"),
    "summary": ("résumé", "summary"),
    "client_ref": ("v/réf.", "v/ref", "votre référence", "référence client",
                   "client's reference", "client reference", "your ref", "po number"),
}
INTERACTION_HEADERS = {
    "when": ("date", "when", "date et heure", "quand", "date and time"),
    "client": ("client", "e-mail du client", "client e-mail", "customer"),
    "order_ref": ("commande", "order", "référence de la commande", "order reference"),
    "kind": ("type", "kind", "type d'échange", "type of exchange"),
    "channel": ("canal", "channel"),
    "direction": ("sens", "direction"),
    "satisfaction": ("satisfaction", "note de satisfaction"),
    "text": ("texte", "text", "message", "contenu", "content"),
}
VALUES = {
    "order status": {"devis": "quote", "quote": "quote", "accepte": "accepted",
                     "accepted": "accepted", "en cours": "in progress",
                     "in progress": "in progress", "livre": "delivered",
                     "delivered": "delivered", "paye": "paid", "paid": "paid",
                     "annule": "cancelled", "cancelled": "cancelled", "canceled": "cancelled"},
    "client status": {"actif": "active", "active": "active", "difficile": "difficult",
                      "difficult": "difficult", "parti": "parted", "quitte": "parted",
                      "parted": "parted"},
    "language": {"fr": "fr", "francais": "fr", "french": "fr", "en": "en", "anglais": "en",
                 "english": "en"},
    "channel": {"email": "email", "e-mail": "email", "courriel": "email", "phone": "phone",
                "telephone": "phone", "letter": "letter", "lettre": "letter",
                "courrier": "letter", "meeting": "meeting", "rendez-vous": "meeting",
                "rencontre": "meeting", "other": "other", "autre": "other"},
    "interaction kind": {"note": "note", "request": "request", "demande": "request",
                         "complaint": "complaint", "reclamation": "complaint",
                         "plainte": "complaint", "praise": "praise", "eloge": "praise",
                         "compliment": "praise", "feedback": "feedback", "avis": "feedback",
                         "gift received": "gift received", "cadeau recu": "gift received",
                         "gesture given": "gesture given",
                         "geste commercial": "gesture given", "letter sent": "letter sent",
                         "lettre envoyee": "letter sent",
                         "call-back promised": "call-back promised",
                         "rappel promis": "call-back promised"},
    "direction": {"in": "in", "recu": "in", "entrant": "in", "out": "out", "envoye": "out",
                  "sortant": "out"},
    "civility": {"mme": "Mme", "madame": "Mme", "mrs": "Mme", "ms": "Mme", "m.": "M.",
                 "m": "M.", "monsieur": "M.", "mr": "M.", "mx": "Mx", "maitre": "Maître",
                 "me": "Maître", "me.": "Maître", "dr": "Dr", "dr.": "Dr", "docteur": "Dr",
                 "doctor": "Dr", "pr": "Pr", "pr.": "Pr", "professeur": "Pr",
                 "professor": "Pr", "prof": "Pr", "prof.": "Pr"},
}


def plain(text: str) -> str:
    """Casefolded, without accents, surrounding spaces or a trailing dot's variants."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def header_key(text: str) -> str:
    """A header reduced to its letters and digits: 'E-mail ' and 'email' match."""
    return "".join(c for c in plain(text) if c.isalnum())


def _index(headers: dict) -> dict[str, str]:
    return {header_key(name): field for field, names in headers.items() for name in names}


CLIENT_INDEX = _index(CLIENT_HEADERS)
ORDER_INDEX = _index(ORDER_HEADERS)
INTERACTION_INDEX = _index(INTERACTION_HEADERS)
INDEXES = {"clients": CLIENT_INDEX, "orders": ORDER_INDEX, "interactions": INTERACTION_INDEX}


def is_orders(headers: list[str]) -> bool:
    """An orders file names its client or a due date; a clients file does neither."""
    fields = {ORDER_INDEX.get(header_key(h)) for h in headers}
    return "client" in fields or "due" in fields


def is_interactions(headers: list[str]) -> bool:
    """An interactions file has a kind and a text, and neither an order's title nor due date."""
    fields = {INTERACTION_INDEX.get(header_key(h)) for h in headers}
    order_fields = {ORDER_INDEX.get(header_key(h)) for h in headers}
    return {"kind", "text"} <= fields and not {"title", "due"} & order_fields


def table_of(headers: list[str]) -> str:
    """What a file holds, told by its headers: interactions, orders or clients."""
    if is_interactions(headers):
        return "interactions"
    return "orders" if is_orders(headers) else "clients"


def translate(kind: str, value: str) -> str:
    """A French or English value mapped to the stored code; unknown values pass unchanged."""
    return VALUES[kind].get(plain(value), value)
