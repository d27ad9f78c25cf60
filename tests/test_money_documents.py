"""Quotes, invoices and credit notes as PDFs read back: mentions, amounts, window, Factur-X XML."""

from __future__ import annotations

from decimal import Decimal

import facturx
import pytest
from lxml import etree

from letters import money_archive
from letters.money_layout import document_pdf
from store import clients, invoicing, orders
from store.profile import update_profile
from tests import letters_reading as read
from tests.money_support import (TODAY, business_client, delivered_order, open_book,
                                 order_for, private_client)

NS = {"rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
      "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
      "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"}


@pytest.fixture
def book(tmp_path):
    with open_book(tmp_path / "book") as opened:
        update_profile(opened, iban="FR76 3000 6000 0112 3456 7890 189", bic="AGRIFRPP",
                       mediator="CM2C, 14 rue Saint-Jean, 75017 Paris, www.cm2c.net",
                       email="claire@example.fr")
        yield opened


def issued(book, client, lang=None, **fields):
    order = delivered_order(book, client, **fields)
    orders.add_extra(book, order.ref, "Résumé en français moderne <&>", Decimal("45"), TODAY)
    return money_archive.issue_and_file(book, "invoice", order.ref, TODAY, lang=lang)


def xml_of(path) -> etree._Element:
    _, xml = facturx.get_xml_from_pdf(path.read_bytes(), check_xsd=True)
    return etree.fromstring(xml)


def text_at(root, path: str) -> str:
    return root.xpath(path, namespaces=NS)[0].text


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_business_invoice_prints_every_mandatory_mention(book, lang):
    doc, path = issued(book, business_client(book, address_lines=["12, quai de la Pêcherie"]),
                       lang=lang)
    text = read.running(path.read_bytes())
    for words in ("Claire Vasseur EI", "SIRET 812 345 635 00021", "F-2026-0001",
                  "Étude Martin & Associés", "732 829 320", "293 B du CGI", "40 €" if lang == "fr" else
                  "€40", "L441-10", "FR76 3000 6000 0112 3456 7890 189"):
        assert words.casefold() in text.casefold(), words
    assert ("Prestation de services" if lang == "fr" else "Provision of services") in text
    assert ("345,00 €" if lang == "fr" else "€345.00") in text
    assert "médiateur" not in text


def test_a_private_invoice_names_the_mediator_not_the_penalties(book):
    doc, path = issued(book, private_client(book, address_lines=["7, rue de la Charpenterie"]))
    text = read.running(path.read_bytes())
    assert "médiateur de la consommation : CM2C" in text
    assert "40 €" not in text and "pénalités" not in text
    address = [s for s in read.lines(path.read_bytes()) if s.plain == "M. Henri Lefèvre"]
    assert address and 100 <= address[0].left and 35 <= address[0].top <= 80


def test_the_embedded_xml_matches_the_visible_invoice(book):
    doc, path = issued(book, business_client(book, address_lines=["1 rue <&>"]))
    root = xml_of(path)
    assert text_at(root, "//rsm:ExchangedDocument/ram:ID") == doc.number == "F-2026-0001"
    assert text_at(root, "//rsm:ExchangedDocument/ram:TypeCode") == "380"
    total = "//ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:GrandTotalAmount"
    assert Decimal(text_at(root, total)) == doc.total == Decimal("345.00")
    assert text_at(root, "//ram:ApplicableTradeTax/ram:ExemptionReasonCode") == \
        "VATEX-FR-FRANCHISE"
    assert text_at(root, "//ram:ApplicableTradeTax/ram:CategoryCode") == "E"
    assert text_at(root, "//ram:SellerTradeParty/ram:SpecifiedLegalOrganization/ram:ID") == \
        "812345635"
    assert text_at(root, "//ram:BuyerTradeParty/ram:SpecifiedLegalOrganization/ram:ID") == \
        "732829320"
    names = [n.text for n in root.xpath("//ram:SpecifiedTradeProduct/ram:Name", namespaces=NS)]
    assert "Résumé en français moderne <&>" in names


def test_a_credit_note_refers_to_its_invoice_in_print_and_in_xml(book):
    doc, _ = issued(book, business_client(book))
    note, path = money_archive.issue_and_file(book, "credit-note", doc.number, TODAY,
                                              amount=Decimal("30"), reason="Geste commercial")
    assert note.number == "A-2026-0001" and note.total == Decimal("-30.00")
    assert "Avoir sur la facture F-2026-0001 : Geste commercial" in \
        read.running(path.read_bytes())
    root = xml_of(path)
    assert text_at(root, "//rsm:ExchangedDocument/ram:TypeCode") == "381"
    assert text_at(root, "//ram:InvoiceReferencedDocument/ram:IssuerAssignedID") == doc.number
    total = "//ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:GrandTotalAmount"
    assert Decimal(text_at(root, total)) == Decimal("30.00")


def test_a_deposit_invoice_is_a_prepayment_in_the_invoice_series(book):
    order = order_for(book, business_client(book))
    doc, path = money_archive.issue_and_file(book, "deposit", order.ref, TODAY,
                                             deposit=Decimal("100"))
    assert doc.number == "F-2026-0001" and doc.kind == "deposit"
    assert text_at(xml_of(path), "//rsm:ExchangedDocument/ram:TypeCode") == "386"
    assert "FACTURE D’ACOMPTE F-2026-0001" in read.running(path.read_bytes())


def test_a_quote_is_a_plain_pdf_with_its_validity_and_acceptance(book):
    order = order_for(book, private_client(book))
    doc, path = money_archive.issue_and_file(book, "quote", order.ref, TODAY)
    text = read.running(path.read_bytes())
    assert doc.number == "D-2026-0001" and "DEVIS D-2026-0001" in text
    assert "Devis valable jusqu’au" in text and "Bon pour accord" in text
    with pytest.raises(Exception):
        facturx.get_xml_from_pdf(path.read_bytes(), check_xsd=True)[1].decode()


def test_issuing_twice_returns_the_same_file_untouched(book):
    doc, path = issued(book, business_client(book))
    stamp = path.stat().st_mtime_ns
    again, same = money_archive.issue_and_file(book, "invoice", doc.order_ref, TODAY)
    assert (again.number, same) == (doc.number, path) and path.stat().st_mtime_ns == stamp
    assert again.file == "documents/F-2026-0001.pdf" and again.sha256


def test_an_edited_client_does_not_change_the_issued_document(book):
    client = business_client(book)
    doc, _ = issued(book, client)
    before = document_pdf(invoicing.document(book, doc.number))
    clients.edit_client(book, client.id, organisation="Tout autre nom")
    update_profile(book, name="Autre Nom")
    assert document_pdf(invoicing.document(book, doc.number)) == before


def test_a_failed_render_takes_no_number_and_leaves_no_file(book, monkeypatch):
    order = delivered_order(book, business_client(book))

    def broken(doc):
        raise RuntimeError("disk on fire")
    monkeypatch.setattr(money_archive, "render", broken)
    with pytest.raises(RuntimeError):
        money_archive.issue_and_file(book, "invoice", order.ref, TODAY)
    assert invoicing.documents(book) == []
    assert not (book.data_dir / "documents" / "F-2026-0001.pdf").exists()
    monkeypatch.undo()
    doc, path = money_archive.issue_and_file(book, "invoice", order.ref, TODAY)
    assert doc.number == "F-2026-0001" and path.is_file()


def test_a_vat_registered_profile_prints_and_sends_the_vat(book):
    update_profile(book, vat_regime="vat", vat_rate="20", vat_number="FR40303265045")
    doc, path = issued(book, business_client(book))
    assert doc.vat == Decimal("69.00") and doc.total == Decimal("414.00")
    text = read.running(path.read_bytes())
    assert "Total HT" in text and "414,00 €" in text and "293 B" not in text
    root = xml_of(path)
    assert text_at(root, "//ram:ApplicableTradeTax/ram:CategoryCode") == "S"
    assert Decimal(text_at(root, "//ram:TaxTotalAmount")) == Decimal("69.00")
