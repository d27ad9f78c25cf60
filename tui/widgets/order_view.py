"""The text of the order screen: heading, dates and their history, document, scope, history."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.content import Content

from store.book import Book
from store.deadlines import days_late, effective_due, paused_days, tolerance_for
from store.errors import NotFound
from store.i18n import N_, _, ngettext
from store.labels import (CAUSE_PHRASES, document_name, entry_label, exchange_label, kind_label,
                          label, method_label, status_label)
from store.models import Order
from store.receipts import BILLS, outstanding

from ..format import day, money
from .cards import incident_state
from .text import markup

LETTER_ROWS = {
    "apology": N_("apology ({language})"), "follow-up": N_("follow-up ({language})"),
    "summary": N_("summary ({language})"), "thanks": N_("thanks ({language})"),
    "scope": N_("scope ({language})"), "feedback": N_("feedback ({language})"),
    "reminder": N_("reminder ({language})"), "formal-notice": N_("formal-notice ({language})"),
}
"""A letter of the order's history, by kind, with its language."""


def _join(lines: list[Content]) -> Content:
    return Content("\n").join(lines)


def _field(name: str, value: str) -> Content:
    return Content.from_markup("[dim]$label[/dim] $value", label=f"{name:<10}", value=value)


def lateness(order: Order, client_tolerance: int, today: date) -> Content:
    """'12 days late', 'due in 3 days', 'delivered 2 days late'… as one styled line."""
    if order.status == "cancelled":
        return markup(_("[dim]cancelled {on}[/dim]"), on=day(order.cancelled))
    if order.delivered:
        return Content(_("delivered {day}").format(day=day(order.delivered)))
    late = days_late(order, today)
    if order.paused:
        return Content.from_markup(_("[b $warning]paused[/] — waiting on the client"))
    if late > client_tolerance:
        return markup(ngettext("[b $error]{count} day late[/]", "[b $error]{count} days late[/]",
                               late), count=str(late))
    if late > 0:
        return markup(ngettext("[$warning]{count} day late, within tolerance[/]",
                               "[$warning]{count} days late, within tolerance[/]", late),
                      count=str(late))
    if late == 0:
        return Content(_("due today"))
    return Content(ngettext("due in {count} day", "due in {count} days", -late)
                   .format(count=-late))


def order_head(book: Book, order: Order, today: date) -> Content:
    """'2026-014 · Transcription … — Henri Lefèvre', where it stands, the client's reference."""
    try:
        client = book.client(order.client_id)
    except NotFound:
        client = None
    tolerance = tolerance_for(client, book.profile)
    lines = [
        Content.from_markup("[b]$ref[/b] · $title", ref=order.ref, title=order.title),
        markup(_("[dim]for[/dim] {client} [dim]·[/dim] {status} [dim]·[/dim] "),
               client=client.name if client else "?", status=status_label(order.status))
        + lateness(order, tolerance, today),
    ]
    if order.client_ref:
        lines.append(markup(_("[dim]their ref. (V/réf.)[/dim] {ref}"), ref=order.client_ref))
    return _join(lines)


def order_dates(order: Order, today: date) -> Content:
    """Received, promised, current due date, every postponement and pause, delivery, payment."""
    lines = [Content.from_markup(_("[b]Dates[/b]")),
             _field(_("received"), day(order.received)),
             _field(_("promised"), day(order.due_original))]
    for p in order.postponements:
        lines.append(_field(_("moved"), f"{day(p.from_date)} → {day(p.to_date)}"))
        cause = label(CAUSE_PHRASES, p.cause)
        lines.append(markup(_("[dim]{pad} on {on}, {cause}:[/dim] [i]{reason}[/i]"),
                            pad=" " * 10, on=day(p.on), reason=p.reason, cause=cause))
    if order.postponements:
        lines.append(_field(_("now due"), day(order.due)))
    paused = _("paused")
    for pause in order.pauses:
        until = day(pause.end) if pause.end else _("still waiting")
        lines.append(Content.from_markup("[dim]$label[/dim]$gap$start → $end $reason",
                                         label=paused, gap=" " * max(1, 11 - len(paused)),
                                         start=day(pause.start), end=until,
                                         reason=f"({pause.reason})" if pause.reason else ""))
    if order.pauses:
        count = paused_days(order, today)
        lines.append(_field(_("effective"), ngettext(
            "{day} (+{count} day paused)", "{day} (+{count} days paused)", count)
            .format(day=day(effective_due(order, today)), count=count)))
    for name, value in ((N_("delivered"), order.delivered), (N_("paid"), order.paid),
                        (N_("cancelled"), order.cancelled)):
        if value:
            lines.append(_field(_(name), day(value)))
    return _join(lines)


def order_document(order: Order) -> Content:
    """The document transcribed: nature, date, place, script, archive reference, pages."""
    doc = order.document
    lines = [Content.from_markup(_("[b]Document[/b]"))]
    for name, value in ((N_("nature"), doc.nature), (N_("dated"), doc.date_text),
                        (N_("place"), doc.place), (N_("script"), doc.script),
                        (N_("archive"), doc.archive_ref),
                        (N_("pages"), str(doc.pages) if doc.pages else "")):
        if value:
            lines.append(_field(_(name), value))
    if len(lines) == 1:
        lines.append(Content.from_markup(_("[dim]not described[/dim]")))
    return _join(lines)


def order_scope(order: Order) -> Content:
    """What was promised, the price, and what was asked for later."""
    lines = [markup(_("[b]Agreed scope[/b]  [dim]{service} · {price}[/dim]"),
                    service=order.service or _("service"), price=money(order.price))]
    lines.append(Content(order.scope) if order.scope
                 else Content.from_markup(_("[dim]not written down — worth doing[/dim]")))
    for extra in order.extras:
        lines.append(markup(_("[dim]extra {on}[/dim] {what} ({price})"), on=day(extra.on),
                            what=extra.what, price=money(extra.price)))
    if order.summary:
        lines.append(markup(_("[dim]summary[/dim] {text}"), text=order.summary))
    return _join(lines)


def money_related(book: Book, ref: str) -> list[tuple[date, str, str | Text, str]]:
    """The order's issued documents (what each asks, what is still owed, its file) and the
    payments received, as history lines."""
    items = []
    for doc in book.where("documents", "order_ref", ref):
        owed = outstanding(book, doc)
        state = (" · " + _("{amount} owed").format(amount=money(owed)) if owed > 0
                 else " · " + _("paid") if doc.kind in BILLS else "")
        items.append((doc.issued, f"document:{doc.number}",
                      Text(document_name(doc.kind), style="bold"),
                      f"{doc.number} · {money(doc.total)}{state} · {doc.file or _('no PDF')}"))
    for payment in book.where("payments", "order_ref", ref):
        said = (_("{amount} by {method} for {invoice}") if payment.invoice
                else _("{amount} by {method}"))
        items.append((payment.on, f"payment:{payment.id}", entry_label("payment"),
                      said.format(amount=money(payment.amount), method=method_label(payment.method),
                                  invoice=payment.invoice)))
    return items


def order_related(book: Book, order: Order) -> list[tuple[str, tuple]]:
    """Incidents, letters, documents, payments, exchanges and follow-ups about this order,
    newest first."""
    ref = order.ref
    items = []
    for incident in book.where("incidents", "order_ref", ref):
        items.append((incident.opened, f"incident:{incident.id}",
                      Text(entry_label("incident"), style="bold"),
                      f"{incident_state(incident)} · {incident.what}"))
    for letter in book.where("letters", "order_ref", ref):
        kind = (_(LETTER_ROWS[letter.kind]) if letter.kind in LETTER_ROWS
                else _("{kind} ({language})")).format(kind=letter.kind,
                                                     language=letter.language)
        items.append((letter.date, f"letter:{letter.id}", entry_label("letter"),
                      f"{kind} · {letter.path}"))
    for item in book.where("interactions", "order_ref", ref):
        if item.kind != "letter sent":
            items.append((item.when.date(), f"interaction:{item.id}", kind_label(item.kind),
                          _("{exchange}: {text}").format(
                              exchange=exchange_label(item.channel, item.direction),
                              text=item.text)))
    items += money_related(book, ref)
    for followup in book.where("followups", "order_ref", ref):
        state = (_("done {day}").format(day=day(followup.done)) if followup.done
                 else _("due {day}").format(day=day(followup.due)))
        items.append((followup.due, f"follow-up:{followup.id}", entry_label("follow-up"),
                      f"{state} · {followup.what}"))
    items.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [(key, (day(when), what, text)) for when, key, what, text in items]
