"""The embedded fonts, and which of them draws each character.

A typeface family chooses the book face: DejaVu Serif ("dejavu", the default)
or EB Garamond ("garamond"). DejaVu Serif, then DejaVu Sans, draw what the book
face lacks (Hebrew, Arabic, many symbols). A character no font covers is
refused by name, never drawn as a box.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from store.errors import ValidationError
from store.i18n import _

FONT_DIR = Path(__file__).with_name("fonts")
FILES = {
    "Carnet-Serif": "DejaVuSerif.ttf", "Carnet-Serif-Bold": "DejaVuSerif-Bold.ttf",
    "Carnet-Serif-Italic": "DejaVuSerif-Italic.ttf",
    "Carnet-Serif-BoldItalic": "DejaVuSerif-BoldItalic.ttf",
    "Carnet-Sans": "DejaVuSans.ttf", "Carnet-Sans-Bold": "DejaVuSans-Bold.ttf",
    "Carnet-Garamond": "EBGaramond-Regular.ttf", "Carnet-Garamond-Bold": "EBGaramond-Bold.ttf",
    "Carnet-Garamond-Italic": "EBGaramond-Italic.ttf",
    "Carnet-Garamond-BoldItalic": "EBGaramond-BoldItalic.ttf",
}
CHAINS = {
    "regular": ("Carnet-Serif", "Carnet-Sans"),
    "bold": ("Carnet-Serif-Bold", "Carnet-Sans-Bold"),
    "italic": ("Carnet-Serif-Italic", "Carnet-Sans"),
    "bolditalic": ("Carnet-Serif-BoldItalic", "Carnet-Sans-Bold"),
}
"""For each face of the letter, the fonts tried in turn for a character (DejaVu family)."""

BOOK_FACES = {
    "dejavu": {},
    "garamond": {"regular": "Carnet-Garamond", "bold": "Carnet-Garamond-Bold",
                 "italic": "Carnet-Garamond-Italic", "bolditalic": "Carnet-Garamond-BoldItalic"},
}
"""For each typeface family, the font put before each face's DejaVu chain."""

FAMILIES = tuple(BOOK_FACES)


def chain(face: str = "regular", family: str = "dejavu") -> tuple[str, ...]:
    """The fonts tried in turn for a character of `face` in `family`."""
    if family not in BOOK_FACES:
        raise ValidationError("typeface", _("{family} is not one of {families}").format(
            family=repr(family), families=", ".join(FAMILIES)))
    book = BOOK_FACES[family].get(face)
    return (book, *CHAINS[face]) if book else CHAINS[face]


_ASTRAL = re.compile(r"<([0-9A-F]{5,6})>")
_reportlab_cmap = ttfonts.makeToUnicodeCMap


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode map, with code points past U+FFFF written in UTF-16 as PDF wants.

    ReportLab writes U+1F600 as <1F600>, which readers take for U+1F60 'ὠ'.
    """
    def utf16(match: re.Match) -> str:
        return "<" + chr(int(match.group(1), 16)).encode("utf-16-be").hex().upper() + ">"
    return _ASTRAL.sub(utf16, _reportlab_cmap(fontname, subset))


@lru_cache(maxsize=None)
def covered(name: str) -> frozenset[int]:
    """Register one font on first use (once per process); the code points it covers."""
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    font = TTFont(name, str(FONT_DIR / FILES[name]))
    pdfmetrics.registerFont(font)
    return frozenset(font.face.charToGlyph)


def register(face: str = "regular", *, family: str = "dejavu") -> str:
    """Register the main font of a face (regular, bold, italic, bolditalic); its name."""
    name = chain(face, family)[0]
    covered(name)
    return name


def invisible(char: str) -> bool:
    """Format characters and variation selectors: they have no ink of their own."""
    code = ord(char)
    return (unicodedata.category(char) == "Cf" or 0xFE00 <= code <= 0xFE0F
            or 0xE0100 <= code <= 0xE01EF)


def clusters(text: str) -> list[str]:
    """Split into base characters each followed by its combining marks."""
    out: list[str] = []
    for char in text:
        if out and unicodedata.combining(char):
            out[-1] += char
        else:
            out.append(char)
    return out


@lru_cache(maxsize=4096)
def _font_for(cluster: str, face: str, family: str) -> str | None:
    for name in chain(face, family):
        if all(ord(c) in covered(name) for c in cluster):
            return name
    return None


@lru_cache(maxsize=8192)
def runs(text: str, face: str = "regular", *,
         family: str = "dejavu") -> tuple[tuple[str, str], ...]:
    """(font name, text) runs drawing `text`, invisible characters left out.

    Call `check` first: a visible character no font has is skipped here.
    """
    out: list[tuple[str, str]] = []
    for cluster in clusters(text):
        cluster = "".join(c for c in cluster if not invisible(c))
        font = _font_for(cluster, face, family) if cluster else None
        pieces = [(font, cluster)] if font else [(_font_for(c, face, family), c)
                                                 for c in cluster]
        for font, piece in pieces:
            if font is None:
                continue
            if out and out[-1][0] == font:
                out[-1] = (font, out[-1][1] + piece)
            else:
                out.append((font, piece))
    return tuple(out)


@lru_cache(maxsize=16384)
def width(text: str, face: str, size: float, *, family: str = "dejavu") -> float:
    """Width of `text` in points, drawn as `runs` draws it."""
    return sum(pdfmetrics.stringWidth(chunk, font, size)
               for font, chunk in runs(text, face, family=family))


def check(field: str, text: str, face: str = "regular", *, family: str = "dejavu") -> None:
    """Refuse, naming the field, a character that no embedded font can draw."""
    if covered(chain(face, family)[0]).issuperset(map(ord, text.replace("\n", ""))):
        return
    for cluster in clusters(text):
        if cluster == "\n" or _font_for(cluster, face, family):
            continue
        for char in cluster:
            if char == "\n" or invisible(char) or _font_for(char, face, family):
                continue
            name = unicodedata.name(char, "") or _("unnamed character")
            if unicodedata.category(char) == "Cc":
                name = _("a control character")
            raise ValidationError(field, _("U+{code} ({name}) cannot be printed: no font of the "
                                           "letter has it").format(code=f"{ord(char):04X}",
                                                                   name=name))
