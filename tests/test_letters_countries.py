"""Countries as typed → ISO codes and their French names; phone numbers for a reader abroad."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from pypdf import PdfReader

from letters import compose, pdf_bytes
from letters.context import reach
from letters.phones import for_reader
from store import countries
from tests.letters_samples import HENRI, MARGARET, PROFILE, TODAY


@pytest.mark.parametrize("typed, code, line", [
    ("United Kingdom", "GB", "ROYAUME-UNI"), ("UK", "GB", "ROYAUME-UNI"),
    ("Royaume Uni", "GB", "ROYAUME-UNI"), ("royaume-uni", "GB", "ROYAUME-UNI"),
    ("Angleterre", "GB", "ROYAUME-UNI"), ("GBR", "GB", "ROYAUME-UNI"),
    ("USA", "US", "ÉTATS-UNIS"), ("U.S.A.", "US", "ÉTATS-UNIS"),
    ("États-Unis", "US", "ÉTATS-UNIS"), ("etats unis", "US", "ÉTATS-UNIS"),
    ("Deutschland", "DE", "ALLEMAGNE"), ("Germany", "DE", "ALLEMAGNE"),
    ("Suisse", "CH", "SUISSE"), ("Schweiz", "CH", "SUISSE"), ("Svizzera", "CH", "SUISSE"),
    ("Belgium", "BE", "BELGIQUE"), ("België", "BE", "BELGIQUE"),
    ("Italia", "IT", "ITALIE"), ("España", "ES", "ESPAGNE"), ("ES", "ES", "ESPAGNE"),
    ("canada", "CA", "CANADA"), ("The Netherlands", "NL", "PAYS-BAS"),
    ("", "FR", ""), ("France", "FR", ""), ("fr", "FR", ""), ("FRA", "FR", ""),
])
def test_a_country_as_typed_is_recognised_and_named_in_french_capitals(typed, code, line):
    assert countries.code(typed) == code
    assert countries.country_line(typed) == line


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_countrys_name_and_code_find_the_country_again(language):
    names = countries._territories(language)
    assert len(names) > 240
    lost = {alpha2: name for alpha2, name in names.items()
            if countries.code(name) != alpha2 or countries.code(name.upper()) != alpha2
            or countries.code(alpha2.lower()) != alpha2}
    assert lost == {}
    assert countries.code(countries.french_name("GB")) == "GB"


def test_an_unknown_country_is_kept_as_typed_in_capitals():
    assert countries.code("Bordurie") is None
    assert countries.country_line("  Syldavie   du Nord ") == "SYLDAVIE DU NORD"
    assert not countries.is_home("Syldavie")


@pytest.mark.parametrize("number, home, reader, written", [
    ("06 12 34 56 78", "France", "France", "06 12 34 56 78"),
    ("06 12 34 56 78", "", "FR", "06 12 34 56 78"),
    ("06 12 34 56 78", "", "United Kingdom", "+33 6 12 34 56 78"),
    ("06 12 34 56 78", "France", "Syldavie", "+33 6 12 34 56 78"),
    ("0612345678", "", "USA", "+33 6 12 34 56 78"),
    ("+33 (0)6 12 34 56 78", "", "Suisse", "+33 6 12 34 56 78"),
    ("01865 270000", "Royaume-Uni", "France", "+44 1865 270000"),
    ("01865 270000", "UK", "England", "01865 270000"),
    ("06 12 34", "", "UK", "06 12 34"),
    ("sur rendez-vous", "", "UK", "sur rendez-vous"),
    ("", "", "UK", ""),
])
def test_a_phone_number_is_written_for_its_reader(number, home, reader, written):
    assert for_reader(number, home, reader) == written


def test_the_way_to_answer_gives_the_international_number_abroad_with_no_break_spaces():
    at_home = "par téléphone au 06\u00a012\u00a034\u00a056\u00a078"
    assert reach(PROFILE, HENRI, "fr").endswith(at_home)
    assert reach(PROFILE, MARGARET, "en").endswith(
        "by telephone on +33\u00a06\u00a012\u00a034\u00a056\u00a078")


def test_a_letter_to_oxford_reads_town_postcode_and_country_on_their_own_lines():
    oxford = replace(MARGARET, postcode="ox2 7hq", country="Royaume Uni")
    pdf = pdf_bytes(compose("thanks", PROFILE, oxford, today=TODAY), PROFILE)
    page = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    lines = [" ".join(line.replace("\u00a0", " ").split()) for line in page.splitlines()]
    at = lines.index("OXFORD")
    assert lines[at:at + 3] == ["OXFORD", "OX2 7HQ", "ROYAUME-UNI"]
    assert "+33 6 12 34 56 78" in lines
    assert "06 12 34 56 78" not in " ".join(lines)
    at_home = pdf_bytes(compose("thanks", PROFILE, HENRI, today=TODAY), PROFILE)
    assert "06 12 34 56 78" in PdfReader(io.BytesIO(at_home)).pages[0].extract_text()
