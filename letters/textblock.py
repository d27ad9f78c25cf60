"""A block of plain text as a flowable: no markup, breaks at ordinary spaces and hyphenation points.

ReportLab's Paragraph parses its text as markup and breaks lines at U+202F;
letters need neither. Here the text is drawn exactly as given: a no-break
space (U+00A0, U+202F) never ends a line, '\\n' is a line break, a word wider
than the line is cut between characters, and each character is drawn by the
first embedded font that has it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

from . import fonts, hyphenate, linebreak, rtl
from .linebreak import LETTER_SPACING, SHRINK, STRETCH, Box, Glue, Penalty

RAGGED_EMS = 2.0
"""Ragged-right text: the slack at a line's end that is still 'good' (TeX's raggedright)."""


@dataclass(frozen=True, slots=True)
class TextStyle:
    """How a block looks: face (regular, bold…), size, leading, alignment, spacing, indents."""

    face: str = "regular"
    size: float = 10.0
    leading: float = 14.0
    align: str = "justify"
    space_before: float = 0.0
    space_after: float = 0.0
    indent: float = 0.0
    hang: float = 0.0
    color: tuple[float, float, float] = (0, 0, 0)
    hyphenate: bool = False
    language: str = "fr"
    family: str = "dejavu"


@dataclass(frozen=True, slots=True)
class Line:
    """One drawn line: its text, natural width, and whether it is stretched to the full width."""

    text: str
    width: float
    last: bool
    justified: bool = False


def _cut(word: str, style: TextStyle, room: float) -> list[str]:
    """Cut a word wider than the line between characters (never inside a cluster)."""
    if fonts.width(word, style.face, style.size, family=style.family) <= room:
        return [word]
    pieces, current = [], ""
    for cluster in fonts.clusters(word):
        if current and fonts.width(current + cluster, style.face, style.size,
                                      family=style.family) > room:
            pieces.append(current)
            current = ""
        current += cluster
    return pieces + [current]


def _word_items(word: str, style: TextStyle, room: float, unit: tuple[float, float]) -> list:
    """A word as boxes, with a cut (a hyphen, or none inside an over-wide word) between them.

    In justified text a box stretches by its no-break spaces and, a hair, by its letters.
    """
    letter = LETTER_SPACING * style.size if unit[0] else 0.0

    def box(text: str) -> Box:
        gaps = text.count("\u00a0")
        return Box(text, fonts.width(text, style.face, style.size, family=style.family),
                   gaps * unit[0] + len(text) * letter, gaps * unit[1] + len(text) * letter)
    pieces = _cut(word, style, room)
    if len(pieces) > 1:
        items = [box(pieces[0])]
        for piece in pieces[1:]:
            items += [Penalty("", 0.0, 0, False), box(piece)]
        return items
    cuts = hyphenate.cuts(word, style.language) if style.hyphenate else ()
    hyphen = fonts.width("-", style.face, style.size, family=style.family)
    items, start = [], 0
    for offset, added in cuts:
        items += [box(word[start:offset]),
                  Penalty("-" if added else "", hyphen if added else 0.0,
                          linebreak.HYPHEN_PENALTY, True)]
        start = offset
    return items + [box(word[start:])]


def _segment_items(segment: str, style: TextStyle, room: float, justify: bool) -> list:
    """The items of one line-broken segment, ending with a forced break."""
    space = pdfmetrics.stringWidth(" ", fonts.register(style.face, family=style.family),
                                   style.size)
    unit = (space * STRETCH, space * SHRINK) if justify else (0.0, 0.0)
    items: list = []
    for word in segment.split(" "):
        if word:
            if items:
                items.append(Glue(space, *unit))
            items += _word_items(word, style, room, unit)
    return items + [Glue(0.0, 1e9, 0.0), Penalty("", 0.0, -linebreak.INFINITY, False)]


def _segment_lines(segment: str, style: TextStyle, first: float, width: float) -> list[Line]:
    """One segment's lines: justified if its spaces can stay within limits, else ragged."""
    justify = style.align == "justify"
    items = _segment_items(segment, style, width, justify)
    if len(items) == 2:
        return [Line("", 0.0, True)]
    breaks = linebreak.break_paragraph(items, first, width) if justify else None
    if breaks is None:
        justify = False
        items = _segment_items(segment, style, width, False)
        breaks = linebreak.break_paragraph(items, first, width, RAGGED_EMS * style.size)
    return [_line(items, start, end, ratio, justify) for start, end, ratio in breaks]


def _line(items: list, start: int, end: int, ratio: float, justify: bool) -> Line:
    parts = []
    width = 0.0
    for item in items[start:end]:
        if isinstance(item, Box):
            parts.append(item.text)
            width += item.width
        elif isinstance(item, Glue) and item.stretch < 1e9:
            parts.append(" ")
            width += item.width
    brk = items[end]
    if isinstance(brk, Penalty) and brk.text:
        parts.append(brk.text)
        width += brk.width
    last = isinstance(brk, Penalty) and brk.cost <= -linebreak.INFINITY
    return Line("".join(parts), width, last, justify and not last and ratio >= -1)


def break_lines(text: str, style: TextStyle, width: float) -> list[Line]:
    """Lines over each '\\n' segment as a whole; justified lines within 0.67–1.6× spaces."""
    lines: list[Line] = []
    for segment in rtl.shape(text).split("\n"):
        first = width - (style.hang if lines else 0.0)
        lines += _segment_lines(segment, style, first, width - style.hang)
    return lines


def _spacing(line: Line, room: float, style: TextStyle) -> tuple[float, float]:
    """(word, letter) spacing to justify the line: the word spaces first, within 0.67–1.6×
    their width, then the letters, within LETTER_SPACING. A word gap takes the letter spacing
    twice (after the word's last letter and after the space), so the word spacing gives it
    back twice and the gap seen stays within the limits.

    Both U+0020 and U+00A0 are drawn as code 32, so both take the word spacing.
    """
    gaps = line.text.count(" ") + line.text.count("\u00a0")
    if not gaps or not line.justified:
        return 0.0, 0.0
    extra = room - line.width
    space = pdfmetrics.stringWidth(" ", fonts.register(style.face, family=style.family),
                                   style.size)
    limit = space * (STRETCH if extra > 0 else SHRINK)
    if abs(extra) <= limit * gaps:
        return extra / gaps, 0.0
    letters = len(line.text) - 1 - 2 * gaps
    sign = 1 if extra > 0 else -1
    letter = (extra - sign * limit * gaps) / letters if letters > 0 else 0.0
    letter = sign * min(abs(letter), LETTER_SPACING * style.size)
    return sign * limit - 2 * letter, letter


class TextBlock(Flowable):
    """Plain text laid out in lines; splits across pages keeping two lines on each side."""

    def __init__(self, text: str, style: TextStyle, lines: list[Line] | None = None,
                 continued: bool = False):
        super().__init__()
        self.text, self.style, self._lines = text, style, lines
        self._continued, self._preset = continued, lines is not None
        self.spaceBefore = 0 if continued else style.space_before
        self.spaceAfter = style.space_after
        self._width = 0.0

    def lines(self, width: float) -> list[Line]:
        """The lines at this width; a part of a split block keeps the lines it was given."""
        if self._preset:
            return self._lines
        if self._lines is None or self._width != width:
            self._lines = break_lines(self.text, self.style, width)
            self._width = width
        return self._lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Take the whole width; height is one leading per line."""
        self.width = availWidth
        self.height = len(self.lines(availWidth - self.style.indent)) * self.style.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """Cut where the page ends, leaving no line alone at the foot or head of a page."""
        lines = self.lines(availWidth - self.style.indent)
        fit = int((availHeight + 1e-6) // self.style.leading)
        if fit >= len(lines):
            return [self]
        fit = min(fit, len(lines) - 2)
        if fit < 2:
            return []
        style = self.style
        part = type(self)
        return [part(self.text, replace(style, space_after=0), lines[:fit]),
                part(self.text, style, lines[fit:], continued=True)]

    def draw(self) -> None:
        """Draw each line, justified lines stretched through the word (and letter) spacing."""
        style, canvas = self.style, self.canv
        canvas.setFillColorRGB(*style.color)
        for number, line in enumerate(self._lines):
            indent = style.indent + (style.hang if (number or self._continued) else 0.0)
            room = self.width - indent
            x, spacing, tracking = indent, 0.0, 0.0
            if style.align == "right":
                x = self.width - line.width
            elif style.align == "center":
                x = indent + (room - line.width) / 2
            elif style.align == "justify" and not line.last:
                spacing, tracking = _spacing(line, room, style)
            y = self.height - number * style.leading - style.size
            text = canvas.beginText(x, y)
            text.setWordSpace(spacing)
            if tracking:
                text.setCharSpace(tracking)
            for font, chunk in fonts.runs(rtl.visual(line.text), style.face,
                                          family=style.family):
                text.setFont(font, style.size)
                text.textOut(chunk)
            canvas.drawText(text)
