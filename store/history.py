"""The records of what happened around the work: exchanges, follow-ups, letters sent,
incidents and their lessons.

Dataclasses like store/models.py's (which re-exports them), apart so that a run reading only
clients and orders (`overdue`) never builds them: store.models imports this module when one
of them is first asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from .codec import stored


@stored
@dataclass(slots=True, eq=False, repr=False)
class Interaction:
    """One exchange with a client, kept so nothing has to be asked twice."""

    client_id: int
    when: datetime
    kind: str = "note"
    channel: str = "email"
    direction: str = "in"
    text: str = ""
    order_ref: str | None = None
    satisfaction: int | None = None
    id: int = 0


@stored
@dataclass(slots=True, eq=False, repr=False)
class Incident:
    """A recovery plan: four dated steps after a mistake, then a lesson."""

    order_ref: str
    client_id: int
    opened: date
    cause: str = "mine"
    what: str = ""
    apologised: date | None = None
    fixed: date | None = None
    solution: str = ""
    client_proposal: str = ""
    followed_up: date | None = None
    gesture: str = ""
    feedback_asked: date | None = None
    feedback_received: date | None = None
    feedback: str = ""
    closed: date | None = None
    lesson: str = ""
    id: int = 0

    @property
    def is_open(self) -> bool:
        return self.closed is None


@stored
@dataclass(slots=True, eq=False, repr=False)
class FollowUp:
    """Something promised to a client (a call-back, an answer) with a due date."""

    client_id: int
    due: date
    what: str
    order_ref: str | None = None
    done: date | None = None
    purpose: str = ""
    id: int = 0


@stored
@dataclass(slots=True, eq=False, repr=False)
class Letter:
    """A letter sent, archived as a PDF and identified by its hash."""

    client_id: int
    kind: str
    language: str
    date: date
    path: str
    sha256: str
    order_ref: str | None = None
    id: int = 0


@stored
@dataclass(slots=True, eq=False, repr=False)
class Lesson:
    """An entry in the journal of lessons learned (kaizen)."""

    on: date
    text: str
    incident_id: int | None = None
    id: int = 0


HISTORY_TABLES = {"interactions": Interaction, "incidents": Incident, "followups": FollowUp,
                  "letters": Letter, "lessons": Lesson}
