"""Every key binding of Carnet, by id, and the user's keymap that remaps them.

A binding id reads "area.verb" (``order.postpone``); the command palette turns it
into "order: postpone" and the help screen lists it. Users remap keys by id in
``keymap.toml`` (in the book's folder, else in Carnet's config folder)::

    "order.postpone" = "P"
    "go.clients" = "f2"
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_config_dir
from textual.binding import Binding

KEYMAP_FILE = "keymap.toml"


def _b(key: str, action: str, description: str, id: str, tooltip: str, show: bool = True,
       priority: bool = False) -> Binding:
    """A binding that always carries an id and a tooltip."""
    return Binding(key, action, description, show=show, priority=priority, id=id,
                   tooltip=tooltip)


APP = [
    _b("1", "go('dashboard')", "Dashboard", "go.dashboard", "What needs attention today"),
    _b("2", "go('clients')", "Clients", "go.clients", "Every client, searchable"),
    _b("3", "go('orders')", "Orders", "go.orders", "Every order, filtered and paged"),
    _b("4", "go('loyalty')", "Loyalty", "go.loyalty",
       "Segments, who moved, relationship signals, the recovery paradox"),
    _b("5", "go('journal')", "Journal", "go.journal", "Lessons learned and kaizen figures"),
    _b("6", "go('profile')", "Profile", "go.profile", "Your business's identity for letters",
       show=False),
    _b("7", "go('money')", "Money", "go.money",
       "Unpaid invoices, issued documents, the receipts book and its totals"),
    _b("question_mark", "help", "Help", "app.help", "Every key and what it does"),
    _b("ctrl+z", "undo", "Undo", "app.undo", "Revert the last change (asks first, naming it)",
       priority=True),
    _b("ctrl+y", "redo", "Redo", "app.redo", "Apply again the change just undone",
       show=False, priority=True),
    _b("ctrl+p", "command_palette", "Commands", "app.palette", "Search every command",
       show=False, priority=True),
    _b("q", "quit", "Quit", "app.quit", "Close the book and leave Carnet"),
]

TABLE = [
    _b("right_square_bracket", "page(1)", "Next page", "table.next_page",
       "Show the next page of rows", show=False),
    _b("left_square_bracket", "page(-1)", "Prev page", "table.prev_page",
       "Show the previous page of rows", show=False),
]

LIST = [
    _b("slash", "search", "Search", "list.search", "Type to filter the list"),
    _b("escape", "leave_search", "Back", "list.leave_search",
       "From the search box to the list; from the list, back", show=False),
]

DASHBOARD = [
    _b("l", "letter", "Letter", "dashboard.letter",
       "The letter this line calls for: apology, feedback request, thanks…"),
    _b("r", "reload", "Refresh", "dashboard.refresh", "Recompute what needs attention",
       show=False),
    _b("d", "followup('done')", "Done", "follow-up.done",
       "Mark the highlighted follow-up done", show=False),
    _b("e", "followup('edit')", "Edit", "follow-up.edit",
       "Change what the highlighted follow-up says or when it is due", show=False),
    _b("x", "followup('delete')", "Delete", "follow-up.delete",
       "Delete the highlighted follow-up, after confirmation", show=False),
]

CLIENTS = [
    _b("a", "new_client", "New client", "client.new", "Add a client"),
]

CLIENT = [
    _b("n", "new_order", "New order", "order.new", "Take an order for this client"),
    _b("c", "log", "Log", "client.log", "Log a call, email, complaint or praise"),
    _b("g", "gift", "Gift", "client.gift", "Record a gift received from this client"),
    _b("G", "gesture", "Gesture", "client.gesture", "Record a gesture of goodwill given",
       show=False),
    _b("m", "mark", "Mark", "client.mark", "Mark active, difficult or parted"),
    _b("l", "letter", "Letter", "client.letter", "Write a letter to this client"),
    _b("e", "edit", "Edit", "client.edit", "Edit the contact card"),
    _b("o", "orders", "Orders", "client.orders", "This client's orders", show=False),
    _b("f", "add_followup", "Follow-up", "follow-up.add",
       "Promise a call-back or an answer, with its due date"),
    _b("d", "line('done')", "Done", "follow-up.done",
       "Mark the highlighted follow-up done", show=False),
    _b("E", "line('edit')", "Edit line", "timeline.edit",
       "Correct the highlighted exchange or follow-up", show=False),
    _b("x", "line('delete')", "Delete line", "timeline.delete",
       "Delete the highlighted exchange or follow-up, after confirmation", show=False),
    _b("X", "delete", "Delete client", "client.delete",
       "Delete a client entered by mistake (only one without orders or letters)",
       show=False),
    _b("escape", "back", "Back", "nav.back", "Back to the previous screen"),
]

ORDERS = [
    _b("a", "new_order", "New order", "order.new", "Take a new order"),
    _b("s", "cycle_status", "Status", "orders.status", "Cycle the status filter"),
]

ORDER = [
    _b("p", "postpone", "Postpone", "order.postpone", "Move the due date (reason, cause)"),
    _b("d", "deliver", "Deliver", "order.deliver", "Deliver the work today"),
    _b("w", "pause", "Wait", "order.pause", "Pause or resume while waiting on the client"),
    _b("l", "letter", "Letter", "order.letter", "Write a letter about this order"),
    _b("i", "incident", "Incident", "order.incident",
       "Open a recovery plan (or show the one already open)"),
    _b("c", "log", "Log", "order.log", "Log an exchange about this order"),
    _b("x", "cancel", "Cancel", "order.cancel", "Cancel the order", show=False),
    _b("plus", "extra", "Extra", "order.extra", "Record work asked for later (a summary…)",
       show=False),
    _b("dollar_sign", "paid", "Paid", "order.paid", "Mark the delivered order paid today",
       show=False),
    _b("t", "status", "Status", "order.status", "Move on: quote → accepted → in progress",
       show=False),
    _b("e", "edit", "Edit", "order.edit", "Edit the order", show=False),
    _b("k", "client", "Client", "order.client", "Open the client", show=False),
    _b("f", "add_followup", "Follow-up", "follow-up.add",
       "Promise a call-back or an answer about this order, with its due date"),
    _b("X", "delete", "Delete quote", "order.delete",
       "Delete an order still a quote (anything later is cancelled)", show=False),
    _b("Q", "issue('quote')", "Quote", "order.quote",
       "Issue the order's quote (devis) as a PDF; asks first, naming its number", show=False),
    _b("I", "issue('invoice')", "Invoice", "order.invoice",
       "Issue the delivered order's invoice as a Factur-X PDF; asks first, naming its number"),
    _b("A", "deposit", "Deposit", "order.deposit",
       "Ask for a deposit (facture d'acompte) of an amount you type, before the work is done",
       show=False),
    _b("escape", "back", "Back", "nav.back", "Back to the previous screen"),
]

MONEY = [
    _b("p", "pay", "Payment", "money.pay",
       "Record a payment (amount, method, date) for the highlighted unpaid invoice"),
    _b("l", "remind", "Reminder", "money.remind",
       "Write a reminder for the highlighted unpaid invoice (a formal notice after one)"),
    _b("s", "cycle_span", "Period", "money.span",
       "Show the receipts of a quarter, a month or the year"),
    _b("comma", "move_period(-1)", "Earlier", "money.earlier",
       "The receipts of the period before", show=False),
    _b("full_stop", "move_period(1)", "Later", "money.later",
       "The receipts of the period after", show=False),
    _b("o", "open_order", "Order", "money.order",
       "Open the order of the highlighted invoice, document or receipt", show=False),
]

HELP = [
    _b("escape", "dismiss", "Close", "help.close", "Close the help"),
]

FOLLOW_UP = [
    _b("d", "choose('done')", "Done", "follow-up.done", "Mark the follow-up done"),
    _b("e", "choose('edit')", "Edit", "follow-up.edit",
       "Change what the follow-up says or when it is due"),
    _b("x", "choose('delete')", "Delete", "follow-up.delete",
       "Delete the follow-up, after confirmation"),
    _b("escape", "choose('')", "Close", "follow-up.close", "Leave the follow-up as it is"),
]

AREAS = {
    "Everywhere": APP, "Lists": LIST + TABLE, "Dashboard": DASHBOARD, "Clients": CLIENTS,
    "Client": CLIENT, "Orders": ORDERS, "Order": ORDER, "Money": MONEY, "Follow-up": FOLLOW_UP,
}
"""Bindings grouped as the help screen shows them."""


@dataclass
class Keymap:
    """A user's key overrides by binding id, and what was wrong with the file."""

    keys: dict[str, str] = field(default_factory=dict)
    path: Path | None = None
    problems: list[str] = field(default_factory=list)


def known_ids(areas: dict[str, list[Binding]] | None = None) -> set[str]:
    """Every binding id a keymap may name (of AREAS, or of the areas given)."""
    return {b.id for bindings in (areas or AREAS).values() for b in bindings if b.id}


def keymap_paths(data_dir: Path) -> list[Path]:
    """Where a keymap is looked for, first found wins: the book's folder, then the config folder."""
    return [data_dir / KEYMAP_FILE, Path(user_config_dir("carnet")) / KEYMAP_FILE]


def load_keymap(data_dir: Path) -> Keymap:
    """Read the first keymap found; a broken file or entry is reported, never fatal."""
    path = next((p for p in keymap_paths(data_dir) if p.is_file()), None)
    if path is None:
        return Keymap()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return Keymap(path=path, problems=[f"{path}: cannot be read ({exc}); default keys kept"])
    table = raw.get("keys", raw) if isinstance(raw.get("keys"), dict) else raw
    keymap = Keymap(path=path)
    for binding_id, keys in table.items():
        if not isinstance(keys, str) or not keys.strip():
            keymap.problems.append(f"{path}: {binding_id} needs a key such as \"ctrl+k\"")
        else:
            keymap.keys[binding_id] = keys.strip()
    return keymap


def unknown_ids(keymap: Keymap, ids: set[str]) -> list[str]:
    """One problem line per id of the keymap that names no binding."""
    return [f"{keymap.path}: unknown binding id {binding_id!r}"
            for binding_id in keymap.keys if binding_id not in ids]
