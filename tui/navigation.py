"""Where the app goes: its sections, a record's screen, a letter, the charts and the forms.

Screens are opened by class and forms by function. What start-up need not load (ReportLab, the
templates, the forms) is imported inside the function that opens it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Concatenate, ParamSpec, cast

from textual.app import App
from textual.screen import ModalScreen, Screen

from store.i18n import _
from store.invoicing import document

from . import failure
from .screens.clients import ClientScreen, ClientsScreen
from .screens.dashboard import DashboardScreen
from .screens.orders import OrderScreen, OrdersScreen

if TYPE_CHECKING:
    from store.book import Book

    from .dialogs.host import Host

P = ParamSpec("P")


def loyalty_screen() -> Screen:
    """The loyalty section, its module imported when first shown."""
    from .screens.loyalty import LoyaltyScreen
    return LoyaltyScreen()


def journal_screen() -> Screen:
    """The journal section, its module imported when first shown."""
    from .screens.journal import JournalScreen
    return JournalScreen()


def profile_screen() -> Screen:
    """The profile section, its module imported when first shown."""
    from .screens.profile import ProfileScreen
    return ProfileScreen()


def money_screen() -> Screen:
    """The money section, its module imported when first shown."""
    from .screens.money import MoneyScreen
    return MoneyScreen()


SECTIONS: dict[str, type[Screen] | Callable[[], Screen]] = {
    "dashboard": DashboardScreen, "clients": ClientsScreen, "orders": OrdersScreen,
    "loyalty": loyalty_screen, "journal": journal_screen, "profile": profile_screen,
    "money": money_screen,
}
"""Each section's screen by name, as `App.MODES` takes them."""


class Navigation(App):
    """Opening the sections, the screens of orders, clients, plans and letters, and the forms."""

    book: Book | None
    read_only: bool
    open_ready: Callable[[str, object], bool]

    def action_go(self, section: str) -> None:
        """Show a section: dashboard, clients, orders, loyalty, journal, profile, money."""
        if self.book is None or isinstance(self.screen, ModalScreen):
            return
        if self.current_mode == section:
            while len(self.screen_stack) > 1:
                self.pop_screen()
            return
        self.switch_mode(section)

    def open_order(self, ref: str) -> None:
        """One order: its document, scope, dates and history."""
        if not self.open_ready("order", ref):
            self.push_screen(OrderScreen(ref))

    def open_client(self, client_id: int) -> None:
        """One client: card, loyalty and timeline."""
        if not self.open_ready("client", client_id):
            self.push_screen(ClientScreen(client_id))

    def open_incident(self, incident_id: int) -> None:
        """One recovery plan, step by step."""
        if not self.open_ready("plan", incident_id):
            from .screens.recovery import RecoveryScreen
            self.push_screen(RecoveryScreen(incident_id))

    def open_letter(self, kind: str | None = None, ref: str | None = None,
                    client_id: int | None = None) -> None:
        """Compose a letter about an order or to a client (its kind chosen when not given)."""
        if not self.open_ready("letter", (kind, ref, client_id)):
            from .screens.letter import LetterScreen
            self.push_screen(LetterScreen(kind=kind, ref=ref, client_id=client_id))

    def open_trends(self) -> None:
        """The kaizen charts, month by month."""
        if not self.open_ready("trends", None):
            from .screens.trends import TrendsScreen
            self.push_screen(TrendsScreen())

    def open_welcome(self) -> None:
        """The welcome of an empty book: the profile first, or the demo."""
        from .screens.welcome import WelcomeScreen
        self.push_screen(WelcomeScreen())

    def open_record(self, key: str) -> None:
        """Open what a list line points at: 'order:2026-014', 'client:5[:why]',
        'incident:3', 'follow-up:7' (done, edit or delete), 'interaction:4' (correcting it)
        or 'invoice:F-2026-0001' (its order)."""
        kind, _sep, rest = key.partition(":")
        number = rest.split(":")[0]
        if kind == "order":
            self.open_order(rest)
        elif kind == "invoice":
            self.open_document_order(rest)
        elif kind == "client":
            self.open_client(int(number))
        elif kind == "incident":
            self.open_incident(int(number))
        elif kind == "follow-up":
            from .dialogs import followup_actions
            self.open_dialog(followup_actions, int(number))
        elif kind == "interaction":
            from .dialogs import edit_interaction
            self.open_dialog(edit_interaction, int(number))

    def open_document_order(self, number: str) -> None:
        """Open the order an issued document is about."""
        ran, doc = failure.attempt(self, document, self.book, number)
        if ran and doc.order_ref:
            self.open_order(doc.order_ref)

    def show_document(self, number: str) -> None:
        """Say where an issued document's PDF is filed."""
        ran, doc = failure.attempt(self, document, self.book, number)
        if not ran:
            return
        path = self.book.data_dir / doc.file if doc.file else None
        if path is not None and path.is_file():
            self.notify(_("{number}: {path}").format(number=number, path=path),
                        title=_("Filed"), timeout=10)
        else:
            self.notify(_("{number} has no PDF in the book's documents/ folder.")
                        .format(number=number), severity="warning")

    def open_dialog(self, dialog: Callable[Concatenate[Host, P], object], *args: P.args,
                    **kwargs: P.kwargs) -> None:
        """Open a form of tui/dialogs (`dialog(app, *args)`) on the open, writable book."""
        if self.book is None:
            return
        if self.read_only:
            self.notify(_("This book is open read-only: nothing can be changed."),
                        severity="warning")
            return
        dialog(cast("Host", self), *args, **kwargs)
