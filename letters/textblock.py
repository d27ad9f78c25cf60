"""A block of plain text as a flowable: no markup, breaks only at ordinary spaces.

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

from . import fonts, rtl


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
    family: str = "dejavu"


@dataclass(frozen=True, slots=True)
class Line:
    """One drawn line: its words, natural width, and whether it ends a paragraph or a '\\n'."""

    text: str
    width: float
    last: bool


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


def break_lines(text: str, style: TextStyle, width: float) -> list[Line]:
    """Greedy line breaking at U+0020 only; the last line of each segment is marked."""
    space = pdfmetrics.stringWidth(" ", fonts.register(style.face, family=style.family), style.size)
    lines: list[Line] = []
    for segment in rtl.shape(text).split("\n"):
        words: list[str] = []
        used = 0.0
        for word in segment.split(" "):
            for piece in _cut(word, style, width - style.hang) if word else []:
                size = fonts.width(piece, style.face, style.size, family=style.family)
                room = width - (style.hang if lines else 0)
                if words and used + space + size > room:
                    lines.append(Line(" ".join(words), used, False))
                    words, used = [], 0.0
                used += (space if words else 0) + size
                words.append(piece)
        lines.append(Line(" ".join(words), used, True))
    return lines


MAX_STRETCH = 2.5
"""A justified space may grow to this many times its width; a looser line stays ragged."""


def _stretch(line: Line, room: float, style: TextStyle) -> float:
    """Extra width per space (U+0020 or U+00A0: both drawn as code 32) to justify the line."""
    gaps = line.text.count(" ") + line.text.count("\u00a0")
    if not gaps:
        return 0.0
    extra = (room - line.width) / gaps
    space = pdfmetrics.stringWidth(" ", fonts.register(style.face, family=style.family), style.size)
    return extra if extra <= space * MAX_STRETCH else 0.0


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
        return [TextBlock(self.text, replace(style, space_after=0), lines[:fit]),
                TextBlock(self.text, style, lines[fit:], continued=True)]

    def draw(self) -> None:
        """Draw each line, justified lines stretched through the word spacing."""
        style, canvas = self.style, self.canv
        canvas.setFillColorRGB(*style.color)
        for number, line in enumerate(self._lines):
            indent = style.indent + (style.hang if (number or self._continued) else 0.0)
            room = self.width - indent
            x, spacing = indent, 0.0
            if style.align == "right":
                x = self.width - line.width
            elif style.align == "center":
                x = indent + (room - line.width) / 2
            elif style.align == "justify" and not line.last:
                spacing = _stretch(line, room, style)
            y = self.height - number * style.leading - style.size
            text = canvas.beginText(x, y)
            text.setWordSpace(spacing)
            for font, chunk in fonts.runs(rtl.visual(line.text), style.face,
                                          family=style.family):
                text.setFont(font, style.size)
                text.textOut(chunk)
            canvas.drawText(text)
