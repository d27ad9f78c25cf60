"""The `letter` and `letters` sub-commands' wiring: their arguments and their handler.

Parsing needs no ReportLab; the handler imports the letters package only when it runs.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from store.i18n import _


def letter_command(name: str) -> Callable[[argparse.Namespace], int | None]:
    """`letter` or `letters`: ReportLab is imported only when one runs."""
    def run(args: argparse.Namespace) -> int | None:
        from cli.common import writing
        from letters import commands
        with writing(args) as book:
            return getattr(commands, f"cmd_{name}")(args, book)
    return run


def letter_arguments(name: str) -> Callable[[argparse.ArgumentParser], None]:
    """The letter commands' arguments, without importing ReportLab to parse them."""
    def add(parser: argparse.ArgumentParser) -> None:
        from store.models import LETTER_KINDS, PAYMENT_LETTER_KINDS
        KINDS = LETTER_KINDS + PAYMENT_LETTER_KINDS

        def kind(text: str) -> str:
            if text not in KINDS:
                raise argparse.ArgumentTypeError(
                    _("unknown letter kind {text!r}; choose one of {kinds}")
                    .format(text=text, kinds=", ".join(KINDS)))
            return text
        parser.add_argument("kind", type=kind, metavar="KIND", help=", ".join(KINDS))
        parser.add_argument("--lang", choices=("fr", "en"),
                            help=_("default: the client's language"))
        parser.add_argument("--new-date", metavar="DATE", dest="new_date",
                            help=_("apology: the new date it gives (YYYY-MM-DD); the order is "
                                   "postponed to it (cause: mine)"))
        parser.add_argument("--enclosure", metavar="TEXT", action="append", default=[],
                            dest="enclosures", help=_("an enclosure listed under the signature "
                                                      "(repeat for more)"))
        parser.add_argument("--mail", choices=("registered", "registered-ar"), default="",
                            help=_("special mail, printed above the address: registered, or "
                                   "registered with advice of delivery (AR)"))
        if name == "letter":
            parser.add_argument("ref", metavar="REF",
                                help=_("an order reference (2026-014), a client id, or for "
                                       "reminder and formal-notice an invoice number "
                                       "(F-2026-0001)"))
            parser.add_argument("--out", metavar="FILE", type=Path,
                                help=_("also write the PDF to FILE"))
        else:
            parser.add_argument("--overdue", action="store_true", required=True,
                                help=_("one letter per overdue order"))
    return add
