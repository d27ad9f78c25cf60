"""Arguments of the money sub-commands: quote, invoice, credit-note, invoices, receipts, paid.

Argparse only (cheap to import on every run). Amounts and DATE values stay text here: the
handlers read them with the store's own checks, so a bad one is one clear line.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from store.i18n import N_, _
from store.vocabulary import DECLARATION_PERIODS, PAYMENT_METHODS, VAT_REGIMES

DATE = "DATE"
MONEY_HELP = {
    "quote": N_("quote REF: issue the order's quote as a PDF (documents/); prints its path"),
    "invoice": N_("invoice REF [--deposit AMOUNT]: issue the order's invoice (Factur-X PDF); "
                  "prints its path"),
    "credit_note": N_("credit-note INVOICE_NUMBER --amount A --reason TEXT: a credit note on an "
                      "invoice; prints its path"),
    "invoices": N_("every issued document: quotes, invoices, deposits, credit notes"),
    "receipts": N_("the receipts book of a year, quarter or month, its total and URSSAF "
                   "totals"),
    "paid": N_("paid REF [--amount A] [--method M]: a payment received (the order is paid once "
               "nothing is left due)"),
}
"""The money sub-commands' one-line help, by handler name (translated where shown)."""


def whole(low: int, high: int, refusal: str):
    """An argparse type: a whole number from `low` to `high`; `refusal` (N_-marked, with
    {text}, {low} and {high}) says why another is refused."""
    def read(text: str) -> int:
        if not text.strip().isdigit() or not low <= int(text) <= high:
            raise argparse.ArgumentTypeError(_(refusal).format(text=text, low=low, high=high))
        return int(text)
    return read


def days_count(text: str) -> int:
    """A number of days: a whole number, 0 or more (the store checks its range)."""
    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a number of days (a whole number)").format(text=text))
    return int(text)


def json_option(parser: argparse.ArgumentParser, help: str) -> None:
    parser.add_argument("--json", action="store_true", help=help)


def profile_money_options(set_: argparse.ArgumentParser) -> None:
    """`profile set`'s invoicing options: VAT, payment terms, bank, numbering, declarations."""
    set_.add_argument("--vat-regime", choices=VAT_REGIMES, dest="vat_regime",
                      help=_("franchise: VAT-exempt under art. 293 B du CGI (default); vat: VAT "
                             "charged on each line at --vat-rate"))
    set_.add_argument("--vat-rate", metavar="PERCENT", dest="vat_rate",
                      help=_("the VAT rate when charged, e.g. 20"))
    set_.add_argument("--vat-number", metavar="FR…", dest="vat_number",
                      help=_("your intra-EU VAT number (when you have one)"))
    set_.add_argument("--payment-days", metavar="DAYS", dest="payment_days", type=days_count,
                      help=_("days from an invoice to its due date (default 30; 0 to 120)"))
    set_.add_argument("--penalty-rate", metavar="TEXT", dest="penalty_rate",
                      help=_('the late-payment penalty rate printed on invoices ("" for the '
                             "legal default wording)"))
    set_.add_argument("--iban", metavar="IBAN", help=_("printed on invoices (checked)"))
    set_.add_argument("--bic", metavar="BIC", help=_("the bank's BIC (checked)"))
    set_.add_argument("--mediator", metavar="TEXT",
                      help=_("the consumer mediator private clients may turn to (name, web site)"))
    for kind, help, default in (
            ("quote", N_("the quote numbers' prefix (default {prefix}: {example})"), "D"),
            ("invoice", N_("the invoice numbers' prefix (default {prefix}: {example})"), "F"),
            ("credit", N_("the credit note numbers' prefix (default {prefix}: {example})"),
             "A")):
        set_.add_argument(f"--{kind}-prefix", metavar="P", dest=f"{kind}_prefix",
                          help=_(help).format(prefix=default, example=f"{default}-2026-0001"))
    set_.add_argument("--quote-days", metavar="DAYS", dest="quote_days", type=days_count,
                      help=_("how long a quote stays valid (default 30)"))
    set_.add_argument("--declaration", choices=DECLARATION_PERIODS,
                      help=_("how often you declare your receipts to URSSAF (default quarterly)"))


def _order_ref(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("ref", metavar="REF", help=_("an order reference (2026-014)"))


def _lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=("fr", "en"), help=_("default: the client's language"))


def _out(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", metavar="FILE", type=Path,
                        help=_("also write the PDF to FILE (it is filed in documents/ anyway)"))


def quote_arguments(parser: argparse.ArgumentParser, common) -> None:
    _order_ref(parser)
    _lang(parser)
    _out(parser)


def invoice_arguments(parser: argparse.ArgumentParser, common) -> None:
    _order_ref(parser)
    parser.add_argument("--on", metavar=DATE, help=_("the issue date (default: --today)"))
    parser.add_argument("--deposit", metavar="AMOUNT",
                        help=_("a deposit invoice (facture d'acompte) for this amount, e.g. 300"))
    _lang(parser)
    _out(parser)


def credit_note_arguments(parser: argparse.ArgumentParser, common) -> None:
    parser.add_argument("number", metavar="INVOICE_NUMBER",
                        help=_("the invoice it corrects (F-2026-0001)"))
    parser.add_argument("--amount", metavar="A", required=True,
                        help=_("what it gives back, e.g. 50 or 12,50 (at most what the invoice "
                               "still asks)"))
    parser.add_argument("--reason", metavar="TEXT", required=True,
                        help=_("why: a gesture of goodwill, an error on the invoice…"))
    parser.add_argument("--on", metavar=DATE, help=_("the issue date (default: --today)"))
    _out(parser)


def invoices_arguments(parser: argparse.ArgumentParser, common) -> None:
    json_option(parser, _("print a JSON list of objects (always in English)"))


def receipts_arguments(parser: argparse.ArgumentParser, common) -> None:
    parser.add_argument("--year", metavar="Y",
                        type=whole(1900, 9999, N_("{text!r} is not a year ({low} to {high})")),
                        help=_("default: the year of --today"))
    within = parser.add_mutually_exclusive_group()
    within.add_argument("--quarter", metavar="Q",
                        type=whole(1, 4, N_("{text!r} is not a quarter ({low} to {high})")),
                        help=_("one quarter of the year (1 to 4)"))
    within.add_argument("--month", metavar="M",
                        type=whole(1, 12, N_("{text!r} is not a month ({low} to {high})")),
                        help=_("one month of the year (1 to 12)"))
    json_option(parser, _("print a JSON object (always in English)"))


def paid_arguments(parser: argparse.ArgumentParser, common) -> None:
    _order_ref(parser)
    parser.add_argument("--on", metavar=DATE, help=_("the day the payment came (default: --today)"))
    parser.add_argument("--amount", metavar="A",
                        help=_("what came, e.g. 300 or 1 250,50 (default: all that is still due)"))
    parser.add_argument("--method", choices=PAYMENT_METHODS, default="transfer",
                        help=_("how it was paid (default: transfer)"))
    json_option(parser, _("print the order and the payment as JSON"))
