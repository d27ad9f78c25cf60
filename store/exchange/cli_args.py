"""Command-line arguments of the exchange sub-commands (argparse only: cheap to import)."""

from __future__ import annotations

import argparse

EXPORT_FORMATS = ("json", "csv", "ics", "vcard")
CSV_TABLES = ("clients", "orders", "interactions")


def client_id(text: str) -> int:
    """A client id: a positive whole number."""
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a client id (a positive whole number)")
    return int(text)


def _yes(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--yes", action="store_true",
                        help="do not ask for confirmation (required without a terminal)")


def export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("format", choices=EXPORT_FORMATS,
                        help="json: the whole book; csv: one table; ics: due dates and "
                             "follow-ups; vcard: clients")
    parser.add_argument("--what", choices=CSV_TABLES, help="the table to export as CSV")
    parser.add_argument("--out", metavar="FILE", required=True, help="the file to write")


def import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("format", choices=("json", "csv"),
                        help="json: a Carnet export, into an empty book; csv: clients or orders "
                             "(told by the headers, see docs/import-csv.md)")
    parser.add_argument("file", metavar="FILE", help="the file to import")
    parser.add_argument("--skip-bad-rows", action="store_true",
                        help="import the good rows of a CSV even if some rows have errors")
    _yes(parser)


def restore_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="a backup (backups/book-….json)")
    _yes(parser)

