"""The relationship: log an exchange (a promised call-back with --due), follow-ups."""

from __future__ import annotations

import argparse

from store import board, relations
from store.i18n import N_, _, ngettext
from store.listing import Column

from .common import day, emit, given, happened, print_rows, reading, said, writing


def _late(days: int) -> str:
    """'12 d', 'today', or nothing when not yet due."""
    if days > 0:
        return _("{count} d").format(count=days)
    return _("today") if days == 0 else ""


FOLLOWUP_COLUMNS = (
    Column("id", N_("Id"), True), Column("due", N_("Due"), False, said),
    Column("days_late", N_("Late"), True, _late),
    Column("client", N_("Client")), Column("what", N_("What")), Column("order", N_("Order")),
)
"""Headers N_-marked, translated where the table is printed."""


def cmd_log(args: argparse.Namespace) -> int:
    with writing(args) as book:
        due = day(args, args.due, "--due") if args.due is not None else None
        options = given(args, "channel", "direction")
        interaction = relations.log_interaction(
            book, args.client, args.kind, args.text, args.today, order_ref=args.order,
            satisfaction=args.satisfaction, due=due, **options)
    return emit(args, str(interaction.id), board.record_row(interaction))


def cmd_followup(args: argparse.Namespace) -> int:
    with writing(args) as book:
        if args.action == "add":
            due = day(args, args.due, "--due")
            followup = relations.add_followup(book, args.client, due, args.text, args.order)
            line = str(followup.id)
        else:
            followup = relations.complete_followup(book, args.id, happened(args, args.on, "--on"))
            line = _("{id} done on {date}").format(id=followup.id, date=said(followup.done))
        row = board.followup_row(followup, book.client(followup.client_id), args.today)
    return emit(args, line, row)


def cmd_followups(args: argparse.Namespace) -> int:
    with reading(args) as book:
        rows = board.followup_rows(book, args.today)
    today = said(args.today)
    print_rows(args, rows, FOLLOWUP_COLUMNS,
               _("No open follow-up on {today}.").format(today=today),
               ngettext("Open follow-ups on {today}: {count} follow-up, most late first",
                        "Open follow-ups on {today}: {count} follow-ups, most late first",
                        len(rows)).format(today=today, count=len(rows)))
    return 0
