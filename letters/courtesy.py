"""How to greet and take leave of a client, from their civility and the letter's language."""

from __future__ import annotations

from store.models import Client

FRENCH_TERMS = {"Mme": "Madame", "M.": "Monsieur", "Maître": "Maître", "Dr": "Docteur",
                "Pr": "Professeur"}
ENGLISH_TITLES = {"Mme": "Ms", "M.": "Mr", "Mx": "Mx", "Maître": "Maître", "Dr": "Dr",
                  "Pr": "Professor"}
ANYONE = {"fr": "Madame, Monsieur", "en": "Sir or Madam"}
"""How to address an organisation's unnamed reader."""


def _full_name(client: Client) -> str:
    return " ".join(p.strip() for p in (client.first_name, client.last_name) if p.strip())


def term(client: Client) -> str:
    """How a French letter names the reader inside a sentence: 'Madame', 'Maître', 'Docteur'…"""
    if client.civility in FRENCH_TERMS and _full_name(client):
        return FRENCH_TERMS[client.civility]
    if client.civility == "Mx" and _full_name(client):
        return _full_name(client)
    return ANYONE["fr"]


def salutation(client: Client, language: str) -> str:
    """'Maître,' / 'Madame, Monsieur,' / 'Dear Dr Holloway,' / 'Dear Sir or Madam,'."""
    if language == "fr":
        return f"{term(client)},"
    title = ENGLISH_TITLES.get(client.civility, "")
    if title and client.last_name.strip():
        return f"Dear {title} {client.last_name.strip()},"
    if _full_name(client):
        return f"Dear {_full_name(client)},"
    return f"Dear {ANYONE['en']},"


def sign_off(client: Client) -> str:
    """The English closing: 'Yours sincerely,' to a named reader, else 'Yours faithfully,'."""
    return "Yours sincerely," if _full_name(client) else "Yours faithfully,"


def french_closing(client: Client) -> str:
    """The classic French closing formula, addressed to the reader by their term."""
    return f"Je vous prie d'agréer, {term(client)}, l'expression de mes salutations distinguées."
