"""Compose a letter: records + wording template → a LetterDraft, no layout yet."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from store import letter_state
from store.errors import ValidationError
from store.i18n import N_, _
from store.models import PAYMENT_LETTER_KINDS, Client, Incident, Interaction, Order, Profile
from store.reminders import Bill

from . import context, courtesy, localize, templates
from .address import is_abroad, recipient_lines, recipient_name
from .draft import KINDS, NEEDS_ORDER, LetterDraft
from .typography import polish


ABOUT_ONE_ORDER = {
    "apology": N_("an apology letter is about one order; say which"),
    "summary": N_("a summary letter is about one order; say which"),
    "scope": N_("a scope letter is about one order; say which"),
    "reminder": N_("a reminder letter is about one order; say which"),
    "formal-notice": N_("a formal-notice letter is about one order; say which"),
}
"""The refusal of a letter about one order written without it, by kind (draft.NEEDS_ORDER)."""
ABOUT_ONE_BILL = {
    "reminder": N_("a reminder letter is about an unpaid invoice; say which"),
    "formal-notice": N_("a formal-notice letter is about an unpaid invoice; say which"),
}
"""The refusal of a payment letter written without its invoice, by kind."""


def _check(kind: str, client: Client, order: Order | None, incident: Incident | None) -> None:
    if kind not in KINDS:
        raise ValidationError("kind", _("unknown letter kind {kind}; choose one of {kinds}")
                              .format(kind=repr(kind), kinds=", ".join(KINDS)))
    if kind in NEEDS_ORDER and order is None:
        raise ValidationError("order", _(ABOUT_ONE_ORDER[kind]))
    if order is not None and client.id and order.client_id and order.client_id != client.id:
        raise ValidationError("order", _("order {ref} belongs to another client")
                              .format(ref=order.ref))
    if incident is not None and order is not None and incident.order_ref != order.ref:
        raise ValidationError("incident", _("the incident is about order {theirs}, not {ref}")
                              .format(theirs=incident.order_ref, ref=order.ref))
    if kind == "summary" and not order.summary.strip():
        raise ValidationError("summary", _("order {ref} has no summary yet; write it first")
                              .format(ref=order.ref))
    if kind == "scope" and not order.scope.strip():
        raise ValidationError("scope", _("order {ref} has no agreed scope recorded")
                              .format(ref=order.ref))


def _references(order: Order | None, language: str,
                bill: Bill | None = None) -> list[tuple[str, str]]:
    """V/réf. (the client's own reference, when recorded) then N/réf. (the order's, and the
    invoice's for a payment letter)."""
    if order is None:
        return []
    theirs = order.client_ref.strip()
    ours = [(localize.label("our_ref", language),
             f"{order.ref} — {bill.invoice.number}" if bill else order.ref)]
    return [(localize.label("your_ref", language), theirs), *ours] if theirs else ours


def _default_closing(client: Client, language: str) -> str:
    return courtesy.french_closing(client) if language == "fr" else courtesy.sign_off(client)


def compose(kind: str, profile: Profile, client: Client, order: Order | None = None,
            incident: Incident | None = None, today: date | None = None,
            lang: str | None = None, templates_dir: Path | str | None = None,
            enclosures: list[str] | tuple[str, ...] = (), orders: list[Order] | None = None,
            interactions: list[Interaction] = (), new_date: date | None = None,
            mail: str = "", bill: Bill | None = None) -> LetterDraft:
    """Write the letter of this kind to this client, in `lang` or the client's language.

    `orders` and `interactions` (the client's; the order alone when not given) tell the
    state the wording follows (store/letter_state.py); `new_date` is the date an apology gives;
    `mail` a kind of special mail (localize.MAIL_KINDS) or ''; `bill` the unpaid invoice a
    reminder or a formal notice is about (store/reminders.py).
    """
    letter_state.check_sender(profile)
    _check(kind, client, order, incident)
    today = today or date.today()
    language = localize.check_language(lang or client.language or profile.language)
    known = orders if orders is not None else [order] if order is not None else []
    state = letter_state.read(kind, client, order, incident, known, interactions, today,
                              new_date)
    order = state.order
    if kind in PAYMENT_LETTER_KINDS and bill is None:
        raise ValidationError("invoice", _(ABOUT_ONE_BILL[kind]))
    words = context.build(profile, client, order, incident, today, language, state)
    words.update(context.bill_words(bill, language))
    sections = templates.render(kind, language, words, templates_dir)
    enclosed = [e for e in sections.get("enclosures", "").splitlines() if e.strip()]
    return LetterDraft(
        kind=kind, language=language, date=today,
        subject=polish(" ".join(sections["subject"].split()), language),
        place_date=localize.place_date(profile.letter_city or profile.city, today, language),
        salutation=polish(sections.get("salutation", "").strip() or words["dear"], language),
        paragraphs=[polish(p, language) for p in templates.paragraphs(sections["body"])],
        closing=polish(sections.get("closing", "").strip()
                       or _default_closing(client, language), language),
        signature=(profile.signature or profile.name).strip(),
        recipient_lines=recipient_lines(client, language),
        recipient_name=recipient_name(client, language),
        references=_references(order, language, bill),
        enclosures=[polish(e, language) for e in (list(enclosures) or enclosed)],
        order_ref=order.ref if order else None, abroad=is_abroad(client),
        reader_country=client.country, mail=localize.mail_line(mail, language),
    )
