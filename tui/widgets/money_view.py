"""What the Money section shows, read off the UI thread: unpaid invoices, documents, receipts.

Every figure comes from store.invoicing, store.receipts and store.thresholds; this module only
chooses the period and lays the figures out as table rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from rich.text import Text

from store.board import buyer_name
from store.book import Book
from store.i18n import _, ngettext
from store.invoicing import documents
from store.labels import document_name, method_label
from store.money_records import MoneyDocument
from store.receipts import (BILLS, declaration_periods, outstanding, period, receipts, total,
                            unpaid_invoices)
from store.thresholds import threshold_warnings

from ..format import day, money, month, month_name

SPANS = ("quarter", "month", "year")
"""The periods the receipts book is shown by, in the order `s` cycles them."""
Row = tuple[str, tuple]


@dataclass(frozen=True)
class Period:
    """A quarter, a month or a year of the receipts book, from its first day."""

    span: str
    start: date

    @classmethod
    def around(cls, span: str, day_in: date) -> Period:
        """The quarter, month or year `day_in` falls in."""
        month = {"quarter": 3 * ((day_in.month - 1) // 3) + 1, "month": day_in.month,
                 "year": 1}[span]
        return cls(span, date(day_in.year, month, 1))

    @property
    def bounds(self) -> tuple[date, date]:
        """Its first and last days (store.receipts.period)."""
        year, month = self.start.year, self.start.month
        if self.span == "quarter":
            return period(year, quarter=(month - 1) // 3 + 1)
        if self.span == "month":
            return period(year, month=month)
        return period(year)

    @property
    def label(self) -> str:
        """'Q4 2026', 'November 2026' or '2026' ('T4 2026', 'novembre 2026' in French)."""
        if self.span == "quarter":
            return _("Q{quarter} {year}").format(quarter=(self.start.month - 1) // 3 + 1,
                                                 year=self.start.year)
        if self.span == "month":
            return month_name(self.start)
        return str(self.start.year)

    def moved(self, step: int) -> Period:
        """The period `step` spans later (earlier when negative)."""
        months = {"quarter": 3, "month": 1, "year": 12}[self.span] * step
        index = self.start.year * 12 + self.start.month - 1 + months
        return Period(self.span, date(index // 12, index % 12 + 1, 1))

    def next_span(self) -> Period:
        """The same moment shown by the next span: quarter → month → year → quarter."""
        return Period.around(SPANS[(SPANS.index(self.span) + 1) % len(SPANS)], self.start)


@dataclass(frozen=True)
class MoneyView:
    """The section as read at one book version, for one period of the receipts book."""

    unpaid: list[Row]
    documents: list[Row]
    receipts: list[Row]
    receipts_title: Text
    declarations: Text
    warnings: list[str]
    orders: dict[str, str]
    """The order each row is about, by row key (a document's number, "payment:<id>")."""


def _amount(value: Decimal, style: str = "") -> Text:
    return Text(money(value), style=style, justify="right", no_wrap=True, end="")


def _paid(book: Book, doc: MoneyDocument) -> Text:
    """'✓ paid', '€350 owed', or what a quote or a credit note is."""
    if doc.kind == "credit-note":
        return Text(_("on {invoice}").format(invoice=doc.refers_to), style="dim")
    if doc.kind not in BILLS:
        return Text("—", style="dim")
    owed = outstanding(book, doc)
    return (Text(_("✓ paid"), style="green") if owed <= 0
            else Text(_("{amount} owed").format(amount=money(owed))))


def unpaid_rows(book: Book, today: date) -> list[Row]:
    """Invoices past due and still owed, most late first."""
    return [(doc.number, (doc.number, buyer_name(doc.buyer), doc.order_ref or "—", day(doc.due),
                          Text(_("{count} d").format(count=late), style="bold",
                               justify="right"),
                          _amount(owed, "bold")))
            for doc, late, owed in unpaid_invoices(book, today)]


def document_rows(book: Book, issued: list[MoneyDocument]) -> list[Row]:
    """Every issued document, newest first."""
    return [(doc.number, (doc.number, document_name(doc.kind), buyer_name(doc.buyer),
                          doc.order_ref or "—", day(doc.issued), _amount(doc.total),
                          _paid(book, doc)))
            for doc in reversed(issued)]


def receipt_rows(book: Book, start: date, end: date) -> tuple[list[Row], Decimal, dict]:
    """The receipts book of a period: its rows, its total and each row's order."""
    names = {client_id: client.name for client_id, client in book.clients_by_id().items()}
    found = receipts(book, start, end)
    rows = [(f"payment:{p.id}", (day(p.on), names.get(p.client_id, "?"), p.invoice or "—",
                                 p.nature, method_label(p.method), _amount(p.amount)))
            for p in found]
    return rows, total(found), {f"payment:{p.id}": p.order_ref for p in found if p.order_ref}


def declarations(book: Book, year: int) -> Text:
    """What to declare to URSSAF for each month or quarter of the year."""
    monthly = book.profile.declaration == "monthly"
    heading = _("URSSAF {year}, monthly: ") if monthly else _("URSSAF {year}, quarterly: ")
    text = Text.assemble((heading.format(year=year), "bold"))
    for n, (start, _end, received) in enumerate(declaration_periods(book, year), 1):
        if n > 1:
            text.append(" · ", style="dim")
        text.append(month(start) if monthly else _("Q{quarter}").format(quarter=n), style="dim")
        text.append(f" {money(received)}")
    return text


def money_view(book: Book, today: date, chosen: Period) -> MoneyView:
    """Everything the Money section shows for `chosen`, as of `today`."""
    issued = documents(book)
    start, end = chosen.bounds
    receipts_found, received, payment_orders = receipt_rows(book, start, end)
    count = len(receipts_found)
    title = Text.assemble((_("Receipts, {period}").format(period=chosen.label), "bold"),
                          (f"  {day(start)} – {day(end)}  ", "dim"),
                          ngettext("{count} received, total ", "{count} received, total ",
                                   count).format(count=count),
                          (money(received), "bold"))
    orders = {doc.number: doc.order_ref for doc in issued if doc.order_ref}
    return MoneyView(unpaid_rows(book, today), document_rows(book, issued), receipts_found,
                     title, declarations(book, chosen.start.year),
                     threshold_warnings(book, today), {**orders, **payment_orders})
