"""What a letter template can say: the records, and ready-made words in the letter's language."""

from __future__ import annotations

from datetime import date

from store.deadlines import effective_due
from store.letter_state import LetterState
from store.models import Client, Incident, Order, Profile

from . import courtesy, localize, phones, state_words
from .address import recipient_name
from .money_words import DEFAULT_PENALTY


def _fmt_date(language: str):
    def fmt(value: date | None) -> str:
        """A date in the letter's long style; empty when there is none."""
        return localize.long_date(value, language) if value else ""
    return fmt


def _fmt_money(language: str):
    def fmt(value) -> str:
        """An amount in euros, in the letter's style."""
        return localize.amount(value, language)
    return fmt


def lcfirst(text: str) -> str:
    """Lower-case the first letter, not an acronym's ('Remise' → 'remise', 'TVA' kept)."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def full_stop(text: str) -> str:
    """End a sentence: a full stop added unless it already ends with one (or ! ? …)."""
    text = text.rstrip()
    return text if not text or text[-1] in ".!?…" else text + "."


def quoted(text: str) -> str:
    """Mark a passage from the records to be set apart: '> ' before each of its lines."""
    return "\n".join(f"> {line}" for line in str(text).strip("\n").split("\n"))


def filters(language: str) -> dict:
    """Template filters: `date`, `money`, `lcfirst`, `full_stop`, `quoted`."""
    return {"date": _fmt_date(language), "money": _fmt_money(language), "lcfirst": lcfirst,
            "full_stop": full_stop, "quoted": quoted}


def reach(profile: Profile, client: Client, language: str) -> str:
    """How the client can answer: 'par courriel à … ou par téléphone au …' (+33 … abroad)."""
    phone = phones.for_reader(profile.phone.strip(), profile.country, client.country)
    email, phone = profile.email.strip(), phone.replace(" ", "\u00a0")
    if language == "fr":
        ways = [f"par courriel à {email}" if email else "",
                f"par téléphone au {phone}" if phone else ""]
        return " ou ".join(w for w in ways if w) or "par courrier"
    ways = [f"by email at {email}" if email else "", f"by telephone on {phone}" if phone else ""]
    return " or ".join(w for w in ways if w) or "by post"


def _since(client: Client, today: date) -> int | None:
    """The year the client was first recorded, when it is not this year."""
    if client.created and client.created.year < today.year:
        return client.created.year
    return None


def _order_words(order: Order, today: date, language: str) -> dict:
    fmt = _fmt_date(language)
    due = effective_due(order, today)
    ahead = order.delivered is None and due >= today
    return {
        "title": order.title, "ref": order.ref, "document": order.document,
        "due": fmt(due), "due_original": fmt(order.due_original),
        "received": fmt(order.received), "delivered": fmt(order.delivered),
        "price": localize.amount(order.price, language),
        "due_ahead": fmt(due) if ahead else "",
        "postponement": order.postponements[-1] if order.postponements else None,
    }


def _state_words(state: LetterState, language: str) -> dict:
    fmt = _fmt_date(language)
    return {
        "situation": state.situation, "missed": fmt(state.missed), "arrives": fmt(state.arrives),
        "new_date": fmt(state.new_date), "passed": state.passed, "late": state.missed is not None,
        "what": state.what, "solution": state.solution, "complaint": state.complaint,
        "stands": state.stands, "progress": state_words.progress(state, language),
        "loyal": state.loyal, "milestone": state_words.milestone(state.milestone, language),
    }


def build(profile: Profile, client: Client, order: Order | None, incident: Incident | None,
          today: date, language: str, state: LetterState | None = None) -> dict:
    """The variables every template sees (listed in letters/templates/README.md)."""
    words = {
        "profile": profile, "client": client, "order": order, "incident": incident,
        "today": today, "lang": language, "name": recipient_name(client, language),
        "dear": courtesy.salutation(client, language), "term": courtesy.term(client),
        "sign_off": courtesy.sign_off(client), "reach": reach(profile, client, language),
        "gesture": incident.gesture.strip() if incident else "",
        "since": _since(client, today),
        "title": "", "ref": "", "document": None, "due": "", "due_ahead": "", "due_original": "",
        "received": "", "delivered": "", "price": "", "postponement": None,
    }
    if order is not None:
        words.update(_order_words(order, today, language))
    words.update(_state_words(state or LetterState(order), language))
    return words


def bill_words(bill, language: str) -> dict:
    """What a payment reminder says: the invoice, its date and amount, what is owed, how late."""
    if bill is None:
        return {"invoice": "", "invoice_date": "", "invoice_total": "", "owed": "",
                "invoice_due": "", "days_late": 0, "business": False, "penalty": ""}
    fmt, doc = _fmt_date(language), bill.invoice
    penalty = doc.seller.get("penalty_rate", "").strip() or DEFAULT_PENALTY[language]
    return {"invoice": doc.number, "invoice_date": fmt(doc.issued),
            "invoice_total": localize.amount(doc.total, language),
            "owed": localize.amount(bill.owed, language), "invoice_due": fmt(doc.due),
            "days_late": bill.days_late, "business": bill.business, "penalty": penalty}
