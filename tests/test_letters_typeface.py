"""The letter's typeface family: EB Garamond as a book face, DejaVu for what it lacks."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTTextContainer, LTTextLine

from letters import compose, fonts, pdf_bytes
from store.errors import ValidationError
from tests import letters_reading as read
from tests.letters_samples import HENRI, INCIDENT, ORDER, PROFILE, TODAY, order_for

GARAMOND = replace(PROFILE, typeface="garamond")
SCRIPTS = ("Mentions relevées : שלום עליכם · السلام عليكم · Ἐν ἀρχῇ ἦν ὁ λόγος. "
           "Fin de la citation.")


def letter(profile=PROFILE, kind="apology", order=ORDER) -> bytes:
    return pdf_bytes(compose(kind, profile, HENRI, order, INCIDENT, today=TODAY), profile)


def drawn(pdf: bytes) -> list[tuple[str, str]]:
    """Every character drawn, with the base name of the font that drew it."""
    out = []
    for page in extract_pages(io.BytesIO(pdf)):
        for box in page:
            if not isinstance(box, LTTextContainer):
                continue
            for line in box:
                if isinstance(line, LTTextLine):
                    out += [(c.get_text(), c.fontname.split("+")[-1])
                            for c in line if isinstance(c, LTChar)]
    return out


def fonts_of(pdf: bytes, test) -> set[str]:
    return {font for char, font in drawn(pdf) if len(char) == 1 and test(ord(char))}


def hebrew(code: int) -> bool:
    return 0x0590 <= code <= 0x05FF


def arabic(code: int) -> bool:
    return 0x0600 <= code <= 0x06FF or 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF


def greek(code: int) -> bool:
    return 0x0370 <= code <= 0x03FF or 0x1F00 <= code <= 0x1FFF


def latin_letter(code: int) -> bool:
    return chr(code).isalpha() and code < 0x0250


@pytest.fixture(scope="module")
def garamond() -> bytes:
    return letter(replace(GARAMOND, trade="Paléographe — Ἑλληνικά"),
                  "summary", order_for(HENRI, summary=SCRIPTS))


def test_a_garamond_letter_embeds_eb_garamond_in_its_four_faces_used(garamond):
    embedded = {name.split("+")[-1]: done for name, done in read.fonts(garamond).items()}
    assert {"EBGaramond-Regular", "EBGaramond-Bold", "EBGaramond-Italic"} <= set(embedded)
    assert all(embedded.values()), embedded


def test_its_latin_text_is_all_set_in_eb_garamond(garamond):
    assert fonts_of(garamond, latin_letter) == {
        "EBGaramond-Regular", "EBGaramond-Bold", "EBGaramond-Italic"}


def test_hebrew_arabic_and_greek_are_still_printed_by_dejavu(garamond):
    assert fonts_of(garamond, hebrew) == {"DejaVuSans"}
    assert fonts_of(garamond, arabic) == {"DejaVuSans"}
    assert fonts_of(garamond, greek) == {"DejaVuSerif", "DejaVuSerif-Italic"}
    printed = read.text(garamond)
    assert "ἀρχῇ" in printed and "Ἑλληνικά" in printed
    assert "שלום"[::-1] in printed, "Hebrew is read back in visual order"


def test_the_default_letter_is_dejavu_and_a_garamond_letter_leaves_it_unchanged():
    before = letter()
    assert not any("Garamond" in name for name in read.fonts(before))
    assert letter(GARAMOND) != before
    assert letter() == before
    assert letter(replace(PROFILE, typeface="dejavu")) == before


def test_a_medieval_letter_only_garamond_has_is_refused_in_dejavu_and_printed_in_garamond():
    et = "\ua76b"
    order = order_for(HENRI, summary=f"Le scribe abrège « et » en {et} dans tout l'acte.")
    with pytest.raises(ValidationError) as refused:
        letter(PROFILE, "summary", order)
    assert "U+A76B" in str(refused.value)
    assert (et, "EBGaramond-Regular") in drawn(letter(GARAMOND, "summary", order))


def test_each_face_chain_puts_the_book_face_before_the_dejavu_fallbacks():
    assert fonts.chain("regular") == ("Carnet-Serif", "Carnet-Sans")
    assert fonts.chain("bolditalic", "garamond") == (
        "Carnet-Garamond-BoldItalic", "Carnet-Serif-BoldItalic", "Carnet-Sans-Bold")
    assert fonts.register("italic", family="garamond") == "Carnet-Garamond-Italic"
    assert fonts.width("Acte", "regular", 10, family="garamond") != fonts.width(
        "Acte", "regular", 10)
    with pytest.raises(ValidationError) as refused:
        fonts.chain("regular", "comic")
    assert refused.value.field == "typeface"


@pytest.mark.parametrize("face", ["regular", "bold", "italic", "bolditalic"])
def test_a_narrow_no_break_space_is_narrow_and_drawn_in_garamond(face):
    text = "commande\u202f:"
    assert fonts.runs(text, face, family="garamond") == ((fonts.register(
        face, family="garamond"), text),)
    narrow = fonts.width("\u202f", face, 10, family="garamond")
    assert 0 < narrow < fonts.width(" ", face, 10, family="garamond")


def test_the_shipped_fonts_are_truetype_outlines_with_their_licence():
    for name in fonts.FILES.values():
        assert (fonts.FONT_DIR / name).read_bytes()[:4] == b"\x00\x01\x00\x00", name
    licence = (fonts.FONT_DIR / "LICENSE").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert "EBGaramond-Regular.ttf" in licence and "Copyright 2017 The EB Garamond" in licence
