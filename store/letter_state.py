"""What a letter may say about the state it speaks of: pure rules of the records and *today*.

letters/ reads these to choose its wording; nothing here knows about templates or PDFs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from .deadlines import effective_due, ref_key
from .errors import ValidationError
from .i18n import _
from .labels import status_label
from .loyalty import placed
from .milestones import Milestone, milestones
from .models import Client, Incident, Interaction, Order, Profile
from .wording import said_day

OVERDUE_KINDS = ("apology", "follow-up")
"""The letters that make sense for late work (`letters KIND --overdue`)."""
LOYAL_AFTER_DAYS = 365
"""A client recorded (or first served) this long ago has a history."""
SUGGESTED_DELAY_DAYS = 14
"""How far ahead the new date is suggested when one must be given."""
POSTPONE_REASON = {"fr": "nouvelle date donnée dans la lettre d'excuses",
                   "en": "new date given in the apology letter"}
"""The reason of the postponement an apology makes, in the profile's language."""


@dataclass(frozen=True, slots=True)
class LetterState:
    """The facts a letter's wording depends on (empty or false when they do not apply)."""

    order: Order | None
    situation: str = ""
    missed: date | None = None
    arrives: date | None = None
    new_date: date | None = None
    passed: bool = False
    what: str = ""
    solution: str = ""
    complaint: bool = False
    stands: str = ""
    loyal: bool = False
    milestone: Milestone | None = None


def check_sender(profile: Profile) -> None:
    """A letter needs a sender: a name and a postal address (line, postcode, city)."""
    no_name = not profile.name.strip()
    no_address = not (any(line.strip() for line in profile.address_lines)
                      and profile.postcode.strip() and profile.city.strip())
    if no_name and no_address:
        raise ValidationError("sender", _("the profile has no name and no postal address: fill "
                                          "them in the profile (5) or with `profile set --name "
                                          "… --address … --postcode … --city …`"))
    if no_name:
        raise ValidationError("sender", _("the profile has no name: fill it in the profile (5) "
                                          "or with `profile set --name …`"))
    if no_address:
        raise ValidationError("sender", _("the profile has no postal address: fill it in the "
                                          "profile (5) or with `profile set --address … "
                                          "--postcode … --city …`"))


def check_overdue_kind(kind: str) -> None:
    """Only an apology or a follow-up is written for late work in bulk."""
    if kind not in OVERDUE_KINDS:
        raise ValidationError("kind", _("a {kind} letter is not written for late work; "
                                        "--overdue writes {kinds} letters").format(
                                            kind=kind, kinds=" or ".join(OVERDUE_KINDS)))


def passed(order: Order, today: date) -> bool:
    """Not delivered (nor cancelled) and past its due date, days paused not counted."""
    return order.is_open and order.delivered is None and today > effective_due(order, today)


def needs_new_date(kind: str, order: Order | None, today: date) -> bool:
    """An apology for work whose date has passed must give the new date."""
    return kind == "apology" and order is not None and passed(order, today)


def missed_date(order: Order, today: date, new_date: date | None = None) -> date | None:
    """The latest promised date the work did not (or will not) arrive by; pauses never count."""
    end = order.delivered or today
    due = effective_due(order, end)
    if order.status != "cancelled" and (end > due or new_date is not None):
        return due
    mine = [p.from_date for p in order.postponements if p.cause == "mine"]
    return max(mine) if mine else None


def arrival(order: Order, today: date, new_date: date | None = None) -> date | None:
    """When the work will arrive: the new date given, else the due date while still ahead."""
    if not order.is_open or order.delivered is not None:
        return None
    if new_date is not None:
        return new_date
    return None if passed(order, today) else effective_due(order, today)


def suggested_date(order: Order, today: date) -> date:
    """A new date to offer: the due date while ahead, else two weeks from today."""
    due = effective_due(order, today)
    return due if due > today else today + timedelta(days=SUGGESTED_DELAY_DAYS)


def check_new_date(order: Order, new_date: date, today: date) -> None:
    """A new date is after today and not before the current (effective) due date."""
    if not order.is_open:
        raise ValidationError("new date", _("order {ref} is {status}: there is no new date to "
                                            "give").format(ref=order.ref,
                                                           status=status_label(order.status)))
    if new_date <= today:
        raise ValidationError("new date", _("{day} is not after today ({today})").format(
            day=said_day(new_date), today=said_day(today)))
    due = effective_due(order, today)
    if new_date < due:
        raise ValidationError("new date", _("{day} is before the current due date ({due})").format(
            day=said_day(new_date), due=said_day(due)))


def due_for(order: Order, new_date: date, today: date) -> date | None:
    """The due date a postponement to `new_date` records; None when the order is already due
    then (a postponement names a firm date: the pauses before it no longer push it back)."""
    return None if new_date == effective_due(order, today) else new_date


def complained(order: Order, interactions: Iterable[Interaction]) -> bool:
    """A complaint about this order, or about nothing in particular since it was received."""
    return any(i.kind == "complaint" and i.client_id == order.client_id
               and (i.order_ref == order.ref
                    or (i.order_ref is None and i.when.date() >= order.received))
               for i in interactions)


def standing(order: Order) -> str:
    """Where the work stands: delivered, paused, in progress, accepted, quote or cancelled."""
    if order.delivered is not None:
        return "delivered"
    return "paused" if order.paused and order.is_open else order.status


def delivered_order(client: Client, order: Order | None, orders: Iterable[Order]) -> Order:
    """The delivered order a feedback request is about: the one named, else the latest."""
    if order is not None:
        if order.delivered is None:
            raise ValidationError("order", _("order {ref} is not delivered yet: a feedback "
                                             "request is about delivered work").format(
                                                 ref=order.ref))
        return order
    delivered = [o for o in orders if o.client_id == client.id and o.delivered is not None
                 and o.status != "cancelled"]
    if not delivered:
        who = client.name or _("this client")
        raise ValidationError("order", _("nothing was delivered to {name} yet: a feedback "
                                         "request is about delivered work").format(name=who))
    return max(delivered, key=lambda o: (o.delivered, ref_key(o.ref)))


def has_history(client: Client, orders: Iterable[Order], today: date) -> bool:
    """Several orders placed, or a year since the client was recorded or first ordered."""
    mine = placed(o for o in orders if o.client_id == client.id)
    starts = [d for d in (client.created, *(o.received for o in mine)) if d is not None]
    return len(mine) >= 2 or any((today - d).days >= LOYAL_AFTER_DAYS for d in starts)


def milestone_of(client: Client, orders: Iterable[Order], today: date) -> Milestone | None:
    """The client's milestone worth a thank-you today (the latest), if any."""
    found = [m for m in milestones([client], orders, today) if m.client.id == client.id]
    return found[-1] if found else None


def _apology(order: Order, incident: Incident | None, interactions: Iterable[Interaction],
             today: date, new_date: date | None) -> dict:
    if new_date is not None:
        check_new_date(order, new_date, today)
    elif passed(order, today):
        raise ValidationError("new date", _("order {ref} was due on {day}: an apology for late "
                                            "work gives the new date").format(
                                                ref=order.ref,
                                                day=said_day(effective_due(order, today))))
    missed = missed_date(order, today, new_date)
    return {"situation": "mistake" if incident is not None or missed is None else "delay",
            "complaint": complained(order, interactions)}


def read(kind: str, client: Client, order: Order | None, incident: Incident | None,
         orders: Iterable[Order], interactions: Iterable[Interaction], today: date,
         new_date: date | None = None) -> LetterState:
    """The state a letter of this kind speaks of; refuses what cannot honestly be written."""
    orders = list(orders)
    if kind == "feedback":
        order = delivered_order(client, order, orders)
    if new_date is not None and kind != "apology":
        raise ValidationError("new date", _("is given with an apology letter only"))
    facts: dict = {}
    if kind == "apology" and order is not None:
        facts = _apology(order, incident, interactions, today, new_date)
    if order is not None:
        facts.update(missed=missed_date(order, today, new_date),
                     arrives=arrival(order, today, new_date), new_date=new_date,
                     passed=passed(order, today), stands=standing(order))
    if incident is not None:
        facts.update(what=incident.what.strip(), solution=incident.solution.strip())
    if kind == "thanks":
        known = orders if order is None or order in orders else [*orders, order]
        facts.update(loyal=has_history(client, known, today),
                     milestone=milestone_of(client, known, today))
    return LetterState(order=order, **facts)
