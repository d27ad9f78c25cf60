"""The key bindings the help lists from the start, by id, and the keymap that remaps any key.

Here are the app's and the lists', those of the dashboard, clients, orders, money and help
screens, and the follow-up choice's. The other screens and forms keep theirs beside their
class: the form, the confirmation and the issuing wait (tui/dialogs/), the recovery plan,
letter, loyalty, journal, profile, welcome, charts and book-problem screens (tui/screens/);
tui/preload.py gathers those the help lists once their modules are imported.

A binding id reads "area.verb" (``order.postpone``); users remap keys by id. Descriptions
and tooltips are English msgids (N_), translated where shown: the footer, the help screen,
the command palette. The default keys need no modifier on a French AZERTY keyboard for
anything frequent: the sections also answer to the unshifted "&é\"'(-è", help to f1, search
to ":" (the key that carries "/"), paging to Page Up/Down.

The keymap is layered, later wins: the config file's ``keymap`` (``azerty``, ``bepo``: the
samples in tui/keymaps/, or a file's path), then ``keymap.toml`` in the book's folder, else in
Carnet's config folder::

    "order.postpone" = "P"
    "go.clients" = "f2"
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from textual.binding import Binding
from textual.keys import _character_to_key

from store.i18n import N_, _

KEYMAP_FILE = "keymap.toml"
NAMED_KEYMAPS = Path(__file__).parent / "keymaps"
"""The sample keymaps a config file names ("azerty", "bepo"), shipped with Carnet."""


def _b(key: str, action: str, description: str, id: str, tooltip: str, show: bool = True,
       priority: bool = False) -> Binding:
    """A binding that always carries an id and a tooltip."""
    return Binding(key, action, description, show=show, priority=priority, id=id,
                   tooltip=tooltip)


APP = [
    _b("1,ampersand", "go('dashboard')", N_("Dashboard"), "go.dashboard",
       N_("What needs attention today")),
    _b("2,é", "go('clients')", N_("Clients"), "go.clients", N_("Every client, searchable")),
    _b("3,quotation_mark", "go('orders')", N_("Orders"), "go.orders",
       N_("Every order, filtered and paged")),
    _b("4,apostrophe", "go('loyalty')", N_("Loyalty"), "go.loyalty",
       N_("Segments, who moved, relationship signals, the recovery paradox")),
    _b("5,left_parenthesis", "go('journal')", N_("Journal"), "go.journal",
       N_("Lessons learned and kaizen figures"), show=False),
    _b("6,minus", "go('profile')", N_("Profile"), "go.profile",
       N_("Your business's identity for letters"), show=False),
    _b("7,è", "go('money')", N_("Money"), "go.money",
       N_("Unpaid invoices, issued documents, the receipts book and its totals")),
    _b("question_mark,f1", "help", N_("Help"), "app.help", N_("Every key and what it does")),
    _b("ctrl+z", "undo", N_("Undo"), "app.undo",
       N_("Revert the last change (asks first, naming it)"), priority=True),
    _b("ctrl+y", "redo", N_("Redo"), "app.redo", N_("Apply again the change just undone"),
       show=False, priority=True),
    _b("ctrl+p", "command_palette", N_("Commands"), "app.palette", N_("Search every command"),
       show=False, priority=True),
    _b("q", "quit", N_("Quit"), "app.quit", N_("Close the book and leave Carnet")),
]
"""Everywhere: the sections (also "&é\"'(-è", the unshifted digits of AZERTY), help, undo."""

TABLE = [
    _b("right_square_bracket", "page(1)", N_("Next page"), "table.next_page",
       N_("Show the next page of rows"), show=False),
    _b("left_square_bracket", "page(-1)", N_("Prev page"), "table.prev_page",
       N_("Show the previous page of rows"), show=False),
    _b("pagedown", "page_key(1)", N_("Page down"), "table.page_down",
       N_("A screenful further; from the page's last row, the next page"), show=False,
       priority=True),
    _b("pageup", "page_key(-1)", N_("Page up"), "table.page_up",
       N_("A screenful back; from the page's first row, the previous page"), show=False,
       priority=True),
]

LIST = [
    _b("slash,colon", "search", N_("Search"), "list.search", N_("Type to filter the list")),
    _b("escape", "leave_search", N_("Back"), "list.leave_search",
       N_("From the search box to the list; from the list, back"), show=False),
]

DASHBOARD = [
    _b("l", "letter", N_("Letter"), "dashboard.letter",
       N_("The letter this line calls for: apology, feedback request, thanks…")),
    _b("r", "reload", N_("Refresh"), "dashboard.refresh", N_("Recompute what needs attention"),
       show=False),
    _b("d", "followup('done')", N_("Follow-up done"), "follow-up.done",
       N_("Mark the highlighted follow-up done"), show=False),
    _b("e", "followup('edit')", N_("Edit follow-up"), "follow-up.edit",
       N_("Change what the highlighted follow-up says or when it is due"), show=False),
    _b("x", "followup('delete')", N_("Delete follow-up"), "follow-up.delete",
       N_("Delete the highlighted follow-up, after confirmation"), show=False),
]

CLIENTS = [
    _b("a", "new_client", N_("New client"), "client.new", N_("Add a client")),
]

CLIENT = [
    _b("n", "new_order", N_("New order"), "order.new", N_("Take an order for this client")),
    _b("c", "log", N_("Log"), "client.log", N_("Log a call, email, complaint or praise")),
    _b("g", "gift", N_("Gift"), "client.gift", N_("Record a gift received from this client")),
    _b("G", "gesture", N_("Gesture"), "client.gesture", N_("Record a gesture of goodwill given"),
       show=False),
    _b("m", "mark", N_("Mark"), "client.mark", N_("Mark active, difficult or parted")),
    _b("l", "letter", N_("Letter"), "client.letter", N_("Write a letter to this client")),
    _b("e", "edit", N_("Edit"), "client.edit", N_("Edit the contact card")),
    _b("o", "orders", N_("Orders"), "client.orders", N_("This client's orders"), show=False),
    _b("f", "add_followup", N_("Follow-up"), "follow-up.add",
       N_("Promise a call-back or an answer, with its due date")),
    _b("d", "line('done')", N_("Follow-up done"), "follow-up.done",
       N_("Mark the highlighted follow-up done"), show=False),
    _b("E", "line('edit')", N_("Edit line"), "timeline.edit",
       N_("Correct the highlighted exchange or follow-up"), show=False),
    _b("x", "line('delete')", N_("Delete line"), "timeline.delete",
       N_("Delete the highlighted exchange or follow-up, after confirmation"), show=False),
    _b("X", "delete", N_("Delete client"), "client.delete",
       N_("Delete a client entered by mistake (only one without orders or letters)"),
       show=False),
    _b("escape", "back", N_("Back"), "nav.back", N_("Back to the previous screen")),
]

ORDERS = [
    _b("a", "new_order", N_("New order"), "order.new", N_("Take a new order")),
    _b("s", "cycle_status", N_("Status"), "orders.status", N_("Cycle the status filter")),
]

ORDER = [
    _b("p", "postpone", N_("Postpone"), "order.postpone", N_("Move the due date (reason, cause)")),
    _b("d", "deliver", N_("Deliver"), "order.deliver", N_("Deliver the work today")),
    _b("w", "pause", N_("Wait"), "order.pause", N_("Pause or resume while waiting on the client")),
    _b("l", "letter", N_("Letter"), "order.letter", N_("Write a letter about this order")),
    _b("i", "incident", N_("Incident"), "order.incident",
       N_("Open a recovery plan (or show the one already open)")),
    _b("c", "log", N_("Log"), "order.log", N_("Log an exchange about this order")),
    _b("x", "cancel", N_("Cancel"), "order.cancel", N_("Cancel the order"), show=False),
    _b("plus", "extra", N_("Extra"), "order.extra",
       N_("Record work asked for later (a summary…)"), show=False),
    _b("dollar_sign", "paid", N_("Paid"), "order.paid", N_("Mark the delivered order paid today"),
       show=False),
    _b("t", "status", N_("Status"), "order.status",
       N_("Move on: quote → accepted → in progress"), show=False),
    _b("e", "edit", N_("Edit"), "order.edit", N_("Edit the order"), show=False),
    _b("k", "client", N_("Client"), "order.client", N_("Open the client"), show=False),
    _b("f", "add_followup", N_("Follow-up"), "follow-up.add",
       N_("Promise a call-back or an answer about this order, with its due date")),
    _b("X", "delete", N_("Delete quote"), "order.delete",
       N_("Delete an order still a quote (anything later is cancelled)"), show=False),
    _b("Q", "issue('quote')", N_("Quote"), "order.quote",
       N_("Issue the order's quote (devis) as a PDF; asks first, naming its number"), show=False),
    _b("I", "issue('invoice')", N_("Invoice"), "order.invoice",
       N_("Issue the delivered order's invoice as a Factur-X PDF; asks first, naming its number")),
    _b("A", "deposit", N_("Deposit"), "order.deposit",
       N_("Ask for a deposit (facture d'acompte) of an amount you type, before the work is done"),
       show=False),
    _b("escape", "back", N_("Back"), "nav.back", N_("Back to the previous screen")),
]

MONEY = [
    _b("p", "pay", N_("Payment"), "money.pay",
       N_("Record a payment (amount, method, date) for the highlighted unpaid invoice")),
    _b("l", "remind", N_("Reminder"), "money.remind",
       N_("Write a reminder for the highlighted unpaid invoice (a formal notice after one)")),
    _b("s", "cycle_span", N_("Period"), "money.span",
       N_("Show the receipts of a quarter, a month or the year")),
    _b("comma", "move_period(-1)", N_("Earlier"), "money.earlier",
       N_("The receipts of the period before"), show=False),
    _b("full_stop", "move_period(1)", N_("Later"), "money.later",
       N_("The receipts of the period after"), show=False),
    _b("o", "open_order", N_("Order"), "money.order",
       N_("Open the order of the highlighted invoice, document or receipt"), show=False),
]

HELP = [
    _b("escape", "dismiss", N_("Close"), "help.close", N_("Close the help")),
    _b("i", "toggle_ids", N_("Ids"), "help.ids",
       N_("Show or hide each key's id, as a keymap file names it")),
]

FOLLOW_UP = [
    _b("d", "choose('done')", N_("Done"), "follow-up.done", N_("Mark the follow-up done")),
    _b("e", "choose('edit')", N_("Edit"), "follow-up.edit",
       N_("Change what the follow-up says or when it is due")),
    _b("x", "choose('delete')", N_("Delete"), "follow-up.delete",
       N_("Delete the follow-up, after confirmation")),
    _b("escape", "choose('')", N_("Close"), "follow-up.close", N_("Leave the follow-up as it is")),
]

AREAS = {
    N_("Everywhere"): APP, N_("Lists"): LIST + TABLE, N_("Dashboard"): DASHBOARD,
    N_("Clients"): CLIENTS, N_("Client"): CLIENT, N_("Orders"): ORDERS, N_("Order"): ORDER,
    N_("Money"): MONEY, N_("Follow-up"): FOLLOW_UP,
}
"""Bindings grouped as the help screen shows them, by area name (a msgid)."""


@dataclass
class Keymap:
    """A user's key overrides by binding id, the files they came from, what was wrong."""

    keys: dict[str, str] = field(default_factory=dict)
    path: Path | None = None
    """The last file read (the one that wins), None without any."""
    problems: list[str] = field(default_factory=list)


def known_ids(areas: dict[str, list[Binding]] | None = None) -> set[str]:
    """Every binding id a keymap may name (of AREAS, or of the areas given)."""
    return {b.id for bindings in (areas or AREAS).values() for b in bindings if b.id}


def keymap_paths(data_dir: Path) -> list[Path]:
    """Where a keymap.toml is looked for, first found wins: the book's folder, then the
    config file's folder."""
    from store.config import config_path

    return [data_dir / KEYMAP_FILE, config_path().parent / KEYMAP_FILE]


def named_keymap(name: str) -> Path:
    """The file the config's `keymap` names: a shipped sample ("azerty", "bepo") or a path
    (relative to the config file's folder)."""
    from store.config import config_path

    sample = NAMED_KEYMAPS / f"{name.strip().lower().replace('é', 'e')}.toml"
    if sample.is_file():
        return sample
    return config_path().parent / Path(name.strip()).expanduser()


def load_keymap(data_dir: Path, named: str = "") -> Keymap:
    """The config's keymap (`named`), then the first keymap.toml found over it; a broken file
    or entry is reported, never fatal."""
    keymap = Keymap()
    if named.strip():
        path = named_keymap(named)
        if path.is_file():
            _read_keymap(keymap, path)
        else:
            keymap.problems.append(_("The config file's keymap {name!r} is neither azerty, bepo "
                                     "nor a file; default keys kept").format(name=named))
    path = next((p for p in keymap_paths(data_dir) if p.is_file()), None)
    if path is not None:
        _read_keymap(keymap, path)
    return keymap


def _read_keymap(keymap: Keymap, path: Path) -> None:
    """Lay the keys of one keymap file over `keymap`."""
    keymap.path = path
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        keymap.problems.append(_("{path}: cannot be read ({error}); default keys kept")
                               .format(path=path, error=exc))
        return
    table = raw.get("keys", raw) if isinstance(raw.get("keys"), dict) else raw
    for binding_id, keys in table.items():
        if not isinstance(keys, str) or not keys.strip():
            keymap.problems.append(_('{path}: {id} needs a key such as "ctrl+k"')
                                   .format(path=path, id=binding_id))
        else:
            keymap.keys[binding_id] = ",".join(k.strip() for k in keys.split(",") if k.strip())


KEY_LABELS = {"pgdn": N_("PgDn"), "pgup": N_("PgUp")}
"""Keys whose label is written on the keyboard in its language (msgids)."""


def key_label(shown: str) -> str:
    """A key as the footer and the help show it: "«" rather than its Unicode name, "Pg Suiv"
    in French."""
    modifiers, _plus, key = shown.rpartition("+") if len(shown) > 1 else ("", "", shown)
    key = _(KEY_LABELS[key]) if key in KEY_LABELS else _characters().get(key, key)
    return f"{modifiers}+{key}" if modifiers else key


@lru_cache(maxsize=1)
def _characters() -> dict[str, str]:
    """Textual's key name of each printable sign of Latin-1 and the general punctuation."""
    signs = (chr(code) for code in [*range(0x21, 0x250), *range(0x2010, 0x2060)])
    return {_character_to_key(sign): sign for sign in signs
            if sign.isprintable() and not sign.isalnum()}


def unknown_ids(keymap: Keymap, ids: set[str]) -> list[str]:
    """One problem line per id of the keymap that names no binding."""
    return [_("{path}: unknown binding id '{id}'").format(path=keymap.path, id=binding_id)
            for binding_id in keymap.keys if binding_id not in ids]
