"""Display labels of the book's values (statuses, segments, kinds, channels, steps), translated.

The one table of them for the store, the screens and the command line. The values
themselves stay as stored and compared ("in progress", "at risk", "apologise"); only what a
person reads is translated, where it is shown. A value may have several forms (a select's
longer option, a line's "cause: mine"): each form is one table here, N_-marked.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .i18n import N_, _, qualified

STATUS_LABELS = {
    "quote": N_("quote"), "accepted": N_("accepted"), "in progress": N_("in progress"),
    "delivered": N_("delivered"), "paid": N_("paid"), "cancelled": N_("cancelled"),
    "paused": N_("paused"), "active": N_("active"), "difficult": N_("difficult"),
    "parted": N_("parted"),
}
"""Order and client statuses (and 'paused', where the work stands)."""

SEGMENT_LABELS = {
    "champion": N_("champion"), "loyal": N_("loyal"), "promising": N_("promising"),
    "new": N_("new"), "at risk": N_("at risk"), "hibernating": N_("hibernating"),
    "lost": N_("lost"),
}
"""The loyalty segments."""

LOOK_AFTER_LABELS = {"at risk": N_("at risk"), "silent": N_("silent")}
"""Why a client is one to look after (store.dashboard's "why")."""

KIND_LABELS = {
    "note": N_("note"), "request": N_("request"), "complaint": N_("complaint"),
    "praise": N_("praise"), "feedback": N_("feedback"), "gift received": N_("gift received"),
    "gesture given": N_("gesture given"), "letter sent": N_("letter sent"),
    "call-back promised": N_("call-back promised"),
}
"""Kinds of interaction."""

ENTRY_LABELS = {
    "order": N_("order"), "incident": N_("incident"), "letter": N_("letter"),
    "follow-up": N_("task|follow-up"), "payment": N_("payment"), "call-back": N_("call-back"),
}
"""What a timeline row is, beside the kinds of interaction ('call-back': a short kind)."""

CHANNEL_LABELS = {"email": N_("email"), "phone": N_("phone"), "letter": N_("letter"),
                  "meeting": N_("meeting"), "other": N_("other")}
"""How a client prefers to be reached, how an exchange came."""

DIRECTION_LABELS = {"in": N_("in"), "out": N_("out")}
DIRECTION_CHOICES = {"in": N_("in — from the client"), "out": N_("out — from me")}
"""An exchange's direction as a form offers it."""

EXCHANGE_LABELS = {
    ("email", "in"): N_("email in"), ("email", "out"): N_("email out"),
    ("phone", "in"): N_("phone in"), ("phone", "out"): N_("phone out"),
    ("letter", "in"): N_("letter in"), ("letter", "out"): N_("letter out"),
    ("meeting", "in"): N_("meeting in"), ("meeting", "out"): N_("meeting out"),
    ("other", "in"): N_("other in"), ("other", "out"): N_("other out"),
}
"""An exchange's channel and direction together ('email in'; in French 'lettre reçue')."""

CAUSE_CHOICES = {"mine": N_("mine — my doing"), "client": N_("client — their doing"),
                 "other": N_("other")}
"""Whose doing a delay or a mistake was, as a form offers it."""
CAUSE_TAGS = {"mine": N_("cause: mine"), "client": N_("cause: client"),
              "other": N_("cause: other")}
"""Whose doing, as a line or a plan's head says it."""
CAUSE_PHRASES = {"mine": N_("my doing"), "client": N_("the client's doing"),
                 "other": N_("neither's doing")}
"""Whose doing a postponement was, inside its line."""

METHOD_LABELS = {"transfer": N_("transfer"), "cheque": N_("cheque"), "cash": N_("cash"),
                 "card": N_("card"), "other": N_("other")}
"""How a payment came."""
METHOD_CHOICES = {"transfer": N_("bank transfer"), "cheque": N_("cheque"), "cash": N_("cash"),
                  "card": N_("card"), "other": N_("other")}
"""How a payment came, as the form offers it."""
PAID_BY = {"transfer": N_("by transfer"), "cheque": N_("by cheque"), "cash": N_("in cash"),
           "card": N_("by card"), "other": N_("by other means")}
"""How a payment came, as the command line's `paid` line says it."""

SATISFACTION_LABELS = {1: N_("very unhappy"), 2: N_("unhappy"), 3: N_("neutral"),
                       4: N_("happy"), 5: N_("delighted")}
"""A client's satisfaction, 1 to 5."""

DOCUMENT_LABELS = {
    "quote": N_("quote"), "invoice": N_("invoice"), "deposit": N_("deposit"),
    "credit-note": N_("credit-note"),
}
"""Kinds of money document in the store's refusals (in French: 'un acompte', 'un avoir')."""
DOCUMENT_NAMES = {"quote": N_("quote"), "invoice": N_("invoice"),
                  "deposit": N_("deposit invoice"), "credit-note": N_("credit note")}
"""A money document's kind as the tables and sentences name it."""

LETTER_NAMES = {
    "apology": N_("apology letter"), "follow-up": N_("follow-up letter"),
    "summary": N_("summary letter"), "thanks": N_("thanks letter"),
    "scope": N_("scope letter"), "feedback": N_("feedback letter"),
    "reminder": N_("reminder letter"), "formal-notice": N_("formal-notice letter"),
}
"""A letter of each kind, named as a change or a message names it."""
LETTER_KIND_LABELS = {
    "apology": N_("letter kind|apology"), "follow-up": N_("letter kind|follow-up"),
    "summary": N_("letter kind|summary"), "thanks": N_("letter kind|thank-you"),
    "scope": N_("letter kind|scope reminder"), "feedback": N_("letter kind|feedback request"),
    "reminder": N_("letter kind|payment reminder"),
    "formal-notice": N_("letter kind|formal notice to pay"),
}
"""Letter kinds as the letter screen offers them ("follow-up" alone is a task, une relance)."""
LETTER_TAGS = {
    "apology": N_("letter: apology"), "follow-up": N_("letter: follow-up"),
    "summary": N_("letter: summary"), "thanks": N_("letter: thanks"),
    "scope": N_("letter: scope"), "feedback": N_("letter: feedback"),
    "reminder": N_("letter: reminder"), "formal-notice": N_("letter: formal-notice"),
}
"""The letter a loyalty line suggests."""

NEXT_LABELS = {
    "apologise": N_("apologise"), "fix": N_("fix"), "follow up": N_("follow up"),
    "ask for feedback": N_("ask for feedback"), "hear feedback": N_("hear feedback"),
    "close": N_("close"),
}
"""What a recovery plan calls for next (store.recovery.next_step)."""
NEXT_LINES = {
    "apologise": N_("next: apologise"), "fix": N_("next: fix"),
    "follow up": N_("next: follow up"), "ask for feedback": N_("next: ask for feedback"),
    "hear feedback": N_("next: hear feedback"), "close": N_("next: close"),
}
"""A recovery plan's next step, as a line of the command line says it."""

STEP_LABELS = {
    "apologised": N_("apologised"), "fixed": N_("fixed"), "followed_up": N_("followed up"),
    "feedback_asked": N_("feedback asked"), "feedback_received": N_("feedback received"),
}
"""A recovery plan's dated steps, by field name."""
STEP_NAMES = {
    "apologised": N_("apologised"), "fixed": N_("fixed"), "followed_up": N_("followed_up"),
    "feedback_asked": N_("feedback_asked"), "feedback_received": N_("feedback_received"),
}
"""The dated steps as the command line lists them (in English, the STEP `incident step` takes)."""


def label(labels: Mapping[object, str], value: object) -> str:
    """The translated label of a stored value (its 'qualifier|' dropped); an unknown value as
    it is, None as ''."""
    if value is None:
        return ""
    known = labels.get(value)
    return qualified(known) if known is not None else str(value)


def choices(values: Iterable[object],
            labels: Mapping[object, str]) -> tuple[tuple[str, object], ...]:
    """Select options for `values`, each shown by its translated label."""
    return tuple((label(labels, value), value) for value in values)


def status_label(status: str | None) -> str:
    """'livrée' for 'delivered' in French; the status itself in English."""
    return label(STATUS_LABELS, status)


def segment_label(segment: str | None) -> str:
    """'à risque' for 'at risk' in French."""
    return label(SEGMENT_LABELS, segment)


def kind_label(kind: str | None) -> str:
    """An interaction's kind: 'réclamation' for 'complaint' in French."""
    return label(KIND_LABELS, kind)


def entry_label(what: str | None) -> str:
    """What a timeline row is: 'relance' for a follow-up, else the interaction's kind."""
    return label(ENTRY_LABELS, what) if what in ENTRY_LABELS else kind_label(what)


def channel_label(channel: str | None) -> str:
    """'courriel' for 'email' in French."""
    return label(CHANNEL_LABELS, channel)


def exchange_label(channel: str, direction: str) -> str:
    """'email in' / 'e-mail reçu': how an exchange came or went."""
    found = EXCHANGE_LABELS.get((channel, direction))
    return _(found) if found else f"{channel_label(channel)} {label(DIRECTION_LABELS, direction)}"


def method_label(method: str | None) -> str:
    """How a payment came: 'virement' for 'transfer' in French."""
    return label(METHOD_LABELS, method)


def document_kind(kind: str | None) -> str:
    """A money document's kind in a refusal: 'avoir' for 'credit-note' in French."""
    return label(DOCUMENT_LABELS, kind)


def document_name(kind: str | None) -> str:
    """'deposit invoice' for "deposit" / 'facture d’acompte'; an unknown kind as it is."""
    return label(DOCUMENT_NAMES, kind)


def letter_name(kind: str) -> str:
    """'apology letter' / 'lettre d’excuses'."""
    known = LETTER_NAMES.get(kind)
    return _(known) if known is not None else _("{kind} letter").format(kind=kind)


def letter_kind_label(kind: str) -> str:
    """A letter kind as the letter screen offers it: 'follow-up' / 'lettre de suivi'."""
    return label(LETTER_KIND_LABELS, kind)


def letter_tag(kind: str) -> str:
    """'letter: apology' / 'lettre : excuses': the letter a line suggests."""
    known = LETTER_TAGS.get(kind)
    return _(known) if known is not None else _("letter: {kind}").format(kind=kind)


def next_label(next_step: str | None) -> str:
    """What to do next on a plan: 's’excuser' for 'apologise' in French; '' once closed."""
    return label(NEXT_LABELS, next_step)


def next_line(next_step: str | None) -> str:
    """'next: fix' for a plan's next step; 'closed' once there is none."""
    if not next_step:
        return _("closed")
    known = NEXT_LINES.get(next_step)
    return _(known) if known is not None else _("next: {step}").format(step=next_step)


def step_label(step: str) -> str:
    """A dated step by its field name: 'followed up' / 'suivi assuré'."""
    return label(STEP_LABELS, step)
