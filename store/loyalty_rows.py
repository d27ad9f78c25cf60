"""JSON-ready rows of the loyalty view and the kaizen figures (`loyalty --json`, `kaizen --json`).

Pure functions of the book and *today*, like store/board.py: the command line prints them as
they are, and the TUI shows the same objects they are made from.
"""

from __future__ import annotations

from datetime import date

from .book import Book
from .kaizen import Kaizen, MonthFigures, kaizen
from .loyalty_trend import SegmentCounts, segments_by_month
from .loyalty_view import ClientLoyalty, LoyaltyView, Move, loyalty_view, signal_words
from .models import iso
from .paradox import Cohort
from .performance import OnTime


def _money(value) -> str:
    return f"{value:.2f}"


def client_loyalty_row(line: ClientLoyalty) -> dict:
    """One client of a segment: RFM, the signals beside them, and the letter that fits."""
    score, sig = line.rfm, line.signals
    return {
        "client_id": line.client.id, "client": line.client.name, "status": line.client.status,
        "segment": score.segment, "recency": score.recency, "frequency": score.frequency,
        "monetary": score.monetary, "last_order": iso(score.last_order), "orders": score.orders,
        "revenue": _money(score.revenue),
        "signals": {"gifts": sig.gifts, "praise": sig.praise, "complaints": sig.complaints,
                    "incidents": sig.incidents, "recovered": sig.recovered,
                    "feedback_given": sig.feedback_given, "silent": sig.silent},
        "in_words": signal_words(sig), "at_risk": line.watch, "letter": line.letter,
    }


def move_row(move: Move) -> dict:
    return {"client_id": move.client.id, "client": move.client.name, "from": move.before,
            "to": move.after, "reasons": move.reasons}


def view_row(view: LoyaltyView) -> dict:
    """The loyalty view as one JSON object; the segments' counts add up to `active_clients`."""
    return {
        "today": iso(view.today), "since": iso(view.since),
        "active_clients": view.active_clients,
        "segments": [{"segment": s.name, "count": len(s.clients),
                      "clients": [client_loyalty_row(line) for line in s.clients]}
                     for s in view.segments],
        "moves": [move_row(move) for move in view.moves],
    }


def loyalty_row(book: Book, today: date, since: date | None = None) -> dict:
    """`loyalty --json`: the segments, their clients and signals, and who moved since `since`."""
    return view_row(loyalty_view(book, today, since))


def on_time_row(figures: OnTime) -> dict:
    return {"delivered": figures.delivered, "on_time_original": figures.on_time_original,
            "on_time_current": figures.on_time_current, "rate_original": figures.rate_original,
            "rate_current": figures.rate_current}


def month_row(month: MonthFigures) -> dict:
    return {"month": month.month.isoformat()[:7], **on_time_row(month.on_time),
            "average_delay": month.average_delay, "repeat_share": month.repeat_share,
            "revenue": _money(month.revenue)}


def cohort_row(group: Cohort) -> dict:
    return {"label": group.label, "clients": group.clients, "came_back": group.came_back,
            "rate": group.rate, "median_days": group.median_days,
            "spend_before": _money(group.spend_before), "spend_after": _money(group.spend_after)}


def segments_row(counts: SegmentCounts) -> dict:
    return {"day": counts.day.isoformat(), **counts.counts}


def kaizen_view_row(figures: Kaizen, trend: list[SegmentCounts]) -> dict:
    """The kaizen figures as one JSON object: months newest first, the summary, the paradox."""
    summary = figures.summary
    return {
        "today": iso(figures.today), "months": [month_row(m) for m in figures.months],
        "summary": {"since": iso(summary.since), **on_time_row(summary.on_time),
                    "average_delay": summary.average_delay,
                    "recovery": {"clients": summary.recovery.clients,
                                 "came_back": summary.recovery.came_back,
                                 "rate": summary.recovery.rate}},
        "paradox": {"after_plan": cohort_row(figures.paradox.after_plan),
                    "untroubled": cohort_row(figures.paradox.untroubled)},
        "segments_by_month": [segments_row(counts) for counts in trend],
    }


def kaizen_row(book: Book, today: date) -> dict:
    """`kaizen --json`: the monthly figures, the recovery paradox and segments over time."""
    orders = book.orders()
    return kaizen_view_row(kaizen(orders, book.incidents(), today),
                           segments_by_month(book.clients(), orders, today))
