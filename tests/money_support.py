"""A book to issue money documents from: a private client, a business client, orders."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from store import clients, orders
from store.book import Book
from store.profile import update_profile

TODAY = date(2026, 3, 2)


def open_book(folder) -> Book:
    """A new book with a micro-entrepreneur's profile."""
    book = Book(folder)
    update_profile(book, name="Claire Vasseur", trade="Paléographe", legal_form="EI",
                   siret="81234563500021", address_lines=["12, rue Mouffetard"],
                   postcode="75005", city="Paris")
    return book


def private_client(book, **fields):
    fields = {"civility": "M.", "first_name": "Henri", "last_name": "Lefèvre",
              "postcode": "45000", "city": "Orléans", **fields}
    return clients.add_client(book, TODAY, **fields)


def business_client(book, **fields):
    fields = {"organisation": "Étude Martin & Associés", "postcode": "69002", "city": "Lyon",
              "siren": "732829320", **fields}
    return clients.add_client(book, TODAY, **fields)


def order_for(book, client, price="300", received=TODAY, **fields):
    """An order received on `received`, due two weeks later."""
    return orders.add_order(book, received, client.id, fields.pop("title", "Acte de vente, 1523"),
                            received + timedelta(days=14), received=received,
                            price=Decimal(price), **fields)


def delivered_order(book, client, on=TODAY, **fields):
    """An order delivered on `on`."""
    order = order_for(book, client, received=fields.pop("received", on), **fields)
    return orders.deliver(book, order.ref, on)


@pytest.fixture
def book(tmp_path):
    """A new book with open_book's profile."""
    with open_book(tmp_path / "book") as opened:
        yield opened


@pytest.fixture
def henri(book):
    """A private client in that book."""
    return private_client(book)
