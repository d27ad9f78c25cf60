"""Letters as PDFs, read back: where the words lie, what is printed, which fonts, which bytes."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
from dataclasses import replace
from datetime import date

import pytest

from letters import compose, pdf_bytes, render_pdf
from store.errors import ValidationError
from tests import letters_reading as read
from tests.letters_samples import (HENRI, INCIDENT, MARGARET, ORDER, PROFILE, SOCIETY, TODAY,
                                   order_for)


def letter(kind="apology", client=HENRI, order=ORDER, incident=INCIDENT, **options) -> bytes:
    """Compose and render in one step."""
    draft = compose(kind, PROFILE, client, order, incident, today=TODAY, **options)
    return pdf_bytes(draft, PROFILE)


@pytest.fixture(scope="module")
def apology() -> bytes:
    return letter()


def test_the_recipient_lies_inside_the_window_field(apology):
    address = [s for s in read.lines(apology)
               if s.plain in ("M. Henri Lefèvre", "7, rue de la Charpenterie", "45000 ORLEANS")]
    assert len(address) == 3
    for seen in address:
        assert seen.page == 1
        assert 100 <= seen.left and seen.right <= 200, seen
        assert 35 <= seen.top and seen.bottom <= 80, seen


def test_the_names_the_reference_and_the_dates_are_printed(apology):
    printed = read.text(apology)
    for words in ("Claire Vasseur", "M. Henri Lefèvre", "N/réf. : 2026-014",
                  "Paris, le 5 novembre 2026", "Objet : Retard de votre commande",
                  "SIRET 812 345 635 00021", "TVA non applicable, art. 293 B du CGI"):
        assert words in printed


def test_the_apology_names_the_new_date(apology):
    assert "au plus tard le 22 novembre 2026" in read.running(apology)


def test_an_english_letter_uses_english_labels_and_dates():
    printed = read.text(letter(client=replace(MARGARET, id=1)))
    for words in ("Our ref.: 2026-014", "Paris, 5 November 2026", "Subject: Delay to your order",
                  "Dear Ms Holloway,", "ROYAUME-UNI"):
        assert words in printed


def test_every_font_is_embedded(apology):
    fonts = read.fonts(apology)
    assert fonts and all(fonts.values()), fonts
    assert all("DejaVu" in name for name in fonts)


def test_the_metadata_names_the_letter(apology):
    meta = read.metadata(apology)
    assert meta["/Title"].startswith("Retard de votre commande") and "(2026-014)" in meta["/Title"]
    assert meta["/Author"] == "Claire Vasseur"
    assert meta["/Subject"] == "Lettre à M. Henri Lefèvre"
    assert meta["/CreationDate"].startswith("D:20261105")


def test_the_same_letter_gives_the_same_bytes(apology):
    assert letter() == apology
    later = pdf_bytes(compose("apology", PROFILE, HENRI, ORDER, INCIDENT, today=date(2026, 11, 6)),
                      PROFILE)
    assert later != apology


def test_another_process_gives_the_same_bytes(apology):
    code = ("import hashlib, sys; from tests.test_letters_pdf import letter; "
            "sys.stdout.write(hashlib.sha256(letter()).hexdigest())")
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          check=True)
    assert done.stdout == hashlib.sha256(apology).hexdigest()


def test_render_writes_into_any_file_object(apology):
    out = io.BytesIO()
    render_pdf(compose("apology", PROFILE, HENRI, ORDER, INCIDENT, today=TODAY), PROFILE, out)
    assert out.getvalue() == apology


PUNCTUATED = "\n\n".join(
    "x" * offset + " " + "mot " * (offset % 7)
    + "Il vend ; elle achète : voilà ! Et le prix ? « Cent livres » dit l'acte ; "
      "c'est écrit : « payées comptant » ! Vraiment ? Oui ; « sans » réserve : fin."
    for offset in range(1, 40))


def test_no_line_begins_with_punctuation_that_belongs_to_the_word_before():
    pdf = letter("summary", order=order_for(HENRI, summary=PUNCTUATED))
    seen = read.lines(pdf)
    assert read.metadata(pdf)["pages"] >= 2
    for line in seen:
        assert line.text.lstrip()[0] not in ";:!?»", line
        assert not line.text.rstrip().endswith("«"), line


def test_a_long_summary_continues_on_a_second_page_with_a_header():
    long_summary = "\n\n".join([ORDER.summary] * 7)
    pdf = letter("summary", order=order_for(HENRI, summary=long_summary))
    assert read.metadata(pdf)["pages"] == 2
    seen = read.lines(pdf)
    header = [s for s in seen if s.page == 2 and s.top < 25]
    assert "M. Henri Lefèvre — 5 novembre 2026" in [s.plain for s in header]
    assert "page 2/2" in [s.plain for s in header]
    assert "page 1/2" in [s.plain for s in seen if s.page == 1 and s.top > 250]
    assert [s for s in seen if s.page == 2 and s.plain == "Claire Vasseur" and s.left > 100]


def test_a_user_template_shows_in_the_pdf(tmp_path):
    (tmp_path / "thanks.fr.j2").write_text("[subject]\nUn grand merci\n[body]\nÀ bientôt !\n",
                                           encoding="utf-8")
    printed = read.text(letter("thanks", templates_dir=tmp_path))
    assert "Objet : Un grand merci" in printed and "À bientôt !" in printed


def test_enclosures_are_listed_after_the_signature():
    pdf = letter("summary", enclosures=["Transcription intégrale", "Photographies des folios"])
    printed = read.text(pdf)
    assert "P. J. : Transcription intégrale\nPhotographies des folios" in printed
