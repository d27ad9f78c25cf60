"""Document numbers: one continuous, chronological series per prefix and year, no gap.

Art. 242 nonies A, I-1° of annexe II to the CGI asks for "un numéro unique basé sur une
séquence chronologique et continue"; several series are allowed, each continuous. A number
is taken only when the document is stored (inside the issuing transaction), so a failed
write or an undone issue leaves no gap: the next document takes the number again.
Deposit invoices share the invoice series (they are invoices).
"""

from __future__ import annotations

import re
from datetime import date

from .errors import ValidationError
from .i18n import _
from .models import Profile
from .wording import said_day

DIGITS = 4
_PREFIX_FIELDS = {"quote": "quote_prefix", "invoice": "invoice_prefix",
                  "deposit": "invoice_prefix", "credit-note": "credit_prefix"}


def prefix_for(profile: Profile, kind: str) -> str:
    """The profile's prefix for a kind of document (a deposit uses the invoice prefix)."""
    if kind not in _PREFIX_FIELDS:
        raise ValidationError("kind", _("{kind} is not a kind of document").format(kind=repr(kind)))
    return getattr(profile, _PREFIX_FIELDS[kind])


def number_for(profile: Profile, kind: str, year: int, n: int) -> str:
    """The n-th number of the year for that kind: "F-2026-0001"."""
    return f"{prefix_for(profile, kind)}-{year}-{n:0{DIGITS}d}"


def _pattern(prefix: str, year: int) -> re.Pattern:
    return re.compile(rf"{re.escape(prefix)}-{year}-([0-9]+)")


def series(book, kind: str, year: int) -> list:
    """The documents already numbered in the series `kind` takes this year, in number order."""
    pattern = _pattern(prefix_for(book.profile, kind), year)
    found = [(int(match.group(1)), doc) for doc in book.all("documents")
             if (match := pattern.fullmatch(doc.number))]
    return [doc for _, doc in sorted(found, key=lambda pair: pair[0])]


def next_number(book, kind: str, year: int) -> str:
    """The number the next document of that kind issued in `year` takes."""
    pattern = _pattern(prefix_for(book.profile, kind), year)
    used = [int(match.group(1)) for doc in book.all("documents")
            if (match := pattern.fullmatch(doc.number))]
    return number_for(book.profile, kind, year, max(used, default=0) + 1)


def check_chronology(book, kind: str, on: date) -> None:
    """Refuse a date before the last document of the series: numbers follow the dates."""
    earlier = series(book, kind, on.year)
    if earlier and earlier[-1].issued > on:
        last = earlier[-1]
        raise ValidationError("date", _("{day} is before {number}, issued on {issued}: numbers "
                                        "follow the dates, so a document cannot be dated "
                                        "earlier").format(day=said_day(on), number=last.number,
                                                          issued=said_day(last.issued)))
