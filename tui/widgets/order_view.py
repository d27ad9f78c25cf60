"""The text of the order screen: heading, dates and their history, document, scope, history."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.content import Content

from store.book import Book
from store.deadlines import days_late, effective_due, paused_days, tolerance_for
from store.errors import NotFound
from store.models import Order
from store.receipts import BILLS, outstanding

from ..format import day, days, document_name, money

CAUSE = {"mine": "my doing", "client": "the client's doing", "other": "neither's doing"}


def _join(lines: list[Content]) -> Content:
    return Content("\n").join(lines)


def _field(label: str, value: str) -> Content:
    return Content.from_markup("[dim]$label[/dim] $value", label=f"{label:<10}", value=value)


def lateness(order: Order, client_tolerance: int, today: date) -> Content:
    """'12 days late', 'due in 3 days', 'delivered 2 days late'… as one styled line."""
    if order.status == "cancelled":
        return Content.from_markup("[dim]cancelled $on[/dim]", on=day(order.cancelled))
    if order.delivered:
        return Content(f"delivered {day(order.delivered)}")
    late = days_late(order, today)
    if order.paused:
        return Content.from_markup("[b $warning]paused[/] — waiting on the client")
    if late > client_tolerance:
        return Content.from_markup("[b $error]$n late[/]", n=days(late))
    if late > 0:
        return Content.from_markup("[$warning]$n late, within tolerance[/]", n=days(late))
    return Content("due today" if late == 0 else f"due in {days(-late)}")


def order_head(book: Book, order: Order, today: date) -> Content:
    """'2026-014 · Transcription … — Henri Lefèvre', where it stands, the client's reference."""
    try:
        client = book.client(order.client_id)
    except NotFound:
        client = None
    tolerance = tolerance_for(client, book.profile)
    lines = [
        Content.from_markup("[b]$ref[/b] · $title", ref=order.ref, title=order.title),
        Content.from_markup("[dim]for[/dim] $client [dim]·[/dim] $status [dim]·[/dim] ",
                            client=client.name if client else "?", status=order.status)
        + lateness(order, tolerance, today),
    ]
    if order.client_ref:
        lines.append(Content.from_markup("[dim]their ref. (V/réf.)[/dim] $ref",
                                         ref=order.client_ref))
    return _join(lines)


def order_dates(order: Order, today: date) -> Content:
    """Received, promised, current due date, every postponement and pause, delivery, payment."""
    lines = [Content.from_markup("[b]Dates[/b]"),
             _field("received", day(order.received)),
             _field("promised", day(order.due_original))]
    for p in order.postponements:
        lines.append(_field("moved", f"{day(p.from_date)} → {day(p.to_date)}"))
        lines.append(Content.from_markup("[dim]$pad on $on, $cause:[/dim] [i]$reason[/i]",
                                         pad=" " * 10, on=day(p.on), reason=p.reason,
                                         cause=CAUSE.get(p.cause, p.cause)))
    if order.postponements:
        lines.append(_field("now due", day(order.due)))
    for pause in order.pauses:
        until = day(pause.end) if pause.end else "still waiting"
        lines.append(Content.from_markup("[dim]paused[/dim]     $start → $end $reason",
                                         start=day(pause.start), end=until,
                                         reason=f"({pause.reason})" if pause.reason else ""))
    if order.pauses:
        lines.append(_field("effective", f"{day(effective_due(order, today))} "
                                         f"(+{days(paused_days(order, today))} paused)"))
    for label, value in (("delivered", order.delivered), ("paid", order.paid),
                         ("cancelled", order.cancelled)):
        if value:
            lines.append(_field(label, day(value)))
    return _join(lines)


def order_document(order: Order) -> Content:
    """The document transcribed: nature, date, place, script, archive reference, pages."""
    doc = order.document
    lines = [Content.from_markup("[b]Document[/b]")]
    for label, value in (("nature", doc.nature), ("dated", doc.date_text), ("place", doc.place),
                         ("script", doc.script), ("archive", doc.archive_ref),
                         ("pages", str(doc.pages) if doc.pages else "")):
        if value:
            lines.append(_field(label, value))
    if len(lines) == 1:
        lines.append(Content.from_markup("[dim]not described[/dim]"))
    return _join(lines)


def order_scope(order: Order) -> Content:
    """What was promised, the price, and what was asked for later."""
    lines = [Content.from_markup("[b]Agreed scope[/b]  [dim]$service · $price[/dim]",
                                 service=order.service or "service", price=money(order.price))]
    lines.append(Content(order.scope) if order.scope
                 else Content.from_markup("[dim]not written down — worth doing[/dim]"))
    for extra in order.extras:
        lines.append(Content.from_markup("[dim]extra $on[/dim] $what ($price)", on=day(extra.on),
                                         what=extra.what, price=money(extra.price)))
    if order.summary:
        lines.append(Content.from_markup("[dim]summary[/dim] $text", text=order.summary))
    return _join(lines)


def money_related(book: Book, ref: str) -> list[tuple[date, str, str | Text, str]]:
    """The order's issued documents (what each asks, what is still owed, its file) and the
    payments received, as history lines."""
    items = []
    for doc in book.where("documents", "order_ref", ref):
        owed = outstanding(book, doc)
        state = (f" · {money(owed)} owed" if owed > 0
                 else " · paid" if doc.kind in BILLS else "")
        items.append((doc.issued, f"document:{doc.number}",
                      Text(document_name(doc.kind), style="bold"),
                      f"{doc.number} · {money(doc.total)}{state} · {doc.file or 'no PDF'}"))
    for payment in book.where("payments", "order_ref", ref):
        about = f" for {payment.invoice}" if payment.invoice else ""
        items.append((payment.on, f"payment:{payment.id}", "payment",
                      f"{money(payment.amount)} by {payment.method}{about}"))
    return items


def order_related(book: Book, order: Order) -> list[tuple[str, tuple]]:
    """Incidents, letters, documents, payments, exchanges and follow-ups about this order,
    newest first."""
    ref = order.ref
    items = []
    for incident in book.incidents():
        if incident.order_ref == ref:
            state = f"closed {day(incident.closed)}" if incident.closed else "open"
            items.append((incident.opened, f"incident:{incident.id}",
                          Text("incident", style="bold"), f"{state} · {incident.what}"))
    for letter in book.letters():
        if letter.order_ref == ref:
            items.append((letter.date, f"letter:{letter.id}", "letter",
                          f"{letter.kind} ({letter.language}) · {letter.path}"))
    for item in book.interactions():
        if item.order_ref == ref and item.kind != "letter sent":
            items.append((item.when.date(), f"interaction:{item.id}", item.kind,
                          f"{item.channel} {item.direction}: {item.text}"))
    items += money_related(book, ref)
    for followup in book.followups():
        if followup.order_ref == ref:
            state = f"done {day(followup.done)}" if followup.done else f"due {day(followup.due)}"
            items.append((followup.due, f"follow-up:{followup.id}", "follow-up",
                          f"{state} · {followup.what}"))
    items.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [(key, (day(when), what, text)) for when, key, what, text in items]
