"""Forms on orders: take, edit, postpone, pause or resume, deliver, cancel."""

from __future__ import annotations

from store import orders as ops
from store.clients import find_clients
from store.dates import parse_date, parse_past_date
from store.errors import ValidationError
from store.formats import amount_for_editing, day
from store.i18n import N_, _
from store.labels import STATUS_LABELS, choices, status_label
from store.models import Document, Order

from .common import apply_now, cause_options, lookup, with_order
from .confirm import ConfirmDialog
from .fields import Field
from .form import FormDialog
from .host import Host

DUE_AFTER_DAYS = 14
"""A new order is due this many days after it is received, unless said otherwise."""
OPEN_STATUSES = ("quote", "accepted", "in progress")


def _describe(order: Order) -> str:
    return f"{order.ref} — {order.title}\n" + _("Due {day}, status {status}").format(
        day=day(order.due), status=status_label(order.status))


@with_order
def postpone_order(app: Host, order: Order):
    """Move the due date: new date, reason, and whose doing."""
    ref = order.ref
    fields = [
        Field("new_date", N_("New date"), "date", aliases=("date",)),
        Field("reason", N_("Reason"), placeholder=N_("what happened, in a few words")),
        Field("cause", N_("Cause"), "select", value="mine", options=cause_options()),
    ]

    def save(values: dict) -> str:
        new_due = parse_date(str(values["new_date"]), app.today, "new date")
        ops.postpone(app.book, ref, new_due, str(values["reason"]), values["cause"] or "",
                     app.today)
        return _("{ref} is now due on {day}").format(ref=ref, day=day(new_due))

    return app.push_screen(FormDialog(_("Postpone {ref}").format(ref=ref), fields, save,
                                      intro=_describe(order), submit_label=_("Postpone")))


@with_order
def pause_or_resume(app: Host, order: Order):
    """Pause while waiting on the client (asks why), or resume a paused order at once."""
    ref = order.ref
    if order.paused:
        apply_now(app, lambda: (ops.resume(app.book, ref, app.today),
                                _("{ref} resumed").format(ref=ref))[1], _("Resume"))
        return None
    fields = [Field("reason", N_("Waiting for"),
                    placeholder=N_("what the client must send or say"))]

    def save(values: dict) -> str:
        ops.pause(app.book, ref, app.today, str(values["reason"]))
        return _("{ref} paused: the clock stops until you resume it").format(ref=ref)

    return app.push_screen(FormDialog(_("Pause {ref}").format(ref=ref), fields, save,
                                      intro=_describe(order), submit_label=_("Pause")))


@with_order
def deliver(app: Host, order: Order):
    """Deliver the work (today unless told otherwise); a feedback follow-up is scheduled."""
    ref = order.ref
    fields = [Field("on", N_("Delivered on"), "past", value="today",
                    aliases=("delivered", "delivered date"))]

    def save(values: dict) -> str:
        on = parse_past_date(str(values["on"]), app.today, "delivered")
        ops.deliver(app.book, ref, on)
        return _("{ref} delivered on {day}; feedback follow-up in a week").format(ref=ref,
                                                                                 day=day(on))

    return app.push_screen(FormDialog(_("Deliver {ref}").format(ref=ref), fields, save,
                                      intro=_describe(order), submit_label=_("Deliver")))


@with_order
def cancel(app: Host, order: Order):
    """Cancel an order, once confirmed."""
    ref = order.ref

    def answered(yes: bool | None) -> None:
        if yes:
            apply_now(app, lambda: (ops.cancel(app.book, ref, app.today),
                                    _("{ref} cancelled").format(ref=ref))[1], _("Cancel"))

    question = (_("Cancel order {ref} — {title}?").format(ref=ref, title=order.title) + "\n"
                + _("It stays in the book as cancelled (ctrl+z undoes it)."))
    return app.push_screen(ConfirmDialog(question, yes=_("Cancel the order"), no=_("Keep it")),
                           answered)


def _client_options(app: Host) -> tuple[tuple[str, int], ...]:
    return tuple((c.name[:50], c.id) for c in find_clients(app.book) if c.status != "parted")


def _order_fields(order: Order | None, client_field: Field | None) -> list[Field]:
    doc = order.document if order else Document()
    head = [client_field] if client_field else []
    return head + [
        Field("title", N_("Title"), value=order.title if order else "",
              placeholder=N_("e.g. Acte de vente de 1523")),
        Field("client_ref", N_("Client's ref."), value=order.client_ref if order else "",
              aliases=("client's reference",),
              placeholder=N_("the client's own reference (V/réf.)")),
        Field("service", N_("Service"), value=order.service if order else "",
              placeholder=N_("transcription, summary, translation…")),
        Field("price", N_("Price (€)"), "amount",
              value=amount_for_editing(order.price) if order else "",
              placeholder=N_("350 or 1 250,50")),
        Field("scope", N_("Agreed scope"), "area", value=order.scope if order else "",
              placeholder=N_("what was promised, in detail")),
        Field("nature", N_("Document"), value=doc.nature, aliases=("document nature",),
              placeholder=N_("acte de vente, registre paroissial…")),
        Field("date_text", N_("Doc. date"), value=doc.date_text,
              aliases=("document date_text",)),
        Field("place", N_("Doc. place"), value=doc.place, aliases=("document place",)),
        Field("script", N_("Script"), value=doc.script, aliases=("document script",)),
        Field("archive_ref", N_("Archive ref."), value=doc.archive_ref,
              aliases=("document archive_ref",)),
        Field("pages", N_("Pages"), value="" if doc.pages is None else str(doc.pages),
              aliases=("document pages",)),
        Field("summary", N_("Summary"), "area", value=order.summary if order else "",
              placeholder=N_("what the act says, in modern words (for the summary letter)")),
    ]


def _document(values: dict) -> Document:
    return Document(nature=values["nature"], date_text=values["date_text"],
                    place=values["place"], script=values["script"],
                    archive_ref=values["archive_ref"], pages=values["pages"] or None)


def new_order(app: Host, client_id: int | None = None):
    """Take an order: received today and due in two weeks unless changed."""
    client_field = None
    if client_id is None:
        client_field = Field("client", N_("Client"), "select", options=_client_options(app),
                             blank=True,
                             aliases=("client_id",), placeholder=N_("choose, or type a name"))
    elif lookup(app, lambda: app.book.client(client_id)) is None:
        return None
    fields = _order_fields(None, client_field) + [
        Field("received", N_("Received"), "date", value="today", aliases=("received date",)),
        Field("due", N_("Due"), "date", value=f"+{DUE_AFTER_DAYS}", aliases=("due date",)),
    ]
    ref = ops.next_ref(app.book, app.today.year)

    def save(values: dict) -> str:
        owner = client_id if client_id is not None else values.get("client")
        if owner is None:
            raise ValidationError("client", _("choose the client this order is for"))
        received = parse_date(str(values["received"]), app.today, "received")
        due = parse_date(str(values["due"]), app.today, "due")
        order = ops.add_order(app.book, app.today, owner, str(values["title"]), due,
                              received=received, document=_document(values),
                              service=values["service"], price=values["price"],
                              scope=values["scope"], summary=values["summary"],
                              client_ref=values["client_ref"])
        return _("Order {ref} taken, due {day}").format(ref=order.ref, day=day(order.due))

    if client_id is None:
        intro = _("Next reference: {ref} (received this year)").format(ref=ref)
    else:
        intro = _("For {name}. Next reference: {ref} (received this year)").format(
            name=app.book.client(client_id).name, ref=ref)
    return app.push_screen(FormDialog(_("New order"), fields, save, intro=intro,
                                      submit_label=_("Take order")))


@with_order
def edit_order(app: Host, order: Order):
    """Change what an order is about; its dates move only through postpone."""
    ref = order.ref
    fields = _order_fields(order, None)
    if order.is_open:
        fields.append(Field("status", N_("Status"), "select", value=order.status,
                            options=choices(OPEN_STATUSES, STATUS_LABELS)))

    def save(values: dict) -> str:
        with app.book.transaction(_("edit {ref}").format(ref=ref)):
            ops.edit_order(app.book, ref, title=values["title"], service=values["service"],
                           price=values["price"], scope=values["scope"],
                           summary=values["summary"], document=_document(values),
                           client_ref=values["client_ref"])
            if order.is_open and values["status"] != order.status:
                ops.set_status(app.book, ref, values["status"])
        return _("{ref} saved").format(ref=ref)

    return app.push_screen(FormDialog(_("Edit {ref}").format(ref=ref), fields, save,
                                      intro=_describe(order)))


@with_order
def mark_paid(app: Host, order: Order):
    """Record the payment of a delivered order."""
    ref = order.ref
    fields = [Field("on", N_("Paid on"), "past", value="today")]

    def save(values: dict) -> str:
        on = parse_past_date(str(values["on"]), app.today, "paid on")
        ops.mark_paid(app.book, ref, on)
        return _("{ref} paid on {day}").format(ref=ref, day=day(on))

    return app.push_screen(FormDialog(_("Paid {ref}").format(ref=ref), fields, save,
                                      intro=_describe(order), submit_label=_("Paid")))


@with_order
def add_extra(app: Host, order: Order):
    """Record work the client asked for later (a summary of the act): a loyalty signal."""
    ref = order.ref
    fields = [
        Field("what", N_("Extra"), aliases=("extra",),
              placeholder=N_("e.g. a summary in modern French")),
        Field("price", N_("Price (€)"), "amount", placeholder=N_("0 if offered")),
        Field("on", N_("Asked on"), "past", value="today"),
    ]

    def save(values: dict) -> str:
        on = parse_past_date(str(values["on"]), app.today, "asked on")
        ops.add_extra(app.book, ref, str(values["what"]), values["price"], on)
        return _("Extra recorded on {ref}").format(ref=ref)

    return app.push_screen(FormDialog(_("Extra on {ref}").format(ref=ref), fields, save,
                                      intro=_describe(order), submit_label=_("Record")))
