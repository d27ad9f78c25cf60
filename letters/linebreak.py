"""Breaking a paragraph into lines over the whole paragraph at once (Knuth and Plass, 1981).

The paragraph is a row of boxes (pieces of words), glue (the breakable spaces) and
penalties (hyphenation points). Every way of breaking it is scored by how far each
line's spaces must stretch or shrink, plus the cost of hyphens; the cheapest set of
breaks wins, so a loose line is avoided by looking ahead rather than accepted when met.

Justified: a space may grow to 1.6× its width and shrink to two thirds of it, as in
TeX; past that, the letters may be spaced or tightened by a hair (as pdfTeX's font
expansion does), which counts as more stretch. A paragraph that cannot keep within
that is set ragged-right by the text block (letters/textblock.py). Ragged-right: spaces
keep their width and the lines' ends are made as even as the words allow.
"""

from __future__ import annotations

from dataclasses import dataclass

STRETCH, SHRINK = 0.6, 0.33
"""How far a justified space may grow and shrink, as a share of its width."""

LETTER_SPACING = 0.015
"""How far justified text may space or tighten its letters, in ems: once its word spaces are
at their limit, a line takes up to this much between letters (a hair: 0.15 pt at 10 pt)."""

LINE_PENALTY, HYPHEN_PENALTY, DOUBLE_HYPHEN, FINAL_HYPHEN, FITNESS_JUMP = 10, 50, 3000, 5000, 100
RUNT, RUNT_PENALTY = 0.15, 5000
"""A paragraph's last line shorter than this share of the width costs extra: one word alone."""
INFINITY = 10_000
JUSTIFIED = (1.0, 1.5)
"""Adjustment ratios tried in turn for justified text: within the limits, then half again
(letter spacing makes up the rest); a paragraph that needs more is set ragged-right."""
RAGGED = (1.0, 2.0, float("inf"))
"""Ragged-right text always finds its breaks: at worst a line ends well short."""


@dataclass(frozen=True, slots=True)
class Box:
    """A piece of text that is never cut (a word, or a word up to a hyphenation point)."""

    text: str
    width: float
    stretch: float = 0.0
    shrink: float = 0.0


@dataclass(frozen=True, slots=True)
class Glue:
    """A breakable space: dropped at a line's end."""

    width: float
    stretch: float
    shrink: float


@dataclass(frozen=True, slots=True)
class Penalty:
    """A place a line may end at a cost; `text` (a hyphen) is printed only if it does."""

    text: str
    width: float
    cost: float
    flagged: bool


Item = Box | Glue | Penalty


@dataclass(slots=True)
class _Node:
    position: int
    line: int
    fitness: int
    width: float
    stretch: float
    shrink: float
    demerits: float
    ratio: float
    previous: _Node | None


def _fitness(ratio: float) -> int:
    if ratio < -0.5:
        return 0
    if ratio <= 0.5:
        return 1
    return 2 if ratio <= 1 else 3


class _Sums:
    """Running totals of width, stretch and shrink, so any line's totals are one subtraction."""

    def __init__(self, items: list[Item]):
        self.width, self.stretch, self.shrink = [0.0], [0.0], [0.0]
        for item in items:
            w = item.width if not isinstance(item, Penalty) else 0.0
            st = item.stretch if not isinstance(item, Penalty) else 0.0
            sh = item.shrink if not isinstance(item, Penalty) else 0.0
            self.width.append(self.width[-1] + w)
            self.stretch.append(self.stretch[-1] + st)
            self.shrink.append(self.shrink[-1] + sh)

    def after_break(self, items: list[Item], position: int) -> tuple[float, float, float]:
        """Totals up to the first box after a break at `position` (what the next line drops)."""
        i = position if position == 0 else position + 1
        while i < len(items) and not isinstance(items[i], Box):
            if isinstance(items[i], Penalty) and items[i].cost <= -INFINITY and i > position:
                break
            i += 1
        return self.width[i], self.stretch[i], self.shrink[i]


def _ratio(natural: float, stretch: float, shrink: float, room: float) -> float:
    if natural < room:
        return (room - natural) / stretch if stretch > 0 else INFINITY
    if natural > room:
        return (room - natural) / shrink if shrink > 0 else -INFINITY
    return 0.0


def _demerits(ratio: float, item: Item, previous: Item | None) -> float:
    badness = 100 * abs(ratio) ** 3
    demerits = (LINE_PENALTY + min(badness, INFINITY)) ** 2
    if isinstance(item, Penalty):
        if item.cost >= 0:
            demerits += item.cost ** 2
        elif item.cost > -INFINITY:
            demerits -= item.cost ** 2
        if item.flagged and isinstance(previous, Penalty) and previous.flagged:
            demerits += DOUBLE_HYPHEN
    return demerits


def _breaks(items: list[Item], widths: tuple[float, float], tolerance: float,
            ragged_room: float) -> list[_Node] | None:
    """The cheapest chain of break nodes with every ratio within `tolerance`, or None."""
    sums = _Sums(items)
    active = [_Node(0, 0, 1, 0.0, 0.0, 0.0, 0.0, 0.0, None)]
    for b, item in enumerate(items):
        if isinstance(item, Penalty):
            if item.cost >= INFINITY:
                continue
        elif not (isinstance(item, Glue) and b > 0 and isinstance(items[b - 1], Box)):
            continue
        candidates: dict[int, _Node] = {}
        kept, dropped = [], []
        forced = isinstance(item, Penalty) and item.cost <= -INFINITY
        for node in active:
            room = widths[min(node.line, 1)]
            natural = sums.width[b] - node.width + (item.width if isinstance(item, Penalty) else 0)
            stretch = sums.stretch[b] - node.stretch + ragged_room
            shrink = sums.shrink[b] - node.shrink
            ratio = _ratio(natural, stretch, shrink, room)
            if ratio >= -1 and not forced:
                kept.append(node)
            elif ratio < -1:
                dropped.append(node)
            if -1 <= ratio <= tolerance or (forced and ratio >= -1):
                previous = items[node.position] if node.position else None
                demerits = node.demerits + _demerits(min(ratio, tolerance), item, previous)
                if forced and isinstance(previous, Penalty) and previous.flagged:
                    demerits += FINAL_HYPHEN
                if forced and node.position and natural < RUNT * room:
                    demerits += RUNT_PENALTY
                fitness = _fitness(ratio)
                if abs(fitness - node.fitness) > 1:
                    demerits += FITNESS_JUMP
                best = candidates.get(fitness)
                if best is None or demerits < best.demerits:
                    totals = sums.after_break(items, b)
                    candidates[fitness] = _Node(b, node.line + 1, fitness, *totals, demerits,
                                                ratio, node)
        if not kept and not candidates and dropped and tolerance == float("inf"):
            node = dropped[-1]
            totals = sums.after_break(items, b)
            candidates[1] = _Node(b, node.line + 1, 1, *totals, node.demerits + INFINITY ** 2,
                                  -1.0, node)
        active = kept + list(candidates.values())
        if not active:
            return None
    ends = [node for node in active if node.position == len(items) - 1]
    if not ends:
        return None
    best = min(ends, key=lambda node: node.demerits)
    chain = []
    while best.previous is not None:
        chain.append(best)
        best = best.previous
    return chain[::-1]


def break_paragraph(items: list[Item], first_width: float, width: float,
                    ragged_room: float = 0.0) -> list[tuple[int, int, float]] | None:
    """(start, end, ratio) of each line: items[start:end] printed, items[end] the break.

    `items` ends with a forced break; `ragged_room` > 0 sets the text ragged-right.
    None when justified text cannot keep its spaces within the limits.
    """
    for tolerance in RAGGED if ragged_room else JUSTIFIED:
        chain = _breaks(items, (first_width, width), tolerance, ragged_room)
        if chain is not None:
            break
    else:
        return None
    lines, start = [], 0
    for node in chain:
        lines.append((start, node.position, node.ratio))
        start = node.position + 1
        while start < len(items) and isinstance(items[start], (Glue, Penalty)) \
                and not (isinstance(items[start], Penalty) and items[start].cost <= -INFINITY):
            start += 1
    return lines
