"""Read a letter's PDF back as a user's eye would: lines of text with their place on the page."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTTextContainer, LTTextLine
from pypdf import PdfReader

MM = 72 / 25.4


@dataclass(frozen=True)
class Seen:
    """One line of text as drawn: page number, box in millimetres from the top left, text."""

    page: int
    left: float
    top: float
    right: float
    bottom: float
    text: str

    @property
    def plain(self) -> str:
        """The text with its no-break spaces and stretched spaces made single plain spaces."""
        return " ".join(self.text.replace("\u202f", " ").replace("\u00a0", " ").split())


def lines(pdf: bytes) -> list[Seen]:
    """Every line of text, page by page, top to bottom."""
    out = []
    params = LAParams(line_margin=0.2)
    for number, page in enumerate(extract_pages(io.BytesIO(pdf), laparams=params), 1):
        for box in page:
            if not isinstance(box, LTTextContainer):
                continue
            for line in box:
                if isinstance(line, LTTextLine) and line.get_text().strip():
                    out.append(Seen(number, line.x0 / MM, (page.height - line.y1) / MM,
                                    line.x1 / MM, (page.height - line.y0) / MM,
                                    line.get_text().strip("\n")))
    return sorted(out, key=lambda s: (s.page, round(s.top, 1), s.left))


def text(pdf: bytes) -> str:
    """All the text, plain spaces, one line per drawn line."""
    return "\n".join(seen.plain for seen in lines(pdf))


def running(pdf: bytes) -> str:
    """All the text on one line, as read: a word cut by a hyphen at a line's end joined again."""
    joined = " ".join(seen.plain for seen in lines(pdf))
    return _CUT.sub(r"\1\2", joined)


_CUT = re.compile(r"(\w)- (\w)")
"""'salu- tations': the hyphen and the line break a cut word was set with (not '-Roux')."""


def fonts(pdf: bytes) -> dict[str, bool]:
    """Base font name → whether its program is embedded, over every page."""
    found = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font["/BaseFont"])] = embedded
    return found


def metadata(pdf: bytes) -> dict:
    """The document information dictionary, and the page count."""
    reader = PdfReader(io.BytesIO(pdf))
    return {**{k: str(v) for k, v in reader.metadata.items()}, "pages": len(reader.pages)}
