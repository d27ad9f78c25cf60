"""The `letter` and `letters` sub-commands: one PDF, or one per overdue order."""

from __future__ import annotations

import argparse
import sys

from datetime import date

from store import letter_state
from store.dates import parse_date
from store.deadlines import effective_due, overdue
from store.errors import CarnetError, ValidationError
from store.exchange.progress import ProgressBar
from store.files import write_atomic
from store.i18n import N_, _, ngettext
from store.models import Letter, Order

from .archive import draft_for, file_letter, invoice_number, resolve, write_letter
from .layout import pdf_bytes


def cmd_letter(args: argparse.Namespace, book) -> int:
    """Write one letter into the archive (and first to --out); print the PDF's path."""
    out = args.out
    if out is not None and out.is_dir():
        raise CarnetError(_("--out {path} is a directory; give a file name").format(path=out))
    if out is not None and not out.parent.is_dir():
        raise CarnetError(_("--out: the folder {folder} does not exist").format(
            folder=out.parent))
    letter_state.check_sender(book.profile)
    client, order = resolve(book, args.ref)
    new_date = new_date_of(args)
    if new_date is None and letter_state.needs_new_date(args.kind, order, args.today):
        raise CarnetError(_("order {ref} was due on {due}: an apology for late work gives the "
                            "new date: add --new-date YYYY-MM-DD").format(
            ref=order.ref, due=effective_due(order, args.today).isoformat()))
    draft = draft_for(book, args.kind, client, order, args.today, args.lang, new_date,
                      _enclosures(args), args.mail, invoice_number(args.ref))
    data = pdf_bytes(draft, book.profile)
    if out is not None:
        write_atomic(out, data)
    path = file_letter(book, client, draft, data, new_date)
    print(out or path)
    return 0


def _enclosures(args: argparse.Namespace) -> list[str]:
    """The --enclosure texts, each one line; an empty one refused."""
    texts = [" ".join(text.split()) for text in args.enclosures]
    if any(not text for text in texts):
        raise CarnetError(_("--enclosure needs a text (what is enclosed)"))
    return texts


def new_date_of(args: argparse.Namespace) -> date | None:
    """The --new-date an apology gives, read like every typed date; only with an apology."""
    if args.new_date is None:
        return None
    if args.kind != "apology":
        raise CarnetError(_("--new-date goes with an apology letter only"))
    new_date = parse_date(args.new_date, args.today, "--new-date")
    if new_date <= args.today:
        raise CarnetError(_("--new-date {day} is not after today ({today})").format(
            day=new_date.isoformat(), today=args.today.isoformat()))
    return new_date


SENT_BEFORE = {
    "apology": N_("{ref}: an apology letter was already sent on {day} ({path})"),
    "follow-up": N_("{ref}: a follow-up letter was already sent on {day} ({path})"),
}
"""A letter not written twice, by kind (only these are written in bulk)."""
BATCH = {"apology": N_("apology letters"), "follow-up": N_("follow-up letters")}
"""What the progress bar counts, by kind."""


def _needs_date(kind: str, orders: list[Order], today: date) -> bool:
    return any(letter_state.needs_new_date(kind, order, today) for order in orders)


def already_sent(book, kind: str, order) -> Letter | None:
    """A letter of this kind about this order sent since its current due date."""
    sent = [letter for letter in book.letters()
            if letter.order_ref == order.ref and letter.kind == kind and letter.date >= order.due]
    return max(sent, key=lambda letter: letter.date) if sent else None


def cmd_letters(args: argparse.Namespace, book) -> int:
    """One letter per overdue order, most late first; failures reported, the rest written.

    Overdue work is past its date: an apology gives the one --new-date to every order.
    """
    letter_state.check_overdue_kind(args.kind)
    letter_state.check_sender(book.profile)
    new_date = new_date_of(args)
    lines = overdue(book.orders(), book.clients_by_id(), book.profile, args.today)
    if new_date is None and _needs_date(args.kind, [line.order for line in lines], args.today):
        raise CarnetError(_("overdue work is past its date: an apology gives the new date; "
                            "add --new-date YYYY-MM-DD (the same date for every order)"))
    if not lines:
        print(_("Nothing overdue on {day}: no letter written.").format(
            day=args.today.isoformat()), file=sys.stderr)
        return 0
    progress, failed, skipped = ProgressBar(_(BATCH[args.kind])), [], []
    for done, line in enumerate(lines, 1):
        previous = already_sent(book, args.kind, line.order)
        try:
            if previous is None:
                print(write_letter(book, args.kind, line.order.ref, args.today, args.lang,
                                   new_date, _enclosures(args), args.mail))
            else:
                skipped.append(_(SENT_BEFORE[args.kind]).format(
                    ref=line.order.ref, day=previous.date.isoformat(), path=previous.path))
        except ValidationError as exc:
            failed.append(f"{line.order.ref}: {exc}")
        progress(done, len(lines))
    for duplicate in skipped:
        print(_("carnet: not sent again: {what}").format(what=duplicate), file=sys.stderr)
    for failure in failed:
        print(_("carnet: skipped {what}").format(what=failure), file=sys.stderr)
    if failed:
        print(ngettext("carnet: {count} of {total} letters could not be written",
                       "carnet: {count} of {total} letters could not be written", len(failed))
              .format(count=len(failed), total=len(lines)), file=sys.stderr)
        return 1
    return 0
