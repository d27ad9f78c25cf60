"""The `letter` and `letters` sub-commands: one PDF, or one per overdue order."""

from __future__ import annotations

import argparse
import sys

from store.deadlines import overdue
from store.errors import CarnetError, ValidationError
from store.exchange.progress import ProgressBar
from store.files import write_private

from .archive import write_letter


def cmd_letter(args: argparse.Namespace, book) -> int:
    """Write one letter into the archive (and to --out); print the PDF's path."""
    if args.out is not None and args.out.is_dir():
        raise CarnetError(f"--out {args.out} is a directory; give a file name")
    path = write_letter(book, args.kind, args.ref, args.today, args.lang)
    if args.out is not None:
        write_private(args.out, path.read_bytes())
        path = args.out
    print(path)
    return 0


def cmd_letters(args: argparse.Namespace, book) -> int:
    """One letter per overdue order, most late first; failures reported, the rest written."""
    lines = overdue(book.orders(), book.clients_by_id(), book.profile, args.today)
    if not lines:
        print(f"Nothing overdue on {args.today.isoformat()}: no letter written.", file=sys.stderr)
        return 0
    progress, failed = ProgressBar(f"{args.kind} letters"), []
    for done, line in enumerate(lines, 1):
        try:
            print(write_letter(book, args.kind, line.order.ref, args.today, args.lang))
        except ValidationError as exc:
            failed.append(f"{line.order.ref}: {exc}")
        progress(done, len(lines))
    for failure in failed:
        print(f"carnet: skipped {failure}", file=sys.stderr)
    if failed:
        print(f"carnet: {len(failed)} of {len(lines)} letters could not be written",
              file=sys.stderr)
        return 1
    return 0
