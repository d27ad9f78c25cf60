"""Deleting what was entered by mistake, after confirmation; the store says what may go."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App

from store import clients, orders, relations

from .. import failure
from .common import finished, lookup
from .confirm import ConfirmDialog

UNDO_HINT = "ctrl+z brings it back."
NOT_DELETED = "Not deleted"


def _delete_after_yes(app: App, question: str, yes: str, change: Callable[[], str],
                      then: Callable[[], None] | None = None):
    """Ask; on yes run the change, then `then` (leave the deleted record's screen), then tell."""
    def answered(confirmed: bool | None) -> None:
        if not confirmed:
            return
        ran, message = failure.attempt(app, change, title=NOT_DELETED)
        if not ran:
            return
        if then is not None:
            then()
        finished(app, message)

    return app.push_screen(ConfirmDialog(question, yes=yes, no="Keep it"), answered)


def _deletable(app: App, check: Callable[[], None]) -> bool:
    """Ask the store first: a refusal is said at once, before any confirmation."""
    return failure.attempt(app, check, title=NOT_DELETED)[0]


def delete_followup(app: App, followup_id: int):
    """Delete a follow-up entered by mistake, once confirmed."""
    followup = lookup(app, lambda: app.book.get("followups", followup_id))
    if followup is None:
        return None

    def change() -> str:
        relations.delete_followup(app.book, followup_id)
        return f"Follow-up deleted: {followup.what}"

    question = (f"Delete the follow-up “{followup.what}”, due "
                f"{followup.due:%d/%m/%Y}?\n{UNDO_HINT}")
    return _delete_after_yes(app, question, "Delete it", change)


def delete_interaction(app: App, interaction_id: int):
    """Delete an exchange logged by mistake, once confirmed."""
    interaction = lookup(app, lambda: app.book.get("interactions", interaction_id))
    if interaction is None:
        return None

    def change() -> str:
        relations.delete_interaction(app.book, interaction_id)
        return f"Exchange deleted: {interaction.kind} of {interaction.when:%d/%m/%Y}"

    text = interaction.text if len(interaction.text) <= 80 else interaction.text[:79] + "…"
    question = (f"Delete the {interaction.kind} of {interaction.when:%d/%m/%Y}?\n"
                f"{text}\n{UNDO_HINT}")
    return _delete_after_yes(app, question, "Delete it", change)


def delete_client(app: App, client_id: int, then: Callable[[], None] | None = None):
    """Delete a client entered by mistake, once confirmed; the store refuses one with history."""
    client = lookup(app, lambda: app.book.client(client_id))
    if client is None or not _deletable(app, lambda: clients.check_deletable(app.book, client_id)):
        return None

    def change() -> str:
        clients.delete_client(app.book, client_id)
        return f"{client.name} deleted"

    question = (f"Delete the client {client.name}, with their exchanges and follow-ups?\n"
                f"{UNDO_HINT}")
    return _delete_after_yes(app, question, "Delete the client", change, then)


def delete_order(app: App, ref: str, then: Callable[[], None] | None = None):
    """Delete an order still a quote, once confirmed; anything later is cancelled instead."""
    order = lookup(app, lambda: app.book.order(ref))
    if order is None or not _deletable(app, lambda: orders.check_deletable(app.book, ref)):
        return None

    def change() -> str:
        orders.delete_order(app.book, ref)
        return f"Quote {ref} deleted"

    question = f"Delete the quote {ref} — {order.title}, with its follow-ups?\n{UNDO_HINT}"
    return _delete_after_yes(app, question, "Delete the quote", change, then)
