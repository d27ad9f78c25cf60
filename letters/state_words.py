"""The state a letter speaks of, as words in the letter's language (store/letter_state.py)."""

from __future__ import annotations

from store.letter_state import LetterState
from store.milestones import Milestone, ordinal

PROGRESS = {
    "fr": {"in progress": "le travail est en cours", "accepted": "le travail est planifié",
           "quote": "le devis attend votre accord",
           "paused": "le travail est suspendu dans l'attente de votre réponse"},
    "en": {"in progress": "the work is under way", "accepted": "the work is scheduled",
           "quote": "the quotation awaits your approval",
           "paused": "the work is on hold until I hear from you"},
}
"""Where undelivered work stands, as a clause of a sentence."""


def progress(state: LetterState, language: str) -> str:
    """'le travail est en cours', 'the work is under way'; empty once delivered."""
    return PROGRESS[language].get(state.stands, "")


def _years(count: int, language: str) -> str:
    if language == "fr":
        return "un an" if count == 1 else f"{count} ans"
    return "one year" if count == 1 else f"{count} years"


def milestone(found: Milestone | None, language: str) -> str:
    """'votre 10e commande', 'your 10th order', 'un an depuis votre première commande'."""
    if found is None:
        return ""
    if found.kind == "order-count":
        return (f"votre {found.count}e commande" if language == "fr"
                else f"your {ordinal(found.count)} order")
    if language == "fr":
        return f"{_years(found.count, language)} depuis votre première commande"
    return f"{_years(found.count, language)} since your first order"
