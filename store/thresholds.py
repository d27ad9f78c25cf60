"""The yearly ceilings a micro-entrepreneur in services watches, and warnings as they near.

Two ceilings, on what she received in the calendar year:
- the VAT franchise (franchise en base, CGI art. 293 B): past the threshold, VAT is charged
  from 1 January of the next year; past the higher tolerance, from the day it is passed;
- the micro-entreprise regime for services (CGI art. 50-0 and 102 ter): past the ceiling two
  years in a row, the regime ends.

Figures and sources, checked when written (the search tool's stored pages):
- VAT franchise, services, 2025 and 2026: 37 500 € and tolerance 41 250 €. Set from
  1 January 2025 by loi 2023-1322 art. 82 (LF 2024); the single 25 000 € threshold of the LF
  2025 (loi 2025-127 art. 32) was suspended, then repealed by loi 2025-1044 of 3 November 2025
  (https://www.vie-publique.fr/loi/298841-loi-midy-du-3-novembre-2025-tva-auto-entrepreneurs-
  abrogation-reforme), which restored these figures for 2025 and the years after; the 2026
  finance bill (art. 25) kept 37 500 € / 41 250 € for services other than building works
  (https://www.legifiscal.fr/actualites-fiscales/4273-plf-2026-franchise-base-tva-37500-btp.html).
  Whether the final finance law for 2026 changed them could not be confirmed.
- micro-entreprise ceiling, services, 2025: 77 700 € (the 2023–2025 figure, CGI art. 50-0 as
  updated every three years; https://bofip.impots.gouv.fr, BOI-BIC-DECLA-10-10-10).
  2026: 83 600 € for 2026–2028 according to a page quoting Service Public Entreprendre
  (https://rotek.fr/?p=42541, 26 February 2026); NOT confirmed from an official source:
  check it on https://entreprendre.service-public.fr before relying on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .i18n import _
from .receipts import period, receipts, total
from .wording import said_money

WARN_AT = Decimal("0.8")
"""The share of a ceiling at which a warning starts."""


@dataclass(frozen=True, slots=True)
class Ceilings:
    """One year's figures for services, with where they come from."""

    vat_threshold: Decimal
    vat_tolerance: Decimal
    micro_ceiling: Decimal
    source: str
    confirmed: bool = True
    """False when a figure could not be checked against an official source."""


THRESHOLDS = {
    2025: Ceilings(Decimal("37500"), Decimal("41250"), Decimal("77700"),
                   "CGI art. 293 B (loi 2023-1322 art. 82; loi 2025-1044 of 3 Nov 2025); "
                   "CGI art. 50-0 (BOI-BIC-DECLA-10-10-10)"),
    2026: Ceilings(Decimal("37500"), Decimal("41250"), Decimal("83600"),
                   "CGI art. 293 B (loi 2025-1044; PLF 2026 art. 25); micro ceiling "
                   "83 600 € as reported from Service Public Entreprendre, unconfirmed",
                   confirmed=False),
}
"""Year → the ceilings for services; a later year uses the latest known."""


def ceilings(year: int) -> Ceilings:
    """The figures for `year`: its own, else the latest known year's before it, else the
    earliest."""
    known = sorted(THRESHOLDS)
    earlier = [y for y in known if y <= year]
    return THRESHOLDS[earlier[-1] if earlier else known[0]]


def _euros(amount: Decimal) -> str:
    return said_money(amount, f"{amount:,.2f}".replace(",", "\u202f") + " €")


def _share(received: Decimal, ceiling: Decimal) -> int:
    return int(received * 100 / ceiling)


def year_receipts(book, year: int, today: date) -> Decimal:
    """What came in from 1 January of `year` to `today` (or the year's end)."""
    start, end = period(year)
    return total(receipts(book, start, min(end, today)))


def threshold_warnings(book, today: date) -> list[str]:
    """Warnings on this calendar year's receipts: 80 % of a ceiling reached, a ceiling passed."""
    figures = ceilings(today.year)
    received = year_receipts(book, today.year, today)
    warnings = []
    said = {"year": today.year, "received": _euros(received),
            "threshold": _euros(figures.vat_threshold), "tolerance": _euros(figures.vat_tolerance),
            "ceiling": _euros(figures.micro_ceiling), "next_year": today.year + 1}
    if book.profile.vat_regime == "franchise":
        if received > figures.vat_tolerance:
            warnings.append(_("{year}'s receipts ({received}) passed the VAT franchise tolerance "
                              "({tolerance}): VAT is due from the day it was passed; charge it on "
                              "new invoices (vat_regime \"vat\")").format(**said))
        elif received > figures.vat_threshold:
            warnings.append(_("{year}'s receipts ({received}) passed the VAT franchise threshold "
                              "({threshold}): VAT is charged from 1 January {next_year}, or at "
                              "once past {tolerance}").format(**said))
        elif received >= WARN_AT * figures.vat_threshold:
            warnings.append(_("{year}'s receipts ({received}) reach {share} % of the VAT "
                              "franchise threshold ({threshold})").format(
                                  share=_share(received, figures.vat_threshold), **said))
    if received > figures.micro_ceiling:
        warnings.append(_("{year}'s receipts ({received}) passed the micro-entreprise ceiling "
                          "({ceiling}): two years in a row ends the regime").format(**said))
    elif received >= WARN_AT * figures.micro_ceiling:
        warnings.append(_("{year}'s receipts ({received}) reach {share} % of the "
                          "micro-entreprise ceiling ({ceiling})").format(
                              share=_share(received, figures.micro_ceiling), **said))
    if warnings and not figures.confirmed:
        warnings.append(_("the {year} ceilings could not all be confirmed: {source}").format(
            year=today.year, source=figures.source))
    return warnings
