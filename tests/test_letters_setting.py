"""How a letter is set, read back from its PDF: blocks set apart, references, the closing kept
with the text, the letterhead, special mail, enclosures and the signature."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from PIL import Image
from pypdf import PdfReader

from letters import compose, pdf_bytes
from letters.blocks import kind_of, rows, unquoted
from store.errors import ValidationError
from tests import letters_reading as read
from tests.letters_samples import (HENRI, MARGARET, ORDER, PROFILE, SUMMARY, TODAY,
                                   order_for)


def letter(kind="summary", client=HENRI, order=ORDER, profile=PROFILE, **options) -> bytes:
    draft = compose(kind, profile, client, order, today=TODAY, **options)
    return pdf_bytes(draft, profile)


def seen(pdf: bytes, start: str) -> read.Seen:
    return next(s for s in read.lines(pdf) if s.plain.startswith(start))


def test_a_paragraph_of_label_bar_value_lines_is_a_details_table():
    assert kind_of("Nature | Acte de vente\nDate | 14 mars 1523") == "details"
    assert rows("Nature | Acte | de vente") == [("Nature", "Acte | de vente")]
    assert kind_of("Nature | Acte de vente\nune phrase") == "text"
    assert kind_of("> Transcription\n>\n> Index") == "quote"
    assert unquoted("> Transcription\n>\n> Index") == "Transcription\n\nIndex"


def test_the_summary_sets_the_documents_details_in_two_aligned_columns():
    pdf = letter()
    labels = [seen(pdf, label) for label in ("Nature", "Date", "Lieu", "Cote", "Pages")]
    values = [seen(pdf, value) for value in ("Acte de vente", "14 mars 1523",
                                             "Orléans, étude de Jehan Martin", "AD Loiret")]
    body = seen(pdf, "Monsieur,")
    assert len({round(s.left, 1) for s in labels}) == 1
    assert len({round(s.left, 1) for s in values}) == 1
    assert labels[0].left >= body.left + 7, "the table stands in from the text"
    assert values[0].left > max(s.right for s in labels)


def test_the_agreed_scope_is_quoted_set_in_from_the_text():
    pdf = letter("scope")
    body = seen(pdf, "Afin que nous partagions")
    scope = [seen(pdf, "Transcription intégrale de l"), seen(pdf, "Ne sont pas compris")]
    assert all(s.left >= body.left + 7 for s in scope)
    assert scope[0].left == pytest.approx(scope[1].left, abs=0.1)


def test_the_clients_reference_comes_before_ours():
    pdf = letter(order=order_for(HENRI, client_ref="Dossier Lefèvre/12"))
    theirs, ours = seen(pdf, "V/réf. : Dossier Lefèvre/12"), seen(pdf, "N/réf. : 2026-014")
    assert theirs.top < ours.top and theirs.left == pytest.approx(ours.left)
    english = letter(client=MARGARET, order=order_for(MARGARET, client_ref="HIST/117"))
    assert "Your ref.: HIST/117" in read.text(english)


def test_no_client_reference_no_line():
    assert "V/réf." not in read.text(letter())


@pytest.mark.parametrize("mail, language, line", [
    ("registered-ar", "fr", "LETTRE RECOMMANDÉE AVEC AVIS DE RÉCEPTION"),
    ("registered", "fr", "LETTRE RECOMMANDÉE"),
    ("registered-ar", "en", "REGISTERED LETTER WITH ADVICE OF DELIVERY"),
])
def test_special_mail_is_printed_above_the_address_inside_the_window(mail, language, line):
    pdf = letter(mail=mail, lang=language)
    mark = next(s for s in read.lines(pdf) if s.plain == line)
    name = seen(pdf, "M. Henri Lefèvre" if language == "fr" else "Mr Henri Lefèvre")
    assert mark.page == 1 and 100 <= mark.left and mark.right <= 200
    assert 35 <= mark.top and mark.bottom <= name.top + 0.5


def test_unknown_special_mail_is_refused():
    with pytest.raises(ValidationError, match="special mail"):
        letter(mail="pigeon")


def test_the_summary_lists_the_transcription_unless_told_otherwise():
    assert "P. J. : Transcription intégrale du document" in read.text(letter())
    told = read.text(letter(enclosures=["Transcription (12 pages)", "Photographies"]))
    assert "P. J. : Transcription (12 pages)" in told and "Photographies" in told
    assert "Transcription intégrale du document" not in told


def test_the_english_closing_stands_above_the_name():
    pdf = letter("thanks", client=MARGARET, order=order_for(MARGARET), lang="en")
    closing, name = seen(pdf, "Yours sincerely,"), read.lines(pdf)[-2]
    assert name.plain == "Claire Vasseur"
    assert closing.left == pytest.approx(name.left, abs=0.1) and closing.left > 100


@pytest.mark.parametrize("paragraphs", range(8, 26))
def test_the_closing_is_never_alone_on_the_last_page(paragraphs):
    summary = "\n\n".join([SUMMARY] * paragraphs)
    pdf = letter(order=order_for(HENRI, summary=summary))
    on_last = [s for s in read.lines(pdf) if s.page == len(PdfReader(io.BytesIO(pdf)).pages)]
    closing = next(i for i, s in enumerate(on_last) if s.plain.startswith("Je vous prie"))
    body = [s for s in on_last[:closing] if s.left < 30 and not s.plain.startswith("M. Henri")]
    assert len(body) >= 2, [s.plain for s in on_last]


@pytest.mark.parametrize("paragraphs", range(8, 26, 3))
def test_no_paragraph_leaves_a_single_line_at_a_page_foot_or_head(paragraphs):
    summary = "\n\n".join([SUMMARY] * paragraphs)
    pdf = letter(order=order_for(HENRI, summary=summary))
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert pages > 1
    body = [s for s in read.lines(pdf) if 24 <= s.left < 30 and 25 < s.top < 270]
    for page in range(1, pages):
        foot = [s for s in body if s.page == page][-2:]
        head = [s for s in body if s.page == page + 1][:2]
        assert len(foot) == 2 and len(head) == 2
        assert foot[1].top - foot[0].top < 6 and head[1].top - head[0].top < 6, \
            "two lines of the same paragraph on each side of the break"


def test_the_letterhead_names_the_legal_form_and_sets_the_trade_without_a_lone_word():
    profile = replace(PROFILE, legal_form="EI")
    pdf = letter(profile=profile)
    assert seen(pdf, "Claire Vasseur EI").top < 25
    trade = [s for s in read.lines(pdf) if s.top < 35 and s.left < 100
             and s.plain and s.plain.split()[0] in ("Paléographe", "de", "anciens")]
    assert 1 <= len(trade) <= 2 and all(len(s.plain.split()) >= 2 for s in trade)
    assert "Claire Vasseur EI · SIRET 812 345 635 00021" in read.text(pdf)


def test_a_ragged_profile_sets_the_body_ragged_right_with_natural_spaces():
    ragged = letter(profile=replace(PROFILE, text_align="ragged"))
    justified = letter()
    def ends(pdf):
        return {round(s.right, 1) for s in read.lines(pdf) if 24 <= s.left < 30 and s.top > 120}
    assert len(ends(ragged)) > len(ends(justified))


def _signature(tmp_path, mode="RGBA") -> str:
    path = tmp_path / "signature.png"
    image = Image.new(mode, (600, 200), (255, 255, 255, 0) if mode == "RGBA" else "white")
    for x in range(50, 550):
        image.putpixel((x, 100 + (x % 40) - 20), (20, 20, 80, 255) if mode == "RGBA" else "black")
    image.save(path)
    return str(path)


def test_the_signature_image_is_drawn_between_the_closing_and_the_name(tmp_path):
    profile = replace(PROFILE, signature_image=_signature(tmp_path))
    pdf = letter(profile=profile)
    page = PdfReader(io.BytesIO(pdf)).pages[-1]
    images = [name for name, obj in page["/Resources"].get("/XObject", {}).items()
              if obj.get_object()["/Subtype"] == "/Image"]
    assert len(images) == 1
    assert letter(profile=profile) == pdf, "same input, same bytes"


def test_a_signature_image_gone_missing_is_refused_with_its_name(tmp_path):
    profile = replace(PROFILE, signature_image=str(tmp_path / "gone.png"))
    with pytest.raises(ValidationError) as error:
        letter(profile=profile)
    assert error.value.field == "signature image" and "gone.png" in str(error.value)


def test_a_siren_alone_is_printed_as_a_siren():
    pdf = letter(profile=replace(PROFILE, siret="812345635"))
    assert "SIREN 812 345 635 ·" in read.text(pdf) and "SIRET" not in read.text(pdf)
