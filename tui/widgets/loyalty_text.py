"""The text of the loyalty section: segment and move lines, a client's detail, the paradox."""

from __future__ import annotations

from datetime import date

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.widgets.option_list import Option

from store.i18n import N_, _, ngettext
from store.labels import segment_label
from store.loyalty_view import ClientLoyalty, LoyaltyView, Move, signal_words
from store.paradox import Cohort, Paradox

from ..format import day, money, percent
from .bars import row_chart

NAME = 26
"""Cells of the name column."""
SHOWN = 25
"""Clients listed per segment, most valuable first (the count names them all)."""
MOVES_SHOWN = 60
"""Moves listed, by name (the line above the list counts them all)."""


def _line(*parts: tuple[str, str]) -> Text:
    return Text.assemble(*parts, no_wrap=True, overflow="ellipsis", end="")


def _name(name: str) -> str:
    """The name in its column, cut with … when it is longer."""
    return (name if len(name) < NAME else name[:NAME - 2] + "…").ljust(NAME)


def _day_width() -> int:
    """The last-order column: the longest date of the language ('24 sept. 2026') and a space."""
    return len(day(date(2026, 9, 24))) + 1


def _orders(count: int) -> str:
    return ngettext("{count} order", "{count} orders", count).format(count=count)


def segment_strip(view: LoyaltyView) -> Text:
    """'champion 1 · loyal 3 · …  — 10 clients': every segment's count on one line."""
    text = Text(no_wrap=True, overflow="ellipsis")
    for index, segment in enumerate(view.segments):
        if index:
            text.append(" · ", style="dim")
        text.append(f"{segment_label(segment.name)} ")
        text.append(str(len(segment.clients)), style="bold")
    text.append("  — " + ngettext("{count} client", "{count} clients", view.active_clients)
                .format(count=view.active_clients), style="dim")
    return text


def client_option(line: ClientLoyalty) -> Option:
    """One client of a segment: name, orders, spend, last order, then the signals."""
    words = signal_words(line.signals) + line.watch
    return Option(_line(("  ", ""), (_name(line.client.name), "bold"),
                        (_orders(line.rfm.orders).ljust(max(10, len(_orders(99)) + 1)), ""),
                        (money(line.rfm.revenue).rjust(9) + "  ", ""),
                        (day(line.rfm.last_order).ljust(_day_width()), "dim"),
                        (" · ".join(words), "italic")),
                  id=f"client:{line.client.id}")


def segment_options(view: LoyaltyView) -> list[Option]:
    """Each segment as a heading with its count, then its clients."""
    options = []
    for segment in view.segments:
        name = segment_label(segment.name)
        options.append(Option(_line((f"{name[:1].upper()}{name[1:]} ", "bold"),
                                    (f"({len(segment.clients)})", "dim")), disabled=True))
        options += [client_option(line) for line in segment.clients[:SHOWN]]
        if len(segment.clients) > SHOWN:
            more = len(segment.clients) - SHOWN
            options.append(Option(_line(("  " + ngettext(
                "… and {count} more (the clients list (2) shows every one)",
                "… and {count} more (the clients list (2) shows every one)", more)
                .format(count=more), "dim")), disabled=True))
    return options


def move_options(view: LoyaltyView) -> list[Option]:
    """The first moves by name, and how many more there are."""
    options = [move_option(move) for move in view.moves[:MOVES_SHOWN]]
    if len(view.moves) > MOVES_SHOWN:
        more = len(view.moves) - MOVES_SHOWN
        options.append(Option(_line(("  " + ngettext(
            "… and {count} more (loyalty --since on the command line lists them all)",
            "… and {count} more (loyalty --since on the command line lists them all)", more)
            .format(count=more), "dim")), disabled=True))
    return options


def move_option(move: Move) -> Option:
    """A client who moved: the segments on the first line, the reasons beneath."""
    before = segment_label(move.before) if move.before else _("not yet")
    text = _line(("  ", ""), (_name(move.client.name), "bold"),
                 (f"{before} → {segment_label(move.after)}", ""))
    text.append("\n    " + "; ".join(move.reasons), style="dim")
    return Option(text, id=f"client:{move.client.id}")


def client_detail(line: ClientLoyalty | None) -> Text:
    """The highlighted client: segment and RFM scores, every signal, the letter `l` writes."""
    if line is None:
        return Text(_("Highlight a client to see their signals."), style="dim")
    score = line.rfm
    words = signal_words(line.signals) + line.watch or [_("no signal yet")]
    return Text.assemble(
        (line.client.name, "bold"), f" — {segment_label(score.segment)}", (
            "  " + _("(recency {recency}, frequency {frequency}, monetary {monetary})").format(
                recency=score.recency, frequency=score.frequency, monetary=score.monetary),
            "dim"), "\n",
        " · ".join(words), "\n",
        ("l ", "bold"), (_(LETTER_FITS[line.letter]) if line.letter in LETTER_FITS
                         else _("writes the letter that fits: {letter}").format(
                             letter=line.letter), "dim"))


LETTER_FITS = {"follow-up": N_("writes the letter that fits: follow-up"),
               "thanks": N_("writes the letter that fits: thanks"),
               "feedback": N_("writes the letter that fits: feedback")}
"""What `l` writes for a client (store.letter_choice.letter_for_loyalty), one sentence each."""


def _days(cohort: Cohort) -> str:
    if cohort.median_days is None:
        return "—"
    count = round(cohort.median_days)
    return ngettext("{count} day", "{count} days", count).format(count=f"{cohort.median_days:.0f}")


COHORT_HEADINGS = (N_("After a plan"), N_("No incident"))
"""The two groups as the table's columns head them (the caption says what each is)."""


def paradox_table(found: Paradox) -> Table:
    """The two groups side by side, figure by figure."""
    table = Table(box=None, padding=(0, 2), show_edge=False)
    table.add_column("", style="dim", no_wrap=True)
    for heading in COHORT_HEADINGS:
        table.add_column(_(heading), justify="right", no_wrap=True)
    rows = ((_("Clients"), lambda c: str(c.clients)),
            (_("Ordered again"), lambda c: f"{c.came_back} ({percent(c.rate)})"),
            (_("Days to the next order (median)"), _days),
            (_("Spend per client before"), lambda c: money(c.spend_before)),
            (_("Spend per client after"), lambda c: money(c.spend_after)))
    for name, value in rows:
        table.add_row(name, value(found.after_plan), value(found.untroubled))
    return table


def paradox_charts(found: Paradox) -> Text:
    """Ordered again, and spend before and after, as bars for each group."""
    groups = (found.after_plan, found.untroubled)
    text = Text(_("Ordered again") + "\n", style="italic")
    text.append_text(row_chart([(g.label, g.rate, percent(g.rate)) for g in groups], 1.0,
                               label_width=23))
    top = float(max((v for g in groups for v in (g.spend_before, g.spend_after)), default=0))
    text.append("\n\n" + _("Spend per client, before and after") + "\n", style="italic")
    rows = []
    for group in groups:
        rows += [(group.label, None, ""),
                 ("  " + _("before"), float(group.spend_before), money(group.spend_before)),
                 ("  " + _("after"), float(group.spend_after), money(group.spend_after))]
    text.append_text(row_chart(rows, top, label_width=23))
    return text


def paradox_panel(found: Paradox) -> Group:
    """The recovery paradox: the figures, then the same as bars."""
    note = Text(_("After a plan: clients with a closed recovery plan, from the close of their "
                  "latest one. No incident: clients who never had one, from their first "
                  "delivery."), style="dim")
    return Group(paradox_table(found), Text(""), paradox_charts(found), Text(""), note)

