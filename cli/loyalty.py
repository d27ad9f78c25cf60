"""Loyalty and kaizen on the command line: the store's figures as text or JSON (no rule here)."""

from __future__ import annotations

import argparse

from store.loyalty_rows import kaizen_row, loyalty_row
from store.performance import percent

from .common import day, reading, to_json


def _client_line(row: dict) -> str:
    words = [f"{row['orders']} orders" if row["orders"] != 1 else "1 order",
             f"{row['revenue']} €"]
    if row["last_order"]:
        words.append(f"last {row['last_order']}")
    words += row["in_words"] + row["at_risk"] + [f"letter: {row['letter']}"]
    return f"  {row['client']} — " + " · ".join(words)


def _move_line(row: dict) -> str:
    before = row["from"] or "not a client yet"
    return f"  {row['client']}: {before} → {row['to']} — " + "; ".join(row["reasons"])


def cmd_loyalty(args: argparse.Namespace) -> int:
    with reading(args) as book:
        since = day(args, args.since, "--since") if args.since else None
        row = loyalty_row(book, args.today, since)
    if args.json:
        print(to_json(row))
        return 0
    print(f"Loyalty on {row['today']}: {row['active_clients']} clients "
          "(parted clients left out)")
    for segment in row["segments"]:
        print(f"\n{segment['segment'].capitalize()} ({segment['count']})")
        for client in segment["clients"]:
            print(_client_line(client))
    print(f"\nMoved since {row['since']} ({len(row['moves'])})")
    for move in row["moves"]:
        print(_move_line(move))
    return 0


def _month_line(row: dict) -> str:
    delay = "—" if row["average_delay"] is None else f"{row['average_delay']:.1f} d"
    return (f"  {row['month']}  {row['delivered']:>3}  {percent(row['rate_original']):>6}  "
            f"{percent(row['rate_current']):>6}  {delay:>7}  "
            f"{percent(row['repeat_share']):>6}  {row['revenue']:>10} €")


def _cohort_line(row: dict) -> str:
    days = "—" if row["median_days"] is None else f"{row['median_days']:.0f} days"
    return (f"  {row['label']}: {row['came_back']} of {row['clients']} ordered again "
            f"({percent(row['rate'])}), after {days} (median); spend per client "
            f"{row['spend_before']} € before, {row['spend_after']} € after")


def cmd_kaizen(args: argparse.Namespace) -> int:
    with reading(args) as book:
        row = kaizen_row(book, args.today)
    if args.json:
        print(to_json(row))
        return 0
    summary = row["summary"]
    print(f"Kaizen on {row['today']}, months newest first\n")
    print("  Month    Del.  Promised  Agreed  Avg delay  Repeat     Revenue")
    for month in row["months"]:
        print(_month_line(month))
    print(f"\nSince {summary['since']}: {summary['delivered']} delivered, "
          f"{percent(summary['rate_original'])} on the promised date, "
          f"{percent(summary['rate_current'])} on the agreed one.")
    print("\nThe recovery paradox")
    for group in ("after_plan", "untroubled"):
        print(_cohort_line(row["paradox"][group]))
    return 0
