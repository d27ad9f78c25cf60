"""What every dialog needs: look a record up, apply a change at once, build options."""

from __future__ import annotations

from typing import Callable, TypeVar

from textual.app import App

from store.errors import CarnetError
from store.i18n import N_
from store.labels import CAUSE_CHOICES, choices
from store.models import CAUSES
from store.orders import find_orders

from .. import failure
from .fields import Field

T = TypeVar("T")


def cause_options() -> tuple[tuple[str, object], ...]:
    """Whose doing a delay or an incident is, as select options in the interface's language."""
    return choices(CAUSES, CAUSE_CHOICES)


def options(values: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Select options whose labels are their values."""
    return tuple((value, value) for value in values)


def lookup(app: App, fetch: Callable[[], T]) -> T | None:
    """The record `fetch` returns, or None after telling the user why not."""
    try:
        return fetch()
    except CarnetError as error:
        app.notify(str(error), severity="error")
        return None


def finished(app: App, message: str, title: str = "") -> None:
    """Tell the user what changed and let every screen re-query."""
    app.notify(message, title=title)
    refresh = getattr(app, "refresh_data", None)
    if refresh is not None:
        refresh()


def apply_now(app: App, change: Callable[[], str], title: str = "") -> bool:
    """Run a change needing no form; a refusal is shown as one clear line."""
    ran, message = failure.attempt(app, change, title=title)
    if ran:
        finished(app, message, title)
    return ran


def order_options(app: App, client_id: int) -> tuple[tuple[str, str], ...]:
    """The client's orders as select options, newest first."""
    return tuple((f"{o.ref}  {o.title}"[:60], o.ref)
                 for o in find_orders(app.book, client_id=client_id))


def order_field(app: App, client_id: int, ref: str | None) -> Field:
    """A select of the client's orders, on `ref` when it is one of them, else blank."""
    choices = order_options(app, client_id)
    known = ref if any(value == ref for _, value in choices) else ""
    return Field("order_ref", N_("Order"), "select", value=known, blank=True, options=choices,
                 aliases=("order",))
