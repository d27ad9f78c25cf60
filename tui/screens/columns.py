"""Table headers in the interface's language, each column wide enough for its header and dates.

French headers and dates run longer than English ones ('22 sept. 2026' against '22 Nov 2026'):
a column keeps its English width and widens only as far as its translated text needs.
"""

from __future__ import annotations

from datetime import date

from store.formats import day
from store.i18n import N_, qualified

Column = tuple[str, int]
"""A header and its width; 0: the one column that takes the width left."""


def date_width() -> int:
    """The widest date the interface writes: 13 in French ('22 sept. 2026'), 12 in English."""
    return max(len(day(date(2026, month, 22))) for month in range(1, 13))


def column(header: str, width: int = 0, *samples: str) -> Column:
    """`header` translated (its 'qualifier|' dropped), as wide as it, `width` and `samples`.

    A width of 0 stays 0: the column takes the width left."""
    label = qualified(header)
    if not width:
        return label, 0
    return label, max(width, len(label), *(len(sample) for sample in samples))


def date_column(header: str, width: int) -> Column:
    """A column of dates: wide enough for the longest one in the interface's language."""
    label, wide = column(header, width)
    return label, max(wide, date_width())


def history_columns() -> tuple[Column, ...]:
    """A timeline's columns (a client's, an order's): date, what, detail."""
    return date_column(N_("Date"), 11), column(N_("timeline|What"), 13), column(N_("Detail"))
