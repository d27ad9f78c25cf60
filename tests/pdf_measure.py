"""Measure a letter's PDF as a typesetter would: lines, words, their edges, word spaces, ties.

Read from pdfminer's characters (LTChar), not its text: a word ends where the
ink stops for more than a twentieth of the type size, whatever character (or
none) is drawn there, so stretched spaces and no-break spaces are measured
alike. Coordinates are PDF points from the bottom left of the page.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar
from reportlab.pdfbase import pdfmetrics

from letters import fonts

WORD_GAP = 0.05
"""Ink further apart than this many times the type size belongs to two words."""
COLUMN_GAP = 3.0
"""Ink further apart than this many times the type size belongs to two lines (columns)."""


@dataclass(frozen=True)
class PdfWord:
    """One word as drawn: its text, left and right edges, font (as embedded) and size."""

    text: str
    x0: float
    x1: float
    font: str
    size: float


@dataclass(frozen=True)
class PdfLine:
    """One line as drawn: page (from 1), baseline y, left and right edges, words, type size."""

    page: int
    y: float
    x0: float
    x1: float
    text: str
    words: tuple[PdfWord, ...]
    size: float


def _chars(box) -> list[LTChar]:
    """Every character drawn inside a layout object, at any depth."""
    if isinstance(box, LTChar):
        return [box]
    return [c for child in box for c in _chars(child)] if hasattr(box, "__iter__") else []


def _words(chars: list[LTChar]) -> list[PdfWord]:
    """Ink characters grouped into words by the gaps between them (left to right)."""
    words: list[list[LTChar]] = []
    for char in chars:
        if words and char.x0 - words[-1][-1].x1 <= WORD_GAP * char.size:
            words[-1].append(char)
        else:
            words.append([char])
    return [PdfWord("".join(c.get_text() for c in w), w[0].x0, w[-1].x1, w[0].fontname,
                    w[0].size) for w in words]


def _split_columns(chars: list[LTChar]) -> list[list[LTChar]]:
    """One baseline's characters, cut where a gap is too wide to be a word space."""
    runs: list[list[LTChar]] = []
    for char in chars:
        if runs and char.x0 - runs[-1][-1].x1 <= COLUMN_GAP * char.size:
            runs[-1].append(char)
        else:
            runs.append([char])
    return runs


def _page_lines(number: int, page) -> list[PdfLine]:
    """One page's ink grouped by baseline, each baseline cut into its columns."""
    by_baseline: dict[float, list[LTChar]] = {}
    for char in _chars(page):
        if char.get_text().strip():
            by_baseline.setdefault(round(char.matrix[5], 1), []).append(char)
    out = []
    for y in sorted(by_baseline, reverse=True):
        for run in _split_columns(sorted(by_baseline[y], key=lambda c: c.x0)):
            words = tuple(_words(run))
            size = Counter(round(c.size, 2) for c in run).most_common(1)[0][0]
            out.append(PdfLine(number, y, run[0].x0, run[-1].x1,
                               " ".join(w.text for w in words), words, size))
    return out


@lru_cache(maxsize=16)
def _lines(pdf: bytes) -> tuple[PdfLine, ...]:
    """Every line of the document, read once per PDF (pdfminer without its layout analysis)."""
    pages = extract_pages(io.BytesIO(pdf), laparams=None)
    return tuple(line for number, page in enumerate(pages, 1)
                 for line in _page_lines(number, page))


def lines(pdf: bytes) -> list[PdfLine]:
    """Every drawn line, page by page, top to bottom, then left to right."""
    return list(_lines(pdf))


@lru_cache(maxsize=None)
def _registered(embedded: str) -> str:
    """The name letters.fonts registered for a font embedded as 'AAAAAA+DejaVuSerif'."""
    face = embedded.split("+", 1)[-1].encode()
    for name in fonts.FILES:
        fonts.covered(name)
        if pdfmetrics.getFont(name).face.name == face:
            return name
    raise KeyError(f"{embedded} is not one of the letter's fonts")


def space_width(font: str, size: float) -> float:
    """The width of a plain space in an embedded font at this size."""
    return pdfmetrics.stringWidth(" ", _registered(font), size)


def _next_below(line: PdfLine, page: list[PdfLine]) -> PdfLine | None:
    """The first line under this one on its page that shares some of its width."""
    for other in page:
        if other.y < line.y and other.x0 < line.x1 and other.x1 > line.x0:
            return other
    return None


def _by_page(pdf: bytes) -> dict[int, list[PdfLine]]:
    """The lines, page number by page number."""
    pages: dict[int, list[PdfLine]] = {}
    for line in _lines(pdf):
        pages.setdefault(line.page, []).append(line)
    return pages


def justified_lines(pdf: bytes, left: float, right: float) -> list[PdfLine]:
    """Body lines from the left margin to the right one (0.5 pt), a paragraph's last line not."""
    out = []
    for page in _by_page(pdf).values():
        for line in page:
            below = _next_below(line, page)
            continues = below is not None and line.y - below.y <= 1.6 * line.size
            if (len(line.words) > 1 and line.x0 >= left - 0.5 and abs(line.x1 - right) <= 0.5
                    and continues):
                out.append(line)
    return out


def word_space_ratios(pdf: bytes, left: float, right: float,
                      normal_space: Callable[[str, float], float] = space_width
                      ) -> list[tuple[str, float]]:
    """(line text, widest word gap ÷ the normal space of its font and size), per justified line."""
    out = []
    for line in justified_lines(pdf, left, right):
        pairs = zip(line.words, line.words[1:])
        out.append((line.text, max((b.x0 - a.x1) / normal_space(a.font, a.size)
                                   for a, b in pairs)))
    return out


def _ends_with(text: str, word: str) -> bool:
    """The text ends with these words, not with a longer word ('1140' does not end with '140')."""
    return text.endswith(word) and (len(text) == len(word) or not text[-len(word) - 1].isalnum())


def _starts_with(text: str, word: str) -> bool:
    """The text opens with these words, not with a longer word."""
    return text.startswith(word) and (len(text) == len(word) or not text[len(word)].isalnum())


def broken_ties(pdf: bytes, pairs) -> list[tuple[str, str]]:
    """The (left, right) pairs found split: a line ends with left, the next one opens with right."""
    broken = []
    for pair in pairs:
        left, right = (" ".join(part.split()) for part in pair)
        for page in _by_page(pdf).values():
            if any(_ends_with(line.text, left) and (below := _next_below(line, page))
                   and _starts_with(below.text, right) for line in page):
                broken.append(tuple(pair))
                break
    return broken


def page_of(pdf: bytes, text: str) -> list[int]:
    """The pages (from 1) where the text appears, read across line ends."""
    wanted = " ".join(text.split())
    return [number for number, page in _by_page(pdf).items()
            if wanted in " ".join(line.text for line in page)]


def last_page_lines(pdf: bytes) -> list[PdfLine]:
    """The lines of the last page that has any text."""
    pages = _by_page(pdf)
    return pages[max(pages)] if pages else []
