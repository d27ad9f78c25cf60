"""Arguments of the writing sub-commands (argparse only: cheap to import on every run).

Each `<name>_arguments(parser, common)` fills the sub-command's parser; `common` (--data,
--today) is given to nested actions (`client add`, `incident step`…) so those options are
accepted after them too. DATE values stay text here: the handlers read them relative to --today.
"""

from __future__ import annotations

import argparse

from store.exchange.cli_args import client_id
from store.models import (CAUSES, CHANNELS, CIVILITIES, DIRECTIONS, INTERACTION_KINDS, LANGUAGES,
                          LEGAL_FORMS, TEXT_ALIGNS, TYPEFACES)
from store.recovery import STEPS

from .money_arguments import profile_money_options

DATE = "DATE"
OPEN_STATUSES = ("quote", "accepted", "in progress")


def record_id(text: str) -> int:
    """A record's id: a positive whole number."""
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not an id (a positive whole number)")
    return int(text)


def _actions(parser: argparse.ArgumentParser) -> argparse._SubParsersAction:
    return parser.add_subparsers(dest="action", metavar="ACTION", required=True)


def _action(actions: argparse._SubParsersAction, name: str, common, help: str):
    return actions.add_parser(name, parents=[common], help=help, description=help)


def json_option(parser: argparse.ArgumentParser, what: str = "the object") -> None:
    parser.add_argument("--json", action="store_true", help=f"print {what} as JSON")


def _on(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--on", metavar=DATE, help=f"the day {what} (default: --today)")


def _address(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--address", metavar="LINE", action="append",
                        help="a line of the street address (repeat for each line)")
    parser.add_argument("--postcode", metavar="P")
    parser.add_argument("--city", metavar="C")


def init_arguments(parser: argparse.ArgumentParser, common) -> None:
    """`init` takes only --data and --today."""


def profile_arguments(parser: argparse.ArgumentParser, common) -> None:
    actions = _actions(parser)
    set_ = _action(actions, "set", common, "change the business's profile "
                   "(what heads every letter); only the options given change")
    set_.add_argument("--name", metavar="N", help="as you sign your letters")
    set_.add_argument("--trade", metavar="T", help="e.g. Paléographe")
    _address(set_)
    set_.add_argument("--country", metavar="C")
    set_.add_argument("--email", metavar="E")
    set_.add_argument("--phone", metavar="P")
    set_.add_argument("--siret", metavar="S", help="the SIRET (14 digits) or SIREN (9 digits), "
                      "spaces allowed; checked with its checksum")
    set_.add_argument("--legal-form", metavar="EI|EIRL|SASU|...", dest="legal_form",
                      help="printed beside the name; usually " + ", ".join(LEGAL_FORMS) +
                      " (a micro-entreprise prints as EI); any other text is kept as given")
    set_.add_argument("--vat-note", metavar="TEXT", dest="vat_note",
                      help="e.g. TVA non applicable, art. 293 B du CGI")
    set_.add_argument("--letter-city", metavar="C", dest="letter_city",
                      help="the city in « Paris, le … »")
    set_.add_argument("--language", choices=LANGUAGES, help="the letters' default language")
    set_.add_argument("--tolerance", metavar="DAYS", dest="tolerance_days",
                      help="days of grace before a late order shows")
    set_.add_argument("--typeface", choices=TYPEFACES,
                      help="the letters' face: dejavu (default; every script) or garamond")
    set_.add_argument("--align", choices=TEXT_ALIGNS, dest="text_align",
                      help="paragraphs justified (default) or ragged right")
    set_.add_argument("--signature-image", metavar="FILE", dest="signature_image",
                      help='a PNG or JPEG of your signature, signed on the letters '
                           '(a relative path is kept absolute; "" for none)')
    profile_money_options(set_)
    json_option(set_, "the profile")
    show = _action(actions, "show", common, "print the business's profile")
    json_option(show, "the profile")


def client_arguments(parser: argparse.ArgumentParser, common) -> None:
    actions = _actions(parser)
    add = _action(actions, "add", common, "add a client; prints the new id")
    add.add_argument("--last-name", metavar="N", dest="last_name", required=True)
    add.add_argument("--first-name", metavar="F", dest="first_name")
    add.add_argument("--organisation", metavar="O")
    add.add_argument("--civility", metavar="C", choices=CIVILITIES,
                     help="one of: " + ", ".join(c or '""' for c in CIVILITIES))
    _address(add)
    add.add_argument("--country", metavar="C")
    add.add_argument("--email", metavar="E")
    add.add_argument("--phone", metavar="P")
    add.add_argument("--language", choices=LANGUAGES)
    add.add_argument("--siren", metavar="S", help="a business client's SIREN (9 digits) or "
                     "SIRET (14), printed on its invoices; checked with its checksum")
    add.add_argument("--vat-number", metavar="V", dest="vat_number",
                     help="a business client's intra-EU VAT number")
    json_option(add, "the new client")
    for name, help in (("export", "everything about the client as JSON (--out FILE)"),
                       ("erase", "delete the client and everything about them")):
        sub = _action(actions, name, common, help)
        sub.add_argument("id", metavar="ID", type=client_id, help="the client's id")
        sub.add_argument("--out", metavar="FILE", help="the file to write (export)")
        sub.add_argument("--yes", action="store_true",
                         help="do not ask for confirmation (required without a terminal)")


def order_arguments(parser: argparse.ArgumentParser, common) -> None:
    add = _action(_actions(parser), "add", common, "take an order; prints the new reference")
    add.add_argument("client", metavar="CLIENT", type=client_id, help="the client's id")
    add.add_argument("--title", metavar="T", required=True)
    add.add_argument("--due", metavar=DATE, required=True, help="the promised date")
    add.add_argument("--received", metavar=DATE, help="default: --today")
    add.add_argument("--price", metavar="P", help="e.g. 180 or 1250,50")
    add.add_argument("--scope", metavar="TEXT", help="what was promised")
    add.add_argument("--client-ref", metavar="TEXT", dest="client_ref",
                     help='the client\'s own reference for the order (printed "V/réf.")')
    add.add_argument("--status", choices=OPEN_STATUSES, help="default: accepted")
    json_option(add, "the new order")


def _ref(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("ref", metavar="REF", help="an order reference (2026-014)")


def postpone_arguments(parser: argparse.ArgumentParser, common) -> None:
    _ref(parser)
    parser.add_argument("date", metavar=DATE, help="the new due date")
    parser.add_argument("--reason", metavar="TEXT", required=True)
    parser.add_argument("--cause", choices=CAUSES, default="mine",
                        help="whose doing (default: mine)")
    json_option(parser, "the order")


def pause_arguments(parser: argparse.ArgumentParser, common) -> None:
    _ref(parser)
    _on(parser, "the wait starts")
    parser.add_argument("--reason", metavar="TEXT", default="", help="what you wait for")
    json_option(parser, "the order")


def resume_arguments(parser: argparse.ArgumentParser, common) -> None:
    _ref(parser)
    _on(parser, "the client answered")
    json_option(parser, "the order")


def deliver_arguments(parser: argparse.ArgumentParser, common) -> None:
    _ref(parser)
    _on(parser, "the work was delivered")
    json_option(parser, "the order")


def log_arguments(parser: argparse.ArgumentParser, common) -> None:
    parser.add_argument("client", metavar="CLIENT", type=client_id, help="the client's id")
    parser.add_argument("kind", metavar="KIND", choices=INTERACTION_KINDS,
                        help=", ".join(INTERACTION_KINDS))
    parser.add_argument("text", metavar="TEXT")
    parser.add_argument("--order", metavar="REF", help="the order it is about")
    parser.add_argument("--channel", choices=CHANNELS, help="default: email")
    parser.add_argument("--direction", choices=DIRECTIONS, help="default: in")
    parser.add_argument("--satisfaction", metavar="1-5")
    parser.add_argument("--due", metavar=DATE,
                        help="a promised call-back: the day it is due (becomes a follow-up)")
    json_option(parser, "the new interaction")


def followup_arguments(parser: argparse.ArgumentParser, common) -> None:
    actions = _actions(parser)
    add = _action(actions, "add", common, "a follow-up to do by a date; prints the new id")
    add.add_argument("client", metavar="CLIENT", type=client_id, help="the client's id")
    add.add_argument("text", metavar="TEXT", help="what to do")
    add.add_argument("--due", metavar=DATE, required=True)
    add.add_argument("--order", metavar="REF", help="the order it is about")
    json_option(add, "the new follow-up")
    done = _action(actions, "done", common, "mark a follow-up done")
    done.add_argument("id", metavar="ID", type=record_id, help="the follow-up's id")
    _on(done, "it was done")
    json_option(done, "the follow-up")


def followups_arguments(parser: argparse.ArgumentParser, common) -> None:
    json_option(parser, "a JSON list of objects")


def incident_arguments(parser: argparse.ArgumentParser, common) -> None:
    actions = _actions(parser)
    open_ = _action(actions, "open", common, "open a recovery plan on an order")
    _ref(open_)
    open_.add_argument("--what", metavar="TEXT", required=True, help="what went wrong")
    open_.add_argument("--cause", choices=CAUSES, default="mine",
                       help="whose doing (default: mine)")
    json_option(open_, "the plan")
    step = _action(actions, "step", common, "date a step of the order's open plan (today)")
    _ref(step)
    step.add_argument("step", metavar="STEP", choices=STEPS, help=" | ".join(STEPS))
    step.add_argument("--note", metavar="TEXT", help="fixed: the solution; followed_up: the "
                      "gesture; feedback_received: the feedback (other steps take none)")
    json_option(step, "the plan")
    close = _action(actions, "close", common, "close the order's open plan (today)")
    _ref(close)
    close.add_argument("--lesson", metavar="TEXT", help="the lesson learned (needed; it goes to "
                       "the journal)")
    json_option(close, "the plan")
    show = _action(actions, "show", common, "the order's recovery plan and its next step")
    _ref(show)
    json_option(show, "the plan")


def dashboard_arguments(parser: argparse.ArgumentParser, common) -> None:
    json_option(parser, "a JSON object")


def loyalty_arguments(parser: argparse.ArgumentParser, common) -> None:
    parser.add_argument("--since", metavar=DATE,
                        help="show who moved between segments since this day (default: 90 "
                             "days before --today)")
    json_option(parser, "a JSON object")


def kaizen_arguments(parser: argparse.ArgumentParser, common) -> None:
    json_option(parser, "a JSON object")
