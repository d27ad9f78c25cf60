"""The dashboard's list of what needs attention, most urgent first; each line opens its record.

Option ids read "order:2026-014", "incident:3", "follow-up:7", "invoice:F-2026-0001" or
"client:5:<why>" (a client may show for several reasons).
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from store.board import buyer_name
from store.dashboard import Dashboard, look_after_rows
from store.letter_choice import letter_for_followup

from ..format import day, days, money


def _line(*parts: tuple[str, str]) -> Text:
    """One line, cut with … rather than wrapped."""
    return Text.assemble(*parts, no_wrap=True, overflow="ellipsis", end="")


def _pad(text: str, width: int) -> str:
    """`text` in a column of `width`, always followed by at least one space."""
    return text.ljust(width - 1) + " "


def _heading(title: str, count: int) -> Option:
    return Option(_line((f"{title} ", "bold"), (f"({count})", "dim")), disabled=True)


def _name(client) -> str:
    return client.name if client is not None else "?"


def _sent(d: Dashboard, ref: str) -> tuple[str, str]:
    """'✉ apology 23 Nov · ' when a letter about this order was already sent."""
    letter = d.letters_sent.get(ref)
    if letter is None:
        return ("", "")
    return (f"✉ {letter.kind} sent {day(letter.date)} · ", "green")


def _overdue(d: Dashboard) -> list[Option]:
    return [Option(_line(("  ", ""), (line.order.ref, "bold"), ("  ", ""),
                         (_pad(f"{days(line.days_late)} late", 15), "bold"),
                         _sent(d, line.order.ref),
                         (f"{_name(line.client)} — ", ""), (line.order.title, "dim")),
                   id=f"order:{line.order.ref}") for line in d.overdue]


def _unpaid(d: Dashboard) -> list[Option]:
    return [Option(_line(("  ", ""), (doc.number, "bold"), ("  ", ""),
                         (_pad(f"{days(late)} late", 15), "bold"), (_pad(money(owed), 12), ""),
                         (f"{buyer_name(doc.buyer)} — ", ""), (f"order {doc.order_ref}", "dim")),
                   id=f"invoice:{doc.number}") for doc, late, owed in d.unpaid]


def _due_soon(d: Dashboard) -> list[Option]:
    def when(late: int) -> str:
        return "due today" if late == 0 else (f"in {days(-late)}" if late < 0
                                              else f"{days(late)} late")
    return [Option(_line(("  ", ""), (line.order.ref, "bold"), ("  ", ""),
                         (_pad(when(line.days_late), 15), ""),
                         (f"{_name(line.client)} — ", ""), (line.order.title, "dim")),
                   id=f"order:{line.order.ref}") for line in d.due_soon]


def _followups(d: Dashboard) -> list[Option]:
    return [Option(_line(("  ", ""), (_pad("due today" if line.days_late == 0
                                            else f"{days(line.days_late)} late", 22), "bold"),
                         (f"{_name(line.client)} — ", ""), (line.followup.what, "dim")),
                   id=f"follow-up:{line.followup.id}") for line in d.followups]


def _incidents(d: Dashboard) -> list[Option]:
    return [Option(_line(("  ", ""), (line.incident.order_ref, "bold"), ("  ", ""),
                         (_pad(f"next: {line.next_step}", 22), "bold"),
                         (f"{_name(line.client)} — ", ""), (line.incident.what, "dim")),
                   id=f"incident:{line.incident.id}") for line in d.incidents]


def _clients(d: Dashboard) -> list[Option]:
    return [Option(_line((f"  {row['why']:<11}", "bold" if row["why"] == "at risk" else "italic"),
                         (f"{row['client']} — ", ""), (row["reason"], "dim")),
                   id=f"client:{row['client_id']}:{'risk' if row['why'] == 'at risk' else 'silent'}")
            for row in look_after_rows(d)]


def _milestones(d: Dashboard) -> list[Option]:
    return [Option(_line(("  ", ""), (_pad(day(m.on), 13), ""), (f"{m.client.name} — ", ""),
                         (m.detail, "dim")),
                   id=f"client:{m.client.id}:{m.kind}:{m.on.isoformat()}") for m in d.milestones]


SECTIONS = (
    ("Overdue", _overdue), ("Follow-ups due", _followups), ("Recovery plans", _incidents),
    ("Unpaid invoices", _unpaid), ("Due within 7 days", _due_soon),
    ("Clients to look after", _clients), ("Milestones", _milestones),
)
"""Most urgent first; empty sections are left out."""


def letters(d: Dashboard) -> dict[str, Letter]:
    """The letter each line calls for: apology when late, feedback when silent, thanks…"""
    found: dict[str, Letter] = {}
    for line in d.overdue:
        found[f"order:{line.order.ref}"] = ("apology", line.order.ref, line.order.client_id)
    for line in d.incidents:
        found[f"incident:{line.incident.id}"] = (line.letter, line.incident.order_ref,
                                                 line.incident.client_id)
    for line in d.followups:
        found[f"follow-up:{line.followup.id}"] = (letter_for_followup(line.followup),
                                                  line.followup.order_ref,
                                                  line.followup.client_id)
    for client in d.silent:
        found[f"client:{client.id}:silent"] = ("feedback", None, client.id)
    for m in d.milestones:
        found[f"client:{m.client.id}:{m.kind}:{m.on.isoformat()}"] = ("thanks", None, m.client.id)
    return found


Letter = tuple[str, str | None, int]
"""A letter's kind, its order reference (or None) and its client."""


class AttentionList(OptionList):
    """What needs attention, section by section; Enter or a click opens the line's record."""

    letters: dict[str, Letter] = {}
    """The letter each line calls for, by option id."""

    def show(self, d: Dashboard) -> None:
        """Replace the lines, keeping the highlight on the same record if it is still there."""
        kept = self.highlighted_option.id if self.highlighted_option else None
        self.letters = letters(d)
        shown: list[Option] = []
        for title, lines in SECTIONS:
            options = lines(d)
            if options:
                shown += [_heading(title, len(options)), *options]
        if not shown:
            shown.append(Option(_line(("Nothing needs attention today. ", "bold"),
                                      ("Well done.", "dim")), disabled=True))
        self.set_options(shown)
        ids = [option.id for option in shown]
        if kept is not None and kept in ids:
            self.highlighted = ids.index(kept)
        else:
            self.highlighted = next((i for i, option in enumerate(shown) if not option.disabled),
                                    None)
