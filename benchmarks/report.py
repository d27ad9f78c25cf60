"""Rows of the benchmark report: a figure beside its budget and its baselines, as text or JSON."""

from __future__ import annotations

import statistics
from dataclasses import asdict, dataclass, field

MS = 1e-3
MB = 1024 * 1024


@dataclass
class Baseline:
    """The same figure measured on another storage or tool, in the same run."""

    name: str
    value: float | None
    note: str = ""


@dataclass
class Row:
    """One measured figure; values are seconds (unit 's'), bytes (unit 'B') or a count ('n')."""

    book: str
    figure: str
    unit: str = "s"
    budget: float | None = None
    budget_text: str = ""
    carnet: float | None = None
    baselines: list[Baseline] = field(default_factory=list)
    met: bool | None = None
    note: str = ""
    skipped: str = ""
    samples: int = 0

    def judge(self) -> Row:
        """Set `met` from the budget (an upper bound) when both are known."""
        if self.budget is not None and self.carnet is not None:
            self.met = self.carnet <= self.budget
        return self

    def as_json(self) -> dict:
        data = asdict(self)
        for baseline in data["baselines"]:
            value = baseline["value"]
            baseline["ratio"] = (value / self.carnet
                                 if value is not None and self.carnet else None)
        return data


def skipped(book: str, figure: str, reason: str, budget_text: str = "") -> Row:
    """A row that could not be measured, and why."""
    return Row(book, figure, budget_text=budget_text, skipped=reason)


def percentile(values: list[float], pct: float) -> float:
    """The nearest-rank percentile of `values` (pct in 0..100)."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * pct // 100))
    return ordered[int(rank) - 1]


def median(values: list[float]) -> float:
    return statistics.median(values)


def show(value: float | None, unit: str) -> str:
    """A value for humans: ms or s for times, MB for sizes, counts as they are."""
    if value is None:
        return "—"
    if unit == "n":
        return f"{value:,.0f}"
    if unit == "B":
        return f"{value / MB:.0f} MB"
    if value < 1:
        return f"{value / MS:.2f} ms" if value < 0.01 else f"{value / MS:.0f} ms"
    if value >= 100:
        return f"{value:.0f} s"
    return f"{value:.2f} s"


def _ratio(row: Row, baseline: Baseline) -> str:
    if baseline.value is None or not row.carnet:
        return ""
    return f"{baseline.value / row.carnet:.1f}×"


def _verdict(row: Row) -> str:
    if row.skipped:
        return ""
    return {True: "met", False: "NOT MET", None: "—"}[row.met]


COLUMNS = ("figure", "budget", "Carnet", "baseline", "measured", "ratio", "met")
WIDTHS = (36, 14, 10, 20, 10, 8, 7)


def _line(cells: tuple[str, ...]) -> str:
    fitted = [cell if len(cell) <= width or index == len(cells) - 1 else cell[:width - 1] + "…"
              for index, (cell, width) in enumerate(zip(cells, WIDTHS))]
    return "  ".join(cell.ljust(width) for cell, width in zip(fitted, WIDTHS)).rstrip()


def render(title: str, rows: list[Row]) -> str:
    """One book's rows as an aligned table, baselines on continuation lines, notes below."""
    lines = [title, _line(COLUMNS), _line(tuple("-" * w for w in WIDTHS))]
    notes: list[str] = []
    for row in rows:
        if row.skipped:
            lines.append(_line((row.figure, row.budget_text, f"skipped: {row.skipped}")))
            continue
        first = row.baselines[0] if row.baselines else Baseline("", None)
        lines.append(_line((row.figure, row.budget_text, show(row.carnet, row.unit), first.name,
                            show(first.value, row.unit) if first.name else "",
                            _ratio(row, first), _verdict(row))))
        for extra in row.baselines[1:]:
            lines.append(_line(("", "", "", extra.name, show(extra.value, row.unit),
                                _ratio(row, extra), "")))
        for baseline in row.baselines:
            if baseline.note:
                notes.append(f"{row.figure} / {baseline.name}: {baseline.note}")
        if row.note:
            notes.append(f"{row.figure}: {row.note}")
    if notes:
        lines += ["", *(f"  * {note}" for note in notes)]
    return "\n".join(lines)


def summary(rows: list[Row]) -> str:
    """Budgets met, not met, and figures skipped."""
    judged = [row for row in rows if not row.skipped and row.met is not None]
    missed = [f"{row.book}: {row.figure}" for row in judged if not row.met]
    skipped_rows = [row for row in rows if row.skipped]
    text = f"Budgets met: {sum(row.met for row in judged)} of {len(judged)}"
    if missed:
        text += "; not met: " + ", ".join(missed)
    if skipped_rows:
        text += f"; {len(skipped_rows)} figure(s) skipped"
    return text + "."
