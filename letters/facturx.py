"""Factur-X: an issued invoice or credit note as EN 16931 XML, embedded in its PDF (PDF/A-3).

The XML is built from the document alone (its lines and the seller and buyer as issued)
through the `factur-x` library, which writes the CII syntax, checks it against the
schema and embeds it with the PDF/A-3 metadata. A VAT-exempt seller (art. 293 B du CGI)
has no VAT number and every line is in category E with the reason code
VATEX-FR-FRANCHISE. In EN 16931 a credit note carries positive amounts (its type code
says it is a credit), and an item's net price is never negative: a discount line is a
negative quantity at a positive price.
"""

from __future__ import annotations

from decimal import Decimal

from store import countries
from store.errors import ValidationError
from store.money_records import MoneyDocument, money
from store.siret import compact

TYPE_CODES = {"invoice": "380", "deposit": "386", "credit-note": "381"}
"""UNTDID 1001: commercial invoice, prepayment invoice, credit note."""
EXEMPT_REASON = "TVA non applicable, art. 293 B du CGI"
EXEMPT_CODE = "VATEX-FR-FRANCHISE"
SIRENE_SCHEME = "0002"
"""ISO 6523 scheme of the French SIRENE register (SIREN/SIRET)."""
LEVEL = "en16931"
_NIL_DELIVERY = b'<ram:ApplicableHeaderTradeDelivery xsi:nil="true"/>'
_EMPTY_DELIVERY = b"<ram:ApplicableHeaderTradeDelivery/>"
"""A document with no delivery date (a deposit, a credit note) still has the delivery group,
empty: the library writes it as nil, which the schema refuses."""


def _amount(value: Decimal) -> str:
    return str(money(value))


def _address(snapshot: dict) -> dict:
    lines = [line for line in snapshot.get("address_lines", []) if line.strip()]
    party = {"postcode": snapshot.get("postcode", "").strip(),
             "city": snapshot.get("city", "").strip(),
             "country_code": countries.code(snapshot.get("country", "")) or "FR"}
    for key, line in zip(("addr_l1", "addr_l2", "addr_l3"), lines):
        party[key] = line
    return {k: v for k, v in party.items() if v}


def _seller(doc: MoneyDocument) -> dict:
    seller = doc.seller
    name = " ".join(seller.get("name", "").split())
    form = seller.get("legal_form", "").strip()
    party = {"name": f"{name} {form}".strip() if form in ("EI", "EIRL") else name,
             **_address(seller)}
    siret = compact(seller.get("siret", ""))
    if siret:
        party["legal_identifier"] = siret[:9]
        party["legal_identifier_schemeid"] = SIRENE_SCHEME
        party["identifiers"] = {SIRENE_SCHEME: siret} if len(siret) == 14 else {}
    if seller.get("vat_regime") == "vat" and seller.get("vat_number", "").strip():
        party["vat_identifier"] = seller["vat_number"].strip()
    if seller.get("email", "").strip():
        party["einvoicing_addr"] = seller["email"].strip()
        party["einvoicing_addr_schemeid"] = "EM"
    if form and form not in ("EI", "EIRL"):
        party["legal_info"] = form
    return {k: v for k, v in party.items() if v}


def _buyer(doc: MoneyDocument) -> dict:
    buyer = doc.buyer
    person = " ".join(p for p in (buyer.get("first_name", ""), buyer.get("last_name", ""))
                      if p.strip())
    party = {"name": buyer.get("organisation", "").strip() or person, **_address(buyer)}
    siren = compact(buyer.get("siren", ""))
    if siren:
        party["legal_identifier"] = siren[:9]
        party["legal_identifier_schemeid"] = SIRENE_SCHEME
    if buyer.get("vat_number", "").strip():
        party["vat_identifier"] = buyer["vat_number"].strip()
    return {k: v for k, v in party.items() if v}


def _exempt(doc: MoneyDocument) -> bool:
    return doc.seller.get("vat_regime", "franchise") != "vat"


def _sign(doc: MoneyDocument) -> int:
    """-1 for a credit note (stored negative, sent positive), else 1."""
    return -1 if doc.kind == "credit-note" else 1


def _lines(doc: MoneyDocument) -> list[dict]:
    out, sign = [], _sign(doc)
    category = "E" if _exempt(doc) else "S"
    for number, line in enumerate(doc.lines, 1):
        quantity, price = line.quantity * sign, line.unit_price
        if price < 0:
            quantity, price = -quantity, -price
        out.append({"BT-126": str(number), "BT-129": str(quantity), "BT-130": "C62",
                    "BT-131": _amount(line.total * sign), "BT-146": str(price),
                    "BT-151": category, "BT-152": str(line.vat_rate),
                    "BT-153": " ".join(line.description.split())[:500] or "-"})
    return out


def _vat_breakdown(doc: MoneyDocument) -> list[dict]:
    sign = _sign(doc)
    if _exempt(doc):
        return [{"BT-116": _amount(doc.subtotal * sign), "BT-117": "0.00", "BT-118": "E",
                 "BT-119": "0", "BT-120": EXEMPT_REASON, "BT-121": EXEMPT_CODE}]
    rates: dict[Decimal, list] = {}
    for line in doc.lines:
        rates.setdefault(line.vat_rate, []).append(line)
    return [{"BT-116": _amount(sum((l.total for l in lines), Decimal("0")) * sign),
             "BT-117": _amount(sum((l.vat for l in lines), Decimal("0")) * sign),
             "BT-118": "S", "BT-119": str(rate)} for rate, lines in sorted(rates.items())]


def data(doc: MoneyDocument) -> dict:
    """The document as the `factur-x` library's data: EN 16931 business terms (BT-n)."""
    if doc.kind not in TYPE_CODES:
        raise ValidationError("document", f"a {doc.kind} is not sent as Factur-X")
    sign = _sign(doc)
    terms = {
        "BT-1": doc.number, "BT-2": doc.issued, "BT-3": TYPE_CODES[doc.kind], "BT-5": "EUR",
        "BT-24": "urn:cen.eu:en16931:2017",
        "BG-4": _seller(doc), "BG-7": _buyer(doc), "BG-25": _lines(doc),
        "BG-23": _vat_breakdown(doc),
        "BT-106": _amount(doc.subtotal * sign), "BT-109": _amount(doc.subtotal * sign),
        "BT-110": _amount(doc.vat * sign), "BT-112": _amount(doc.total * sign),
        "BT-115": _amount(doc.total * sign),
    }
    if doc.order_ref:
        terms["BT-14"] = doc.order_ref
    client_ref = doc.buyer.get("client_ref", "") if isinstance(doc.buyer, dict) else ""
    if client_ref:
        terms["BT-13"] = client_ref
    if doc.due:
        terms["BT-9"] = doc.due
    if doc.service_date:
        terms["BT-72"] = doc.service_date
    if doc.refers_to:
        terms["BG-3"] = [{"BT-25": doc.refers_to}]
    iban = compact(doc.seller.get("iban", "")).upper()
    if iban and doc.kind != "credit-note":
        terms["BT-81"] = "58"
        terms["BT-84"] = iban
        if doc.seller.get("bic", "").strip():
            terms["BT-86"] = compact(doc.seller["bic"]).upper()
    if _exempt(doc):
        terms["BG-1"] = [{"BT-22": EXEMPT_REASON}]
    return terms


def cii_xml(doc: MoneyDocument) -> bytes:
    """The EN 16931 CII XML of an invoice, deposit invoice or credit note, schema-checked."""
    import facturx
    try:
        xml = facturx.generate_cii_xml(data(doc), level=LEVEL, check_xsd=False,
                                       check_schematron=False)
        xml = xml.replace(_NIL_DELIVERY, _EMPTY_DELIVERY)
        facturx.xml_check_xsd(xml, flavor="factur-x", level=LEVEL)
        return xml
    except ValidationError:
        raise
    except Exception as exc:  # the library reports a bad value by raising; say which
        raise ValidationError("Factur-X", f"{doc.number} cannot be written as EN 16931: "
                                          f"{exc}") from None


def with_facturx(pdf: bytes, doc: MoneyDocument) -> bytes:
    """The PDF with its Factur-X XML embedded, as a PDF/A-3 (XMP written by the library)."""
    import facturx
    xml = cii_xml(doc)
    seller = " ".join(doc.seller.get("name", "").split())
    metadata = {"author": seller, "keywords": "Factur-X", "title": doc.number,
                "subject": f"{doc.kind} {doc.number}"}
    embedded = facturx.generate_from_binary(pdf, xml, flavor="factur-x", level=LEVEL,
                                            check_xsd=True, pdf_metadata=metadata,
                                            lang="fr-FR" if doc.language == "fr" else "en-GB")
    return _with_output_intent(embedded)


def _srgb_profile() -> bytes:
    """An sRGB ICC profile, made by Pillow (no file to ship)."""
    from PIL import ImageCms
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def _with_output_intent(pdf: bytes) -> bytes:
    """Add the sRGB output intent PDF/A asks for (the library does not write one)."""
    import io

    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (ArrayObject, DecodedStreamObject, DictionaryObject,
                               NameObject, NumberObject, TextStringObject)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    profile = DecodedStreamObject()
    profile.set_data(_srgb_profile())
    profile[NameObject("/N")] = NumberObject(3)
    intent = DictionaryObject({
        NameObject("/Type"): NameObject("/OutputIntent"),
        NameObject("/S"): NameObject("/GTS_PDFA1"),
        NameObject("/OutputConditionIdentifier"): TextStringObject("sRGB IEC61966-2.1"),
        NameObject("/Info"): TextStringObject("sRGB IEC61966-2.1"),
        NameObject("/DestOutputProfile"): writer._add_object(profile),
    })
    writer._root_object[NameObject("/OutputIntents")] = ArrayObject(
        [writer._add_object(intent)])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
