"""Small builders of records for tests: sensible defaults, any field overridable by keyword."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta
from decimal import Decimal

from store.models import Client, Incident, Interaction, Order, Profile

_ids = itertools.count(1)


def make_profile(**kw) -> Profile:
    values = dict(name="Claire Vasseur", trade="Paléographe", address_lines=["12, rue Mouffetard"],
                  postcode="75005", city="Paris", tolerance_days=0)
    values.update(kw)
    return Profile(**values)


def make_client(**kw) -> Client:
    """A client; `id` is unique unless given."""
    values = dict(id=next(_ids), civility="M.", first_name="Henri", last_name="Delorme",
                  city="Paris", created=date(2020, 1, 1))
    values.update(kw)
    return Client(**values)


def make_order(**kw) -> Order:
    """An order received on `received`, due 30 days later unless `due` is given.

    `due_original` defaults to `due`; `ref` is unique in the received year unless given;
    a `price` may be given as a number or string.
    """
    received = kw.pop("received", date(2026, 1, 5))
    due = kw.pop("due", received + timedelta(days=30))
    values = dict(ref=f"{received.year}-{next(_ids):03d}", client_id=1, title="Acte notarié",
                  received=received, due_original=kw.pop("due_original", due), due=due,
                  price=Decimal("300"))
    values.update(kw)
    values["price"] = Decimal(str(values["price"]))
    return Order(**values)


def make_interaction(**kw) -> Interaction:
    """An inbound note by email; `when` may be a date (taken at 10:00) or a datetime."""
    when = kw.pop("when", datetime(2026, 1, 5, 10, 0))
    if not isinstance(when, datetime):
        when = datetime(when.year, when.month, when.day, 10, 0)
    values = dict(client_id=1, when=when, kind="note", text="")
    values.update(kw)
    return Interaction(**values)


def make_incident(**kw) -> Incident:
    """An open recovery plan on an order, opened on `opened`."""
    values = dict(order_ref="2026-001", client_id=1, opened=date(2026, 1, 5),
                  what="Delivered late")
    values.update(kw)
    return Incident(**values)
