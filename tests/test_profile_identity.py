"""What the letters need to know of the business and the order: SIRET, legal form, face, V/réf."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import orjson
import pytest
from PIL import Image
from stdnum.fr import siren as stdnum_siren
from stdnum.fr import siret as stdnum_siret

from store import clients, orders
from store.book import Book
from store.errors import ValidationError
from store.exchange import json_io
from store.models import Profile
from store.profile import (legal_form_for_print, name_with_legal_form, siret, siret_for_print,
                           update_profile)
from store.signature_image import signature_image

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 14, 0)
VALID_SIRET = "81234563500021"
VALID_SIREN = "812345635"


def picture(path: Path, fmt: str = "PNG") -> Path:
    """A small real image file, written by Pillow."""
    Image.new("RGB", (120, 40), "white").save(path, fmt)
    return path


# -- SIRET and SIREN ------------------------------------------------------------

def test_the_numbers_used_in_the_demo_and_the_tests_really_are_valid():
    assert stdnum_siret.is_valid(VALID_SIRET) and stdnum_siren.is_valid(VALID_SIREN)
    assert stdnum_siret.is_valid("12345678200010")
    assert not stdnum_siret.is_valid("81234567800021")


@pytest.mark.parametrize("typed, stored", [
    ("81234563500021", VALID_SIRET),
    ("812 345 635 00021", VALID_SIRET),
    ("  812\u00a0345\u202f635 00021 ", VALID_SIRET),
    ("812.345.635.00021", VALID_SIRET),
    ("812345635", VALID_SIREN),
    ("812 345 635", VALID_SIREN),
    ("356 000 000 00048", "35600000000048"),
    ("", ""),
    ("   ", ""),
])
def test_a_valid_siret_or_siren_is_stored_compact(typed, stored):
    assert siret(typed) == stored


@pytest.mark.parametrize("typed, words", [
    ("812 345 678 00021", ("812 345 678 00021 fails the SIRET checksum (Luhn)", "check the digits")),
    ("123 456 789 00012", ("123 456 789 00012 fails the SIRET checksum",)),
    ("81234563500022", ("fails the SIRET checksum",)),
    ("812345678", ("812 345 678 fails the SIREN checksum",)),
    ("1234", ("has 4 digits", "14 digits", "SIREN 9")),
    ("8123456350002", ("has 13 digits",)),
    ("812345635000210", ("has 15 digits",)),
    ("8123456350002A", ("digits only",)),
    ("８１２３４５６３５", ("digits only",)),
])
def test_a_wrong_siret_is_refused_saying_why(typed, words):
    with pytest.raises(ValidationError) as refused:
        siret(typed)
    assert refused.value.field == "siret"
    for word in words:
        assert word in str(refused.value)


@pytest.mark.parametrize("stored, printed", [
    (VALID_SIRET, "812 345 635 00021"),
    ("812 345 635 00021", "812 345 635 00021"),
    (VALID_SIREN, "812 345 635"),
    ("", ""),
    ("not a number", "not a number"),
])
def test_a_siret_prints_in_its_groups(stored, printed):
    assert siret_for_print(stored) == printed


# -- the legal form beside the name --------------------------------------------

@pytest.mark.parametrize("name, form, printed", [
    ("Claire Vasseur", "", "Claire Vasseur"),
    ("Claire Vasseur", "EI", "Claire Vasseur EI"),
    ("Claire Vasseur", "ei", "Claire Vasseur EI"),
    ("Claire Vasseur", "micro-entreprise", "Claire Vasseur EI"),
    ("Claire Vasseur", "Micro-entrepreneur", "Claire Vasseur EI"),
    ("Claire Vasseur", "EIRL", "Claire Vasseur EIRL"),
    ("Atelier Vasseur", "SASU", "Atelier Vasseur SASU"),
    ("Atelier Vasseur", "sarl", "Atelier Vasseur SARL"),
    ("Atelier Vasseur", "EURL", "Atelier Vasseur EURL"),
    ("Atelier Vasseur", "SAS", "Atelier Vasseur SAS"),
    ("Les Amis des chartes", "association", "Les Amis des chartes, association"),
    ("Claire Vasseur", "entrepreneur individuel", "Claire Vasseur, entrepreneur individuel"),
    ("Atelier Vasseur SASU", "SASU", "Atelier Vasseur SASU"),
    ("  Claire   Vasseur ", " EI ", "Claire Vasseur EI"),
    ("Élise Ørsted", "EI", "Élise Ørsted EI"),
])
def test_the_name_carries_its_legal_form(name, form, printed):
    assert name_with_legal_form(Profile(name=name, legal_form=form)) == printed


def test_an_unknown_form_prints_as_typed():
    assert legal_form_for_print("SCOP") == "SCOP"
    assert name_with_legal_form(Profile(name="Atelier", legal_form="SCOP")) == "Atelier SCOP"


# -- the new fields in the store -------------------------------------------------

@pytest.fixture
def book(tmp_path):
    with Book(tmp_path / "book") as book:
        update_profile(book, name="Claire Vasseur")
        clients.add_client(book, TODAY, first_name="Henri", last_name="Lefèvre")
        yield book


def test_the_face_and_the_alignment_are_chosen_among_the_known_ones(book):
    assert (book.profile.typeface, book.profile.text_align) == ("dejavu", "justify")
    update_profile(book, typeface="garamond", text_align="ragged")
    assert (book.profile.typeface, book.profile.text_align) == ("garamond", "ragged")
    for name, value in (("typeface", "Comic Sans"), ("text_align", "center")):
        with pytest.raises(ValidationError) as refused:
            update_profile(book, **{name: value})
        assert refused.value.field == name and repr(value) in str(refused.value)
    assert book.profile.typeface == "garamond"


def test_a_signature_image_is_kept_by_its_absolute_path(book, tmp_path, monkeypatch):
    png = picture(tmp_path / "signature.png")
    jpeg = picture(tmp_path / "signature.jpg", "JPEG")
    monkeypatch.chdir(tmp_path)
    assert update_profile(book, signature_image="signature.png").signature_image == str(png)
    assert update_profile(book, signature_image=str(jpeg)).signature_image == str(jpeg)
    assert update_profile(book, signature_image="").signature_image == ""


def test_a_signature_image_already_chosen_is_not_checked_again(book, tmp_path):
    png = picture(tmp_path / "signature.png")
    update_profile(book, signature_image=str(png))
    png.unlink()
    assert update_profile(book, city="Orléans", signature_image=str(png)).city == "Orléans"


@pytest.mark.parametrize("make, words", [
    (lambda d: d / "missing.png", ("no such file",)),
    (lambda d: d, ("is not a file",)),
    (lambda d: (d / "notes.png").write_text("pas une image") and d / "notes.png",
     ("not an image",)),
    (lambda d: picture(d / "signature.gif", "GIF"), ("is a GIF image", "PNG or JPEG")),
    (lambda d: d / "cut.png", ("cannot be read as an image",)),
])
def test_a_signature_image_that_cannot_be_printed_is_refused(book, tmp_path, make, words):
    whole = picture(tmp_path / "whole.png").read_bytes()
    (tmp_path / "cut.png").write_bytes(whole[: len(whole) // 2])
    with pytest.raises(ValidationError) as refused:
        update_profile(book, signature_image=str(make(tmp_path)))
    assert refused.value.field == "signature_image"
    for word in words:
        assert word in str(refused.value)
    assert book.profile.signature_image == ""


def test_a_relative_signature_path_is_read_from_the_given_folder(tmp_path):
    png = picture(tmp_path / "sig.png")
    assert signature_image(" sig.png ", base=tmp_path) == str(png)
    assert signature_image("./sub/../sig.png", base=tmp_path) == str(png)


def test_the_clients_reference_is_one_short_line(book):
    order = orders.add_order(book, TODAY, 1, "Acte de vente, 1523", date(2026, 12, 7),
                             client_ref="Dossier 2026/0147 — ☎ ✓")
    assert book.order(order.ref).client_ref == "Dossier 2026/0147 — ☎ ✓"
    assert orders.edit_order(book, order.ref, client_ref="V-12").client_ref == "V-12"
    for bad, word in (("ligne\nsuivante", "one-line"), ("x" * 81, "at most 80")):
        with pytest.raises(ValidationError) as refused:
            orders.edit_order(book, order.ref, client_ref=bad)
        assert refused.value.field == "client_ref" and word in str(refused.value)
    assert book.order(order.ref).client_ref == "V-12"


# -- exports and older books -----------------------------------------------------

def test_the_new_fields_leave_and_come_back_with_a_json_export(book, tmp_path):
    """The signature image travels as a path: a book moved to another computer still loads."""
    png = picture(tmp_path / "signature.png")
    update_profile(book, siret="812 345 635 00021", legal_form="EI", typeface="garamond",
                   text_align="ragged", signature_image=str(png))
    orders.add_order(book, TODAY, 1, "Acte", date(2026, 12, 7), client_ref="Réf. « 42 »")
    exported = json_io.export_json(book, NOW)
    png.unlink()
    with Book(tmp_path / "copy") as copy:
        json_io.import_json(copy, exported)
        assert copy.profile == book.profile
        assert (copy.profile.siret, copy.profile.typeface, copy.profile.text_align,
                copy.profile.signature_image) == (VALID_SIRET, "garamond", "ragged", str(png))
        assert copy.order("2026-001").client_ref == "Réf. « 42 »"
        assert json_io.export_json(copy, NOW) == exported


def test_an_export_of_schema_2_gets_the_new_fields_defaults(book, tmp_path):
    orders.add_order(book, TODAY, 1, "Acte", date(2026, 12, 7))
    document = orjson.loads(json_io.export_json(book, NOW))
    document["schema"] = 2
    for name in ("typeface", "text_align", "signature_image"):
        del document["tables"]["profile"]["1"][name]
    del document["tables"]["orders"]["1"]["client_ref"]
    with Book(tmp_path / "copy") as copy:
        json_io.import_json(copy, orjson.dumps(document))
        assert (copy.profile.typeface, copy.profile.text_align) == ("dejavu", "justify")
        assert copy.order("2026-001").client_ref == ""


def test_an_export_with_a_siret_failing_its_checksum_is_refused(book, tmp_path):
    document = orjson.loads(json_io.export_json(book, NOW))
    document["tables"]["profile"]["1"]["siret"] = "81234567800021"
    with Book(tmp_path / "copy") as copy:
        with pytest.raises(ValidationError, match="checksum"):
            json_io.import_json(copy, orjson.dumps(document))
        assert json_io.is_blank(copy)
