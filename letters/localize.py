"""Dates, amounts and the fixed words of a letter, in the letter's language."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from babel.dates import format_date as _babel_date
from babel.numbers import format_currency

from store.errors import ValidationError
from store.i18n import _
from store.models import LANGUAGES

LOCALES = {"fr": "fr_FR", "en": "en_GB"}
"""Babel locale per letter language (British English: '22 November 2026')."""

NNBSP, NBSP = "\u202f", "\u00a0"

LABELS = {
    "fr": {"subject": f"Objet{NNBSP}:", "our_ref": f"N/réf.{NNBSP}:",
           "your_ref": f"V/réf.{NNBSP}:",
           "registered": "LETTRE RECOMMANDÉE",
           "registered-ar": "LETTRE RECOMMANDÉE AVEC AVIS DE RÉCEPTION",
           "enclosures": f"P.{NNBSP}J.{NNBSP}:", "page": "page {n}/{total}"},
    "en": {"subject": "Subject:", "our_ref": "Our ref.:", "your_ref": "Your ref.:",
           "registered": "REGISTERED LETTER",
           "registered-ar": "REGISTERED LETTER WITH ADVICE OF DELIVERY",
           "enclosures": "Encl.:",
           "page": "page {n} of {total}"},
}


def check_language(language: str) -> str:
    """Return the language if letters can be written in it, else refuse it by name."""
    if language not in LANGUAGES:
        raise ValidationError("language", _("{language} is not a letter language; choose one "
                                            "of {languages}").format(
            language=repr(language), languages=", ".join(LANGUAGES)))
    return language


def long_date(day: date, language: str) -> str:
    """'1er novembre 2026', '22 novembre 2026', '22 November 2026'; day, month, year tied."""
    text = _babel_date(day, format="d MMMM y", locale=LOCALES[language]).replace(" ", NBSP)
    if language == "fr" and day.day == 1:
        return "1er" + text[1:]
    return text


def amount(value: Decimal, language: str, currency: str = "EUR") -> str:
    """'1 250,00 €' or '€1,250.00'."""
    return format_currency(value, currency, locale=LOCALES[language])


def place_date(city: str, day: date, language: str) -> str:
    """'Paris, le 22 novembre 2026' or 'Paris, 22 November 2026' (no city: the date alone)."""
    when = long_date(day, language)
    if language == "fr":
        return f"{city}, le {when}" if city else f"Le {when}"
    return f"{city}, {when}" if city else when


MAIL_KINDS = ("registered", "registered-ar")
"""Special mail a letter may be sent by: registered, or registered with advice of delivery."""


def mail_line(kind: str, language: str) -> str:
    """The line printed above the address for special mail ('' for ordinary mail)."""
    if not kind:
        return ""
    if kind not in MAIL_KINDS:
        raise ValidationError("mail", _("{kind} is not a kind of special mail; choose {first} "
                                        "or {second}").format(kind=repr(kind), first=MAIL_KINDS[0],
                                                              second=MAIL_KINDS[1]))
    return LABELS[language][kind]


def label(name: str, language: str) -> str:
    """A fixed word of the layout ('Objet :', 'Our ref.:', …)."""
    return LABELS[language][name]


def page_label(n: int, total: int, language: str) -> str:
    """'page 2/3' or 'page 2 of 3'."""
    return LABELS[language]["page"].format(n=n, total=total)
