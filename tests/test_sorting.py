"""Lists sort the way a person reads them: names as alphabetised, references by number."""

from __future__ import annotations

from datetime import date

from store.book import Book
from store.loyalty import at_risk_clients, silent_clients
from store.orders import find_orders
from tests.factories import make_client, make_incident, make_order

TODAY = date(2026, 11, 23)


def test_clients_sort_by_name_with_accents_and_case_ignored():
    cast = [make_client(first_name=name, last_name="")
            for name in ("zoé", "Émile", "Denis", "édith", "Fabrice")]
    delivered = [make_order(client_id=c.id, status="delivered", delivered=date(2026, 11, 1))
                 for c in cast]
    silent = silent_clients(cast, delivered, [])
    assert [c.name for c in silent] == ["Denis", "édith", "Émile", "Fabrice", "zoé"]


def test_a_clients_open_incidents_are_listed_by_reference_number():
    paul = make_client(first_name="Paul")
    plans = [make_incident(client_id=paul.id, order_ref=ref) for ref in ("2026-1000", "2026-999")]
    [risk] = at_risk_clients([paul], [], [], plans, TODAY)
    assert risk.reasons == ["open incident on 2026-999", "open incident on 2026-1000"]


def test_orders_found_come_newest_reference_first_past_a_thousand(tmp_path):
    with Book(tmp_path / "book") as book:
        client_id = book.insert("clients", make_client(first_name="Anne"))
        for ref in ("2026-998", "2026-1000", "2026-999"):
            book.insert("orders", make_order(ref=ref, client_id=client_id))
        assert [o.ref for o in find_orders(book)] == ["2026-1000", "2026-999", "2026-998"]
