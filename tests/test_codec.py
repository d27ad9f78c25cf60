"""Records go to storage documents and come back exactly, by the types of their fields."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from store.models import Document, Extra, Interaction, Order, Pause, Postponement, Profile

DAY = date(2026, 3, 4)


def test_an_order_is_stored_as_plain_json_and_read_back_whole():
    order = Order(ref="2026-014", client_id=3, title="Acte", received=DAY, due_original=DAY,
                  due=date(2026, 4, 1), id=9, document=Document(nature="acte", pages=3),
                  price=Decimal("120.50"), postponements=[Postponement(DAY, DAY, DAY, "r")],
                  pauses=[Pause(DAY)], extras=[Extra(DAY, "résumé", Decimal("30"))])
    doc = order.to_doc()
    assert list(doc) == ["ref", "client_id", "title", "received", "due_original", "due",
                         "service", "document", "scope", "price", "status", "postponements",
                         "pauses", "delivered", "paid", "cancelled", "extras", "summary",
                         "client_ref"]
    assert (doc["due"], doc["price"], doc["delivered"]) == ("2026-04-01", "120.50", None)
    assert doc["postponements"] == [{"on": "2026-03-04", "from": "2026-03-04",
                                     "to": "2026-03-04", "reason": "r", "cause": "mine"}]
    assert doc["document"]["pages"] == 3 and doc["pauses"][0]["end"] is None
    assert Order.from_doc(doc, 9) == order


def test_a_moment_is_kept_to_the_minute():
    talk = Interaction(client_id=1, when=datetime(2026, 3, 4, 10, 30), id=2)
    assert talk.to_doc()["when"] == "2026-03-04T10:30"
    assert Interaction.from_doc(talk.to_doc(), 2) == talk


def test_missing_fields_take_their_defaults_and_required_ones_are_refused():
    order = Order.from_doc({"ref": "2026-001", "client_id": 1, "title": "t",
                            "received": "2026-01-05", "due_original": "2026-02-04",
                            "due": "2026-02-04"}, 1)
    assert (order.status, order.price, order.postponements) == ("accepted", Decimal("0"), [])
    with pytest.raises(KeyError):
        Interaction.from_doc({"client_id": 1}, 1)


def test_a_record_refuses_a_field_it_does_not_know_but_an_old_profile_is_read():
    with pytest.raises(TypeError, match="nope"):
        Interaction.from_doc({"client_id": 1, "when": "2026-03-04T10:30", "nope": 1}, 1)
    assert Profile.from_doc({"name": "Claire", "retired_setting": 1}).name == "Claire"


def test_lists_are_copied_both_ways():
    profile = Profile(address_lines=["12, rue Mouffetard"])
    doc = profile.to_doc()
    doc["address_lines"].append("changed")
    assert profile.address_lines == ["12, rue Mouffetard"]
    assert Profile.from_doc(doc).address_lines is not doc["address_lines"]
