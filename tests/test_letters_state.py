"""Letters follow the data: each kind, in each language, worded from the state, read on the PDF."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from letters import compose, pdf_bytes
from store.errors import ValidationError
from store.models import Interaction, Pause, Profile
from tests import letters_reading as read
from tests.letters_samples import HENRI, INCIDENT, MARGARET, PROFILE, TODAY, order_for

ENGLISH = replace(MARGARET, id=HENRI.id)
LATE = order_for(HENRI, due=date(2026, 11, 1), due_original=date(2026, 11, 1), postponements=[])
"""Due on 1 November, not delivered on 5 November."""
AHEAD = order_for(HENRI, due=date(2026, 11, 22), due_original=date(2026, 11, 22),
                  postponements=[])
DELIVERED = order_for(HENRI, due=date(2026, 11, 1), due_original=date(2026, 11, 1),
                      postponements=[], delivered=date(2026, 10, 30), status="delivered")


def client_in(language: str):
    return HENRI if language == "fr" else ENGLISH


def printed(kind: str, order=None, language: str = "fr", **options) -> str:
    """The letter's PDF text on one line, spaces made plain."""
    draft = compose(kind, PROFILE, client_in(language), order, today=TODAY, lang=language,
                    **options)
    return read.running(pdf_bytes(draft, PROFILE))


def complaint(**kw) -> Interaction:
    values = dict(client_id=HENRI.id, when=datetime(2026, 11, 3, 9), kind="complaint",
                  order_ref=LATE.ref)
    values.update(kw)
    return Interaction(**values)


# -- the apology -----------------------------------------------------------------------------

@pytest.mark.parametrize("language, missed, new", [
    ("fr", "devait vous être remise le 1er novembre 2026, et je n’ai pas tenu ce délai",
     "vous sera remise au plus tard le 20 novembre 2026"),
    ("en", "was due to reach you on 1 November 2026, and I did not meet that date",
     "You will receive it by 20 November 2026 at the latest"),
])
def test_the_apology_for_a_delay_names_the_missed_date_and_the_new_date(language, missed, new):
    text = printed("apology", LATE, language, new_date=date(2026, 11, 20))
    assert missed in text and new in text
    assert "quelques jours une nouvelle date" not in text
    assert "Within a few days" not in text


@pytest.mark.parametrize("language, will_miss, never", [
    ("fr", "devait vous être remise le 22 novembre 2026, et je ne pourrai pas tenir ce délai",
     "je n’ai pas tenu"),
    ("en", "was due to reach you on 22 November 2026, and I will not be able to meet that date",
     "I did not meet"),
])
def test_an_apology_moving_a_date_not_yet_passed_does_not_say_it_was_missed(language, will_miss,
                                                                           never):
    text = printed("apology", AHEAD, language, new_date=date(2026, 11, 29))
    assert will_miss in text and never not in text


@pytest.mark.parametrize("language", ["fr", "en"])
def test_an_apology_for_work_past_its_date_is_refused_without_the_new_date(language):
    with pytest.raises(ValidationError) as error:
        printed("apology", LATE, language)
    assert error.value.field == "new date"
    assert "2026-11-01" in str(error.value)


@pytest.mark.parametrize("new_date, says", [
    (date(2026, 11, 5), "not after today"),
    (date(2026, 11, 4), "not after today"),
])
def test_a_new_date_must_be_ahead(new_date, says):
    with pytest.raises(ValidationError) as error:
        printed("apology", LATE, new_date=new_date)
    assert says in str(error.value)


@pytest.mark.parametrize("language, missed, not_missed", [
    ("fr", "devait vous être remise le 3 novembre 2026", "1er novembre"),
    ("en", "was due to reach you on 3 November 2026", "1 November"),
])
def test_days_paused_waiting_on_the_client_are_not_counted_as_lateness(language, missed,
                                                                        not_missed):
    paused = replace(LATE, pauses=[Pause(date(2026, 10, 20), date(2026, 10, 22), "photos")])
    text = printed("apology", paused, language, new_date=date(2026, 11, 20))
    assert missed in text and not_missed not in text


@pytest.mark.parametrize("language, anger, inconvenience", [
    ("fr", "Votre mécontentement est légitime", "Je mesure le désagrément"),
    ("en", "Your frustration is entirely legitimate", "I am aware of the inconvenience"),
])
def test_anger_is_called_legitimate_only_when_the_client_complained(language, anger,
                                                                     inconvenience):
    quiet = printed("apology", LATE, language, new_date=date(2026, 11, 20))
    assert inconvenience in quiet and anger not in quiet
    angry = printed("apology", LATE, language, new_date=date(2026, 11, 20),
                    interactions=[complaint()])
    assert anger in angry and inconvenience not in angry


def test_a_complaint_about_the_client_counts_since_the_order_was_received_only():
    since = complaint(order_ref=None, when=datetime(2026, 10, 1, 9))
    before = complaint(order_ref=None, when=datetime(2026, 8, 1, 9))
    other = complaint(order_ref="2025-003")
    assert "légitime" in printed("apology", LATE, new_date=date(2026, 11, 20),
                                 interactions=[since])
    for unrelated in (before, other, complaint(kind="praise")):
        assert "légitime" not in printed("apology", LATE, new_date=date(2026, 11, 20),
                                         interactions=[unrelated])


@pytest.mark.parametrize("language, what, fix, asks", [
    ("fr", "je n’ai pas été à la hauteur de ce que vous étiez en droit d’attendre : nom propre "
           "mal lu (Tardin pour Tardieu).", "Pour y remédier : nom corrigé, relecture complète.",
     "Cette solution vous paraît-elle juste ?"),
    ("en", "I fell short of what you were entitled to expect: nom propre mal lu (Tardin pour "
           "Tardieu).", "To put it right: nom corrigé, relecture complète.",
     "Does this seem fair to you?"),
])
def test_the_apology_for_a_mistake_names_what_went_wrong_and_the_fix(language, what, fix, asks):
    misread = replace(INCIDENT, what="Nom propre mal lu (Tardin pour Tardieu)", gesture="")
    before_fix = printed("apology", DELIVERED, language, incident=misread)
    assert what in before_fix and fix not in before_fix and asks not in before_fix
    fixed = replace(misread, fixed=date(2026, 11, 4), solution="Nom corrigé, relecture complète")
    after_fix = printed("apology", DELIVERED, language, incident=fixed)
    assert what in after_fix and fix in after_fix and asks in after_fix


# -- the follow-up ---------------------------------------------------------------------------

@pytest.mark.parametrize("language, delivered, asks", [
    ("fr", "Je vous ai remis le 30 octobre 2026", "Le résultat est-il conforme"),
    ("en", "On 30 October 2026 I delivered", "Is the result what you expected?"),
])
def test_a_follow_up_after_delivery_asks_whether_it_met_expectations(language, delivered, asks):
    text = printed("follow-up", DELIVERED, language)
    assert delivered in text and asks in text


@pytest.mark.parametrize("language, fixed, stands, never", [
    ("fr", "La solution retenue : nom corrigé.", "Où en est le travail : le travail est en cours",
     "si elle vous a donné satisfaction"),
    ("en", "The solution we settled on: nom corrigé.", "Where the work stands: the work is under",
     "whether it has given you satisfaction"),
])
def test_a_follow_up_after_a_fix_before_delivery_does_not_ask_whether_it_satisfied(
        language, fixed, stands, never):
    plan = replace(INCIDENT, order_ref=AHEAD.ref, solution="Nom corrigé")
    text = printed("follow-up", AHEAD, language, incident=plan)
    assert fixed in text and stands in text and never not in text
    assert text.count(AHEAD.title) == 2, "the subject and the first line, not a third time"


@pytest.mark.parametrize("language, stands, asks", [
    ("fr", "le travail est en cours ; la remise est prévue le 22 novembre 2026.",
     "Le résultat est-il conforme"),
    ("en", "the work is under way; delivery is planned for 22 November 2026.",
     "Is the result what you expected?"),
])
def test_a_follow_up_before_delivery_says_where_the_work_stands_and_when_it_arrives(
        language, stands, asks):
    text = printed("follow-up", AHEAD, language)
    assert stands in text and asks not in text


@pytest.mark.parametrize("language, stands", [
    ("fr", "le travail est suspendu dans l’attente de votre réponse ; la remise est prévue le "
           "25 novembre 2026."),
    ("en", "the work is on hold until I hear from you; delivery is planned for 25 November "
           "2026."),
])
def test_a_follow_up_on_paused_work_says_it_waits_on_the_client(language, stands):
    paused = replace(AHEAD, pauses=[Pause(date(2026, 11, 2), None, "photos")])
    assert stands in printed("follow-up", paused, language)


@pytest.mark.parametrize("language, late", [
    ("fr", "elle devait vous être remise le 1er novembre 2026, et je vous prie de m’excuser de "
           "ce retard."),
    ("en", "it was due to reach you on 1 November 2026, and I apologise for the delay."),
])
def test_a_follow_up_on_late_work_names_the_missed_date(language, late):
    assert late in printed("follow-up", LATE, language)


# -- the feedback request --------------------------------------------------------------------

@pytest.mark.parametrize("language, about", [
    ("fr", "Le 30 octobre 2026, je vous ai remis le travail demandé pour votre commande"),
    ("en", "On 30 October 2026, I delivered the work for your order"),
])
def test_a_feedback_request_is_about_a_delivered_order(language, about):
    assert about in printed("feedback", DELIVERED, language)


@pytest.mark.parametrize("language, silent, timing", [
    ("fr", "Je n’ai pas eu de vos nouvelles depuis", "Les délais vous ont-ils convenu ?"),
    ("en", "I have not heard from you since", "Did the timing suit you?"),
])
def test_a_feedback_request_after_an_easy_delivery_asks_about_the_timing(language, silent, timing):
    text = printed("feedback", DELIVERED, language)
    assert silent in text and timing in text


@pytest.mark.parametrize("language, plan_said, fair", [
    ("fr", "Cette commande ne s’est pas déroulée comme elle l’aurait dû, et j’ai cherché à y "
           "remédier", "La façon dont j’ai réparé ce problème vous a-t-elle paru juste ?"),
    ("en", "This order did not go as it should have, and I tried to put it right",
     "Did the way I put the problem right seem fair to you?"),
])
def test_a_feedback_request_after_a_recovery_asks_whether_the_repair_was_fair(language, plan_said,
                                                                             fair):
    late = replace(DELIVERED, delivered=date(2026, 11, 5), status="delivered")
    plan = replace(INCIDENT, order_ref=late.ref, solution="Nom corrigé")
    text = printed("feedback", late, language, incident=plan)
    assert plan_said in text and fair in text
    assert "Did the timing suit you?" not in text and "Les délais vous ont-ils" not in text
    assert "heard from you since" not in text and "de vos nouvelles depuis" not in text


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_client_feedback_request_picks_the_latest_delivered_order(language):
    older = replace(DELIVERED, ref="2026-003", title="Registre paroissial",
                    delivered=date(2026, 6, 2))
    latest = replace(DELIVERED, ref="2026-009", title="Testament de 1612")
    draft = compose("feedback", PROFILE, client_in(language), today=TODAY, lang=language,
                    orders=[older, latest, AHEAD])
    assert draft.order_ref == "2026-009"
    text = read.running(pdf_bytes(draft, PROFILE))
    assert "Testament de 1612" in text and "2026-009" in text


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_feedback_request_is_refused_while_nothing_is_delivered(language):
    with pytest.raises(ValidationError) as about_order:
        printed("feedback", LATE, language)
    assert "order 2026-014 is not delivered yet" in str(about_order.value)
    with pytest.raises(ValidationError) as about_client:
        compose("feedback", PROFILE, client_in(language), today=TODAY, lang=language,
                orders=[LATE])
    assert "nothing was delivered to" in str(about_client.value)


# -- thanks ----------------------------------------------------------------------------------

NEWCOMER = replace(HENRI, created=TODAY)


def thanks(client, orders, language="fr", order=None) -> str:
    draft = compose("thanks", PROFILE, client, order, today=TODAY, lang=language, orders=orders)
    return read.running(pdf_bytes(draft, PROFILE))


@pytest.mark.parametrize("language, trust, loyalty", [
    ("fr", "la confiance que vous m’avez accordée", "fidélité"),
    ("en", "the trust you have placed in me", "loyalty"),
])
def test_a_new_client_is_thanked_for_their_trust_not_their_loyalty(language, trust, loyalty):
    client = replace(client_in(language), created=TODAY)
    first = replace(AHEAD, received=date(2026, 11, 1))
    text = thanks(client, [first], language, first)
    assert trust in text and loyalty not in text


@pytest.mark.parametrize("language, loyalty", [
    ("fr", "pour la fidélité que vous me témoignez"), ("en", "for your loyalty"),
])
def test_a_client_with_several_orders_is_thanked_for_their_loyalty(language, loyalty):
    client = replace(client_in(language), created=TODAY)
    orders = [replace(AHEAD, ref="2026-001", received=date(2026, 10, 1)),
              replace(AHEAD, received=date(2026, 11, 1))]
    assert loyalty in thanks(client, orders, language)
    cancelled = [orders[0], replace(orders[1], status="cancelled", cancelled=TODAY)]
    assert loyalty not in thanks(client, cancelled, language)


def test_a_year_together_is_a_history():
    client = replace(HENRI, created=date(2025, 11, 5))
    assert "fidélité" in thanks(client, [AHEAD])
    assert "fidélité" not in thanks(replace(client, created=date(2025, 11, 6)),
                                    [replace(AHEAD, received=date(2026, 9, 1))])


@pytest.mark.parametrize("language, milestone", [
    ("fr", "Une étape mérite d’être saluée : votre 10e commande."),
    ("en", "A milestone deserves to be marked: your 10th order."),
])
def test_a_milestone_thanks_names_the_tenth_order(language, milestone):
    orders = [replace(AHEAD, ref=f"2026-{n:03d}", received=date(2026, 2 + n, 1))
              for n in range(10)]
    assert milestone in thanks(client_in(language), orders, language)


@pytest.mark.parametrize("language, milestone", [
    ("fr", "Une étape mérite d’être saluée : un an depuis votre première commande."),
    ("en", "A milestone deserves to be marked: one year since your first order."),
])
def test_a_milestone_thanks_names_the_anniversary(language, milestone):
    first = replace(DELIVERED, ref="2025-001", received=date(2025, 11, 20))
    assert milestone in thanks(client_in(language), [first], language)


# -- the sender ------------------------------------------------------------------------------

@pytest.mark.parametrize("profile, says", [
    (replace(PROFILE, address_lines=[]), "the profile has no postal address: fill it in the "
                                         "profile (5) or with `profile set --address"),
    (replace(PROFILE, postcode=""), "no postal address"),
    (replace(PROFILE, city=" "), "no postal address"),
    (replace(PROFILE, name=""), "the profile has no name: fill it in the profile (5)"),
    (Profile(), "no name and no postal address"),
])
def test_a_letter_without_a_sender_is_refused_saying_what_to_fill_in(profile, says):
    with pytest.raises(ValidationError) as error:
        compose("thanks", profile, HENRI, AHEAD, today=TODAY)
    assert error.value.field == "sender" and says in str(error.value)
