"""argparse's own messages ("usage: ", "options", its errors) in the interface language.

argparse looks up module-level `_` and `ngettext` each time it speaks; they are pointed at
store.i18n's, and its messages are marked here so extraction puts them in the catalog.
"""

from __future__ import annotations

import argparse

from store.i18n import N_, _, ngettext

ARGPARSE_MESSAGES = (
    N_("usage: "), N_("positional arguments"), N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("expected one argument"), N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("unexpected option string: %s"),
)
"""What argparse says to a person (Python 3.11's msgids), marked for the catalog."""


def _plurals(count: int) -> str:
    """Never called: marks argparse's plural message for extraction."""
    return ngettext("expected %s argument", "expected %s arguments", count)


def _gettext(message):
    """store.i18n's `_`, letting through the None argparse sometimes passes."""
    return _(message) if isinstance(message, str) else message


def speak_argparse() -> None:
    """Route argparse's messages through the interface language."""
    argparse._ = _gettext
    argparse.ngettext = ngettext
