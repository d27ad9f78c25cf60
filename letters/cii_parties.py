"""The seller and the buyer of a Factur-X (CII) document, from the document's own snapshots.

Identifiers follow EN 16931 and the French rules for it: the SIREN is the legal registration
identifier (BT-30 / BT-47, scheme 0002, nine digits), the full SIRET the party's identifier
(BT-29 / BT-46, scheme 0009), an EU VAT number the VAT identifier (BT-31 / BT-48, "VA"). A
seller exempt under art. 293 B du CGI with no VAT number gives its SIREN as its tax
registration identifier (BT-32, "FC"), which EN 16931 asks of a seller of exempt lines
(BR-E-02).
"""

from __future__ import annotations

import re

from lxml import etree

from store import countries
from store.errors import ValidationError
from store.i18n import N_, _
from store.mentions import is_business, seller_charges_vat
from store.models import Profile
from store.profile import name_with_legal_form

RSM = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
UDT = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"
QDT = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100"
NAMESPACES = {"rsm": RSM, "ram": RAM, "udt": UDT, "qdt": QDT}

_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_DIGITS = re.compile(r"[\s.]+")
ADDRESS_LINES = 3
"""CII has three street lines (LineOne to LineThree); further lines join the third."""


def clean(text: object) -> str:
    """Text as one XML line: characters XML cannot hold dropped, white space collapsed."""
    return " ".join(_NOT_XML.sub("", str(text or "")).split())


def element(parent: etree._Element, tag: str, text: object = None, **attributes: str):
    """A child element `prefix:Name` of `parent`, with its text and attributes."""
    prefix, name = tag.split(":")
    child = etree.SubElement(parent, f"{{{NAMESPACES[prefix]}}}{name}", attributes)
    if text is not None:
        child.text = clean(text)
    return child


def _compact(value: object) -> str:
    return _DIGITS.sub("", str(value or "")).upper()


def _siren(number: str) -> str:
    """The SIREN of a SIREN or a SIRET ('' for anything else)."""
    return number[:9] if number.isdigit() and len(number) in (9, 14) else ""


NO_COUNTRY = {
    "seller": N_("the seller's country {country} has no ISO code an e-invoice could give: write "
                 "it as its usual name (e.g. 'Belgique', 'United Kingdom')"),
    "buyer": N_("the buyer's country {country} has no ISO code an e-invoice could give: write "
                "it as its usual name (e.g. 'Belgique', 'United Kingdom')"),
}
"""A party's country an e-invoice cannot name, by party."""


def _country(party: dict, who: str) -> str:
    found = countries.code(str(party.get("country", "")))
    if not found:
        raise ValidationError("country", _(NO_COUNTRY[who]).format(
            country=repr(party.get("country"))))
    return found


def _address(parent, party: dict, who: str) -> None:
    """PostalTradeAddress: postcode, up to three street lines, city, country code."""
    address = element(parent, "ram:PostalTradeAddress")
    if clean(party.get("postcode")):
        element(address, "ram:PostcodeCode", party["postcode"])
    lines = [clean(line) for line in party.get("address_lines", []) if clean(line)]
    if len(lines) > ADDRESS_LINES:
        lines[ADDRESS_LINES - 1:] = [", ".join(lines[ADDRESS_LINES - 1:])]
    for tag, line in zip(("ram:LineOne", "ram:LineTwo", "ram:LineThree"), lines):
        element(address, tag, line)
    if clean(party.get("city")):
        element(address, "ram:CityName", party["city"])
    element(address, "ram:CountryID", _country(party, who))


def _party_id(party_el, number: str) -> None:
    """The SIRET as the party's identifier, scheme 0009 (before its name, as CII orders)."""
    if number.isdigit() and len(number) == 14:
        element(party_el, "ram:GlobalID", number, schemeID="0009")


def _legal(party_el, number: str) -> None:
    siren = _siren(number)
    if siren:
        organisation = element(party_el, "ram:SpecifiedLegalOrganization")
        element(organisation, "ram:ID", siren, schemeID="0002")


def seller_name(seller: dict) -> str:
    """The seller as the document names it: 'Claire Vasseur EI'."""
    return clean(name_with_legal_form(Profile.from_doc(seller)))


def seller_party(parent, seller: dict) -> None:
    """SellerTradeParty (BG-4): name with legal form, SIRET and SIREN, address, e-mail, VAT."""
    party = element(parent, "ram:SellerTradeParty")
    number = _compact(seller.get("siret"))
    _party_id(party, number)
    element(party, "ram:Name", seller_name(seller))
    _legal(party, number)
    _address(party, seller, "seller")
    if clean(seller.get("email")):
        uri = element(party, "ram:URIUniversalCommunication")
        element(uri, "ram:URIID", seller["email"], schemeID="EM")
    vat_number = _compact(seller.get("vat_number"))
    if vat_number:
        element(element(party, "ram:SpecifiedTaxRegistration"), "ram:ID", vat_number,
                schemeID="VA")
    elif not seller_charges_vat(seller) and _siren(number):
        element(element(party, "ram:SpecifiedTaxRegistration"), "ram:ID", _siren(number),
                schemeID="FC")


def buyer_name(buyer: dict) -> str:
    """The buyer as the document names it: its organisation, else the person."""
    person = " ".join(clean(buyer.get(key)) for key in ("first_name", "last_name"))
    return clean(buyer.get("organisation")) or clean(person)


def _person(buyer: dict) -> str:
    return clean(" ".join(str(buyer.get(key) or "") for key in ("civility", "first_name",
                                                               "last_name")))


def buyer_party(parent, buyer: dict) -> None:
    """BuyerTradeParty (BG-7): name, SIREN and SIRET for a business, the person to the
    attention of, address, VAT number."""
    party = element(parent, "ram:BuyerTradeParty")
    business = is_business(buyer)
    number = _compact(buyer.get("siren")) if business else ""
    _party_id(party, number)
    element(party, "ram:Name", buyer_name(buyer))
    _legal(party, number)
    if clean(buyer.get("organisation")) and clean(buyer.get("last_name")):
        contact = element(party, "ram:DefinedTradeContact")
        element(contact, "ram:PersonName", _person(buyer))
    _address(party, buyer, "buyer")
    vat_number = _compact(buyer.get("vat_number")) if business else ""
    if vat_number:
        element(element(party, "ram:SpecifiedTaxRegistration"), "ram:ID", vat_number,
                schemeID="VA")
