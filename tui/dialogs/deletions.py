"""Deleting what was entered by mistake, after confirmation; the store says what may go."""

from __future__ import annotations

from collections.abc import Callable

from store import clients, orders, relations
from store.formats import day
from store.i18n import N_, _
from store.labels import kind_label
from store.models import Client, FollowUp, Interaction, Order

from .. import failure
from .common import finished, with_client, with_followup, with_interaction, with_order
from .confirm import ConfirmDialog
from .host import Host

UNDO_HINT = N_("ctrl+z brings it back.")
NOT_DELETED = N_("Not deleted")


def _delete_after_yes(app: Host, question: str, yes: str, change: Callable[[], str],
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


def _deletable(app: Host, check: Callable[[], None]) -> bool:
    """Ask the store first: a refusal is said at once, before any confirmation."""
    return failure.attempt(app, check, title=_(NOT_DELETED))[0]


@with_followup
def delete_followup(app: Host, followup: FollowUp):
    """Delete a follow-up entered by mistake, once confirmed."""
    def change() -> str:
        relations.delete_followup(app.book, followup.id)
        return _("Follow-up deleted: {what}").format(what=followup.what)

    question = _("Delete the follow-up “{what}”, due {day}?").format(what=followup.what,
                                                                      day=day(followup.due))
    return _delete_after_yes(app, question, _("Delete it"), change)


@with_interaction
def delete_interaction(app: Host, interaction: Interaction):
    """Delete an exchange logged by mistake, once confirmed."""
    def change() -> str:
        relations.delete_interaction(app.book, interaction.id)
        return _("Exchange deleted: {kind} of {day}").format(kind=kind, day=when)

    kind, when = kind_label(interaction.kind), day(interaction.when.date())
    text = interaction.text if len(interaction.text) <= 80 else interaction.text[:79] + "…"
    question = _("Delete the {kind} of {day}?").format(kind=kind, day=when) + f"\n{text}"
    return _delete_after_yes(app, question, _("Delete it"), change)


@with_client
def delete_client(app: Host, client: Client, then: Callable[[], None] | None = None):
    """Delete a client entered by mistake, once confirmed; the store refuses one with history."""
    if not _deletable(app, lambda: clients.check_deletable(app.book, client.id)):
        return None

    def change() -> str:
        clients.delete_client(app.book, client.id)
        return _("{name} deleted").format(name=client.name)

    question = _("Delete the client {name}, with their exchanges and follow-ups?").format(
        name=client.name)
    return _delete_after_yes(app, question, _("Delete the client"), change, then)


@with_order
def delete_order(app: Host, order: Order, then: Callable[[], None] | None = None):
    """Delete an order still a quote, once confirmed; anything later is cancelled instead."""
    ref = order.ref
    if not _deletable(app, lambda: orders.check_deletable(app.book, ref)):
        return None

    def change() -> str:
        orders.delete_order(app.book, ref)
        return _("Quote {ref} deleted").format(ref=ref)

    question = _("Delete the quote {ref} — {title}, with its follow-ups?").format(
        ref=ref, title=order.title)
    return _delete_after_yes(app, question, _("Delete the quote"), change, then)
