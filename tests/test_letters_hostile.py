"""Hostile text in letters: printed literally, or refused naming the field and the character."""

from __future__ import annotations

import unicodedata
from dataclasses import replace

import pytest

from letters import compose, pdf_bytes
from letters.rtl import shape, visual
from store.errors import ValidationError
from tests import letters_reading as read
from tests.letters_samples import HENRI, ORDER, PROFILE, TODAY, order_for

DUPONT = replace(HENRI, civility="", first_name="", last_name="",
                 organisation="Société <Dupont & Fils>")


def letter(kind="summary", client=HENRI, order=None, profile=PROFILE, **changes) -> bytes:
    order = order or order_for(client, **changes)
    return pdf_bytes(compose(kind, profile, client, order, today=TODAY), profile)


def test_markup_in_a_name_is_printed_as_written():
    printed = read.text(letter(client=DUPONT, title="<b>Acte</b> & <i>suite</i>"))
    assert "Société <Dupont & Fils>" in printed
    assert "<b>Acte</b> & <i>suite</i>" in printed


def test_quotes_and_entities_are_printed_as_written():
    printed = read.text(letter(title='Le "grand" acte, l\'autre & &amp; &lt;'))
    assert 'Le "grand" acte, l’autre & &amp; &lt;' in printed


def test_an_emoji_a_font_has_is_drawn_by_the_fallback_font():
    pdf = letter(title="Acte du moulin 😀 ☺")
    assert "Acte du moulin 😀 ☺" in read.text(pdf)
    assert any("DejaVuSans" in name for name in read.fonts(pdf))


def test_a_character_no_font_has_is_refused_with_its_name_and_field():
    with pytest.raises(ValidationError) as error:
        letter(title="Le renard 🦊")
    assert error.value.field == "subject"
    assert "U+1F98A (FOX FACE)" in str(error.value)


def test_a_control_character_is_refused():
    with pytest.raises(ValidationError) as error:
        letter(summary="Texte\x00caché")
    assert error.value.field.startswith("paragraph")
    assert "U+0000 (a control character)" in str(error.value)


def test_invisible_format_characters_leave_no_trace():
    printed = read.text(letter(title="Ac\u00adte\u200b du\ufe0f moulin"))
    assert "Acte du moulin" in printed


def test_a_hebrew_name_is_drawn_right_to_left():
    client = replace(HENRI, first_name="דוד", last_name="כהן")
    pdf = letter("thanks", client=client)
    assert "M. ןהכ דוד" in read.text(pdf).split("\n")
    assert any("DejaVuSans" in name for name in read.fonts(pdf))


def test_an_arabic_name_is_joined_and_drawn_right_to_left():
    client = replace(HENRI, first_name="", last_name="", civility="",
                     organisation="مكتبة سلام")
    drawn = next(line for line in read.text(letter("thanks", client=client)).split("\n")
                 if any("\ufe70" <= c <= "\ufeff" for c in line))
    assert unicodedata.normalize("NFKC", drawn[::-1]) == "مكتبة سلام"


def test_visual_order_keeps_numbers_and_mirrors_brackets():
    assert visual("Réf. (אבג 123) fin") == "Réf. (123 גבא) fin"
    assert visual("x א(ב)ג y") == "x ג(ב)א y"
    assert shape("سلام") == "\ufeb3\ufefc\ufee1"


def test_a_value_of_a_thousand_characters_is_printed_whole():
    long_title = " ".join(["Registre"] * 111)[:1000]
    word = "a" * 1000
    pdf = letter(title=long_title, summary=word)
    printed = read.text(pdf)
    assert "".join(printed.split()).count(word) == 1
    assert "Registre Registre Registre" in printed


@pytest.mark.parametrize("field, value, named", [
    ("last_name", "L" * 1000, "name"), ("city", "V" * 1000, "city"),
    ("address_lines", ["r" * 1000], "address line 1"),
])
def test_an_address_of_a_thousand_characters_is_refused(field, value, named):
    with pytest.raises(ValidationError) as error:
        compose("thanks", PROFILE, replace(HENRI, **{field: value}), today=TODAY)
    assert error.value.field == named
    assert "La Poste allows 38" in str(error.value)


def test_an_edited_address_too_wide_for_the_window_is_refused():
    draft = compose("thanks", PROFILE, HENRI, today=TODAY)
    draft.recipient_lines[1] = "W" * 38
    with pytest.raises(ValidationError) as error:
        pdf_bytes(draft, PROFILE)
    assert error.value.field == "address line 2"
    assert "too wide" in str(error.value)


def test_a_letterhead_or_legal_mentions_too_long_are_refused():
    with pytest.raises(ValidationError) as error:
        letter(profile=replace(PROFILE, trade="Paléographe " * 100))
    assert error.value.field == "letterhead"
    with pytest.raises(ValidationError) as error:
        letter(profile=replace(PROFILE, vat_note="TVA " * 300))
    assert error.value.field == "legal mentions"


def test_a_profile_field_no_font_can_draw_is_named():
    with pytest.raises(ValidationError) as error:
        letter(profile=replace(PROFILE, phone="☎ 06 12 34 56 78 🦊"))
    assert error.value.field == "profile phone"
