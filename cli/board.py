"""The dashboard on the command line: what needs attention today, as text or JSON."""

from __future__ import annotations

import argparse

from store.board import dashboard_row
from store.dates import days

from .common import reading, to_json


SECTIONS = (
    ("Overdue", "overdue", lambda r: f"{r['ref']}  {days(r['days_late'])} late  "
                                     f"{r['client']} — {r['title']}"),
    ("Follow-ups due", "followups", lambda r: f"#{r['id']}  due {r['due']}  "
                                              f"{r['client']} — {r['what']}"),
    ("Recovery plans", "plans", lambda r: f"{r['ref']}  next: {r['next']}  "
                                          f"{r['client']} — {r['what']}"),
    ("Unpaid invoices", "unpaid", lambda r: f"{r['number']}  {days(r['days_late'])} late  "
                                            f"{r['client']} — {r['outstanding']} € owed"),
    ("Due within 7 days", "due_soon", lambda r: f"{r['ref']}  due {r['due']}  "
                                                f"{r['client']} — {r['title']}"),
    ("Clients to look after", "look_after", lambda r: f"{r['client']} — {r['reason']}"),
    ("Milestones", "milestones", lambda r: f"{r['on']}  {r['client']} — {r['detail']}"),
)
"""The dashboard's sections, most urgent first, as the TUI orders them."""


def cmd_dashboard(args: argparse.Namespace) -> int:
    with reading(args) as book:
        row = dashboard_row(book, args.today)
    if args.json:
        print(to_json(row))
        return 0
    shown = [(title, row[key], line) for title, key, line in SECTIONS if row.get(key)]
    if not shown:
        print(f"Nothing needs attention on {row['today']}.")
    for title, rows, line in shown:
        print(f"{title} ({len(rows)})")
        for item in rows:
            print(f"  {line(item)}")
    return 0
