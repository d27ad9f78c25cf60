"""The dashboard on the command line: what needs attention today, as text or JSON."""

from __future__ import annotations

import argparse

from store.board import dashboard_row
from store.i18n import N_, _
from store.labels import next_line
from store.wording import days

from .common import reading, said, to_json

SECTIONS = (
    (N_("Overdue"), "overdue",
     lambda r: _("{ref}  {days} late  {client} — {title}").format(
         ref=r["ref"], days=days(r["days_late"]), client=r["client"], title=r["title"])),
    (N_("Follow-ups due"), "followups",
     lambda r: _("#{id}  due {due}  {client} — {what}").format(
         id=r["id"], due=said(r["due"]), client=r["client"], what=r["what"])),
    (N_("Recovery plans"), "plans",
     lambda r: f"{r['ref']}  {next_line(r['next'])}  {r['client']} — {r['what']}"),
    (N_("Unpaid invoices"), "unpaid",
     lambda r: _("{number}  {days} late  {client} — {outstanding} € owed").format(
         number=r["number"], days=days(r["days_late"]), client=r["client"],
         outstanding=r["outstanding"])),
    (N_("Due within 7 days"), "due_soon",
     lambda r: _("{ref}  due {due}  {client} — {title}").format(
         ref=r["ref"], due=said(r["due"]), client=r["client"], title=r["title"])),
    (N_("Clients to look after"), "look_after", lambda r: f"{r['client']} — {r['reason']}"),
    (N_("Milestones"), "milestones", lambda r: f"{said(r['on'])}  {r['client']} — {r['detail']}"),
)
"""The dashboard's sections, most urgent first, as the TUI orders them (titles N_-marked)."""


def cmd_dashboard(args: argparse.Namespace) -> int:
    with reading(args) as book:
        row = dashboard_row(book, args.today)
    if args.json:
        print(to_json(row))
        return 0
    shown = [(title, row[key], line) for title, key, line in SECTIONS if row.get(key)]
    if not shown:
        print(_("Nothing needs attention on {today}.").format(today=said(row["today"])))
    for title, rows, line in shown:
        print(f"{_(title)} ({len(rows)})")
        for item in rows:
            print(f"  {line(item)}")
    return 0
