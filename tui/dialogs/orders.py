"""Forms on orders: take, edit, postpone, pause or resume, deliver, cancel."""

from __future__ import annotations

from textual.app import App

from store import orders as ops
from store.clients import find_clients
from store.dates import parse_date, parse_past_date
from store.errors import ValidationError
from store.models import Document, Order

from .common import CAUSE_OPTIONS, apply_now, lookup
from .confirm import ConfirmDialog
from .fields import Field
from .form import FormDialog

DUE_AFTER_DAYS = 14
"""A new order is due this many days after it is received, unless said otherwise."""
OPEN_STATUS_OPTIONS = (("quote", "quote"), ("accepted", "accepted"),
                       ("in progress", "in progress"))


def _describe(order: Order) -> str:
    return f"{order.ref} — {order.title}\nDue {order.due:%d/%m/%Y}, status {order.status}"


def postpone_order(app: App, ref: str):
    """Move the due date: new date, reason, and whose doing."""
    order = lookup(app, lambda: app.book.order(ref))
    if order is None:
        return None
    fields = [
        Field("new_date", "New date", "date", aliases=("date",)),
        Field("reason", "Reason", placeholder="what happened, in a few words"),
        Field("cause", "Cause", "select", value="mine", options=CAUSE_OPTIONS),
    ]

    def save(values: dict) -> str:
        new_due = parse_date(str(values["new_date"]), app.today, "new date")
        ops.postpone(app.book, ref, new_due, str(values["reason"]), values["cause"] or "",
                     app.today)
        return f"{ref} is now due on {new_due:%d/%m/%Y}"

    return app.push_screen(FormDialog(f"Postpone {ref}", fields, save, intro=_describe(order),
                                      submit_label="Postpone"))


def pause_or_resume(app: App, ref: str):
    """Pause while waiting on the client (asks why), or resume a paused order at once."""
    order = lookup(app, lambda: app.book.order(ref))
    if order is None:
        return None
    if order.paused:
        apply_now(app, lambda: (ops.resume(app.book, ref, app.today), f"{ref} resumed")[1],
                  "Resume")
        return None
    fields = [Field("reason", "Waiting for", placeholder="what the client must send or say")]

    def save(values: dict) -> str:
        ops.pause(app.book, ref, app.today, str(values["reason"]))
        return f"{ref} paused: the clock stops until you resume it"

    return app.push_screen(FormDialog(f"Pause {ref}", fields, save, intro=_describe(order),
                                      submit_label="Pause"))


def deliver(app: App, ref: str):
    """Deliver the work (today unless told otherwise); a feedback follow-up is scheduled."""
    order = lookup(app, lambda: app.book.order(ref))
    if order is None:
        return None
    fields = [Field("on", "Delivered", "date", value="today", aliases=("delivered date",))]

    def save(values: dict) -> str:
        on = parse_past_date(str(values["on"]), app.today, "delivered")
        ops.deliver(app.book, ref, on)
        return f"{ref} delivered on {on:%d/%m/%Y}; feedback follow-up in a week"

    return app.push_screen(FormDialog(f"Deliver {ref}", fields, save, intro=_describe(order),
                                      submit_label="Deliver"))


def cancel(app: App, ref: str):
    """Cancel an order, once confirmed."""
    order = lookup(app, lambda: app.book.order(ref))
    if order is None:
        return None

    def answered(yes: bool | None) -> None:
        if yes:
            apply_now(app, lambda: (ops.cancel(app.book, ref, app.today),
                                    f"{ref} cancelled")[1], "Cancel")

    question = (f"Cancel order {ref} — {order.title}?\n"
                "It stays in the book as cancelled (ctrl+z undoes it).")
    return app.push_screen(ConfirmDialog(question, yes="Cancel the order", no="Keep it"),
                           answered)


def _client_options(app: App) -> tuple[tuple[str, int], ...]:
    return tuple((c.name[:50], c.id) for c in find_clients(app.book) if c.status != "parted")


def _order_fields(order: Order | None, client_field: Field | None) -> list[Field]:
    doc = order.document if order else Document()
    head = [client_field] if client_field else []
    return head + [
        Field("title", "Title", value=order.title if order else "",
              placeholder="e.g. Acte de vente de 1523"),
        Field("client_ref", "Client's ref.", value=order.client_ref if order else "",
              aliases=("client's reference",),
              placeholder="the client's own reference (V/réf.)"),
        Field("service", "Service", value=order.service if order else "",
              placeholder="transcription, summary, translation…"),
        Field("price", "Price (€)", value=str(order.price) if order else "",
              placeholder="350 or 1 250,50"),
        Field("scope", "Agreed scope", "area", value=order.scope if order else "",
              placeholder="what was promised, in detail"),
        Field("nature", "Document", value=doc.nature, aliases=("document nature",),
              placeholder="acte de vente, registre paroissial…"),
        Field("date_text", "Doc. date", value=doc.date_text, aliases=("document date_text",)),
        Field("place", "Doc. place", value=doc.place, aliases=("document place",)),
        Field("script", "Script", value=doc.script, aliases=("document script",)),
        Field("archive_ref", "Archive ref.", value=doc.archive_ref,
              aliases=("document archive_ref",)),
        Field("pages", "Pages", value="" if doc.pages is None else str(doc.pages),
              aliases=("document pages",)),
        Field("summary", "Summary", "area", value=order.summary if order else "",
              placeholder="what the act says, in modern words (for the summary letter)"),
    ]


def _document(values: dict) -> Document:
    return Document(nature=values["nature"], date_text=values["date_text"],
                    place=values["place"], script=values["script"],
                    archive_ref=values["archive_ref"], pages=values["pages"] or None)


def new_order(app: App, client_id: int | None = None):
    """Take an order: received today and due in two weeks unless changed."""
    client_field = None
    if client_id is None:
        choices = _client_options(app)
        client_field = Field("client", "Client", "select", options=choices, blank=True,
                             aliases=("client_id",), placeholder="choose, or type a name")
    elif lookup(app, lambda: app.book.client(client_id)) is None:
        return None
    fields = _order_fields(None, client_field) + [
        Field("received", "Received", "date", value="today", aliases=("received date",)),
        Field("due", "Due", "date", value=f"+{DUE_AFTER_DAYS}", aliases=("due date",)),
    ]
    ref = ops.next_ref(app.book, app.today.year)

    def save(values: dict) -> str:
        owner = client_id if client_id is not None else values.get("client")
        if owner is None:
            raise ValidationError("client", "choose the client this order is for")
        received = parse_date(str(values["received"]), app.today, "received")
        due = parse_date(str(values["due"]), app.today, "due")
        order = ops.add_order(app.book, app.today, owner, str(values["title"]), due,
                              received=received, document=_document(values),
                              service=values["service"], price=values["price"],
                              scope=values["scope"], summary=values["summary"],
                              client_ref=values["client_ref"])
        return f"Order {order.ref} taken, due {order.due:%d/%m/%Y}"

    intro = f"Next reference: {ref} (received this year)"
    if client_id is not None:
        intro = f"For {app.book.client(client_id).name}. {intro}"
    return app.push_screen(FormDialog("New order", fields, save, intro=intro,
                                      submit_label="Take order"))


def edit_order(app: App, ref: str):
    """Change what an order is about; its dates move only through postpone."""
    order = lookup(app, lambda: app.book.order(ref))
    if order is None:
        return None
    fields = _order_fields(order, None)
    if order.is_open:
        fields.append(Field("status", "Status", "select", value=order.status,
                            options=OPEN_STATUS_OPTIONS))

    def save(values: dict) -> str:
        with app.book.transaction(f"edit {ref}"):
            ops.edit_order(app.book, ref, title=values["title"], service=values["service"],
                           price=values["price"], scope=values["scope"],
                           summary=values["summary"], document=_document(values),
                           client_ref=values["client_ref"])
            if order.is_open and values["status"] != order.status:
                ops.set_status(app.book, ref, values["status"])
        return f"{ref} saved"

    return app.push_screen(FormDialog(f"Edit {ref}", fields, save, intro=_describe(order)))


def mark_paid(app: App, ref: str):
    """Record the payment of a delivered order."""
    order = lookup(app, lambda: app.book.order(ref))
    if order is None:
        return None
    fields = [Field("on", "Paid on", "date", value="today")]

    def save(values: dict) -> str:
        on = parse_past_date(str(values["on"]), app.today, "paid on")
        ops.mark_paid(app.book, ref, on)
        return f"{ref} paid on {on:%d/%m/%Y}"

    return app.push_screen(FormDialog(f"Paid {ref}", fields, save, intro=_describe(order),
                                      submit_label="Paid"))


def add_extra(app: App, ref: str):
    """Record work the client asked for later (a summary of the act): a loyalty signal."""
    order = lookup(app, lambda: app.book.order(ref))
    if order is None:
        return None
    fields = [
        Field("what", "Extra", aliases=("extra",), placeholder="e.g. a summary in modern French"),
        Field("price", "Price (€)", placeholder="0 if offered"),
        Field("on", "Asked on", "date", value="today"),
    ]

    def save(values: dict) -> str:
        on = parse_past_date(str(values["on"]), app.today, "asked on")
        ops.add_extra(app.book, ref, str(values["what"]), values["price"], on)
        return f"Extra recorded on {ref}"

    return app.push_screen(FormDialog(f"Extra on {ref}", fields, save, intro=_describe(order),
                                      submit_label="Record"))
