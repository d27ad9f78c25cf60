"""A canvas that holds its pages until the end, so each can say 'page n/N'."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from reportlab.pdfgen.canvas import Canvas

Stamp = Callable[[Canvas, int, int], None]


class PagedCanvas(Canvas):
    """Pages are stamped with their number and the total once the total is known.

    The PDF creation date is the letter's date, so the same letter gives the same bytes.
    """

    def __init__(self, *args, stamp: Stamp | None = None, created: date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self._held: list[dict] = []
        self._stamp = stamp
        if created is not None:
            self.setDateFormatter(lambda *_: f"D:{created:%Y%m%d}000000+00'00'")

    def showPage(self) -> None:
        """Hold the finished page instead of writing it."""
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        """Stamp every held page with 'n/N', then write the document."""
        held = self._held
        for number, state in enumerate(held, 1):
            self.__dict__.update(state)
            if self._stamp is not None:
                self._stamp(self, number, len(held))
            super().showPage()
        super().save()
