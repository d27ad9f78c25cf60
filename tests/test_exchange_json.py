"""The whole book leaves as one JSON document and comes back exactly, ids included."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import orjson
import pytest

from store import clients, incidents, orders, relations
from store.book import Book
from store.errors import CarnetError, ValidationError
from store.exchange import json_io
from store.models import Profile

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 14, 0)


def fill_book(book: Book) -> None:
    """A small book touching every table, with a gap in the client ids."""
    book.set_profile(Profile(name="Claire Dubois", trade="Paléographe", city="Orléans",
                             letter_city="Orléans", tolerance_days=2))
    henri = clients.add_client(book, TODAY, civility="M.", first_name="Henri",
                               last_name="Lefèvre", city="Orléans", email="henri@example.fr",
                               phone="+33 6 12 34 56 78", address_lines=["3, place du Martroi"],
                               tags=["notaire", "fidèle"], notes="Préfère le courrier;\nappeler le matin")
    gone = clients.add_client(book, TODAY, last_name="Supprimé")
    book.delete("clients", gone.id)
    etude = clients.add_client(book, TODAY, organisation="Étude Martin & Associés", city="Paris",
                               language="en", tolerance_days=5)
    late = orders.add_order(book, TODAY - timedelta(days=40), henri.id, "Acte de vente, 1523",
                            TODAY - timedelta(days=5), price="1 250,50")
    orders.postpone(book, late.ref, TODAY + timedelta(days=3), "archives fermées", "other",
                    TODAY - timedelta(days=6))
    orders.pause(book, late.ref, TODAY - timedelta(days=4), "attente de la copie")
    orders.resume(book, late.ref, TODAY - timedelta(days=2))
    orders.add_extra(book, late.ref, "résumé en français moderne", "40", TODAY)
    done = orders.add_order(book, TODAY - timedelta(days=20), etude.id, "Registre paroissial",
                            TODAY - timedelta(days=2))
    orders.deliver(book, done.ref, TODAY - timedelta(days=3))
    relations.log_interaction(book, henri.id, "complaint", "Retard « inacceptable » !",
                              datetime(2026, 11, 20, 10, 30), "phone", "in", late.ref, 2)
    relations.record_gift(book, henri.id, "un carnet de timbres", TODAY)
    relations.add_followup(book, henri.id, TODAY + timedelta(days=1), "Rappeler Henri")
    plan = incidents.open_incident(book, late.ref, TODAY, "livraison en retard", "mine")
    incidents.record_step(book, plan.id, "apologised", TODAY)
    incidents.record_step(book, plan.id, "fixed", TODAY, solution="livré", client_proposal="rien")
    relations.record_letter(book, henri.id, "apology", "fr", TODAY,
                            f"letters/{henri.id:04d}-lefevre/2026-11-23-apology.pdf", "ab" * 32,
                            late.ref)
    incidents.add_lesson(book, TODAY, "Prévenir plus tôt")


@pytest.fixture
def full(tmp_path):
    with Book(tmp_path / "full") as book:
        fill_book(book)
        yield book


def test_export_is_versioned_and_self_describing(full):
    document = orjson.loads(json_io.export_json(full, NOW))
    assert (document["format"], document["version"]) == ("carnet-export", 1)
    assert document["exported"] == "2026-11-23T14:00:00"
    assert set(document["tables"]) >= {"profile", "clients", "orders", "interactions",
                                       "incidents", "followups", "letters", "lessons"}
    assert sorted(document["tables"]["clients"]) == ["1", "3"]


def test_import_into_an_empty_book_is_an_exact_round_trip_with_the_same_ids(full, tmp_path):
    exported = json_io.export_json(full, NOW)
    with Book(tmp_path / "copy") as copy:
        json_io.import_json(copy, exported)
        assert json_io.export_json(copy, NOW) == exported
        assert [c.id for c in copy.clients()] == [1, 3]
        assert copy.order("2026-001").postponements == full.order("2026-001").postponements
        assert copy.profile == full.profile
    with Book(tmp_path / "copy", read_only=True) as reopened:
        assert json_io.export_json(reopened, NOW) == exported


def test_an_imported_book_takes_new_records_after_the_highest_id(full, tmp_path):
    with Book(tmp_path / "copy") as copy:
        json_io.import_json(copy, json_io.export_json(full, NOW))
        assert clients.add_client(copy, TODAY, last_name="Nouveau").id == 4


def test_importing_into_a_book_that_is_not_empty_is_refused(full):
    with pytest.raises(CarnetError, match="not empty"):
        json_io.import_json(full, json_io.export_json(full, NOW))


@pytest.mark.parametrize("data, message", [
    (b"{not json", "not JSON"),
    (b'{"format": "other"}', "not a Carnet export"),
    (b'{"format": "carnet-export", "version": 2, "schema": 1, "tables": {}}', "newer Carnet"),
    (b'{"format": "carnet-export", "version": 1, "schema": 99, "tables": {}}', "newer Carnet"),
    (b'{"format": "carnet-export", "version": 1, "schema": 2, "tables": {"x": {}}}', "unknown"),
])
def test_a_file_that_is_not_a_usable_export_is_refused_clearly(tmp_path, data, message):
    with Book(tmp_path / "empty") as book:
        with pytest.raises(CarnetError, match=message):
            json_io.import_json(book, data)
        assert json_io.is_blank(book)


def _tampered(full, change) -> bytes:
    document = orjson.loads(json_io.export_json(full, NOW))
    change(document["tables"])
    return orjson.dumps(document)


@pytest.mark.parametrize("change, field", [
    (lambda t: t["clients"]["1"].update(notes="bell \x07"), "clients 1.notes"),
    (lambda t: t["orders"]["1"].update(client_id=99), "orders 1"),
    (lambda t: t["orders"]["1"].update(due="not a date"), "orders 1.due"),
    (lambda t: t["clients"]["1"].update(surprise=1), "clients 1"),
    (lambda t: t["clients"]["1"].update(language="xx"), "clients 1"),
    (lambda t: t["orders"]["1"].update(due="2020-01-01"), "orders 1"),
    (lambda t: t["interactions"]["1"].update(kind="gossip"), "interactions 1 kind"),
])
def test_a_damaged_record_is_refused_naming_it_and_nothing_is_imported(full, tmp_path, change, field):
    with Book(tmp_path / "empty") as book:
        with pytest.raises(ValidationError) as refused:
            json_io.import_json(book, _tampered(full, change))
        assert refused.value.field == field
        assert json_io.is_blank(book)


def test_an_export_of_an_older_schema_is_migrated_on_import(tmp_path):
    old = {"format": "carnet-export", "version": 1, "schema": 1, "exported": "",
           "tables": {"clients": {"1": {**clients.Client(last_name="Ancien").to_doc(),
                                        "tolerance": 3}}}}
    del old["tables"]["clients"]["1"]["tolerance_days"]
    with Book(tmp_path / "empty") as book:
        json_io.import_json(book, orjson.dumps(old))
        assert book.client(1).tolerance_days == 3
