"""Composing letters: the right words for each kind, language and client."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import date

import pytest

from letters import KINDS, LetterDraft, compose
from store.errors import ValidationError
from store.models import LETTER_KINDS, PAYMENT_LETTER_KINDS
from tests.letters_samples import (EDITH, HENRI, INCIDENT, MARGARET, ORDER, PROFILE, SOCIETY,
                                   TODAY, order_for)

DELIVERED = order_for(HENRI, delivered=date(2026, 11, 4), status="delivered")


def text_of(draft: LetterDraft) -> str:
    """All the running text of a draft, spaces made plain."""
    words = " ".join([draft.subject, draft.salutation, *draft.paragraphs, draft.closing])
    return words.replace("\u202f", " ").replace("\u00a0", " ")


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("kind", LETTER_KINDS)
def test_every_kind_is_written_in_both_languages(kind, language):
    order = DELIVERED if kind == "feedback" else ORDER
    draft = compose(kind, PROFILE, HENRI, order, INCIDENT, today=TODAY, lang=language)
    assert draft.kind == kind and draft.language == language
    assert draft.subject and draft.paragraphs and draft.closing
    assert draft.references == [("N/réf.\u202f:" if language == "fr" else "Our ref.:", "2026-014")]
    assert draft.signature == "Claire Vasseur"
    assert draft.recipient_lines == [("M." if language == "fr" else "Mr") + " Henri Lefèvre",
                                     "7, rue de la Charpenterie", "45000 ORLEANS"]


def test_an_unknown_kind_is_refused_with_the_list_of_kinds():
    with pytest.raises(ValidationError) as error:
        compose("invoice", PROFILE, HENRI, ORDER, today=TODAY)
    assert error.value.field == "kind"
    assert "apology, follow-up, summary, thanks, scope, feedback" in str(error.value)


@pytest.mark.parametrize("kind", ["apology", "summary", "scope"])
def test_letters_about_an_order_need_one(kind):
    with pytest.raises(ValidationError) as error:
        compose(kind, PROFILE, HENRI, today=TODAY)
    assert error.value.field == "order"


@pytest.mark.parametrize("kind", ["thanks", "follow-up"])
def test_client_letters_go_without_an_order(kind):
    draft = compose(kind, PROFILE, HENRI, today=TODAY)
    assert draft.references == [] and draft.order_ref is None
    assert "«" not in draft.subject


def test_the_language_is_the_clients_unless_asked():
    assert compose("thanks", PROFILE, MARGARET, today=TODAY).language == "en"
    assert compose("thanks", PROFILE, MARGARET, today=TODAY, lang="fr").language == "fr"
    with pytest.raises(ValidationError) as error:
        compose("thanks", PROFILE, HENRI, today=TODAY, lang="de")
    assert error.value.field == "language"


def test_the_apology_names_the_new_date_and_the_promised_one():
    draft = compose("apology", PROFILE, HENRI, ORDER, INCIDENT, today=TODAY)
    text = text_of(draft)
    assert "au plus tard le 22 novembre 2026" in text
    assert "le 1er novembre 2026" in text
    english = text_of(compose("apology", PROFILE, HENRI, ORDER, today=TODAY, lang="en"))
    assert "by 22 November 2026 at the latest" in english


def test_an_apology_never_promises_a_date_already_past():
    overdue = order_for(HENRI, due=date(2026, 11, 1), postponements=[])
    with pytest.raises(ValidationError) as error:
        compose("apology", PROFILE, HENRI, overdue, today=TODAY)
    assert error.value.field == "new date"
    text = text_of(compose("apology", PROFILE, HENRI, overdue, today=TODAY,
                           new_date=date(2026, 11, 20)))
    assert "devait vous être remise le 1er novembre 2026" in text
    assert "au plus tard le 20 novembre 2026" in text
    assert "sous quelques jours" not in text


def test_an_apology_after_delivery_or_for_a_mistake_says_so():
    assert "Le travail vous a été remis le 4 novembre 2026." in text_of(
        compose("apology", PROFILE, HENRI, DELIVERED, today=TODAY))
    on_time = order_for(HENRI, due=date(2026, 11, 1), delivered=date(2026, 10, 30),
                        status="delivered", postponements=[])
    text = text_of(compose("apology", PROFILE, HENRI, on_time, today=TODAY))
    assert "n’a pas été à la hauteur" in text and "délai" not in text


def test_the_apology_follows_the_recovery_plan():
    text = text_of(compose("apology", PROFILE, HENRI, ORDER, INCIDENT, today=TODAY))
    assert "livraison en retard, client non prévenu." in text
    assert "Je vous présente mes sincères excuses" in text
    assert "quelle solution vous paraîtrait juste" in text
    assert "Je reviendrai vers vous" in text
    assert "je vous propose le geste suivant : remise de 10 % sur la facture." in text


def test_the_apology_mentions_a_gesture_only_when_one_is_recorded():
    without = compose("apology", PROFILE, HENRI, ORDER, replace(INCIDENT, gesture=""), today=TODAY)
    assert "geste" not in text_of(without)
    assert "geste" not in text_of(compose("apology", PROFILE, HENRI, ORDER, today=TODAY))


def test_the_summary_letter_tells_the_document_in_a_details_table_and_its_summary():
    draft = compose("summary", PROFILE, HENRI, ORDER, today=TODAY)
    card = next(p for p in draft.paragraphs if p.startswith("Nature"))
    assert card.split("\n") == [
        "Nature | Acte de vente", "Date | 14\u00a0mars\u00a01523",
        "Lieu | Orléans, étude de Jehan Martin",
        "Écriture et langue | Cursive gothique, moyen français",
        "Cote | AD Loiret, 3\u00a0E 10234, fol.\u00a0112–115", "Pages | 4"]
    assert any(p.startswith("Le 14\u00a0mars\u00a01523, devant Jehan Martin")
               for p in draft.paragraphs)


def test_a_summary_letter_without_a_summary_is_refused():
    with pytest.raises(ValidationError) as error:
        compose("summary", PROFILE, HENRI, order_for(HENRI, summary=" "), today=TODAY)
    assert error.value.field == "summary"


def test_the_scope_letter_restates_the_agreed_scope_line_by_line():
    draft = compose("scope", PROFILE, HENRI, ORDER, today=TODAY)
    scope = next(p for p in draft.paragraphs if p.startswith("> Transcription intégrale"))
    assert scope.split("\n")[1].startswith("> Ne sont pas compris\u202f:")
    assert "Le prix convenu est de 1\u202f250,00\u00a0€" in " ".join(draft.paragraphs)


@pytest.mark.parametrize("client, language, salutation, closing", [
    (HENRI, "fr", "Monsieur,", "Je vous prie d’agréer, Monsieur, l’expression"),
    (EDITH, "fr", "Madame,", "Je vous prie d’agréer, Madame, l’expression"),
    (SOCIETY, "fr", "Madame, Monsieur,", "Je vous prie d’agréer, Madame, Monsieur, l’"),
    (MARGARET, "en", "Dear Ms\u00a0Holloway,", "Yours sincerely,"),
    (SOCIETY, "en", "Dear Sir or Madam,", "Yours faithfully,"),
])
def test_salutation_and_closing_follow_the_civility(client, language, salutation, closing):
    draft = compose("feedback", PROFILE, client, order_for(client, delivered=date(2026, 11, 4),
                                                           status="delivered"),
                    today=TODAY, lang=language)
    assert draft.salutation == salutation
    assert draft.closing.startswith(closing)


def test_the_place_and_date_line_is_local():
    french = compose("thanks", PROFILE, HENRI, today=TODAY)
    assert french.place_date == "Paris, le 5\u00a0novembre\u00a02026"
    english = compose("thanks", PROFILE, MARGARET, today=TODAY)
    assert english.place_date == "Paris, 5\u00a0November\u00a02026"
    elsewhere = replace(PROFILE, letter_city="", city="Tours")
    assert compose("thanks", elsewhere, HENRI, today=TODAY).place_date.startswith("Tours, le")


def test_an_order_of_another_client_is_refused():
    with pytest.raises(ValidationError) as error:
        compose("apology", PROFILE, EDITH, ORDER, today=TODAY)
    assert "another client" in str(error.value)


def test_enclosures_come_from_the_caller():
    draft = compose("summary", PROFILE, HENRI, ORDER, today=TODAY,
                    enclosures=["Transcription intégrale de l'acte"])
    assert draft.enclosures == ["Transcription intégrale de l’acte"]


def test_letters_do_not_import_textual():
    code = "import letters, sys; assert not any(m.startswith('textual') for m in sys.modules)"
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("kind", PAYMENT_LETTER_KINDS)
def test_a_payment_letter_without_its_unpaid_invoice_is_refused(kind):
    with pytest.raises(ValidationError, match="unpaid invoice"):
        compose(kind, PROFILE, HENRI, ORDER, today=TODAY)
