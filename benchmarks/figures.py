"""The dashboard's figures for a book (Carnet's or a baseline's behind the same interface)."""

from __future__ import annotations

from datetime import date


def compose(book, today: date) -> dict:
    """The dashboard's rules composed directly, for when store/dashboard.py is absent."""
    from store import deadlines, loyalty, performance
    clients = book.clients()
    by_id = {client.id: client for client in clients}
    orders, interactions, incidents = book.orders(), book.interactions(), book.incidents()
    profile = book.profile
    return {
        "overdue": deadlines.overdue(orders, by_id, profile, today),
        "due_soon": deadlines.due_soon(orders, by_id, profile, today),
        "trend": performance.on_time_by_month(orders, today),
        "segments": loyalty.segments(clients, orders, today),
        "silent": loyalty.silent_clients(clients, orders, interactions),
        "at_risk": loyalty.at_risk_clients(clients, orders, interactions, incidents, today),
    }


def dashboard_function():
    """(function(book, today), what it is): store.dashboard.dashboard when it exists."""
    try:
        from store.dashboard import dashboard
    except ImportError:
        return compose, "rules composed by the benchmark (store/dashboard.py not found)"
    return dashboard, "store.dashboard.dashboard"
