"""Titles and attention lines: a notary, a doctor, a professor, a person at an organisation."""

from __future__ import annotations

from dataclasses import replace

import pytest

from letters import compose, pdf_bytes
from letters.address import recipient_lines
from store import clients
from store.book import Book
from store.errors import ValidationError
from store.models import CIVILITIES, Client
from tests import letters_reading as read
from tests.letters_samples import EDITH, MARGARET, ORDER, PROFILE, SOCIETY, TODAY, order_for
from tui.dialogs.clients import CIVILITY_OPTIONS

DURAND = Client(id=5, civility="Maître", first_name="Anne", last_name="Durand",
                address_lines=["8, place du Martroi"], postcode="45000", city="Orléans")
STUDY = replace(DURAND, organisation="Étude Durand & Associés")
HOLLOWAY = replace(MARGARET, civility="Dr")


def printed(kind: str, client: Client, lang: str | None = None) -> str:
    """The text of the letter's PDF, as read back, with its lines joined by spaces."""
    draft = compose(kind, PROFILE, client, order_for(client), today=TODAY, lang=lang)
    return read.running(pdf_bytes(draft, PROFILE))


def address_block(client: Client, lang: str | None = None) -> list[str]:
    """The lines printed inside the envelope window, top to bottom."""
    draft = compose("thanks", PROFILE, client, order_for(client), today=TODAY, lang=lang)
    seen = read.lines(pdf_bytes(draft, PROFILE))
    return [s.plain for s in seen if s.page == 1 and s.left >= 100 and 35 <= s.top <= 80]


def test_a_notary_is_greeted_and_taken_leave_of_as_maitre():
    draft = compose("follow-up", PROFILE, DURAND, order_for(DURAND), today=TODAY)
    lines = read.text(pdf_bytes(draft, PROFILE)).split("\n")
    text = " ".join(lines)
    assert "Maître," in lines and "Madame" not in text
    assert "d’agréer, Maître, l’expression de mes salutations distinguées." in text
    assert address_block(DURAND)[0] == "Maître Anne Durand"


def test_a_notary_written_to_in_english_keeps_her_title():
    assert "Dear Maître Durand," in printed("thanks", DURAND, lang="en")


def test_a_doctor_is_dear_dr_holloway_in_english():
    text = printed("apology", HOLLOWAY)
    assert "Dear Dr Holloway," in text and "Ms Holloway" not in text
    assert "Yours sincerely," in text


def test_a_doctor_is_docteur_in_french():
    text = printed("scope", replace(DURAND, civility="Dr"))
    assert "Docteur, " in text
    assert "d’agréer, Docteur, l’expression" in text
    assert address_block(replace(DURAND, civility="Dr"))[0] == "Dr Anne Durand"


def test_a_professor_is_professeur_in_french_and_professor_in_english():
    professor = replace(DURAND, civility="Pr")
    french = printed("scope", professor)
    assert "Professeur, " in french
    assert "d’agréer, Professeur, l’expression" in french
    assert address_block(professor)[0] == "Pr Anne Durand"
    english = printed("scope", professor, lang="en")
    assert "Dear Professor Durand," in english
    assert address_block(professor, lang="en")[0] == "Prof Anne Durand"


def test_a_person_at_an_organisation_comes_under_it_on_an_attention_line():
    assert address_block(STUDY) == ["Étude Durand & Associés",
                                    "À l’attention de Maître Anne Durand",
                                    "8, place du Martroi", "45000 ORLEANS"]
    assert "Maître, " in printed("thanks", STUDY)


def test_an_attention_line_in_english():
    doctor = replace(HOLLOWAY, first_name="Jane")
    assert address_block(doctor)[:2] == ["Faculty of History, Oxford",
                                         "For the attention of Dr Jane Holloway"]


def test_an_attention_line_of_38_characters_is_kept_and_printed():
    client = replace(STUDY, last_name="Durandeau")
    assert address_block(client)[1] == "À l’attention de Maître Anne Durandeau"


def test_an_attention_line_too_long_falls_back_to_the_bare_name():
    at_work = replace(EDITH, organisation="Garnier-Roux Conseil")
    assert recipient_lines(at_work, "fr")[:2] == ["Garnier-Roux Conseil", "Mme Édith Garnier-Roux"]
    assert address_block(HOLLOWAY)[:2] == ["Faculty of History, Oxford", "Dr Margaret Holloway"]


def test_a_name_too_long_even_bare_is_still_refused_by_line():
    long_name = replace(STUDY, first_name="Anne-Marie-Bénédicte", last_name="de La Rochefoucauld")
    with pytest.raises(ValidationError) as error:
        recipient_lines(long_name, "fr")
    assert error.value.field == "name"
    assert "La Poste allows 38" in str(error.value)


AGREE = "Je vous prie d’agréer, "
"""The opening of the classic French closing formula."""


@pytest.mark.parametrize("client, language, salutation, closing", [
    (SOCIETY, "fr", "Madame, Monsieur,", AGREE + "Madame, Monsieur, l’expression"),
    (SOCIETY, "en", "Dear Sir or Madam,", "Yours faithfully,"),
    (replace(SOCIETY, civility="Maître"), "fr", "Madame, Monsieur,", AGREE + "Madame, Monsieur"),
    (replace(DURAND, civility="Mx"), "fr", "Anne Durand,", AGREE + "Anne Durand, l’expression"),
])
def test_no_person_is_madame_monsieur_and_mx_the_full_name(client, language, salutation,
                                                           closing):
    draft = compose("scope", PROFILE, client, order_for(client), today=TODAY, lang=language)
    assert (draft.salutation, draft.closing[:len(closing)]) == (salutation, closing)


def test_an_organisation_alone_keeps_its_address_block():
    assert address_block(SOCIETY)[0] == "Société archéologique de Touraine"


def test_the_client_form_offers_every_civility():
    assert [value for _, value in CIVILITY_OPTIONS] == list(CIVILITIES)
    assert {"Maître", "Dr", "Pr"} <= set(CIVILITIES)


def test_the_book_accepts_the_titles_and_refuses_an_unknown_one_clearly(tmp_path):
    with Book(tmp_path / "book") as book:
        notary = clients.add_client(book, TODAY, civility="Maître", last_name="Durand",
                                    city="Orléans")
        assert notary.civility == "Maître"
        with pytest.raises(ValidationError, match="is not one of"):
            clients.add_client(book, TODAY, civility="Docteur", last_name="Holloway")


def test_an_order_for_the_notary_carries_her_title_in_the_letter_header():
    draft = compose("apology", PROFILE, DURAND, replace(ORDER, client_id=5), today=TODAY)
    assert draft.recipient_name == "Maître Anne Durand"
