"""The identity letters print, set from the command line: SIRET, face, alignment, signature, V/réf."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

import app
from tests.test_cli import assert_bad_input, carnet
from tests.test_cli_writes import TODAY, as_json, data, ok, reopened  # noqa: F401 (fixture)


def picture(path: Path, fmt: str = "PNG") -> Path:
    Image.new("L", (90, 30), 255).save(path, fmt)
    return path


def test_profile_set_takes_the_face_the_alignment_and_a_siren(data):
    out = ok(carnet("profile", "set", "--typeface", "garamond", "--align", "ragged",
                    "--siret", "812 345 635", "--legal-form", "micro-entreprise", data=data))
    assert "typeface" in out and "text align" in out
    with reopened(data) as book:
        profile = book.profile
    assert (profile.typeface, profile.text_align, profile.siret, profile.legal_form) == (
        "garamond", "ragged", "812345635", "micro-entreprise")
    assert profile.name == "Claire Vasseur"


def test_profile_show_prints_every_field_and_json(data):
    ok(carnet("profile", "set", "--siret", "81234563500021", data=data))
    out = ok(carnet("profile", "show", data=data))
    for line in ("name: Claire Vasseur", "siret: 81234563500021", "typeface: dejavu",
                 "text_align: justify", "signature_image: "):
        assert line in out.splitlines()
    shown = as_json(carnet("profile", "show", "--json", data=data))
    assert (shown["typeface"], shown["text_align"], shown["signature_image"]) == (
        "dejavu", "justify", "")


def test_a_relative_signature_image_is_saved_as_an_absolute_path_and_cleared_with_nothing(
        data, tmp_path, monkeypatch, capsys):
    png = picture(tmp_path / "signature.png")
    monkeypatch.chdir(tmp_path)
    argv = ["--data", str(data), "--today", TODAY.isoformat(), "profile", "set"]
    assert app.main([*argv, "--signature-image", "signature.png", "--json"]) == 0
    assert f'"signature_image": "{png}"' in capsys.readouterr().out
    with reopened(data) as book:
        assert book.profile.signature_image == str(png)
    assert app.main([*argv, "--signature-image", ""]) == 0
    with reopened(data) as book:
        assert book.profile.signature_image == ""


def test_a_jpeg_signature_is_taken_too(data, tmp_path):
    jpeg = picture(tmp_path / "signature.jpeg", "JPEG")
    ok(carnet("profile", "set", "--signature-image", str(jpeg), data=data))
    with reopened(data) as book:
        assert book.profile.signature_image == str(jpeg)


@pytest.mark.parametrize("argv, words", [
    (("--siret", "812 345 678 00021"),
     ("siret: 812 345 678 00021 fails the SIRET checksum (Luhn): check the digits",)),
    (("--siret", "81234563"), ("siret", "8 digits")),
    (("--typeface", "helvetica"), ("--typeface", "dejavu", "garamond")),
    (("--align", "center"), ("--align", "justify", "ragged")),
    (("--signature-image", "/nowhere/signature.png"), ("signature_image", "no such file")),
    (("--signature-image", "README.md"), ("signature_image", "not an image")),
])
def test_profile_set_refuses_what_letters_cannot_print(data, argv, words):
    assert_bad_input(carnet("profile", "set", *argv, data=data), *words)
    with reopened(data) as book:
        profile = book.profile
    assert (profile.siret, profile.typeface, profile.text_align, profile.signature_image) == (
        "", "dejavu", "justify", "")


def test_a_gif_signature_is_refused_naming_its_format(data, tmp_path):
    gif = picture(tmp_path / "signature.gif", "GIF")
    assert_bad_input(carnet("profile", "set", "--signature-image", str(gif), data=data),
                     "is a GIF image", "PNG or JPEG")


def test_order_add_keeps_the_clients_reference(data):
    shown = as_json(carnet("order", "add", "1", "--title", "Testament", "--due", "+7",
                           "--client-ref", "Dossier 2026/0147 « AC »", "--json", data=data))
    assert shown["client_ref"] == "Dossier 2026/0147 « AC »"
    with reopened(data) as book:
        assert book.order(shown["ref"]).client_ref == "Dossier 2026/0147 « AC »"
    assert as_json(carnet("orders", "--json", data=data))[0]["client_ref"] == \
        "Dossier 2026/0147 « AC »"


def test_order_add_refuses_a_reference_too_long_for_the_letter(data):
    assert_bad_input(carnet("order", "add", "1", "--title", "T", "--due", "+7",
                            "--client-ref", "x" * 81, data=data), "client_ref", "at most 80")
    with reopened(data) as book:
        assert len(book.orders()) == 1
