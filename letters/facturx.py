"""Factur-X: an issued invoice or credit note as EN 16931 XML, embedded in its PDF (PDF/A-3).

`cii_xml` writes the XML from the document alone (letters/cii.py), checked against the
Factur-X EN 16931 schema; `with_facturx` gives the visible PDF (letters/money_layout.py) to
the `factur-x` library, which embeds the XML as factur-x.xml and writes the XMP declaring
PDF/A-3 B and Factur-X EN 16931, then adds what PDF/A-3 needs beside (letters/pdfa.py): the
sRGB output intent and metadata that agree, dated by the issue. Same document, same bytes.
"""

from __future__ import annotations

import facturx

from store.money_records import MoneyDocument

from . import pdfa
from .cii import EXEMPTION, LEVEL, TYPE_CODES, cii_xml

__all__ = ["EXEMPTION", "LEVEL", "TYPE_CODES", "cii_xml", "with_facturx"]

LANGUAGE_TAGS = {"fr": "fr-FR", "en": "en-GB"}
RELATIONSHIP = "alternative"
"""The XML is the invoice itself in another form (AFRelationship /Alternative, the value
Factur-X gives the EN 16931 profile)."""


def with_facturx(pdf: bytes, doc: MoneyDocument) -> bytes:
    """The visible PDF as a Factur-X PDF/A-3: the document's XML embedded, sRGB output
    intent, XMP and document information saying the same title, author and dates."""
    xml = cii_xml(doc)
    info = pdfa.pdf_info(pdf)
    embedded = facturx.generate_from_binary(
        pdf, xml, flavor="factur-x", level=LEVEL, check_xsd=True,
        pdf_metadata={key: info[key] for key in ("author", "keywords", "title", "subject")},
        lang=LANGUAGE_TAGS.get(doc.language, "fr-FR"), afrelationship=RELATIONSHIP,
        xmp_compression=False)
    return pdfa.finish(embedded, info, doc.issued)
