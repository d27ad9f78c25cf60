"""Money documents on paper, read back: each mention the store asks for is printed, in both
languages, for private and business buyers; the window, pages, QR code, fonts and bytes."""

from __future__ import annotations

import hashlib
import io
from decimal import Decimal

import pytest
import segno
from pypdf import PdfReader

from letters import localize, money_archive
from letters.money_layout import document_pdf
from store import clients, invoicing, orders
from store.errors import ValidationError
from store.mentions import MENTIONS, required_mentions
from store.profile import update_profile
from tests import letters_reading as read
from tests.money_support import (TODAY, business_client, delivered_order, open_book,
                                 order_for, private_client)

IBAN, BIC = "FR76 3000 6000 0112 3456 7890 189", "AGRIFRPP"
MEDIATOR = "CM2C, 14 rue Saint-Jean, 75017 Paris, www.cm2c.net"


@pytest.fixture
def book(tmp_path):
    with open_book(tmp_path / "book") as opened:
        update_profile(opened, iban=IBAN, bic=BIC, mediator=MEDIATOR)
        yield opened


def plain(text: str) -> str:
    """Text as letters_reading gives it back: one plain space for any run of spaces."""
    return " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split())


def evidence(key: str, doc, lang: str) -> list[str]:
    """What must be read on the page for one mention key of this document."""
    fr = lang == "fr"
    day = lambda value: plain(localize.long_date(value, lang)) if value else "?"  # noqa: E731
    euros = lambda value: plain(localize.amount(value, lang))  # noqa: E731
    seller, buyer = doc.seller, doc.buyer
    words = {
        "number": [doc.number],
        "issue_date": [day(doc.issued)],
        "seller": [seller["name"], *seller["address_lines"], seller["city"]],
        "seller_ei": [f"{seller['name']} EI"],
        "seller_siret": ["812 345 635 00021"],
        "seller_vat_number": [seller["vat_number"]],
        "buyer": [buyer["organisation"] or buyer["last_name"], buyer["postcode"]],
        "buyer_siren": ["732 829 320"],
        "buyer_vat_number": [buyer["vat_number"]],
        "lines": [word for line in doc.lines for word in line.description.split()]
                 + [euros(line.unit_price) for line in doc.lines]
                 + [euros(line.total) for line in doc.lines],
        "totals": [euros(doc.total)],
        "vat_breakdown": ["Total HT" if fr else "Total excl. VAT", euros(doc.vat), "20 %"],
        "vat_exempt": ["TVA non applicable, art. 293 B du CGI"],
        "nature": ["Prestation de services" if fr else "Provision of services"],
        "service_date": [day(doc.service_date)],
        "due": [day(doc.due), "Paiement à " if fr else "Payment within "],
        "penalties": ["pénalités" if fr else "penalties",
                      "trois fois le taux d’intérêt légal" if fr else
                      "three times the French legal interest rate"],
        "recovery_indemnity": ["40 €" if fr else "€40", "D441-5"],
        "discount_terms": ["escompte" if fr else "discount"],
        "mediator": ["médiateur de la consommation" if fr else "consumer mediator", "CM2C",
                     "75017 Paris"],
        "deposit": ["FACTURE D’ACOMPTE" if fr else "DEPOSIT INVOICE"],
        "deposits_deducted": list(doc.deducted),
        "refers_to": [("Avoir sur la facture " if fr else "Credit note on invoice ")
                      + doc.refers_to],
        "validity": [day(doc.due), "valable" if fr else "valid until"],
        "acceptance": ["Bon pour accord" if fr else "Accepted"],
        "iban": [IBAN, BIC],
    }
    assert set(words) == set(MENTIONS), "a mention key has no evidence in this test"
    return words[key]


def check_every_mention(doc, path, lang: str) -> str:
    """Every required mention's evidence is on the page; the text read."""
    text = read.running(path.read_bytes())
    keys = required_mentions(doc)
    for key in keys:
        for words in evidence(key, doc, lang):
            assert words.casefold() in text.casefold(), (key, words)
    return text


def abroad_private(book):
    return private_client(book, civility="Mme", first_name="Jane", last_name="Hollis",
                          address_lines=["22 Baker Street"], postcode="NW1 6XE",
                          city="London", country="United Kingdom", language="en")


def abroad_business(book):
    return business_client(book, organisation="Hollis & Sons Ltd", siren="",
                           address_lines=["5 Fleet Street"], postcode="EC4Y 1AA",
                           city="London", country="United Kingdom", language="en")


def test_a_french_business_invoice_with_deposit_and_client_reference(book):
    client = business_client(book, address_lines=["12, quai de la Pêcherie"],
                             vat_number="FR40303265045")
    order = order_for(book, client, client_ref="DOS-4471")
    deposit, _ = money_archive.issue_and_file(book, "deposit", order.ref, TODAY,
                                              deposit=Decimal("100"))
    orders.deliver(book, order.ref, TODAY)
    doc, path = money_archive.issue_and_file(book, "invoice", order.ref, TODAY)
    assert {"buyer_siren", "buyer_vat_number", "penalties", "recovery_indemnity", "iban",
            "deposits_deducted", "service_date"} <= set(required_mentions(doc))
    text = check_every_mention(doc, path, "fr")
    assert doc.total == Decimal("200.00") and "200,00 €" in text and "-100,00 €" in text
    assert "V/réf. DOS-4471" in text and "FR40303265045" in text
    assert "médiateur" not in text


@pytest.mark.parametrize("kind", ["invoice", "quote"])
def test_a_private_client_abroad_gets_english_with_the_mediator(book, kind):
    client = abroad_private(book)
    order = delivered_order(book, client) if kind == "invoice" else order_for(book, client)
    doc, path = money_archive.issue_and_file(book, kind, order.ref, TODAY)
    assert doc.language == "en" and "mediator" in required_mentions(doc)
    text = check_every_mention(doc, path, "en")
    assert "€300.00" in text and "LONDON NW1 6XE ROYAUME-UNI" in text
    assert "€40" not in text and "penalties" not in text and "facture" not in text.casefold()


def test_the_same_private_client_in_french_when_asked(book):
    order = delivered_order(book, abroad_private(book))
    doc, path = money_archive.issue_and_file(book, "invoice", order.ref, TODAY, lang="fr")
    text = check_every_mention(doc, path, "fr")
    assert "FACTURE F-2026-0001" in text and "ROYAUME-UNI" in text


def test_a_business_abroad_gets_an_english_deposit_invoice_with_the_penalties(book):
    order = order_for(book, abroad_business(book))
    doc, path = money_archive.issue_and_file(book, "deposit", order.ref, TODAY,
                                             deposit=Decimal("120"))
    assert "buyer_siren" not in required_mentions(doc)
    text = check_every_mention(doc, path, "en")
    assert "DEPOSIT INVOICE F-2026-0001" in text and "€120.00" in text
    assert "mediator" not in text


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_credit_note_in_both_languages(book, lang):
    order = delivered_order(book, business_client(book, language=lang))
    invoice, _ = money_archive.issue_and_file(book, "invoice", order.ref, TODAY)
    note, path = money_archive.issue_and_file(book, "credit-note", invoice.number, TODAY,
                                              amount=Decimal("30"), reason="Geste")
    text = check_every_mention(note, path, lang)
    assert ("-30,00 €" if lang == "fr" else "-€30.00") in text
    assert ("AVOIR A-2026-0001" if lang == "fr" else "CREDIT NOTE A-2026-0001") in text


def test_a_vat_registered_seller_prints_the_rate_and_its_own_number(book):
    update_profile(book, vat_regime="vat", vat_rate="20", vat_number="FR40303265045")
    doc, path = money_archive.issue_and_file(
        book, "invoice", delivered_order(book, business_client(book)).ref, TODAY)
    assert {"vat_breakdown", "seller_vat_number"} <= set(required_mentions(doc))
    text = check_every_mention(doc, path, "fr")
    assert "360,00 €" in text and "293 B" not in text


def test_the_business_address_sits_in_the_window(book):
    client = business_client(book, address_lines=["Service comptable", "12, quai Saint-Vincent"])
    doc, path = money_archive.issue_and_file(
        book, "invoice", delivered_order(book, client).ref, TODAY)
    seen = {s.plain: s for s in read.lines(path.read_bytes()) if s.page == 1}
    for line in ("Étude Martin & Associés", "Service comptable", "69002 LYON"):
        assert 100 <= seen[line].left and seen[line].right <= 200, line
        assert 35 <= seen[line].top and seen[line].bottom <= 80, line


def test_many_lines_run_over_pages_with_their_header_and_the_totals_last(book):
    order = order_for(book, private_client(book))
    for n in range(45):
        orders.add_extra(book, order.ref, f"Folio {n + 1} transcrit", Decimal("10"), TODAY)
    orders.deliver(book, order.ref, TODAY)
    doc, path = money_archive.issue_and_file(book, "invoice", order.ref, TODAY)
    seen = read.lines(path.read_bytes())
    pages = max(s.page for s in seen)
    assert pages >= 2
    heads = {s.page for s in seen if s.plain.startswith("Désignation")}
    rows = [s.page for s in seen if s.plain.startswith("Folio ")]
    assert len(rows) == 45 and heads == set(rows) and len(heads) >= 2
    assert [s.page for s in seen if "750,00 €" in s.plain] == [rows[-1]]
    assert any(s.plain == f"page {pages}/{pages}" for s in seen)
    assert check_every_mention(doc, path, "fr")


def module_matrix(pdf: bytes) -> list[list[bool]]:
    """The QR code's modules as drawn on the first page (segno's PNG: scale 6, border 2)."""
    [image] = PdfReader(io.BytesIO(pdf)).pages[0].images
    picture = image.image.convert("L")
    count = picture.width // 6 - 4
    return [[picture.getpixel(((col + 2) * 6 + 3, (row + 2) * 6 + 3)) < 128
             for col in range(count)] for row in range(count)]


def test_the_payment_qr_code_asks_for_the_total_to_the_iban(book):
    order = delivered_order(book, business_client(book))
    orders.add_extra(book, order.ref, "Résumé", Decimal("45.5"), TODAY)
    doc, path = money_archive.issue_and_file(book, "invoice", order.ref, TODAY)
    payload = "\n".join(["BCD", "002", "1", "SCT", "AGRIFRPP", "Claire Vasseur",
                         "FR7630006000011234567890189", "EUR345.50", "", "", "F-2026-0001"])
    expected = [[bool(m) for m in row] for row in segno.make(payload, error="m").matrix]
    assert module_matrix(path.read_bytes()) == expected


def test_no_iban_no_qr_code_and_a_quote_has_none(book):
    order = order_for(book, private_client(book))
    _, path = money_archive.issue_and_file(book, "quote", order.ref, TODAY)
    assert len(PdfReader(path).pages[0].images) == 0
    update_profile(book, iban="", bic="")
    orders.deliver(book, order.ref, TODAY)
    doc, path = money_archive.issue_and_file(book, "invoice", order.ref, TODAY)
    assert "iban" not in required_mentions(doc) and len(PdfReader(path).pages[0].images) == 0
    assert "IBAN" not in read.running(path.read_bytes())


@pytest.mark.parametrize("kind", ["invoice", "quote"])
def test_every_font_is_embedded(book, kind):
    order = delivered_order(book, private_client(book)) if kind == "invoice" else \
        order_for(book, private_client(book))
    _, path = money_archive.issue_and_file(book, kind, order.ref, TODAY)
    embedded = read.fonts(path.read_bytes())
    assert embedded and all(embedded.values()), embedded


def test_the_filed_file_is_what_a_re_render_gives_after_any_edit(book):
    client = business_client(book)
    doc, path = money_archive.issue_and_file(
        book, "invoice", delivered_order(book, client).ref, TODAY)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == doc.sha256
    clients.edit_client(book, client.id, organisation="Autre étude", city="Marseille")
    update_profile(book, name="Claire Autre", iban="", mediator="")
    again = money_archive.render(invoicing.document(book, doc.number))
    assert hashlib.sha256(again).hexdigest() == doc.sha256
    assert document_pdf(doc) == document_pdf(invoicing.document(book, doc.number))


def test_unicode_round_trips_and_an_unprintable_line_takes_no_number(book):
    client = private_client(book)
    order = delivered_order(book, client)
    orders.add_extra(book, order.ref, "Glose « Œuvre » ΑΩ ſ", Decimal("5"), TODAY)
    orders.add_extra(book, order.ref, "Sceau 🜲", Decimal("5"), TODAY)
    with pytest.raises(ValidationError, match=r"line 3.*U\+1F732"):
        money_archive.issue_and_file(book, "invoice", order.ref, TODAY)
    assert invoicing.documents(book) == []
    assert not (book.data_dir / "documents" / "F-2026-0001.pdf").exists()
    other = delivered_order(book, client)
    orders.add_extra(book, other.ref, "Glose « Œuvre » ΑΩ ſ", Decimal("5"), TODAY)
    doc, path = money_archive.issue_and_file(book, "invoice", other.ref, TODAY)
    assert doc.number == "F-2026-0001"
    assert "Glose « Œuvre » ΑΩ ſ" in read.running(path.read_bytes())


@pytest.mark.parametrize("lang, days, terms", [
    ("fr", 30, "Paiement à 30 jours, au plus tard le 1er avril 2026."),
    ("en", 45, "Payment within 45 days, by 16 April 2026 at the latest."),
    ("fr", 0, "Paiement à réception de la facture."),
])
def test_the_payment_terms_follow_the_profile_as_issued(book, lang, days, terms):
    update_profile(book, payment_days=days)
    order = delivered_order(book, private_client(book, language=lang))
    doc, path = money_archive.issue_and_file(book, "invoice", order.ref, TODAY)
    update_profile(book, payment_days=60)
    assert terms in read.running(money_archive.render(invoicing.document(book, doc.number)))


def test_an_undone_issue_leaves_its_number_and_file_to_the_next_document(book):
    first = delivered_order(book, private_client(book), title="Terrier de 1540")
    doc, path = money_archive.issue_and_file(book, "invoice", first.ref, TODAY)
    assert book.undo() and invoicing.documents(book) == [] and path.is_file()
    second = delivered_order(book, business_client(book), title="Bail de 1602")
    again, same = money_archive.issue_and_file(book, "invoice", second.ref, TODAY)
    assert (again.number, same) == (doc.number, path)
    text = read.running(path.read_bytes())
    assert "Bail de 1602" in text and "Terrier" not in text
    assert hashlib.sha256(path.read_bytes()).hexdigest() == again.sha256


def test_a_filed_invoice_declares_pdf_a_3_with_its_fonts_intent_and_xml(book):
    order = delivered_order(book, business_client(book))
    _, path = money_archive.issue_and_file(book, "invoice", order.ref, TODAY)
    reader = PdfReader(path)
    xmp = reader.xmp_metadata.stream.get_data().decode()
    assert "<pdfaid:part>3</pdfaid:part>" in xmp and "pdfaid:conformance" in xmp
    [intent] = [i.get_object() for i in reader.trailer["/Root"]["/OutputIntents"]]
    assert intent["/S"] == "/GTS_PDFA1" and "/DestOutputProfile" in intent
    assert "factur-x.xml" in reader.attachments
    assert all(read.fonts(path.read_bytes()).values())
