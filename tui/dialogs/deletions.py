"""Deleting what was entered by mistake, after confirmation; the store says what may go."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App

from store import clients, orders, relations
from store.formats import day
from store.i18n import N_, _
from store.labels import kind_label

from .. import failure
from .common import finished, lookup
from .confirm import ConfirmDialog

UNDO_HINT = N_("ctrl+z brings it back.")
NOT_DELETED = N_("Not deleted")


def _delete_after_yes(app: App, question: str, yes: str, change: Callable[[], str],
                      then: Callable[[], None] | None = None):
    """Ask; on yes run the change, then `then` (leave the deleted record's screen), then tell."""
    def answered(confirmed: bool | None) -> None:
        if not confirmed:
            return
        ran, message = failure.attempt(app, change, title=_(NOT_DELETED))
        if not ran:
            return
        if then is not None:
            then()
        finished(app, message)

    question = f"{question}\n{_(UNDO_HINT)}"
    return app.push_screen(ConfirmDialog(question, yes=yes, no=_("Keep it")), answered)


def _deletable(app: App, check: Callable[[], None]) -> bool:
    """Ask the store first: a refusal is said at once, before any confirmation."""
    return failure.attempt(app, check, title=_(NOT_DELETED))[0]


def delete_followup(app: App, followup_id: int):
    """Delete a follow-up entered by mistake, once confirmed."""
    followup = lookup(app, lambda: app.book.get("followups", followup_id))
    if followup is None:
        return None

    def change() -> str:
        relations.delete_followup(app.book, followup_id)
        return _("Follow-up deleted: {what}").format(what=followup.what)

    question = _("Delete the follow-up “{what}”, due {day}?").format(what=followup.what,
                                                                      day=day(followup.due))
    return _delete_after_yes(app, question, _("Delete it"), change)


def delete_interaction(app: App, interaction_id: int):
    """Delete an exchange logged by mistake, once confirmed."""
    interaction = lookup(app, lambda: app.book.get("interactions", interaction_id))
    if interaction is None:
        return None

    def change() -> str:
        relations.delete_interaction(app.book, interaction_id)
        return _("Exchange deleted: {kind} of {day}").format(kind=kind, day=when)

    kind, when = kind_label(interaction.kind), day(interaction.when.date())
    text = interaction.text if len(interaction.text) <= 80 else interaction.text[:79] + "…"
    question = _("Delete the {kind} of {day}?").format(kind=kind, day=when) + f"\n{text}"
    return _delete_after_yes(app, question, _("Delete it"), change)


def delete_client(app: App, client_id: int, then: Callable[[], None] | None = None):
    """Delete a client entered by mistake, once confirmed; the store refuses one with history."""
    client = lookup(app, lambda: app.book.client(client_id))
    if client is None or not _deletable(app, lambda: clients.check_deletable(app.book, client_id)):
        return None

    def change() -> str:
        clients.delete_client(app.book, client_id)
        return _("{name} deleted").format(name=client.name)

    question = _("Delete the client {name}, with their exchanges and follow-ups?").format(
        name=client.name)
    return _delete_after_yes(app, question, _("Delete the client"), change, then)


def delete_order(app: App, ref: str, then: Callable[[], None] | None = None):
    """Delete an order still a quote, once confirmed; anything later is cancelled instead."""
    order = lookup(app, lambda: app.book.order(ref))
    if order is None or not _deletable(app, lambda: orders.check_deletable(app.book, ref)):
        return None

    def change() -> str:
        orders.delete_order(app.book, ref)
        return _("Quote {ref} deleted").format(ref=ref)

    question = _("Delete the quote {ref} — {title}, with its follow-ups?").format(
        ref=ref, title=order.title)
    return _delete_after_yes(app, question, _("Delete the quote"), change, then)
