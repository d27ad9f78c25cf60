"""The store speaks the interface's language: refusals, reasons and undo labels, French or English."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from store import clients, orders
from store.book import Book
from store.dashboard import dashboard, look_after_rows
from store.errors import ValidationError
from store.i18n import use_language
from store.labels import next_label, status_label
from store.listing import count
from store.models import Profile

TODAY = date(2026, 11, 23)
NBSP = "\u00a0"


@pytest.fixture
def book(tmp_path):
    book = Book(tmp_path / "book")
    book.set_profile(Profile(name="Claire Vasseur", tolerance_days=2))
    yield book
    book.close()


def _refused_due(book) -> ValidationError:
    """An order due before it was received."""
    client = clients.add_client(book, TODAY, last_name="Delorme")
    with pytest.raises(ValidationError) as refused:
        orders.add_order(book, TODAY, client.id, "Acte notarié", TODAY - timedelta(days=3))
    return refused.value


def _look_after(book) -> list[str]:
    """A difficult client and a silent one (delivered, never gave feedback)."""
    clients.add_client(book, TODAY, last_name="Achard", status="difficult")
    quiet = clients.add_client(book, TODAY, last_name="Bonnet")
    order = orders.add_order(book, TODAY, quiet.id, "Terrier", TODAY,
                             received=TODAY - timedelta(days=20))
    orders.deliver(book, order.ref, TODAY - timedelta(days=1))
    return [row["reason"] for row in look_after_rows(dashboard(book, TODAY))]


def _postponed_label(book) -> str:
    client = clients.add_client(book, TODAY, last_name="Caradec")
    order = orders.add_order(book, TODAY, client.id, "Acte", TODAY + timedelta(days=5))
    orders.postpone(book, order.ref, TODAY + timedelta(days=20), "archives closed", "other",
                    TODAY)
    return book.undo_label


def test_in_french_a_refused_due_date_names_the_field_echeance(book):
    use_language("fr")
    refused = _refused_due(book)
    assert str(refused).startswith(f"échéance{NBSP}: 20 nov. 2026 précède la date de réception")
    assert refused.field == "due date" and "23 nov. 2026" in refused.message


def test_in_english_the_refusal_is_unchanged(book):
    assert str(_refused_due(book)) == ("due date: 2026-11-20 is before the received date "
                                       "(2026-11-23)")


def test_in_french_the_clients_to_look_after_read_in_french(book):
    use_language("fr")
    assert _look_after(book) == ["marqué difficile",
                                 f"n’a jamais donné son avis{NBSP}: demandez-le"]


def test_in_english_the_clients_to_look_after_are_unchanged(book):
    assert _look_after(book) == ["marked difficult", "never gave feedback: ask for it"]


def test_in_french_an_undo_label_reads_in_french(book):
    use_language("fr")
    label = _postponed_label(book)
    assert label.startswith("report de 2026-") and " au " in label


def test_in_english_an_undo_label_is_unchanged(book):
    label = _postponed_label(book)
    assert label.startswith("postpone 2026-") and " to " in label


def test_values_keep_their_identifiers_and_translate_their_labels():
    use_language("fr")
    assert (status_label("delivered"), next_label("apologise"), count([1, 2], "order")) == (
        "livrée", "s’excuser", "2 commandes")
    use_language("en")
    assert (status_label("delivered"), next_label("apologise"), count([1], "order")) == (
        "delivered", "apologise", "1 order")
