"""The tables of a money document: its lines, its totals, and the SEPA payment QR code."""

from __future__ import annotations

import io
from dataclasses import replace
from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Table, TableStyle

from store.money_records import Line, MoneyDocument

from . import fonts, localize
from .money_words import LABELS
from .textblock import TextBlock, TextStyle

GRID = (0.6, 0.6, 0.6)
SHADE = (0.93, 0.93, 0.93)


def _quantity(value: Decimal, language: str) -> str:
    text = format(value.normalize(), "f")
    return text.replace(".", ",") if language == "fr" else text


def lines_table(doc: MoneyDocument, style: TextStyle, width: float, language: str,
                with_vat: bool) -> Table:
    """Description, quantity, unit price (and VAT rate), amount: one row per line, the
    header repeated on each page, amounts right-aligned."""
    words = LABELS[language]
    head = [words["description"], words["quantity"], words["unit_price"]]
    head += [words["vat_rate"]] if with_vat else []
    head.append(words["line_total"])
    numbers = [22 * mm, 30 * mm] + ([14 * mm] if with_vat else []) + [30 * mm]
    described = width - sum(numbers)
    cell = replace(style, align="left", space_after=0, space_before=0)
    rows: list[list] = [head]
    for line in doc.lines:
        rows.append(_row(line, cell, language, with_vat))
    table = Table(rows, colWidths=[described, *numbers], repeatRows=1)
    table.setStyle(_table_style(style, len(head)))
    return table


def _row(line: Line, cell: TextStyle, language: str, with_vat: bool) -> list:
    row = [TextBlock(line.description, cell), _quantity(line.quantity, language),
           localize.amount(line.unit_price, language)]
    if with_vat:
        row.append(f"{_quantity(line.vat_rate, language)}\u202f%")
    row.append(localize.amount(line.total, language))
    return row


def _table_style(style: TextStyle, columns: int) -> TableStyle:
    regular = fonts.register("regular", family=style.family)
    bold = fonts.register("bold", family=style.family)
    return TableStyle([
        ("FONT", (0, 0), (-1, -1), regular, style.size - 0.5),
        ("FONT", (0, 0), (-1, 0), bold, style.size - 0.5),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, GRID),
        ("LINEBELOW", (0, -1), (-1, -1), 0.6, GRID),
        ("ALIGN", (1, 0), (columns - 1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ])


def totals_table(rows: list[tuple[str, str, str]], style: TextStyle, width: float) -> Table:
    """The totals, right-aligned under the lines; the last row in bold."""
    table = Table(rows, colWidths=[width - 90 * mm, 55 * mm, 35 * mm], hAlign="RIGHT")
    regular = fonts.register("regular", family=style.family)
    bold = fonts.register("bold", family=style.family)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), regular, style.size - 0.5),
        ("FONT", (0, -1), (-1, -1), bold, style.size),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("LINEABOVE", (1, -1), (-1, -1), 0.6, GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def epc_payload(name: str, iban: str, bic: str, amount: Decimal, text: str) -> str:
    """The EPC069-12 'SCT' payload a banking app reads to prefill a SEPA transfer."""
    return "\n".join(["BCD", "002", "1", "SCT", bic, name[:70], iban,
                      f"EUR{amount:.2f}", "", "", text[:140]])


class PaymentQR(Flowable):
    """A SEPA payment QR code (EPC), 28 mm square, drawn at the right of the text."""

    SIZE = 28 * mm

    def __init__(self, payload: str):
        super().__init__()
        import segno
        out = io.BytesIO()
        segno.make(payload, error="m", micro=False).save(out, kind="png", scale=6, border=2)
        self.image = ImageReader(io.BytesIO(out.getvalue()))

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """The code's square, the whole width taken."""
        self.width = availWidth
        return availWidth, self.SIZE

    def draw(self) -> None:
        """The code at the right margin."""
        self.canv.drawImage(self.image, self.width - self.SIZE, 0, self.SIZE, self.SIZE)
