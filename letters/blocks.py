"""The set-apart pieces of a letter: details tables, quoted passages and the signature image.

A paragraph of the wording is a details table when every line reads `label | value`
(the act's nature, date, place…) and a quoted passage when every line starts with `> `
(the scope agreed with the client); anything else is running text.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable

from store.errors import ValidationError
from store.i18n import _

from . import fonts
from .textblock import TextBlock, TextStyle

SET_APART = 8 * mm
"""How far tables and quotations stand in from the text, and the gap above and below them."""
RULE = (0.6, 0.6, 0.6)
_ROW = re.compile(r"^(?P<label>[^|\n]+?) \| (?P<value>.*)$")
_QUOTE = re.compile(r"^> ?")


def kind_of(paragraph: str) -> str:
    """'details', 'quote' or 'text'."""
    lines = paragraph.split("\n")
    if all(_QUOTE.match(line) for line in lines):
        return "quote"
    if all(_ROW.match(line) for line in lines):
        return "details"
    return "text"


def rows(paragraph: str) -> list[tuple[str, str]]:
    """The (label, value) rows of a details table."""
    return [(m["label"].strip(), m["value"].strip()) for m in map(_ROW.match,
                                                                  paragraph.split("\n"))]


def unquoted(paragraph: str) -> str:
    """A quoted passage without its '> ' marks."""
    return "\n".join(_QUOTE.sub("", line, count=1) for line in paragraph.split("\n"))


class DetailsTable(Flowable):
    """Labels in a column of their own, values aligned beside them; never split."""

    def __init__(self, pairs: list[tuple[str, str]], style: TextStyle):
        super().__init__()
        self.style = style
        label_style = replace(style, color=(0.3, 0.3, 0.3), align="left")
        value_style = replace(style, align="left", space_after=0)
        self.labels = [TextBlock(label, label_style) for label, _ in pairs]
        self.values = [TextBlock(value, value_style) for _, value in pairs]
        self.spaceBefore, self.spaceAfter = style.space_after, style.space_after + 2 * mm
        self.keepWithNext = False

    def _columns(self, width: float) -> tuple[float, float]:
        inner = width - SET_APART
        widest = max(fonts.width(b.text, b.style.face, b.style.size, family=b.style.family)
                     for b in self.labels)
        label_w = min(widest + 4 * mm, inner * 0.4)
        return label_w, inner - label_w

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Each row as tall as the taller of its label and value."""
        label_w, value_w = self._columns(availWidth)
        self.width, self._heights = availWidth, []
        for label, value in zip(self.labels, self.values):
            self._heights.append(max(label.wrap(label_w, availHeight)[1],
                                     value.wrap(value_w, availHeight)[1]))
        self.height = sum(self._heights)
        return self.width, self.height

    def draw(self) -> None:
        """Rows from the top, a thin rule at the left."""
        label_w, _ = self._columns(self.width)
        y = self.height
        for label, value, height in zip(self.labels, self.values, self._heights):
            y -= height
            label.drawOn(self.canv, SET_APART, y + height - label.height)
            value.drawOn(self.canv, SET_APART + label_w, y + height - value.height)
        _rule(self.canv, self.height)


def _rule(canvas, height: float) -> None:
    canvas.saveState()
    canvas.setStrokeColorRGB(*RULE)
    canvas.setLineWidth(0.6)
    canvas.line(SET_APART / 2, 0, SET_APART / 2, height)
    canvas.restoreState()


class QuotedBlock(TextBlock):
    """A passage quoted from the records (the agreed scope), set in from both sides."""

    @classmethod
    def of(cls, paragraph: str, style: TextStyle) -> QuotedBlock:
        """The block for a '> ' paragraph."""
        return cls(unquoted(paragraph), replace(style, indent=SET_APART, align="left",
                                                space_after=style.space_after + 2 * mm))

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """As a text block narrower by the indent on the right too."""
        width, height = super().wrap(availWidth - SET_APART, availHeight)
        self.width = availWidth - SET_APART
        return availWidth, height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """Split as text, each part still set in."""
        return super().split(availWidth - SET_APART, availHeight)

    def draw(self) -> None:
        """The text, and a thin rule at the left."""
        super().draw()
        _rule(self.canv, self.height)


class SignatureImage(Flowable):
    """The profile's signature, scanned, drawn above the typed name."""

    MAX_W, MAX_H = 50 * mm, 16 * mm

    def __init__(self, path: str, indent: float):
        super().__init__()
        try:
            self.image = ImageReader(str(Path(path)))
            width, height = self.image.getSize()
        except Exception:  # a file gone, unreadable or not an image: say which
            raise ValidationError("signature image", _(
                "{path} cannot be read as a PNG or JPEG; set another with "
                "'profile set --signature-image FILE' or clear it").format(path=path)) from None
        scale = min(self.MAX_W / width, self.MAX_H / height)
        self.image_w, self.image_h = width * scale, height * scale
        self.indent = indent

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """The image's height, scaled to fit 50 × 16 mm."""
        return availWidth, self.image_h

    def draw(self) -> None:
        """The image at the signature's indent, transparent parts kept transparent."""
        self.canv.drawImage(self.image, self.indent, 0, self.image_w, self.image_h,
                            mask="auto")


def body(paragraphs: list[str], style: TextStyle) -> list[Flowable]:
    """The body's flowables: a paragraph that announces what follows (ending with ':') and a
    details table stay with the next block."""
    flowables: list[Flowable] = []
    for paragraph in paragraphs:
        kind = kind_of(paragraph)
        if kind == "details":
            block = DetailsTable(rows(paragraph), style)
        elif kind == "quote":
            block = QuotedBlock.of(paragraph, style)
        else:
            block = TextBlock(paragraph, style)
        block.keepWithNext = kind == "details" or paragraph.rstrip().endswith(":")
        flowables.append(block)
    if flowables:
        flowables[-1].keepWithNext = False
    return flowables
