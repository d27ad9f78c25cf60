"""Arguments of the money sub-commands: quote, invoice, credit-note, invoices, receipts, paid.

Argparse only (cheap to import on every run). Amounts and DATE values stay text here: the
handlers read them with the store's own checks, so a bad one is one clear line.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from store.money_records import DECLARATION_PERIODS, PAYMENT_METHODS, VAT_REGIMES

DATE = "DATE"
MONEY_HELP = {
    "quote": "quote REF: issue the order's quote as a PDF (documents/); prints its path",
    "invoice": "invoice REF [--deposit AMOUNT]: issue the order's invoice (Factur-X PDF); "
               "prints its path",
    "credit_note": "credit-note INVOICE_NUMBER --amount A --reason TEXT: a credit note on an "
                   "invoice; prints its path",
    "invoices": "every issued document: quotes, invoices, deposits, credit notes",
    "receipts": "the receipts book of a year, quarter or month, its total and URSSAF totals",
    "paid": "paid REF [--amount A] [--method M]: a payment received (the order is paid once "
            "nothing is left due)",
}
"""The money sub-commands' one-line help, by handler name."""


def whole(low: int, high: int, what: str):
    """An argparse type: a whole number from `low` to `high`."""
    def read(text: str) -> int:
        if not text.strip().isdigit() or not low <= int(text) <= high:
            raise argparse.ArgumentTypeError(f"{text!r} is not {what} ({low} to {high})")
        return int(text)
    return read


def days_count(text: str) -> int:
    """A number of days: a whole number, 0 or more (the store checks its range)."""
    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of days (a whole number)")
    return int(text)


def json_option(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--json", action="store_true", help=f"print {what} as JSON")


def profile_money_options(set_: argparse.ArgumentParser) -> None:
    """`profile set`'s invoicing options: VAT, payment terms, bank, numbering, declarations."""
    set_.add_argument("--vat-regime", choices=VAT_REGIMES, dest="vat_regime",
                      help="franchise: VAT-exempt under art. 293 B du CGI (default); vat: VAT "
                           "charged on each line at --vat-rate")
    set_.add_argument("--vat-rate", metavar="PERCENT", dest="vat_rate",
                      help="the VAT rate when charged, e.g. 20")
    set_.add_argument("--vat-number", metavar="FR…", dest="vat_number",
                      help="your intra-EU VAT number (when you have one)")
    set_.add_argument("--payment-days", metavar="DAYS", dest="payment_days", type=days_count,
                      help="days from an invoice to its due date (default 30; 0 to 120)")
    set_.add_argument("--penalty-rate", metavar="TEXT", dest="penalty_rate",
                      help='the late-payment penalty rate printed on invoices ("" for the '
                           "legal default wording)")
    set_.add_argument("--iban", metavar="IBAN", help="printed on invoices (checked)")
    set_.add_argument("--bic", metavar="BIC", help="the bank's BIC (checked)")
    set_.add_argument("--mediator", metavar="TEXT",
                      help="the consumer mediator private clients may turn to (name, web site)")
    for kind, what, default in (("quote", "quote", "D"), ("invoice", "invoice", "F"),
                                ("credit", "credit note", "A")):
        set_.add_argument(f"--{kind}-prefix", metavar="P", dest=f"{kind}_prefix",
                          help=f"the {what} numbers' prefix (default {default}: "
                               f"{default}-2026-0001)")
    set_.add_argument("--quote-days", metavar="DAYS", dest="quote_days", type=days_count,
                      help="how long a quote stays valid (default 30)")
    set_.add_argument("--declaration", choices=DECLARATION_PERIODS,
                      help="how often you declare your receipts to URSSAF (default quarterly)")


def _order_ref(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("ref", metavar="REF", help="an order reference (2026-014)")


def _lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=("fr", "en"), help="default: the client's language")


def _out(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", metavar="FILE", type=Path,
                        help="also write the PDF to FILE (it is filed in documents/ anyway)")


def quote_arguments(parser: argparse.ArgumentParser, common) -> None:
    _order_ref(parser)
    _lang(parser)
    _out(parser)


def invoice_arguments(parser: argparse.ArgumentParser, common) -> None:
    _order_ref(parser)
    parser.add_argument("--on", metavar=DATE, help="the issue date (default: --today)")
    parser.add_argument("--deposit", metavar="AMOUNT",
                        help="a deposit invoice (facture d'acompte) for this amount, e.g. 300")
    _lang(parser)
    _out(parser)


def credit_note_arguments(parser: argparse.ArgumentParser, common) -> None:
    parser.add_argument("number", metavar="INVOICE_NUMBER",
                        help="the invoice it corrects (F-2026-0001)")
    parser.add_argument("--amount", metavar="A", required=True,
                        help="what it gives back, e.g. 50 or 12,50 (at most what the invoice "
                             "still asks)")
    parser.add_argument("--reason", metavar="TEXT", required=True,
                        help="why: a gesture of goodwill, an error on the invoice…")
    parser.add_argument("--on", metavar=DATE, help="the issue date (default: --today)")
    _out(parser)


def invoices_arguments(parser: argparse.ArgumentParser, common) -> None:
    json_option(parser, "a JSON list of objects")


def receipts_arguments(parser: argparse.ArgumentParser, common) -> None:
    parser.add_argument("--year", metavar="Y", type=whole(1900, 9999, "a year"),
                        help="default: the year of --today")
    within = parser.add_mutually_exclusive_group()
    within.add_argument("--quarter", metavar="Q", type=whole(1, 4, "a quarter"),
                        help="one quarter of the year (1 to 4)")
    within.add_argument("--month", metavar="M", type=whole(1, 12, "a month"),
                        help="one month of the year (1 to 12)")
    json_option(parser, "a JSON object")


def paid_arguments(parser: argparse.ArgumentParser, common) -> None:
    _order_ref(parser)
    parser.add_argument("--on", metavar=DATE, help="the day the payment came (default: --today)")
    parser.add_argument("--amount", metavar="A",
                        help="what came, e.g. 300 or 1 250,50 (default: all that is still due)")
    parser.add_argument("--method", choices=PAYMENT_METHODS, default="transfer",
                        help="how it was paid (default: transfer)")
    json_option(parser, "the order and the payment")
