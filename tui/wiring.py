"""Forms and screens looked up by name: the app starts without importing them (ReportLab…)."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from store.i18n import N_

SCREENS = {
    "LetterScreen": "tui.screens.letter", "RecoveryScreen": "tui.screens.recovery",
    "JournalScreen": "tui.screens.journal", "ProfileScreen": "tui.screens.profile",
    "WelcomeScreen": "tui.screens.welcome", "LoyaltyScreen": "tui.screens.loyalty",
    "TrendsScreen": "tui.screens.trends", "MoneyScreen": "tui.screens.money",
}

FOLLOW_UP_DIALOGS = {"done": "complete_followup", "edit": "edit_followup",
                     "delete": "delete_followup"}
"""The form each follow-up verb opens (the dashboard's keys, a timeline line's, the choice's)."""


def _attribute(module_name: str, name: str):
    """`module.name`, or None when that module is not written yet."""
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name and module_name.startswith(exc.name):
            return None
        raise
    return getattr(module, name, None)


def dialog(name: str) -> Callable | None:
    """The dialog function `tui.dialogs.<name>(app, …)`, if it exists."""
    return _attribute("tui.dialogs", name)


def screen(name: str) -> type | None:
    """The screen class `name` (e.g. "LetterScreen"), if it exists."""
    return _attribute(SCREENS[name], name)


OTHER_AREAS = {
    N_("Forms"): ("tui.dialogs", "FormDialog"),
    N_("Confirmation"): ("tui.dialogs", "ConfirmDialog"),
    N_("Recovery plan"): (SCREENS["RecoveryScreen"], "RecoveryScreen"),
    N_("Letter"): (SCREENS["LetterScreen"], "LetterScreen"),
    N_("Loyalty"): (SCREENS["LoyaltyScreen"], "LoyaltyScreen"),
    N_("Journal"): (SCREENS["JournalScreen"], "JournalScreen"),
    N_("Profile"): (SCREENS["ProfileScreen"], "ProfileScreen"),
    N_("Welcome"): (SCREENS["WelcomeScreen"], "WelcomeScreen"),
}
"""Forms and screens whose keys the help screen lists and a keymap may remap, by area name
(a msgid, translated where shown)."""


def other_areas() -> dict[str, list]:
    """The bindings of the forms and screens that exist, by area."""
    found = {}
    for area, (module_name, name) in OTHER_AREAS.items():
        owner = _attribute(module_name, name)
        bindings = [b for b in getattr(owner, "BINDINGS", []) if getattr(b, "id", None)]
        if bindings:
            found[area] = bindings
    return found
