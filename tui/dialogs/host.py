"""What the dialogs need of the app they open in: its book, its day, notices, screens."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, Protocol, cast

from textual.dom import DOMNode
from textual.notifications import SeverityLevel
from textual.screen import Screen

from store.book import Book


class Host(Protocol):
    """The app as a dialog sees it: CarnetApp, or the tests' harness."""

    book: Book
    """The open book (a dialog is opened only on one)."""
    today: date
    """The day every rule is computed for."""

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Show one notification."""

    def push_screen(self, screen: Screen[Any],
                    callback: Callable[[Any], object] | None = None) -> Any:
        """Show a form or a question; `callback` receives its answer."""

    def refresh_data(self) -> None:
        """Tell every screen the book changed."""

    def open_incident(self, incident_id: int) -> None:
        """Show a recovery plan."""

    def open_letter(self, kind: str | None = None, ref: str | None = None,
                    client_id: int | None = None) -> None:
        """Compose a letter about an order or to a client."""


def host(node: DOMNode) -> Host:
    """The app a dialog's screen runs in, as a Host."""
    return cast(Host, node.app)
