"""A composed letter: every word it will print, before any layout."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from store.models import LETTER_KINDS, PAYMENT_LETTER_KINDS

KINDS = LETTER_KINDS + PAYMENT_LETTER_KINDS
"""Letter kinds, in the order the user meets them."""

NEEDS_ORDER = frozenset({"apology", "summary", "scope", *PAYMENT_LETTER_KINDS})
"""Kinds that speak about one order and cannot be written without it."""


@dataclass(slots=True)
class LetterDraft:
    """The wording of one letter; the TUI may edit any field before rendering."""

    kind: str
    language: str
    date: date
    subject: str
    place_date: str
    salutation: str
    paragraphs: list[str]
    closing: str
    signature: str
    recipient_lines: list[str]
    recipient_name: str
    references: list[tuple[str, str]] = field(default_factory=list)
    enclosures: list[str] = field(default_factory=list)
    order_ref: str | None = None
    abroad: bool = False
    reader_country: str = ""
    """The recipient's country as typed: the letterhead's phone is written for that reader."""
    mail: str = ""
    """The special-mail line above the address ('Lettre recommandée avec avis de réception')."""

    @property
    def title(self) -> str:
        """The PDF title: subject, and the order reference when there is one."""
        return f"{self.subject} ({self.order_ref})" if self.order_ref else self.subject

    def prose(self) -> list[tuple[str, str]]:
        """Every field of running text, named as a user would name it."""
        fields = [("subject", self.subject), ("salutation", self.salutation)]
        fields += [(f"paragraph {i}", p) for i, p in enumerate(self.paragraphs, 1)]
        fields += [("closing", self.closing), ("signature", self.signature)]
        fields += [(f"enclosure {i}", e) for i, e in enumerate(self.enclosures, 1)]
        return fields


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs as typed (in the TUI's text area): separated by blank lines."""
    blocks, current = [], []
    for line in text.splitlines():
        if line.strip():
            current.append(line.strip())
        elif current:
            blocks.append(" ".join(current))
            current = []
    if current:
        blocks.append(" ".join(current))
    return blocks
