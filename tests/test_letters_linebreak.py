"""Paragraphs broken over their whole length: even word spaces, hyphens where the patterns allow."""

from __future__ import annotations

from dataclasses import replace

import pytest
from reportlab.pdfbase import pdfmetrics

from letters import fonts, hyphenate, linebreak, rtl
from letters.layout import BODY, TEXT_W
from letters.textblock import Line, _spacing, break_lines
from tests.letters_samples import SUMMARY

FRENCH = replace(BODY, hyphenate=True, language="fr")
ENGLISH = replace(BODY, hyphenate=True, language="en")
RAGGED = replace(FRENCH, align="left")

PROSE_FR = (
    "Comme convenu, voici en quelques lignes et en français moderne ce que dit le document "
    "transcrit pour votre commande, qui comprenait la transcription intégrale de l’acte, "
    "le développement des abréviations, la restitution de la ponctuation et une notice "
    "paléographique décrivant l’écriture, le support et les particularités orthographiques "
    "du scribe, ainsi qu’un index des noms de personnes et de lieux. " + SUMMARY)
PROSE_EN = (
    "As agreed, here is a short account in modern English of what the transcribed document "
    "says, which included a complete transcription of the deed, the expansion of every "
    "abbreviation, the restoration of punctuation and a palaeographical note describing the "
    "handwriting, the writing material and the orthographic peculiarities of the scribe, "
    "together with an index of the names of persons and places mentioned in the text.")


def _space(style) -> float:
    return pdfmetrics.stringWidth(" ", fonts.register(style.face), style.size)


def _gap_ratio(line: Line, room: float, style) -> float:
    """The drawn width of one word space, as a multiple of the font's own space."""
    word, letter = _spacing(line, room, style)
    return (_space(style) + word + letter) / _space(style)


@pytest.mark.parametrize("text, style", [(PROSE_FR, FRENCH), (PROSE_EN, ENGLISH)])
@pytest.mark.parametrize("width", [TEXT_W, TEXT_W * 0.8, TEXT_W * 0.6])
def test_justified_spaces_stay_between_two_thirds_and_one_and_six_tenths(text, style, width):
    lines = break_lines(text, style, width)
    inner = lines[:-1]
    assert inner and all(line.justified for line in inner)
    ratios = [_gap_ratio(line, width, style) for line in inner]
    assert max(ratios) <= 1.6 + 1e-9 and min(ratios) >= 0.67 - 1e-9
    assert lines[-1].last and not lines[-1].justified


def test_looking_ahead_beats_filling_each_line_in_turn():
    """A first-fit breaker leaves a loose line here; the whole-paragraph one does not."""
    lines = break_lines(PROSE_FR, replace(FRENCH, hyphenate=False), TEXT_W * 0.6)
    greedy_worst = _greedy_worst(PROSE_FR, TEXT_W * 0.6)
    worst = max(_gap_ratio(line, TEXT_W * 0.6, FRENCH) for line in lines[:-1])
    assert greedy_worst > 1.6 and worst <= 1.6


def _greedy_worst(text: str, width: float) -> float:
    """The widest space a first-fit breaker would need on this text at this width."""
    space = _space(FRENCH)
    worst, line = 0.0, []
    for word in text.split(" "):
        trial = " ".join([*line, word])
        if line and fonts.width(trial, "regular", FRENCH.size) > width:
            natural = fonts.width(" ".join(line), "regular", FRENCH.size)
            gaps = len(line) - 1 + sum(w.count("\u00a0") for w in line)
            worst = max(worst, 1 + (width - natural) / gaps / space if gaps else 0)
            line = [word]
        else:
            line.append(word)
    return worst


def test_words_are_cut_where_the_french_patterns_allow():
    lines = break_lines(PROSE_FR, FRENCH, TEXT_W * 0.5)
    words = set(PROSE_FR.split(" "))
    cut = [(line.text.split(" ")[-1][:-1], after.text.split(" ")[0])
           for line, after in zip(lines, lines[1:]) if line.text.endswith("-")]
    inserted = [(head, tail) for head, tail in cut if head + tail in words]
    assert inserted, "a narrow column needs some hyphens"
    for head, tail in inserted:
        assert len(head) >= 2 and len(tail.strip(".,;:")) >= 3 and not head[0].isupper()
    assert all(head + tail in words or f"{head}-{tail}" in PROSE_FR for head, tail in cut)


def test_no_cut_in_names_numbers_or_short_words():
    assert hyphenate.cuts("Lefèvre", "fr") == ()
    assert hyphenate.cuts("1523,", "fr") == ()
    assert hyphenate.cuts("notaire", "fr") != () and hyphenate.cuts("acte", "fr") == ()
    assert all(2 <= offset <= len("transcription") - 3
               for offset, _ in hyphenate.cuts("transcription", "fr"))


def test_a_hyphenated_compound_is_cut_only_after_its_hyphen():
    assert hyphenate.cuts("Garnier-Roux", "fr") == ((8, False),)
    assert hyphenate.cuts("peut-être", "fr") == ((5, False),)


def test_an_elided_word_is_cut_after_the_apostrophe_only_inside_the_word():
    assert all(offset > 2 for offset, _ in hyphenate.cuts("l’expression", "fr"))


def test_an_address_is_cut_without_a_hyphen():
    cuts = hyphenate.cuts("claire.vasseur@paleographie.fr", "fr")
    assert cuts and not any(added for _, added in cuts)
    assert (len("claire.vasseur@"), False) in cuts


def test_a_no_break_space_never_ends_a_line():
    text = " ".join(["environ\u00a0140\u00a0folios"] * 30)
    for line in break_lines(text, FRENCH, TEXT_W * 0.5):
        assert not line.text.endswith("\u00a0") and "140\u00a0folios" in line.text


def test_ragged_right_keeps_spaces_natural_and_ends_even():
    lines = break_lines(PROSE_FR, RAGGED, TEXT_W)
    assert not any(line.justified for line in lines)
    assert all(_spacing(line, TEXT_W, RAGGED) == (0.0, 0.0) for line in lines)
    shortfalls = [TEXT_W - line.width for line in lines[:-1]]
    assert max(shortfalls) < 2 * RAGGED.size * 2


def test_a_paragraph_that_cannot_keep_its_spaces_is_set_ragged_not_stretched():
    """A long unbreakable run leaves a loose line whatever the breaks: the paragraph goes ragged."""
    phone = "+33\u00a06\u00a012\u00a034\u00a056\u00a078"
    text = f"Répondez à {phone} {phone} {phone} {phone} ou à {phone} {phone} {phone} {phone}."
    lines = break_lines(text, FRENCH, TEXT_W * 0.55)
    assert len(lines) > 1
    assert all(_gap_ratio(line, TEXT_W * 0.55, FRENCH) <= 1.6 for line in lines)


def test_a_word_wider_than_the_line_is_cut_between_characters():
    word = "x" * 400
    lines = break_lines(word, FRENCH, 100)
    assert "".join(line.text for line in lines) == word
    assert all(line.width <= 100 + 1e-6 for line in lines)


def test_line_breaks_in_the_text_are_kept_and_end_unjustified():
    lines = break_lines("Nature : acte de vente\nDate : 14 mars 1523", FRENCH, TEXT_W)
    assert [line.text for line in lines] == ["Nature : acte de vente", "Date : 14 mars 1523"]
    assert all(line.last and not line.justified for line in lines)


def test_the_last_line_is_not_one_short_word_when_another_break_avoids_it():
    lines = break_lines(PROSE_EN, ENGLISH, TEXT_W)
    assert lines[-1].width >= linebreak.RUNT * TEXT_W


def test_unicode_survives_every_break():
    text = ("Édith Garnier-Roux — שלום עולם — مرحبا بالعالم — 😀 <&> " * 12).strip()
    lines = break_lines(text, FRENCH, TEXT_W * 0.7)
    assert len(lines) > 3
    assert "".join("".join(line.text for line in lines).split()) == "".join(
        rtl.shape(text).split())


def test_a_dash_between_two_names_may_end_a_line_a_dash_in_a_range_not():
    assert hyphenate.cuts("Lefèvre–Cormier,", "fr") == ((8, False),)
    assert hyphenate.cuts("1672–1690", "fr") == ()
