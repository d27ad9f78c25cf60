"""Loyalty and kaizen on the command line: the store's figures as text or JSON (no rule here)."""

from __future__ import annotations

import argparse

from store.i18n import _, ngettext
from store.labels import letter_tag, segment_label
from store.loyalty_rows import kaizen_row, loyalty_row
from store.formats import percent
from store.wording import said_money

from .common import day, reading, said, to_json


def _client_line(row: dict) -> str:
    words = [ngettext("{count} order", "{count} orders", row["orders"]).format(
        count=row["orders"]), said_money(row["revenue"])]
    if row["last_order"]:
        words.append(_("last {date}").format(date=said(row["last_order"])))
    letter = letter_tag(row["letter"])
    words += row["in_words"] + row["at_risk"] + [letter]
    return f"  {row['client']} — " + " · ".join(words)


def _move_line(row: dict) -> str:
    before = segment_label(row["from"]) if row["from"] else _("not a client yet")
    return f"  {row['client']}: {before} → {segment_label(row['to'])} — " + \
        "; ".join(row["reasons"])


def cmd_loyalty(args: argparse.Namespace) -> int:
    with reading(args) as book:
        since = day(args, args.since, "--since") if args.since else None
        row = loyalty_row(book, args.today, since)
    if args.json:
        print(to_json(row))
        return 0
    print(ngettext("Loyalty on {today}: {count} client (parted clients left out)",
                   "Loyalty on {today}: {count} clients (parted clients left out)",
                   row["active_clients"]).format(today=said(row["today"]),
                                                 count=row["active_clients"]))
    for segment in row["segments"]:
        name = segment_label(segment["segment"])
        print(f"\n{name[:1].upper() + name[1:]} ({segment['count']})")
        for client in segment["clients"]:
            print(_client_line(client))
    print("\n" + _("Moved since {since} ({count})").format(since=said(row["since"]),
                                                            count=len(row["moves"])))
    for move in row["moves"]:
        print(_move_line(move))
    return 0


def _month_line(row: dict) -> str:
    delay = "—" if row["average_delay"] is None else \
        _("{days:.1f} d").format(days=row["average_delay"])
    return (f"  {row['month']}  {row['delivered']:>3}  {percent(row['rate_original']):>6}  "
            f"{percent(row['rate_current']):>6}  {delay:>7}  "
            f"{percent(row['repeat_share']):>6}  {_revenue(row['revenue'])}")


def _revenue(value: str) -> str:
    """A month's revenue in its column: '   1250.00 €' in English, '  1 250 €' in French."""
    return f"{said_money(value, english=f'{value:>10} €'):>12}"


def _cohort_line(row: dict) -> str:
    days = "—" if row["median_days"] is None else \
        _("{days:.0f} days").format(days=row["median_days"])
    return "  " + _("{label}: {came_back} of {clients} ordered again ({rate}), after {days} "
                    "(median); spend per client {before} € before, {after} € after").format(
        label=row["label"], came_back=row["came_back"], clients=row["clients"],
        rate=percent(row["rate"]), days=days, before=row["spend_before"],
        after=row["spend_after"])


def cmd_kaizen(args: argparse.Namespace) -> int:
    with reading(args) as book:
        row = kaizen_row(book, args.today)
    if args.json:
        print(to_json(row))
        return 0
    summary = row["summary"]
    print(_("Kaizen on {today}, months newest first").format(today=said(row["today"])) + "\n")
    print(_("  Month    Del.  Promised  Agreed  Avg delay  Repeat     Revenue"))
    for month in row["months"]:
        print(_month_line(month))
    print("\n" + _("Since {since}: {delivered} delivered, {original} on the promised date, "
                   "{current} on the agreed one.").format(
        since=said(summary["since"]), delivered=summary["delivered"],
        original=percent(summary["rate_original"]), current=percent(summary["rate_current"])))
    print("\n" + _("The recovery paradox"))
    for group in ("after_plan", "untroubled"):
        print(_cohort_line(row["paradox"][group]))
    return 0
