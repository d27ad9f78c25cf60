"""Events that advance the recovery story, so nothing is ticked twice.

Filing a letter or logging a feedback records the plan's step and opens or closes the
follow-ups that go with it, inside the same change as the letter or the exchange.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import date, timedelta

from .book import Book
from .incidents import open_plan, record_step
from .models import FollowUp, Interaction, Letter
from .recovery import reachable, step_for_letter

ASK_FEEDBACK_AFTER_DAYS = 7
"""A delivery schedules asking for feedback a week later."""
HEAR_BACK_AFTER_DAYS = 14
"""A letter asking for feedback schedules checking for the answer two weeks later."""

WORDING = {
    "ask feedback": {"fr": "Demander son avis sur {ref} ({title})",
                     "en": "Ask for feedback on {ref} ({title})"},
    "hear feedback": {"fr": "Relancer si aucun avis sur {ref} ({title})",
                      "en": "Chase the feedback on {ref} ({title}) if none came"},
    "hear feedback, no order": {"fr": "Relancer si aucun avis de {name}",
                                "en": "Chase {name}'s feedback if none came"},
    "call-back": {"fr": "Rappeler {name}", "en": "Call {name} back"},
}
"""What the follow-ups Carnet schedules itself say, in the business's language."""


def _words(book: Book, key: str, **values: str) -> str:
    wording = WORDING[key]
    return wording.get(book.profile.language, wording["en"]).format(**values)


def close_followups(book: Book, client_id: int, order_ref: str | None,
                    purposes: tuple[str, ...], on: date) -> list[int]:
    """Mark done the open follow-ups of these purposes about this order (or client); their ids."""
    closed = []
    for followup in book.where("followups", "client_id", client_id):
        if followup.done is None and followup.purpose in purposes \
                and followup.order_ref == order_ref:
            done = copy.deepcopy(followup)
            done.done = on
            book.save("followups", done)
            closed.append(followup.id)
    return closed


def schedule(book: Book, client_id: int, order_ref: str | None, purpose: str, due: date,
             what: str) -> int:
    """Insert a follow-up Carnet schedules itself; returns its id."""
    return book.insert("followups", FollowUp(client_id, due, what, order_ref, purpose=purpose))


def ask_feedback_later(book: Book, client_id: int, ref: str, title: str, delivered: date) -> int:
    """After a delivery: ask for feedback a week later."""
    return schedule(book, client_id, ref, "ask feedback",
                    delivered + timedelta(days=ASK_FEEDBACK_AFTER_DAYS),
                    _words(book, "ask feedback", ref=ref, title=title))


def _asks_feedback(book: Book, letter: Letter) -> bool:
    if letter.kind == "feedback":
        return True
    if letter.kind != "follow-up" or not letter.order_ref:
        return False
    return book.order(letter.order_ref).delivered is not None


def _hear_back(book: Book, letter: Letter, due: date) -> None:
    """One open follow-up to hear the feedback: an existing one is moved to `due`, not doubled."""
    waiting = [f for f in book.where("followups", "client_id", letter.client_id)
               if f.done is None and f.purpose == "hear feedback"
               and f.order_ref == letter.order_ref]
    if waiting:
        for followup in waiting:
            book.save("followups", replace(followup, due=max(followup.due, due)))
        return
    if letter.order_ref:
        title = book.order(letter.order_ref).title
        what = _words(book, "hear feedback", ref=letter.order_ref, title=title)
    else:
        what = _words(book, "hear feedback, no order", name=book.client(letter.client_id).name)
    schedule(book, letter.client_id, letter.order_ref, "hear feedback", due, what)


def after_letter(book: Book, letter: Letter) -> str | None:
    """A letter was filed: record the plan's step it stands for; returns that step, if any.

    An apology records `apologised`, a follow-up after the fix `followed_up`, a feedback
    request `feedback_asked`. A letter that asks for feedback closes the follow-up to ask
    for it and schedules one to hear back."""
    incident = open_plan(book, letter.order_ref)
    step = step_for_letter(incident, letter.kind)
    if step is not None:
        record_step(book, incident.id, step, max(letter.date, incident.opened))
    if _asks_feedback(book, letter):
        close_followups(book, letter.client_id, letter.order_ref, ("ask feedback",),
                        letter.date)
        _hear_back(book, letter, letter.date + timedelta(days=HEAR_BACK_AFTER_DAYS))
    return step


def after_feedback(book: Book, interaction: Interaction) -> str | None:
    """Feedback was heard: the plan records it (asked too, if that went unrecorded), and the
    follow-ups about asking for it are done. Returns the step recorded, if any."""
    day = interaction.when.date()
    close_followups(book, interaction.client_id, interaction.order_ref,
                    ("ask feedback", "hear feedback"), day)
    incident = open_plan(book, interaction.order_ref)
    if incident is None or incident.feedback_received is not None:
        return None
    on = max(day, incident.opened)
    if incident.feedback_asked is None and reachable(incident, "feedback_asked"):
        incident = record_step(book, incident.id, "feedback_asked", on)
    if not reachable(incident, "feedback_received"):
        return None
    record_step(book, incident.id, "feedback_received", on, feedback=interaction.text)
    return "feedback_received"


def promised_call_back(book: Book, interaction: Interaction, due: date) -> int:
    """A call-back was promised: it becomes a follow-up due on that day; returns its id."""
    what = interaction.text.strip() or _words(
        book, "call-back", name=book.client(interaction.client_id).name)
    return schedule(book, interaction.client_id, interaction.order_ref, "call-back", due, what)
