"""What a PDF/A-3 needs beyond the `factur-x` library's XMP: an output intent, agreeing metadata.

The library embeds the XML and writes an XMP packet declaring PDF/A-3 B and Factur-X; it
leaves the colours device-dependent (no output intent), stamps the XMP and the document
information with the clock, and puts keywords in one and not the other. Here the sRGB
output intent is added (ISO 19005-3, 6.2.3; the profile made by Pillow's LittleCMS), and
the XMP and the document information are made to say the same title, author, subject,
keywords, producer and dates (6.6.2.3), the dates being the document's issue date, so the
same document always gives the same bytes.
"""

from __future__ import annotations

import io
from datetime import date
from functools import cache

from lxml import etree
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (ArrayObject, DecodedStreamObject, DictionaryObject, NameObject,
                           NumberObject, TextStringObject)

SRGB = "sRGB IEC61966-2.1"
PRODUCER = "Carnet (ReportLab, pypdf, factur-x)"
XMP_NS = {"x": "adobe:ns:meta/", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
          "pdf": "http://ns.adobe.com/pdf/1.3/", "xmp": "http://ns.adobe.com/xap/1.0/"}
PACKET_HEAD = '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
PACKET_TAIL = '\n<?xpacket end="w"?>'
INFO_KEYS = ("title", "author", "subject", "keywords", "creator")


@cache
def srgb_profile() -> bytes:
    """An sRGB ICC profile (version 4), made by LittleCMS through Pillow."""
    from PIL import ImageCms

    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def pdf_info(pdf: bytes) -> dict[str, str]:
    """The visible PDF's title, author, subject and keywords ('' when it has none)."""
    meta = PdfReader(io.BytesIO(pdf)).metadata or {}
    return {key: str(meta.get(f"/{key.capitalize()}") or "") for key in INFO_KEYS}


def _pdf_date(day: date) -> str:
    return f"D:{day:%Y%m%d}000000+00'00'"


def _xmp_date(day: date) -> str:
    return f"{day:%Y-%m-%d}T00:00:00+00:00"


def _add_output_intent(writer: PdfWriter) -> None:
    profile = DecodedStreamObject()
    profile.set_data(srgb_profile())
    profile[NameObject("/N")] = NumberObject(3)
    profile = profile.flate_encode()
    intent = DictionaryObject({
        NameObject("/Type"): NameObject("/OutputIntent"),
        NameObject("/S"): NameObject("/GTS_PDFA1"),
        NameObject("/OutputConditionIdentifier"): TextStringObject(SRGB),
        NameObject("/Info"): TextStringObject(SRGB),
        NameObject("/DestOutputProfile"): writer._add_object(profile),
    })
    writer._root_object[NameObject("/OutputIntents")] = ArrayObject(
        [writer._add_object(intent)])


def _description(root, prefix: str) -> etree._Element:
    """The rdf:Description holding properties of namespace `prefix` (a new one if none)."""
    rdf = root.find("rdf:RDF", XMP_NS)
    for description in rdf.findall("rdf:Description", XMP_NS):
        if any(child.tag.startswith(f"{{{XMP_NS[prefix]}}}") for child in description):
            return description
    return etree.SubElement(rdf, f"{{{XMP_NS['rdf']}}}Description")


def _set(description, prefix: str, name: str, value: str) -> None:
    tag = f"{{{XMP_NS[prefix]}}}{name}"
    found = description.find(tag)
    if found is None:
        found = etree.SubElement(description, tag)
    found.text = value


def _agreeing_xmp(xmp: bytes, keywords: str, creator: str, day: date) -> bytes:
    """The library's XMP with the producer, keywords and dates the document information has."""
    root = etree.fromstring(xmp.split(b"?>", 1)[1].rsplit(b"<?xpacket", 1)[0].strip())
    pdf = _description(root, "pdf")
    _set(pdf, "pdf", "Producer", PRODUCER)
    _set(pdf, "pdf", "Keywords", keywords)
    tool = _description(root, "xmp")
    _set(tool, "xmp", "CreatorTool", creator)
    for name in ("CreateDate", "ModifyDate", "MetadataDate"):
        _set(tool, "xmp", name, _xmp_date(day))
    for description in root.iterfind("rdf:RDF/rdf:Description", XMP_NS):
        description.set(f"{{{XMP_NS['rdf']}}}about", "")
    etree.indent(root, space="  ")
    body = etree.tostring(root, encoding="unicode").strip()
    return (PACKET_HEAD + body + PACKET_TAIL).encode("utf-8")


def _metadata_stream(xmp: bytes) -> DecodedStreamObject:
    stream = DecodedStreamObject()
    stream.set_data(xmp)
    stream.update({NameObject("/Type"): NameObject("/Metadata"),
                   NameObject("/Subtype"): NameObject("/XML")})
    return stream


def _date_attachments(writer: PdfWriter, day: date) -> None:
    """The embedded files' modification date: the issue date, not the clock."""
    names = writer._root_object["/Names"]["/EmbeddedFiles"]["/Names"]
    for spec in names[1::2]:
        stream = spec.get_object()["/EF"]["/F"].get_object()
        params = stream.get("/Params")
        if params is not None:
            params.get_object()[NameObject("/ModDate")] = TextStringObject(_pdf_date(day))


def finish(pdf: bytes, info: dict[str, str], day: date) -> bytes:
    """The library's Factur-X PDF with its sRGB output intent and agreeing, dated metadata."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer._header = b"%PDF-1.7"
    _add_output_intent(writer)
    reference = writer._root_object.raw_get("/Metadata")
    creator = info.get("creator") or "Carnet"
    xmp = _agreeing_xmp(reference.get_object().get_data(), info.get("keywords", ""), creator,
                        day)
    writer._replace_object(reference, _metadata_stream(xmp))
    _date_attachments(writer, day)
    writer._info.get_object().pop(NameObject("/Trapped"), None)
    writer.add_metadata({"/Title": info.get("title", ""), "/Author": info.get("author", ""),
                         "/Subject": info.get("subject", ""),
                         "/Keywords": info.get("keywords", ""), "/Creator": creator,
                         "/Producer": PRODUCER, "/CreationDate": _pdf_date(day),
                         "/ModDate": _pdf_date(day)})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
