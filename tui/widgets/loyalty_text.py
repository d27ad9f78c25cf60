"""The text of the loyalty section: segment and move lines, a client's detail, the paradox."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.widgets.option_list import Option

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


def _orders(count: int) -> str:
    return "1 order" if count == 1 else f"{count} orders"


def segment_strip(view: LoyaltyView) -> Text:
    """'champion 1 · loyal 3 · …  — 10 clients': every segment's count on one line."""
    text = Text(no_wrap=True, overflow="ellipsis")
    for index, segment in enumerate(view.segments):
        if index:
            text.append(" · ", style="dim")
        text.append(f"{segment.name} ")
        text.append(str(len(segment.clients)), style="bold")
    text.append(f"  — {view.active_clients} clients", style="dim")
    return text


def client_option(line: ClientLoyalty) -> Option:
    """One client of a segment: name, orders, spend, last order, then the signals."""
    words = signal_words(line.signals) + line.watch
    return Option(_line(("  ", ""), (_name(line.client.name), "bold"),
                        (_orders(line.rfm.orders).ljust(10), ""),
                        (money(line.rfm.revenue).rjust(9) + "  ", ""),
                        (day(line.rfm.last_order).ljust(13), "dim"),
                        (" · ".join(words), "italic")),
                  id=f"client:{line.client.id}")


def segment_options(view: LoyaltyView) -> list[Option]:
    """Each segment as a heading with its count, then its clients."""
    options = []
    for segment in view.segments:
        options.append(Option(_line((f"{segment.name.capitalize()} ", "bold"),
                                    (f"({len(segment.clients)})", "dim")), disabled=True))
        options += [client_option(line) for line in segment.clients[:SHOWN]]
        if len(segment.clients) > SHOWN:
            options.append(Option(_line((f"  … and {len(segment.clients) - SHOWN} more "
                                         "(the clients list (2) shows every one)", "dim")),
                                  disabled=True))
    return options


def move_options(view: LoyaltyView) -> list[Option]:
    """The first moves by name, and how many more there are."""
    options = [move_option(move) for move in view.moves[:MOVES_SHOWN]]
    if len(view.moves) > MOVES_SHOWN:
        options.append(Option(_line((f"  … and {len(view.moves) - MOVES_SHOWN} more "
                                     "(loyalty --since on the command line lists them all)",
                                     "dim")), disabled=True))
    return options


def move_option(move: Move) -> Option:
    """A client who moved: the segments on the first line, the reasons beneath."""
    before = move.before or "not yet"
    text = _line(("  ", ""), (_name(move.client.name), "bold"),
                 (f"{before} → {move.after}", ""))
    text.append("\n    " + "; ".join(move.reasons), style="dim")
    return Option(text, id=f"client:{move.client.id}")


def client_detail(line: ClientLoyalty | None) -> Text:
    """The highlighted client: segment and RFM scores, every signal, the letter `l` writes."""
    if line is None:
        return Text("Highlight a client to see their signals.", style="dim")
    score = line.rfm
    words = signal_words(line.signals) + line.watch or ["no signal yet"]
    return Text.assemble(
        (line.client.name, "bold"), f" — {score.segment}", (
            f"  (recency {score.recency}, frequency {score.frequency}, "
            f"monetary {score.monetary})", "dim"), "\n",
        " · ".join(words), "\n",
        ("l ", "bold"), (f"writes the letter that fits: {line.letter}", "dim"))


def _days(cohort: Cohort) -> str:
    return "—" if cohort.median_days is None else f"{cohort.median_days:.0f} days"


COHORT_HEADINGS = ("After a plan", "No incident")
"""The two groups as the table's columns head them (the caption says what each is)."""


def paradox_table(found: Paradox) -> Table:
    """The two groups side by side, figure by figure."""
    table = Table(box=None, padding=(0, 2), show_edge=False)
    table.add_column("", style="dim", no_wrap=True)
    for heading in COHORT_HEADINGS:
        table.add_column(heading, justify="right", no_wrap=True)
    rows = (("Clients", lambda c: str(c.clients)),
            ("Ordered again", lambda c: f"{c.came_back} ({percent(c.rate)})"),
            ("Days to the next order (median)", _days),
            ("Spend per client before", lambda c: money(c.spend_before)),
            ("Spend per client after", lambda c: money(c.spend_after)))
    for label, value in rows:
        table.add_row(label, value(found.after_plan), value(found.untroubled))
    return table


def paradox_charts(found: Paradox) -> Text:
    """Ordered again, and spend before and after, as bars for each group."""
    groups = (found.after_plan, found.untroubled)
    text = Text("Ordered again\n", style="italic")
    text.append_text(row_chart([(g.label, g.rate, percent(g.rate)) for g in groups], 1.0,
                               label_width=23))
    top = float(max((v for g in groups for v in (g.spend_before, g.spend_after)), default=0))
    text.append("\n\nSpend per client, before and after\n", style="italic")
    rows = []
    for group in groups:
        rows += [(group.label, None, ""),
                 ("  before", float(group.spend_before), money(group.spend_before)),
                 ("  after", float(group.spend_after), money(group.spend_after))]
    text.append_text(row_chart(rows, top, label_width=23))
    return text


def paradox_panel(found: Paradox) -> Group:
    """The recovery paradox: the figures, then the same as bars."""
    note = Text("After a plan: clients with a closed recovery plan, from the close of their "
                "latest one. No incident: clients who never had one, from their first delivery.",
                style="dim")
    return Group(paradox_table(found), Text(""), paradox_charts(found), Text(""), note)

