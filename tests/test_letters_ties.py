"""No-break ties: each rule in both languages, then read back from real PDFs with the kit."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from letters import compose, fonts, pdf_bytes
from letters.layout import LEFT, TEXT_W
from letters.ties import TIES, tie
from letters.typography import polish
from tests import pdf_measure as kit
from tests.letters_samples import HENRI, MARGARET, PROFILE, TODAY, order_for

NBSP, NNBSP = "\u00a0", "\u202f"
RIGHT = LEFT + TEXT_W


def marked(text: str) -> str:
    """'~' is written for a no-break space, '^' for a narrow no-break space."""
    return text.replace("~", NBSP).replace("^", NNBSP)


EXAMPLES = {
    "thousands": [("1 250 000 lignes", "1^250^000~lignes"), ("1 250,50 €", "1^250,50~€")],
    "percent": [("une remise de 12 %", "une remise de 12^%")],
    "number_unit": [("environ 140 folios", "environ 140~folios"),
                    ("120 livres tournois", "120~livres tournois"), ("3 jours", "3~jours"),
                    ("3 days", "3~days"), ("50 €", "50~€"),
                    ("the 17th century", "the 17th~century")],
    "clock": [("à 10 h 30", "à 10~h~30")],
    "month_number": [("le 10 novembre 2026", "le 10~novembre~2026"),
                     ("le 1er mars 1723", "le 1er~mars~1723"),
                     ("on 21 November 2026", "on 21~November~2026")],
    "month_day_year": [("on November 21, 2026", "on November~21,~2026")],
    "weekday": [("lundi 3 mars", "lundi~3~mars"), ("Monday 3 November", "Monday~3~November")],
    "title": [("M. Lefèvre, Mme Garnier, Mlle Roux, Mx Petit, Dr Watson, Pr Dupont",
               "M.~Lefèvre, Mme~Garnier, Mlle~Roux, Mx~Petit, Dr~Watson, Pr~Dupont"),
              ("Me Martin, Maître Martin, Mgr Lustiger, Saint Louis, St Albans, Ste Anne",
               "Me~Martin, Maître~Martin, Mgr~Lustiger, Saint~Louis, St~Albans, Ste~Anne"),
              ("Mr Smith, Mrs Holloway, Ms Holloway, Prof. Tolkien, Sir Walter, Dame Judi",
               "Mr~Smith, Mrs~Holloway, Ms~Holloway, Prof.~Tolkien, Sir~Walter, Dame~Judi")],
    "initial": [("selon J.-B. Colbert", "selon J.-B.~Colbert"),
                ("by J. R. R. Tolkien", "by J.~R.~R.~Tolkien")],
    "numbered": [("n° 12, no. 5, p. 3, pp. 12-15, f. 4, fol. 112",
                  "n°~12, no.~5, p.~3, pp.~12-15, f.~4, fol.~112"),
                 ("art. 293 B du CGI, vol. II, t. 3, ch. 4, fig. 2",
                  "art.~293~B du CGI, vol.~II, t.~3, ch.~4, fig.~2")],
    "introducer": [("cf. supra et § 4", "cf.~supra et §~4")],
    "roman_ordinal": [("au XVIIe siècle", "au XVIIe~siècle"), ("une main du XVIe s.",
                                                               "une main du XVIe~s.")],
    "regnal": [("sous Louis XIV et Henri IV", "sous Louis~XIV et Henri~IV")],
    "dash": [("Paris – Orléans – Tours", "Paris~– Orléans~– Tours"),
             ("fin — suite", "fin~— suite")],
    "open_quote": [("he wrote « une maison »", "he wrote «^une maison^»")],
    "close_quote": [("«serré»", "«^serré^»")],
    "punctuation": [("Le prix : 80 payées ; le reste !", "Le prix^: 80~payées^; le reste^!")],
}
"""For each rule, text as the data carries it and as a letter must print it."""

CASES = [(name, raw, typeset) for name, pairs in EXAMPLES.items() for raw, typeset in pairs]


def test_every_rule_has_a_name_a_docstring_and_an_example():
    assert {rule.name for rule in TIES} == set(EXAMPLES)
    assert all(rule.doc.strip() and "\n" not in rule.doc for rule in TIES)


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("name, raw, typeset", CASES)
def test_each_rule_ties_its_spaces_in_both_languages(name, raw, typeset, language):
    rule = next(r for r in TIES if r.name == name)
    assert rule.apply(raw) != raw
    assert tie(raw, language) == marked(typeset)
    assert tie(marked(typeset), language) == marked(typeset)


@pytest.mark.parametrize("text", [
    "Le prix et Ce travail", "The answer is no. Then we left.", "I am here, and so am I",
    "tell me and you", "il y a XVI ans", "vers 112–115", "à 14:30", "Note: done",
    "https://example.org/«a»?q=1", "claire.vasseur@paleographie.fr", "le 2026-11-05 jours",
    "2026-11-05T14:30:00Z", "www.archives.fr/M. X",
])
def test_words_that_only_look_like_a_rule_and_protected_text_stay_as_written(text):
    assert tie(text, "fr") == text == tie(text, "en")


def test_urls_emails_and_iso_dates_are_left_whole_among_ties():
    text = ("Voir https://archives.fr/fonds?id=3 : 3 jours, écrire à jean@ad45.fr "
            "le 2026-11-05 à 10 h")
    assert tie(text, "fr") == marked("Voir https://archives.fr/fonds?id=3^: 3~jours, "
                                     "écrire à jean@ad45.fr le 2026-11-05 à 10~h")


@pytest.mark.parametrize("text, typeset", [
    ("שלום 3 ימים", "שלום 3~ימים"), ("مرحبا بكم في 3 أيام", "مرحبا بكم في 3~أيام"),
    ("😀 👩‍👩‍👧 <&> &amp; Zoë Ærø Łódź", "😀 👩‍👩‍👧 <&> &amp; Zoë Ærø Łódź"),
    ("M. 李小龍 et Mme Ōe", "M.~李小龍 et Mme~Ōe"),
])
def test_unicode_passes_unchanged_apart_from_the_ties(text, typeset):
    assert tie(text, "fr") == marked(typeset)


TOKENS = ["140", "folios", "M.", "Mme", "Lefèvre", "10", "h", "30", "novembre", "November",
          "21,", "2026", "p.", "n°", "§", "«", "»", ":", ";", "!", "–", "XVIe", "siècle", "Louis",
          "XIV", "J.-B.", "1", "250", "€", "%", "https://a.fr/x?y=1", "a@b.fr", "2026-11-05",
          "שלום", "مرحبا", "😀", "<&>", "Le", "Ce", "no.", "lundi", "cf."]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(TOKENS), st.sampled_from([" ", " ", NBSP, NNBSP, ""])),
                max_size=14), st.sampled_from(["fr", "en"]))
def test_tying_is_idempotent_and_changes_nothing_but_spaces(parts, language):
    text = "".join(token + space for token, space in parts)
    once = tie(text, language)
    assert tie(once, language) == once
    assert re.sub("[ \u00a0\u202f]", "", once) == re.sub("[ \u00a0\u202f]", "", text)
    for protected in ("https://a.fr/x?y=1", "a@b.fr", "2026-11-05"):
        assert once.count(protected) == text.count(protected)


def test_polish_ties_every_field_of_a_composed_letter_whatever_its_source():
    order = order_for(HENRI, title="Registre de 140 folios, XVIe siècle")
    draft = compose("summary", PROFILE, HENRI, order, today=TODAY,
                    enclosures=["Copie de l'acte, fol. 112, p. 3"])
    assert "140\u00a0folios, XVIe\u00a0siècle" in draft.subject
    assert any("120\u00a0livres tournois\u202f: 80\u00a0payées" in p for p in draft.paragraphs)
    assert "Copie de l’acte, fol.\u00a0112, p.\u00a03" in draft.enclosures
    assert polish("M. Henri Lefèvre", "fr") == "M.\u00a0Henri Lefèvre"


def test_french_data_in_an_english_letter_gets_french_spacing():
    draft = compose("summary", PROFILE, MARGARET, order_for(MARGARET), today=TODAY)
    summary = next(p for p in draft.paragraphs if p.startswith("Le 14"))
    assert "tournois\u202f: 80\u00a0payées" in summary
    assert polish("he wrote « une maison » ; then left", "en") == marked(
        "he wrote «^une maison^»^; then left")
    assert polish("Note: done", "en") == "Note: done"


DENSE = ("Le registre compte 140 folios et le second 120 livres tournois, payées le "
         "10 novembre 2026 à M. Lefèvre, voir p. 12 et art. 293 ; au XVIe siècle selon "
         "J.-B. Colbert, soit 1 250,50 € le lundi 3 à 10 h 30 sous Louis XIV – puis n° 12, "
         "cf. supra, fig. 2 et vol. II : « une maison » ! ")
"""Ties packed so tightly that a line left free to break at every space breaks inside some."""
FILLERS = ["", "Ensuite ", "Et encore ", "Puis de nouveau ", "Enfin, pour finir, ",
           "Une dernière fois "]
PARAGRAPH = "".join(filler + DENSE for filler in FILLERS).strip()
PAIRS = [("140", "folios"), ("120", "livres"), ("10", "novembre"), ("novembre", "2026"),
         ("M.", "Lefèvre"), ("p.", "12"), ("art.", "293"), ("293", ";"), ("XVIe", "siècle"),
         ("J.-B.", "Colbert"), ("1", "250,50"), ("250,50", "€"), ("lundi", "3"), ("10", "h"),
         ("h", "30"), ("Louis", "XIV"), ("XIV", "–"), ("n°", "12"), ("cf.", "supra"),
         ("fig.", "2"), ("vol.", "II"), ("II", ":"), ("«", "une"), ("maison", "»"), ("»", "!")]


def _greedy_lines(text: str, width: float) -> list[str]:
    """Lines as a breaker free to use every space would fill them (no stretch, no hyphen)."""
    out, line = [], ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if line and fonts.width(candidate, "regular", 10) > width:
            out.append(line)
            candidate = word
        line = candidate
    return [*out, line]


def _split_pairs(lines: list[str]) -> list[tuple[str, str]]:
    return [pair for pair in PAIRS for above, below in zip(lines, lines[1:])
            if above.endswith(" " + pair[0]) and below.startswith(pair[1] + " ")]


def test_the_dense_paragraph_would_break_inside_ties_without_them():
    assert len(_split_pairs(_greedy_lines(PARAGRAPH, TEXT_W))) >= 3


@pytest.fixture(scope="module")
def dense_letters() -> dict[str, bytes]:
    french = compose("summary", PROFILE, HENRI, order_for(HENRI, summary=PARAGRAPH), today=TODAY)
    english = compose("summary", PROFILE, MARGARET, order_for(MARGARET, summary=PARAGRAPH),
                      today=TODAY)
    edited = replace(french, paragraphs=[PARAGRAPH])
    return {"fr": pdf_bytes(french, PROFILE), "en": pdf_bytes(english, PROFILE),
            "edited": pdf_bytes(edited, PROFILE)}


@pytest.mark.parametrize("which", ["fr", "en", "edited"])
def test_no_tie_is_broken_in_a_real_letter(dense_letters, which):
    pdf = dense_letters[which]
    drawn = [line for line in kit.lines(pdf) if "folios" in line.text or "Colbert" in line.text]
    assert len({(line.page, line.y) for line in drawn}) >= 6
    assert kit.broken_ties(pdf, PAIRS) == []
    assert not [line.text for line in kit.lines(pdf) if line.text[0] in ":;!?»–"]


def _canvas_pdf(pages: list[list[tuple[str, float, float, float]]]) -> bytes:
    """A PDF with each (text, x, baseline y, extra word space) drawn in the letter's serif."""
    font = fonts.register("regular")
    out = io.BytesIO()
    canvas = Canvas(out, invariant=1)
    for page in pages:
        for text, x, y, word_space in page:
            drawn = canvas.beginText(x, y)
            drawn.setFont(font, 10)
            drawn.setWordSpace(word_space)
            drawn.textOut(text)
            canvas.drawText(drawn)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_the_kit_finds_a_tie_broken_by_ordinary_spaces():
    pdf = _canvas_pdf([[("Le registre compte environ 140", 72, 700, 0),
                        ("folios reliés en veau, 3 jours", 72, 686, 0)]])
    assert kit.broken_ties(pdf, [("140", "folios"), ("3", "jours"), ("compte", "environ")]) == [
        ("140", "folios")]
    assert kit.broken_ties(pdf, [("14", "folios"), ("environ 140", "folios reliés")]) == [
        ("environ 140", "folios reliés")]


def test_the_kit_reads_words_from_the_ink_not_from_the_spaces():
    pdf = _canvas_pdf([[("Objet\u202f: 140\u00a0folios", 72, 700, 4.0)], [("Fin", 72, 700, 0)]])
    first, last = kit.lines(pdf)
    assert [w.text for w in first.words] == ["Objet", ":", "140", "folios"]
    assert first.page == 1 and last.page == 2 and first.y == pytest.approx(700)
    assert first.words[0].x0 == pytest.approx(72)
    assert first.words[0].x1 == pytest.approx(72 + pdfmetrics.stringWidth("Objet", "Carnet-Serif",
                                                                          10))
    assert first.words[0].font.endswith("DejaVuSerif") and first.size == 10
    assert kit.page_of(pdf, "Fin") == [2] and kit.page_of(pdf, "Objet :") == [1]
    assert kit.last_page_lines(pdf) == [last]


def _justified(text: str, ratio: float, right: float) -> tuple[float, float]:
    """Where to start `text`, and its word space, for gaps of `ratio` spaces ending at `right`."""
    space = pdfmetrics.stringWidth(" ", "Carnet-Serif", 10)
    width = pdfmetrics.stringWidth(text, "Carnet-Serif", 10)
    extra = (ratio - 1) * space
    return right - width - text.count(" ") * extra, extra


def test_the_kit_measures_word_spaces_on_justified_lines_only():
    right = 500.0
    wide, wide_space = _justified("Un registre de cent folios", 2.0, right)
    tight, tight_space = _justified("reliés en veau fauve, dos à nerfs", 1.25, right)
    full, _ = _justified("Une ligne pleine et dernière.", 1.0, right)
    left = min(wide, tight, full)
    pdf = _canvas_pdf([[("Un registre de cent folios", wide, 700, wide_space),
                        ("reliés en veau fauve, dos à nerfs", tight, 686, tight_space),
                        ("et la fin du paragraphe.", left, 672, 0),
                        ("Une ligne pleine et dernière.", full, 651, 0)]])
    assert kit.word_space_ratios(pdf, left, right) == [
        ("Un registre de cent folios", pytest.approx(2.0)),
        ("reliés en veau fauve, dos à nerfs", pytest.approx(1.25))]
    inner = "Un registre de cent folios" if wide > tight else "reliés en veau fauve, dos à nerfs"
    assert [text for text, _ in kit.word_space_ratios(pdf, max(wide, tight), right)] == [inner]
    halved = kit.word_space_ratios(pdf, left, right, lambda font, size: 2 * pdfmetrics.stringWidth(
        " ", "Carnet-Serif", size))
    assert halved[0][1] == pytest.approx(1.0)


def test_the_kit_measures_a_real_letter_body_line_by_line(dense_letters):
    draft = compose("summary", PROFILE, HENRI, order_for(HENRI, summary=PARAGRAPH), today=TODAY)
    body = re.sub(r"\s", "", "".join(draft.paragraphs))
    ratios = kit.word_space_ratios(dense_letters["fr"], LEFT, RIGHT)
    assert len(ratios) >= 6
    for text, ratio in ratios:
        assert re.sub(r"\s", "", text).removesuffix("-") in body, text
        assert 0.5 < ratio < 4


def test_a_dash_before_a_closing_guillemet_is_tied_in_one_pass():
    once = tie("140 –» ", "fr")
    assert tie(once, "fr") == once
