"""Issuing documents: lines, snapshots, deposits, credit notes, refusals and mentions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from store import clients, incidents, invoicing, orders
from store.errors import NotFound, ValidationError
from store.mentions import missing_details
from store.profile import update_profile
from tests.money_support import book, henri  # noqa: F401 (the fixtures)
from tests.money_support import (business_client, delivered_order, open_book, order_for,
                                 private_client)

DAY = date(2026, 3, 2)


def test_an_invoice_holds_the_order_its_dates_and_both_parties(book, henri):
    order = delivered_order(book, henri, on=date(2026, 3, 1), service="Transcription intégrale")
    invoice = invoicing.issue_invoice(book, order.ref, DAY)
    assert (invoice.kind, invoice.order_ref, invoice.client_id) == ("invoice", order.ref, henri.id)
    assert invoice.service_date == date(2026, 3, 1)
    assert invoice.due == date(2026, 4, 1)
    assert [line.description for line in invoice.lines] == [
        "Transcription intégrale — Acte de vente, 1523"]
    assert invoice.total == Decimal("300.00") and invoice.vat == 0
    assert invoice.buyer["last_name"] == "Lefèvre" and invoice.buyer["id"] == henri.id
    assert invoice.seller["siret"] == "81234563500021"
    assert invoice.language == "fr"


def test_extras_are_lines_and_a_gesture_naming_a_share_is_a_discount(book, henri):
    order = order_for(book, henri, price="400")
    orders.add_extra(book, order.ref, "Résumé de l'acte", "100", DAY)
    plan = incidents.open_incident(book, order.ref, DAY, "Livré en retard")
    incidents.record_step(book, plan.id, "apologised", DAY)
    incidents.record_step(book, plan.id, "fixed", DAY)
    incidents.record_step(book, plan.id, "followed_up", DAY,
                          gesture="Remise de 10 % sur la facture")
    orders.deliver(book, order.ref, DAY)
    invoice = invoicing.issue_invoice(book, order.ref, DAY)
    assert [(line.description, line.unit_price) for line in invoice.lines] == [
        ("Acte de vente, 1523", Decimal("400.00")), ("Résumé de l'acte", Decimal("100.00")),
        ("Geste commercial\u00a0: Remise de 10 % sur la facture", Decimal("-50.00"))]
    assert invoice.total == Decimal("450.00")


@pytest.mark.parametrize("gesture, discount", [
    ("Remise de 50 € sur la facture", "-50.00"), ("Geste de 12,50 euros", "-12.50"),
    ("€20 off", "-20.00"), ("Un résumé offert", None), ("Remise de 150 %", None)])
def test_a_gesture_is_a_discount_only_when_it_names_a_share_or_an_amount(book, henri, gesture,
                                                                        discount):
    order = order_for(book, henri)
    plan = incidents.open_incident(book, order.ref, DAY, "Erreur de lecture")
    book.save("incidents", replace(plan, gesture=gesture))
    lines = invoicing.order_lines(book, book.order(order.ref))
    found = [line.unit_price for line in lines if line.unit_price < 0]
    assert found == ([] if discount is None else [Decimal(discount)])


def test_a_vat_registered_profile_charges_vat_on_each_line(book, henri):
    update_profile(book, vat_regime="vat", vat_rate="20")
    order = delivered_order(book, henri)
    invoice = invoicing.issue_invoice(book, order.ref, DAY)
    assert [line.vat_rate for line in invoice.lines] == [Decimal("20")]
    assert (invoice.subtotal, invoice.vat, invoice.total) == (
        Decimal("300.00"), Decimal("60.00"), Decimal("360.00"))
    assert "vat_breakdown" in invoicing.required_mentions(invoice)
    assert "vat_exempt" not in invoicing.required_mentions(invoice)


def test_issuing_the_same_invoice_twice_gives_the_same_document(book, henri):
    order = delivered_order(book, henri)
    first = invoicing.issue_invoice(book, order.ref, DAY)
    again = invoicing.issue_invoice(book, order.ref, date(2026, 3, 9))
    assert (again.number, again.issued, again.id) == (first.number, DAY, first.id)
    assert len(invoicing.documents(book)) == 1


def test_an_edited_order_client_or_profile_never_changes_an_issued_invoice(book, henri):
    order = delivered_order(book, henri)
    invoice = invoicing.issue_invoice(book, order.ref, DAY)
    before = invoice.to_doc()
    orders.edit_order(book, order.ref, title="Autre titre", price="999")
    orders.add_extra(book, order.ref, "Traduction", "200", DAY)
    clients.edit_client(book, henri.id, last_name="Martin", city="Tours", postcode="37000")
    update_profile(book, name="Claire Vasseur-Roy", city="Lyon", postcode="69001")
    stored = invoicing.document(book, invoice.number)
    assert stored.to_doc() == before
    assert stored.buyer["last_name"] == "Lefèvre" and stored.seller["city"] == "Paris"
    assert stored.total == Decimal("300.00")


def test_refusals_name_the_reason(book, henri):
    quote_only = order_for(book, henri, status="quote")
    with pytest.raises(ValidationError, match="still a quote"):
        invoicing.issue_invoice(book, quote_only.ref, DAY)
    working = order_for(book, henri)
    with pytest.raises(ValidationError, match="not delivered yet"):
        invoicing.issue_invoice(book, working.ref, DAY)
    cancelled = order_for(book, henri)
    orders.cancel(book, cancelled.ref, DAY)
    with pytest.raises(ValidationError, match="cancelled"):
        invoicing.issue_invoice(book, cancelled.ref, DAY)
    free = delivered_order(book, henri, price="0")
    with pytest.raises(ValidationError, match="comes to nothing"):
        invoicing.issue_invoice(book, free.ref, DAY)
    late = delivered_order(book, henri, on=date(2026, 3, 5))
    with pytest.raises(ValidationError, match="before the delivery date"):
        invoicing.issue_invoice(book, late.ref, DAY)
    with pytest.raises(NotFound):
        invoicing.document(book, "F-2026-0099")
    assert invoicing.documents(book) == []


def test_a_deposit_then_the_final_invoice_deducting_it(book, henri):
    order = order_for(book, henri, price="1000")
    deposit = invoicing.issue_invoice(book, order.ref, DAY, deposit=Decimal("300"))
    assert deposit.kind == "deposit" and deposit.total == Decimal("300.00")
    assert deposit.service_date is None and deposit.due == date(2026, 4, 1)
    assert "deposit" in invoicing.required_mentions(deposit)
    assert invoicing.issue_invoice(book, order.ref, DAY, deposit="300").number == deposit.number
    with pytest.raises(ValidationError, match="part of the price"):
        invoicing.issue_invoice(book, order.ref, date(2026, 3, 3), deposit=Decimal("700"))
    orders.deliver(book, order.ref, date(2026, 3, 20))
    final = invoicing.issue_invoice(book, order.ref, date(2026, 3, 20))
    assert final.deducted == [deposit.number]
    assert [line.unit_price for line in final.lines] == [Decimal("1000.00"), Decimal("-300.00")]
    assert deposit.number in final.lines[1].description
    assert final.total == Decimal("700.00")
    assert "deposits_deducted" in invoicing.required_mentions(final)
    with pytest.raises(ValidationError, match="issue its invoice, not a deposit"):
        invoicing.issue_invoice(book, order.ref, date(2026, 3, 21), deposit=Decimal("10"))


def test_a_credit_note_refers_to_its_invoice_within_what_is_left(book, henri):
    order = delivered_order(book, henri)
    invoice = invoicing.issue_invoice(book, order.ref, DAY)
    note = invoicing.issue_credit_note(book, invoice.number, Decimal("100"), "Geste commercial",
                                       date(2026, 3, 5))
    assert (note.kind, note.refers_to, note.reason) == ("credit-note", invoice.number,
                                                        "Geste commercial")
    assert note.total == Decimal("-100.00") and note.due is None
    assert note.lines[0].description == (f"Avoir sur la facture {invoice.number}\u00a0: "
                                         "Geste commercial")
    assert note.buyer == invoice.buyer and note.order_ref == order.ref
    assert "refers_to" in invoicing.required_mentions(note)
    with pytest.raises(ValidationError, match=r"more than what is left to credit .*200\.00"):
        invoicing.issue_credit_note(book, invoice.number, Decimal("200.01"), "Trop", DAY)
    for bad, message in ((Decimal("0"), "more than 0"), (Decimal("-5"), "negative")):
        with pytest.raises(ValidationError, match=message):
            invoicing.issue_credit_note(book, invoice.number, bad, "Erreur", date(2026, 3, 5))
    with pytest.raises(ValidationError, match="reason"):
        invoicing.issue_credit_note(book, invoice.number, Decimal("5"), "  ", date(2026, 3, 5))
    with pytest.raises(ValidationError, match="before the invoice"):
        invoicing.issue_credit_note(book, invoice.number, Decimal("5"), "Erreur", date(2026, 3, 1))
    with pytest.raises(ValidationError, match="corrects an invoice"):
        invoicing.issue_credit_note(book, note.number, Decimal("5"), "Erreur", date(2026, 3, 5))
    invoicing.issue_credit_note(book, invoice.number, Decimal("200"), "Annulée", date(2026, 3, 6))
    assert invoicing.credited(book, invoice.number) == Decimal("300.00")


def test_a_wholly_credited_invoice_may_be_issued_anew(book, henri):
    order = delivered_order(book, henri)
    invoice = invoicing.issue_invoice(book, order.ref, DAY)
    invoicing.issue_credit_note(book, invoice.number, Decimal("300"), "Mauvais prix", DAY)
    orders.edit_order(book, order.ref, price="250")
    again = invoicing.issue_invoice(book, order.ref, DAY)
    assert again.number == "F-2026-0002" and again.total == Decimal("250.00")


def test_a_quote_is_valid_for_the_profile_days_and_reissued_only_when_the_order_changes(book,
                                                                                        henri):
    order = order_for(book, henri, status="quote")
    quote = invoicing.issue_quote(book, order.ref, DAY, lang="en")
    assert (quote.kind, quote.due, quote.language) == ("quote", date(2026, 4, 1), "en")
    assert {"validity", "acceptance", "mediator"} <= set(invoicing.required_mentions(quote))
    assert invoicing.issue_quote(book, order.ref, date(2026, 3, 3), lang="en").number == \
        quote.number
    orders.edit_order(book, order.ref, price="350")
    revised = invoicing.issue_quote(book, order.ref, date(2026, 3, 3), lang="en")
    assert revised.number == "D-2026-0002" and revised.total == Decimal("350.00")
    orders.set_status(book, order.ref, "accepted")
    orders.deliver(book, order.ref, date(2026, 3, 4))
    with pytest.raises(ValidationError, match="a quote comes before the work"):
        invoicing.issue_quote(book, order.ref, date(2026, 3, 5))


def test_record_file_keeps_the_first_file_while_it_exists(book, henri):
    order = delivered_order(book, henri)
    invoice = invoicing.issue_invoice(book, order.ref, DAY)
    invoicing.record_file(book, invoice.number, "documents/F-2026-0001.pdf", "ab" * 32)
    stored = invoicing.document(book, invoice.number)
    assert (stored.file, stored.sha256) == ("documents/F-2026-0001.pdf", "ab" * 32)
    (book.data_dir / "documents").mkdir()
    (book.data_dir / stored.file).write_bytes(b"%PDF-1.7")
    with pytest.raises(ValidationError, match="never replaced"):
        invoicing.record_file(book, invoice.number, "documents/other.pdf", "cd" * 32)
    (book.data_dir / stored.file).unlink()
    invoicing.record_file(book, invoice.number, "documents/F-2026-0001.pdf", "cd" * 32)
    assert invoicing.document(book, invoice.number).sha256 == "cd" * 32


def test_mentions_differ_for_a_private_and_a_business_buyer(book, henri):
    etude = business_client(book)
    private = invoicing.issue_invoice(book, delivered_order(book, henri).ref, DAY)
    business = invoicing.issue_invoice(book, delivered_order(book, etude).ref, DAY)
    common = {"number", "issue_date", "seller", "seller_ei", "seller_siret", "buyer", "lines",
              "totals", "vat_exempt", "nature", "service_date", "due"}
    assert set(invoicing.required_mentions(private)) == common | {"mediator"}
    assert set(invoicing.required_mentions(business)) == common | {
        "buyer_siren", "penalties", "recovery_indemnity", "discount_terms"}
    assert invoicing.is_business(business.buyer) and not invoicing.is_business(private.buyer)
    assert missing_details(private) == [
        "the profile names no consumer mediator for private clients"]
    update_profile(book, iban="FR7630006000011234567890189", mediator="CM2C, www.cm2c.net")
    later = invoicing.issue_invoice(book, delivered_order(book, henri).ref, DAY)
    assert "iban" in invoicing.required_mentions(later) and missing_details(later) == []


def test_unicode_round_trips_through_an_issued_document(tmp_path):
    with open_book(tmp_path / "book") as book:
        client = private_client(book, first_name="Zoë 李", last_name="Ørsted‍👩‍🔬")
        order = delivered_order(book, client, title="Charte « de Ṣalāḥ » — 𝔄𝔫𝔫𝔬 1242")
        number = invoicing.issue_invoice(book, order.ref, DAY).number
    from store.book import Book
    with Book(tmp_path / "book") as book:
        doc = invoicing.document(book, number)
        assert doc.lines[0].description == "Charte « de Ṣalāḥ » — 𝔄𝔫𝔫𝔬 1242"
        assert doc.buyer["last_name"] == "Ørsted‍👩‍🔬"


def test_a_draft_shows_the_number_it_would_take_and_stores_nothing(book, henri):
    order = delivered_order(book, henri)
    draft = invoicing.draft_invoice(book, order.ref, DAY)
    assert (draft.number, draft.id, draft.total) == ("F-2026-0001", 0, Decimal("300.00"))
    assert invoicing.documents(book) == [] and book.undo_label != "invoice F-2026-0001"
    issued = invoicing.issue_invoice(book, order.ref, DAY)
    assert issued.number == draft.number and issued.id
    again = invoicing.draft_invoice(book, order.ref, date(2026, 3, 3))
    assert (again.number, again.id) == (issued.number, issued.id)
    note = invoicing.draft_credit_note(book, issued.number, Decimal("10"), "Geste", DAY)
    assert (note.number, note.id) == ("A-2026-0001", 0)
    quote_order = order_for(book, henri, status="quote")
    assert invoicing.draft_quote(book, quote_order.ref, DAY).number == "D-2026-0001"
    assert len(invoicing.documents(book)) == 1
    with pytest.raises(ValidationError, match="not delivered yet"):
        invoicing.draft_invoice(book, order_for(book, henri).ref, DAY)
