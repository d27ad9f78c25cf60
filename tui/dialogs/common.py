"""What every dialog needs: look a record up, apply a change at once, build options."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, Concatenate, ParamSpec, TypeVar

from store.book import Book
from store.errors import CarnetError
from store.i18n import N_
from store.invoicing import document
from store.labels import CAUSE_CHOICES, choices
from store.models import CAUSES
from store.orders import find_orders

from .. import failure
from .fields import Field
from .host import Host

T = TypeVar("T")
K = TypeVar("K")
P = ParamSpec("P")


def cause_options() -> tuple[tuple[str, object], ...]:
    """Whose doing a delay or an incident is, as select options in the interface's language."""
    return choices(CAUSES, CAUSE_CHOICES)


def options(values: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Select options whose labels are their values."""
    return tuple((value, value) for value in values)


def lookup(app: Host, fetch: Callable[[], T]) -> T | None:
    """The record `fetch` returns, or None after telling the user why not."""
    try:
        return fetch()
    except CarnetError as error:
        app.notify(str(error), severity="error")
        return None


def opened_on(fetch: Callable[[Book, K], T]) -> Callable[
        [Callable[Concatenate[Host, T, P], Any]], Callable[Concatenate[Host, K, P], Any]]:
    """A dialog on one record: called with the record's key, it is given the record
    `fetch(book, key)` finds; when there is none, the user is told why and nothing opens."""
    def decorate(dialog: Callable[Concatenate[Host, T, P], Any]
                 ) -> Callable[Concatenate[Host, K, P], Any]:
        @wraps(dialog)
        def opened(app: Host, key: K, /, *args: P.args, **kwargs: P.kwargs) -> Any:
            record = lookup(app, lambda: fetch(app.book, key))
            return None if record is None else dialog(app, record, *args, **kwargs)
        return opened
    return decorate


with_client = opened_on(lambda book, key: book.client(key))
"""A dialog on the client of that id."""
with_order = opened_on(lambda book, key: book.order(key))
"""A dialog on the order of that reference."""
with_followup = opened_on(lambda book, key: book.get("followups", key))
"""A dialog on the follow-up of that id."""
with_incident = opened_on(lambda book, key: book.get("incidents", key))
"""A dialog on the recovery plan of that id."""
with_interaction = opened_on(lambda book, key: book.get("interactions", key))
"""A dialog on the exchange of that id."""
with_document = opened_on(document)
"""A dialog on the issued document of that number."""


def finished(app: Host, message: str, title: str = "") -> None:
    """Tell the user what changed and let every screen re-query."""
    app.notify(message, title=title)
    app.refresh_data()


def apply_now(app: Host, change: Callable[[], str], title: str = "") -> bool:
    """Run a change needing no form; a refusal is shown as one clear line."""
    ran, message = failure.attempt(app, change, title=title)
    if ran:
        finished(app, message, title)
    return ran


def order_options(app: Host, client_id: int) -> tuple[tuple[str, str], ...]:
    """The client's orders as select options, newest first."""
    return tuple((f"{o.ref}  {o.title}"[:60], o.ref)
                 for o in find_orders(app.book, client_id=client_id))


def order_field(app: Host, client_id: int, ref: str | None) -> Field:
    """A select of the client's orders, on `ref` when it is one of them, else blank."""
    choices = order_options(app, client_id)
    known = ref if any(value == ref for _, value in choices) else ""
    return Field("order_ref", N_("Order"), "select", value=known, blank=True, options=choices,
                 aliases=("order",))
