"""The dashboard's list of what needs attention, most urgent first; each line opens its record.

Option ids read "order:2026-014", "incident:3", "follow-up:7", "invoice:F-2026-0001" or
"client:5:<why>" (a client may show for several reasons).
"""

from __future__ import annotations

from typing import NamedTuple

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from store.board import buyer_name
from store.dashboard import Dashboard, look_after_rows
from store.i18n import N_, _, ngettext
from store.labels import LOOK_AFTER_LABELS, label, next_label
from store.letter_choice import letter_for_followup

from ..format import day, money


def _line(*parts: tuple[str, str]) -> Text:
    """One line, cut with … rather than wrapped."""
    return Text.assemble(*parts, no_wrap=True, overflow="ellipsis", end="")


def _pad(text: str, width: int) -> str:
    """`text` in a column of `width`, always followed by at least one space."""
    return text.ljust(width - 1) + " "


def _column(texts: list[str], width: int) -> list[str]:
    """The texts of one column, padded to `width` or to the longest (a longer language)."""
    width = max([width] + [len(text) + 1 for text in texts])
    return [_pad(text, width) for text in texts]


def _late(count: int) -> str:
    """'3 days late'."""
    return ngettext("{count} day late", "{count} days late", count).format(count=count)


def _when(late: int) -> str:
    """'due today', 'in 3 days' or '2 days late'."""
    if late == 0:
        return _("due today")
    if late < 0:
        return ngettext("in {count} day", "in {count} days", -late).format(count=-late)
    return _late(late)


def _heading(title: str, count: int) -> Option:
    return Option(_line((f"{title} ", "bold"), (f"({count})", "dim")), disabled=True)


def _name(client) -> str:
    return client.name if client is not None else "?"


SENT = {"apology": N_("✉ apology sent {day} · "), "follow-up": N_("✉ follow-up sent {day} · "),
        "summary": N_("✉ summary sent {day} · "), "thanks": N_("✉ thanks sent {day} · "),
        "scope": N_("✉ scope sent {day} · "), "feedback": N_("✉ feedback sent {day} · "),
        "reminder": N_("✉ reminder sent {day} · "),
        "formal-notice": N_("✉ formal-notice sent {day} · ")}
"""A letter already sent about an order, by kind (one sentence each: French agrees them)."""


def _sent(d: Dashboard, ref: str) -> tuple[str, str]:
    """'✉ apology sent 23 Nov · ' when a letter about this order was already sent."""
    letter = d.letters_sent.get(ref)
    if letter is None:
        return ("", "")
    if letter.kind in SENT:
        return (_(SENT[letter.kind]).format(day=day(letter.date)), "green")
    return (_("✉ {kind} sent {day} · ").format(kind=letter.kind, day=day(letter.date)), "green")


def _about(name: str, detail: str) -> tuple[tuple[str, str], tuple[str, str]]:
    """'Henri Lefèvre — ' then the detail, dim."""
    return (f"{name} — ", ""), (detail, "dim")


def _overdue(d: Dashboard) -> list[Option]:
    lates = _column([_late(line.days_late) for line in d.overdue], 15)
    return [Option(_line(("  ", ""), (line.order.ref, "bold"), ("  ", ""), (late, "bold"),
                         _sent(d, line.order.ref),
                         *_about(_name(line.client), line.order.title)),
                   id=f"order:{line.order.ref}") for line, late in zip(d.overdue, lates)]


def _unpaid(d: Dashboard) -> list[Option]:
    lates = _column([_late(late) for _doc, late, _owed in d.unpaid], 15)
    owing = _column([money(owed) for _doc, _late, owed in d.unpaid], 12)
    return [Option(_line(("  ", ""), (doc.number, "bold"), ("  ", ""), (late, "bold"), (owed, ""),
                         *_about(buyer_name(doc.buyer),
                                 _("order {ref}").format(ref=doc.order_ref))),
                   id=f"invoice:{doc.number}")
            for (doc, _late, _owed), late, owed in zip(d.unpaid, lates, owing)]


def _due_soon(d: Dashboard) -> list[Option]:
    whens = _column([_when(line.days_late) for line in d.due_soon], 15)
    return [Option(_line(("  ", ""), (line.order.ref, "bold"), ("  ", ""), (when, ""),
                         *_about(_name(line.client), line.order.title)),
                   id=f"order:{line.order.ref}") for line, when in zip(d.due_soon, whens)]


def _followups(d: Dashboard) -> list[Option]:
    whens = _column([_when(line.days_late) for line in d.followups], 22)
    return [Option(_line(("  ", ""), (when, "bold"),
                         *_about(_name(line.client), line.followup.what)),
                   id=f"follow-up:{line.followup.id}") for line, when in zip(d.followups, whens)]


def _incidents(d: Dashboard) -> list[Option]:
    steps = _column([_("next: {step}").format(step=next_label(line.next_step)) for line in d.incidents], 22)
    return [Option(_line(("  ", ""), (line.incident.order_ref, "bold"), ("  ", ""), (step, "bold"),
                         *_about(_name(line.client), line.incident.what)),
                   id=f"incident:{line.incident.id}") for line, step in zip(d.incidents, steps)]


def _clients(d: Dashboard) -> list[Option]:
    rows = look_after_rows(d)
    whys = _column([label(LOOK_AFTER_LABELS, row["why"]) for row in rows], 11)
    return [Option(_line((f"  {why}", "bold" if row["why"] == "at risk" else "italic"),
                         *_about(row["client"], row["reason"])),
                   id=f"client:{row['client_id']}:{'risk' if row['why'] == 'at risk' else 'silent'}")
            for row, why in zip(rows, whys)]


def _milestones(d: Dashboard) -> list[Option]:
    days = _column([day(m.on) for m in d.milestones], 13)
    return [Option(_line(("  ", ""), (on, ""), *_about(m.client.name, m.detail)),
                   id=f"client:{m.client.id}:{m.kind}:{m.on.isoformat()}")
            for m, on in zip(d.milestones, days)]


SECTIONS = (
    (N_("Overdue"), _overdue), (N_("Follow-ups due"), _followups),
    (N_("Recovery plans"), _incidents), (N_("Unpaid invoices"), _unpaid),
    (N_("Due within 7 days"), _due_soon), (N_("Clients to look after"), _clients),
    (N_("Milestones"), _milestones),
)
"""Most urgent first; empty sections are left out (titles translated where shown)."""


class LetterToWrite(NamedTuple):
    """The letter a line calls for: its kind, its order reference (or None) and its client."""

    kind: str
    ref: str | None
    client_id: int


def letters(d: Dashboard) -> dict[str, LetterToWrite]:
    """The letter each line calls for: apology when late, feedback when silent, thanks…"""
    found: dict[str, LetterToWrite] = {}
    for line in d.overdue:
        found[f"order:{line.order.ref}"] = LetterToWrite("apology", line.order.ref,
                                                         line.order.client_id)
    for line in d.incidents:
        found[f"incident:{line.incident.id}"] = LetterToWrite(
            line.letter, line.incident.order_ref, line.incident.client_id)
    for line in d.followups:
        found[f"follow-up:{line.followup.id}"] = LetterToWrite(
            letter_for_followup(line.followup), line.followup.order_ref, line.followup.client_id)
    for client in d.silent:
        found[f"client:{client.id}:silent"] = LetterToWrite("feedback", None, client.id)
    for m in d.milestones:
        found[f"client:{m.client.id}:{m.kind}:{m.on.isoformat()}"] = LetterToWrite(
            "thanks", None, m.client.id)
    return found


class AttentionList(OptionList):
    """What needs attention, section by section; Enter or a click opens the line's record."""

    letters: dict[str, LetterToWrite] = {}
    """The letter each line calls for, by option id."""

    def show(self, d: Dashboard) -> None:
        """Replace the lines, keeping the highlight on the same record if it is still there."""
        kept = self.highlighted_option.id if self.highlighted_option else None
        self.letters = letters(d)
        shown: list[Option] = []
        for title, lines in SECTIONS:
            options = lines(d)
            if options:
                shown += [_heading(_(title), len(options)), *options]
        if not shown:
            shown.append(Option(_line((_("Nothing needs attention today.") + " ", "bold"),
                                      (_("Well done."), "dim")), disabled=True))
        self.set_options(shown)
        ids = [option.id for option in shown]
        if kept is not None and kept in ids:
            self.highlighted = ids.index(kept)
        else:
            self.highlighted = next((i for i, option in enumerate(shown) if not option.disabled),
                                    None)
