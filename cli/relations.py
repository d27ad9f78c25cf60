"""The relationship: log an exchange (a promised call-back with --due), follow-ups."""

from __future__ import annotations

import argparse

from store import board, listing, relations
from store.listing import Column

from .common import day, emit, given, happened, print_rows, reading, writing

FOLLOWUP_COLUMNS = (
    Column("id", "Id", True), Column("due", "Due"),
    Column("days_late", "Late", True, lambda n: f"{n} d" if n > 0 else ("today" if n == 0 else "")),
    Column("client", "Client"), Column("what", "What"), Column("order", "Order"),
)


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
            line = f"{followup.id} done on {followup.done.isoformat()}"
        row = board.followup_row(followup, book.client(followup.client_id), args.today)
    return emit(args, line, row)


def cmd_followups(args: argparse.Namespace) -> int:
    with reading(args) as book:
        rows = board.followup_rows(book, args.today)
    print_rows(args, rows, FOLLOWUP_COLUMNS, f"No open follow-up on {args.today.isoformat()}.",
               f"Open follow-ups on {args.today.isoformat()}: {listing.count(rows, 'follow-up')}, "
               "most late first")
    return 0
