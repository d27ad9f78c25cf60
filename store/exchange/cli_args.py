"""Command-line arguments of the exchange sub-commands (argparse only: cheap to import)."""

from __future__ import annotations

import argparse

from ..i18n import _, choose_language, language, use_language

EXPORT_FORMATS = ("json", "csv", "ics", "vcard")
CSV_TABLES = ("clients", "orders", "interactions")
CSV_DIALECTS = ("portable", "excel-fr")
"""portable: commas, decimal points, ISO dates; excel-fr: what a French spreadsheet reads."""


def client_id(text: str) -> int:
    """A client id: a positive whole number."""
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a client id (a positive whole number)").format(text=text))
    return int(text)


def _yes(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--yes", action="store_true",
                        help=_("do not ask for confirmation (required without a terminal)"))


def export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("format", choices=EXPORT_FORMATS,
                        help=_("json: the whole book; csv: one table; ics: due dates and "
                               "follow-ups; vcard: clients"))
    parser.add_argument("--what", choices=CSV_TABLES, help=_("the table to export as CSV"))
    parser.add_argument("--dialect", choices=CSV_DIALECTS, default="portable",
                        help=_("csv: portable (default: commas, decimal points, ISO dates) or "
                               "excel-fr (semicolons, decimal commas, dates dd/mm/yyyy, for a "
                               "French spreadsheet)"))
    parser.add_argument("--out", metavar="FILE", required=True, help=_("the file to write"))


def import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("format", choices=("json", "csv"),
                        help=_("json: a Carnet export, into an empty book; csv: clients, "
                               "orders or interactions (told by the headers, see "
                               "docs/import-csv.md)"))
    parser.add_argument("file", metavar="FILE", help=_("the file to import"))
    parser.add_argument("--skip-bad-rows", action="store_true",
                        help=_("import the good rows of a CSV even if some rows have errors"))
    _yes(parser)


def restore_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help=_("a backup (backups/book-….json)"))
    _yes(parser)



def follow_profile(args: argparse.Namespace, book) -> None:
    """Once the book is open, its profile's language for the run, unless one was chosen
    already (CARNET_LANG, the config file, or --json, which is always English)."""
    if getattr(args, "language_fixed", True):
        return
    chosen = choose_language(None, book.profile.language)
    if chosen != language():
        use_language(chosen)
    args.language_fixed = True
