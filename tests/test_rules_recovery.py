"""Recovery plans: what to do next after a mistake, and whether clients came back."""

from datetime import date

import pytest

from store.recovery import next_step, recovery_figure
from tests.factories import make_incident, make_order


def test_the_four_steps_come_in_order_then_closing():
    incident = make_incident(opened=date(2026, 3, 1))
    assert next_step(incident) == "apologise"
    incident.apologised = date(2026, 3, 1)
    assert next_step(incident) == "fix"
    incident.fixed = date(2026, 3, 4)
    assert next_step(incident) == "follow up"
    incident.followed_up = date(2026, 3, 10)
    assert next_step(incident) == "ask for feedback"
    incident.feedback_asked = date(2026, 3, 20)
    assert next_step(incident) == "hear feedback"
    incident.feedback_received = date(2026, 3, 25)
    assert next_step(incident) == "close"
    incident.closed = date(2026, 4, 1)
    assert next_step(incident) is None


def test_a_skipped_step_is_still_the_next_one():
    incident = make_incident(apologised=date(2026, 3, 1), followed_up=date(2026, 3, 5))
    assert next_step(incident) == "fix"


def test_the_recovery_figure_counts_clients_who_ordered_after_their_plan_closed():
    incidents = [
        make_incident(client_id=1, closed=date(2025, 3, 1)),
        make_incident(client_id=2, closed=date(2025, 3, 1)),
        make_incident(client_id=3, closed=date(2025, 3, 1)),
        make_incident(client_id=4, closed=date(2025, 3, 1)),
        make_incident(client_id=4, closed=date(2026, 1, 1)),
        make_incident(client_id=5),
    ]
    orders = [
        make_order(client_id=1, received=date(2025, 6, 1)),
        make_order(client_id=2, received=date(2025, 3, 1)),
        make_order(client_id=3, received=date(2025, 9, 1), status="cancelled",
                   cancelled=date(2025, 9, 2)),
        make_order(client_id=4, received=date(2025, 6, 1)),
        make_order(client_id=5, received=date(2026, 6, 1)),
    ]
    figure = recovery_figure(incidents, orders)
    assert (figure.clients, figure.came_back) == (4, 1)
    assert figure.rate == pytest.approx(0.25)


def test_no_closed_plan_means_no_rate():
    figure = recovery_figure([make_incident()], [make_order()])
    assert (figure.clients, figure.came_back, figure.rate) == (0, 0, None)
