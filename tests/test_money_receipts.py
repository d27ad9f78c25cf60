"""Payments, what is still due, the receipts book by period, unpaid invoices, thresholds."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from store import invoicing, orders, receipts
from store.errors import ValidationError
from store.profile import update_profile
from store.thresholds import THRESHOLDS, ceilings, threshold_warnings
from tests.money_support import book, henri  # noqa: F401 (the fixtures)
from tests.money_support import delivered_order, open_book, order_for, private_client

DAY = date(2026, 3, 2)


def test_a_payment_without_an_amount_settles_the_invoice_and_marks_the_order_paid(book, henri):
    order = delivered_order(book, henri)
    invoice = invoicing.issue_invoice(book, order.ref, DAY)
    payment = receipts.record_payment(book, order.ref, date(2026, 3, 10), method="cheque")
    assert (payment.amount, payment.invoice, payment.method) == (
        Decimal("300.00"), invoice.number, "cheque")
    assert (payment.client_id, payment.nature) == (henri.id, "prestation de services")
    assert receipts.outstanding(book, invoice) == 0
    assert (book.order(order.ref).status, book.order(order.ref).paid) == ("paid",
                                                                          date(2026, 3, 10))
    with pytest.raises(ValidationError, match="nothing is left to pay"):
        receipts.record_payment(book, order.ref, date(2026, 3, 11))


def test_part_payments_leave_the_order_delivered_until_nothing_is_due(book, henri):
    order = delivered_order(book, henri)
    invoice = invoicing.issue_invoice(book, order.ref, DAY)
    receipts.record_payment(book, order.ref, date(2026, 3, 5), Decimal("100"))
    assert receipts.outstanding(book, invoice) == Decimal("200.00")
    assert book.order(order.ref).status == "delivered"
    with pytest.raises(ValidationError, match=r"more than what is left to pay .*200\.00"):
        receipts.record_payment(book, order.ref, date(2026, 3, 6), "250")
    with pytest.raises(ValidationError, match="method"):
        receipts.record_payment(book, order.ref, date(2026, 3, 6), "10", method="bitcoin")
    receipts.record_payment(book, order.ref, date(2026, 3, 6), "200")
    assert book.order(order.ref).status == "paid"
    assert book.undo_label == f"payment of 200.00 € on {order.ref}"
    book.undo()
    assert book.order(order.ref).status == "delivered"
    assert receipts.outstanding(book, invoice) == Decimal("200.00")


def test_a_credit_note_lowers_what_is_due(book, henri):
    order = delivered_order(book, henri)
    invoice = invoicing.issue_invoice(book, order.ref, DAY)
    invoicing.issue_credit_note(book, invoice.number, Decimal("30"), "Geste", DAY)
    assert receipts.outstanding(book, invoice) == Decimal("270.00")
    assert receipts.record_payment(book, order.ref, DAY).amount == Decimal("270.00")


def test_mark_paid_records_the_price_of_an_order_never_invoiced(book, henri):
    order = delivered_order(book, henri)
    orders.add_extra(book, order.ref, "Résumé", "50", DAY)
    paid = orders.mark_paid(book, order.ref, date(2026, 3, 3))
    assert (paid.status, paid.paid) == ("paid", date(2026, 3, 3))
    [payment] = receipts.receipts(book, DAY, date(2026, 3, 31))
    assert (payment.amount, payment.invoice, payment.order_ref) == (Decimal("350.00"), "",
                                                                   order.ref)
    assert book.undo_label == f"mark {order.ref} paid"
    invoice = invoicing.issue_invoice(book, order.ref, date(2026, 3, 4))
    assert receipts.outstanding(book, invoice) == 0
    open_order = order_for(book, henri)
    with pytest.raises(ValidationError, match="deliver it first"):
        orders.mark_paid(book, open_order.ref, DAY)


def test_a_deposit_is_paid_before_the_final_invoice_then_the_rest(book, henri):
    order = order_for(book, henri, price="1000")
    deposit = invoicing.issue_invoice(book, order.ref, DAY, deposit=Decimal("300"))
    first = receipts.record_payment(book, order.ref, date(2026, 3, 3), Decimal("300"))
    assert first.invoice == deposit.number and receipts.outstanding(book, deposit) == 0
    orders.deliver(book, order.ref, date(2026, 3, 20))
    assert book.order(order.ref).status == "delivered"
    final = invoicing.issue_invoice(book, order.ref, date(2026, 3, 20))
    rest = receipts.record_payment(book, order.ref, date(2026, 3, 25))
    assert (rest.invoice, rest.amount) == (final.number, Decimal("700.00"))
    assert book.order(order.ref).status == "paid"


def test_one_payment_over_two_invoices_is_one_entry_each(book, henri):
    order = order_for(book, henri, price="1000")
    deposit = invoicing.issue_invoice(book, order.ref, DAY, deposit=Decimal("300"))
    orders.deliver(book, order.ref, date(2026, 3, 20))
    final = invoicing.issue_invoice(book, order.ref, date(2026, 3, 20))
    receipts.record_payment(book, order.ref, date(2026, 3, 25), Decimal("1000"), "transfer")
    entries = receipts.receipts(book, DAY, date(2026, 3, 31))
    assert [(p.invoice, p.amount) for p in entries] == [(deposit.number, Decimal("300.00")),
                                                        (final.number, Decimal("700.00"))]
    assert book.order(order.ref).status == "paid"


def test_periods_are_whole_years_quarters_and_months():
    assert receipts.period(2026) == (date(2026, 1, 1), date(2026, 12, 31))
    assert receipts.period(2026, quarter=1) == (date(2026, 1, 1), date(2026, 3, 31))
    assert receipts.period(2026, quarter=4) == (date(2026, 10, 1), date(2026, 12, 31))
    assert receipts.period(2028, month=2) == (date(2028, 2, 1), date(2028, 2, 29))
    for bad in ({"quarter": 5}, {"month": 13}, {"quarter": 1, "month": 1}):
        with pytest.raises(ValidationError):
            receipts.period(2026, **bad)


def test_the_receipts_book_totals_equal_the_period_payments(book, henri):
    paid_on = [date(2026, 1, 15), date(2026, 3, 31), date(2026, 4, 1), date(2026, 7, 14)]
    for day, price in zip(paid_on, ("100", "200.50", "300", "400")):
        order = delivered_order(book, henri, on=date(2026, 1, 2), price=price)
        receipts.record_payment(book, order.ref, day)
    q1 = receipts.receipts(book, *receipts.period(2026, quarter=1))
    assert [p.on for p in q1] == paid_on[:2]
    assert receipts.total(q1) == Decimal("300.50")
    assert receipts.total(receipts.receipts(book, *receipts.period(2026, month=4))) == \
        Decimal("300.00")
    quarters = receipts.declaration_periods(book, 2026)
    assert [amount for _, _, amount in quarters] == [Decimal("300.50"), Decimal("300.00"),
                                                      Decimal("400.00"), Decimal("0.00")]
    update_profile(book, declaration="monthly")
    months = receipts.declaration_periods(book, 2026)
    assert len(months) == 12 and months[2][2] == Decimal("200.50")
    assert sum(amount for _, _, amount in months) == Decimal("1000.50")


def test_unpaid_invoices_past_due_come_most_late_first(book, henri):
    older = invoicing.issue_invoice(book, delivered_order(book, henri, on=date(2026, 1, 5)).ref,
                                    date(2026, 1, 5))
    newer = invoicing.issue_invoice(book, delivered_order(book, henri, on=date(2026, 2, 1)).ref,
                                    date(2026, 2, 1))
    settled = delivered_order(book, henri, on=date(2026, 2, 2))
    invoicing.issue_invoice(book, settled.ref, date(2026, 2, 2))
    receipts.record_payment(book, settled.ref, date(2026, 2, 3))
    receipts.record_payment(book, newer.order_ref, date(2026, 2, 3), Decimal("100"))
    rows = receipts.unpaid_invoices(book, date(2026, 3, 10))
    assert [(doc.number, late, owed) for doc, late, owed in rows] == [
        (older.number, 34, Decimal("300.00")), (newer.number, 7, Decimal("200.00"))]
    assert receipts.unpaid_invoices(book, older.due) == []


def test_thresholds_are_dated_and_sourced():
    for year in (2025, 2026):
        figures = THRESHOLDS[year]
        assert figures.vat_threshold == Decimal("37500") and figures.vat_tolerance == \
            Decimal("41250")
        assert figures.source
    assert ceilings(2031) == THRESHOLDS[max(THRESHOLDS)]
    assert ceilings(2020) == THRESHOLDS[min(THRESHOLDS)]


def test_threshold_warnings_at_80_percent_and_when_passed(book, henri):
    today = date(2026, 11, 30)
    assert threshold_warnings(book, today) == []
    big = delivered_order(book, henri, on=date(2026, 1, 5), price="29999")
    receipts.record_payment(book, big.ref, date(2026, 2, 1))
    assert threshold_warnings(book, today) == []
    more = delivered_order(book, henri, on=date(2026, 1, 5), price="1")
    receipts.record_payment(book, more.ref, date(2026, 2, 2))
    [warning, caveat] = threshold_warnings(book, today)
    assert "80 % of the VAT franchise threshold" in warning and "could not" in caveat
    past = delivered_order(book, henri, on=date(2026, 1, 5), price="8000")
    receipts.record_payment(book, past.ref, date(2026, 3, 1))
    assert "passed the VAT franchise threshold" in threshold_warnings(book, today)[0]
    assert "1 January 2027" in threshold_warnings(book, today)[0]
    tolerance = delivered_order(book, henri, on=date(2026, 1, 5), price="4000")
    receipts.record_payment(book, tolerance.ref, date(2026, 3, 2))
    assert "passed the VAT franchise tolerance" in threshold_warnings(book, today)[0]
    assert threshold_warnings(book, date(2027, 1, 10)) == []
    update_profile(book, vat_regime="vat")
    assert threshold_warnings(book, today) == []
    ceiling = delivered_order(book, henri, on=date(2026, 1, 5), price="45000")
    receipts.record_payment(book, ceiling.ref, date(2026, 3, 3))
    assert "passed the micro-entreprise ceiling" in threshold_warnings(book, today)[0]


def test_work_paid_in_full_beforehand_is_paid_when_delivered(book, henri):
    order = order_for(book, henri)
    receipts.record_payment(book, order.ref, date(2026, 3, 3), method="card")
    assert book.order(order.ref).status == "accepted"
    delivered = orders.deliver(book, order.ref, date(2026, 3, 12))
    assert (delivered.status, delivered.paid) == ("paid", date(2026, 3, 3))
    book.undo()
    assert book.order(order.ref).status == "accepted" and book.order(order.ref).paid is None
    partly = order_for(book, henri)
    receipts.record_payment(book, partly.ref, date(2026, 3, 3), Decimal("100"))
    assert orders.deliver(book, partly.ref, date(2026, 3, 12)).status == "delivered"
    unpaid = order_for(book, henri, price="0")
    assert orders.deliver(book, unpaid.ref, date(2026, 3, 12)).status == "delivered"
