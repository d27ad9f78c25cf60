"""Arguments of the writing sub-commands (argparse only: cheap to import on every run).

Each `<name>_arguments(parser, common)` fills the sub-command's parser; `common` (--data,
--today) is given to nested actions (`client add`, `incident step`…) so those options are
accepted after them too. DATE values stay text here: the handlers read them relative to --today.
"""

from __future__ import annotations

import argparse

from store.exchange.cli_args import client_id
from store.i18n import N_, _
from store.vocabulary import (CAUSES, CHANNELS, CIVILITIES, DIRECTIONS, INTERACTION_KINDS,
                              LANGUAGES, LEGAL_FORMS, TEXT_ALIGNS, TYPEFACES)

from .money_arguments import profile_money_options

DATE = "DATE"
OPEN_STATUSES = ("quote", "accepted", "in progress")


def record_id(text: str) -> int:
    """A record's id: a positive whole number."""
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(
            _("{text!r} is not an id (a positive whole number)").format(text=text))
    return int(text)


def _actions(parser: argparse.ArgumentParser) -> argparse._SubParsersAction:
    return parser.add_subparsers(dest="action", metavar="ACTION", required=True)


def _action(actions: argparse._SubParsersAction, name: str, common, help: str):
    return actions.add_parser(name, parents=[common], help=help, description=help)


def json_option(parser: argparse.ArgumentParser, help: str | None = None) -> None:
    """--json; `help` says what it prints (default: the object)."""
    parser.add_argument("--json", action="store_true",
                        help=help or _("print the object as JSON"))


def _on(parser: argparse.ArgumentParser, help: str) -> None:
    parser.add_argument("--on", metavar=DATE, help=help)


def _address(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--address", metavar="LINE", action="append",
                        help=_("a line of the street address (repeat for each line)"))
    parser.add_argument("--postcode", metavar="P")
    parser.add_argument("--city", metavar="C")


def init_arguments(parser: argparse.ArgumentParser, common) -> None:
    """`init` takes only --data and --today."""


def profile_arguments(parser: argparse.ArgumentParser, common) -> None:
    actions = _actions(parser)
    set_ = _action(actions, "set", common, _("change the business's profile "
                   "(what heads every letter); only the options given change"))
    set_.add_argument("--name", metavar="N", help=_("as you sign your letters"))
    set_.add_argument("--trade", metavar="T", help=_("e.g. Paléographe"))
    _address(set_)
    set_.add_argument("--country", metavar="C")
    set_.add_argument("--email", metavar="E")
    set_.add_argument("--phone", metavar="P")
    set_.add_argument("--siret", metavar="S", help=_("the SIRET (14 digits) or SIREN (9 digits), "
                        "spaces allowed; checked with its checksum"))
    set_.add_argument("--legal-form", metavar="EI|EIRL|SASU|...", dest="legal_form",
                      help=_("printed beside the name; usually {forms} (a micro-entreprise "
                             "prints as EI); any other text is kept as given")
                      .format(forms=", ".join(LEGAL_FORMS)))
    set_.add_argument("--vat-note", metavar="TEXT", dest="vat_note",
                      help=_("e.g. TVA non applicable, art. 293 B du CGI"))
    set_.add_argument("--letter-city", metavar="C", dest="letter_city",
                      help=_("the city in « Paris, le … »"))
    set_.add_argument("--language", choices=LANGUAGES, help=_("the letters' default language"))
    set_.add_argument("--tolerance", metavar="DAYS", dest="tolerance_days",
                      help=_("days of grace before a late order shows"))
    set_.add_argument("--typeface", choices=TYPEFACES,
                      help=_("the letters' face: dejavu (default; every script) or garamond"))
    set_.add_argument("--align", choices=TEXT_ALIGNS, dest="text_align",
                      help=_("paragraphs justified (default) or ragged right"))
    set_.add_argument("--signature-image", metavar="FILE", dest="signature_image",
                      help=_('a PNG or JPEG of your signature, signed on the letters '
                             '(a relative path is kept absolute; "" for none)'))
    profile_money_options(set_)
    json_option(set_, _("print the profile as JSON"))
    show = _action(actions, "show", common, _("print the business's profile"))
    json_option(show, _("print the profile as JSON"))


def client_arguments(parser: argparse.ArgumentParser, common) -> None:
    actions = _actions(parser)
    add = _action(actions, "add", common, _("add a client; prints the new id"))
    add.add_argument("--last-name", metavar="N", dest="last_name", required=True)
    add.add_argument("--first-name", metavar="F", dest="first_name")
    add.add_argument("--organisation", metavar="O")
    add.add_argument("--civility", metavar="C", choices=CIVILITIES,
                     help=_("one of: {choices}")
                     .format(choices=", ".join(c or '""' for c in CIVILITIES)))
    _address(add)
    add.add_argument("--country", metavar="C")
    add.add_argument("--email", metavar="E")
    add.add_argument("--phone", metavar="P")
    add.add_argument("--language", choices=LANGUAGES)
    add.add_argument("--siren", metavar="S", help=_("a business client's SIREN (9 digits) or "
                       "SIRET (14), printed on its invoices; checked with its checksum"))
    add.add_argument("--vat-number", metavar="V", dest="vat_number",
                     help=_("a business client's intra-EU VAT number"))
    json_option(add, _("print the new client as JSON"))
    for name, help in (("export", N_("everything about the client as JSON (--out FILE)")),
                       ("erase", N_("delete the client and everything about them"))):
        sub = _action(actions, name, common, _(help))
        sub.add_argument("id", metavar="ID", type=client_id, help=_("the client's id"))
        sub.add_argument("--out", metavar="FILE", help=_("the file to write (export)"))
        sub.add_argument("--yes", action="store_true",
                         help=_("do not ask for confirmation (required without a terminal)"))


def order_arguments(parser: argparse.ArgumentParser, common) -> None:
    add = _action(_actions(parser), "add", common, _("take an order; prints the new reference"))
    add.add_argument("client", metavar="CLIENT", type=client_id, help=_("the client's id"))
    add.add_argument("--title", metavar="T", required=True)
    add.add_argument("--due", metavar=DATE, required=True, help=_("the promised date"))
    add.add_argument("--received", metavar=DATE, help=_("default: --today"))
    add.add_argument("--price", metavar="P", help=_("e.g. 180 or 1250,50"))
    add.add_argument("--scope", metavar="TEXT", help=_("what was promised"))
    add.add_argument("--client-ref", metavar="TEXT", dest="client_ref",
                     help=_('the client\'s own reference for the order (printed "V/réf.")'))
    add.add_argument("--status", choices=OPEN_STATUSES, help=_("default: accepted"))
    json_option(add, _("print the new order as JSON"))


def _ref(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("ref", metavar="REF", help=_("an order reference (2026-014)"))


def postpone_arguments(parser: argparse.ArgumentParser, common) -> None:
    _ref(parser)
    parser.add_argument("date", metavar=DATE, help=_("the new due date"))
    parser.add_argument("--reason", metavar="TEXT", required=True)
    parser.add_argument("--cause", choices=CAUSES, default="mine",
                        help=_("whose doing (default: mine)"))
    json_option(parser, _("print the order as JSON"))


def pause_arguments(parser: argparse.ArgumentParser, common) -> None:
    _ref(parser)
    _on(parser, _("the day the wait starts (default: --today)"))
    parser.add_argument("--reason", metavar="TEXT", default="", help=_("what you wait for"))
    json_option(parser, _("print the order as JSON"))


def resume_arguments(parser: argparse.ArgumentParser, common) -> None:
    _ref(parser)
    _on(parser, _("the day the client answered (default: --today)"))
    json_option(parser, _("print the order as JSON"))


def deliver_arguments(parser: argparse.ArgumentParser, common) -> None:
    _ref(parser)
    _on(parser, _("the day the work was delivered (default: --today)"))
    json_option(parser, _("print the order as JSON"))


def log_arguments(parser: argparse.ArgumentParser, common) -> None:
    parser.add_argument("client", metavar="CLIENT", type=client_id, help=_("the client's id"))
    parser.add_argument("kind", metavar="KIND", choices=INTERACTION_KINDS,
                        help=", ".join(INTERACTION_KINDS))
    parser.add_argument("text", metavar="TEXT")
    parser.add_argument("--order", metavar="REF", help=_("the order it is about"))
    parser.add_argument("--channel", choices=CHANNELS, help=_("default: email"))
    parser.add_argument("--direction", choices=DIRECTIONS, help=_("default: in"))
    parser.add_argument("--satisfaction", metavar="1-5")
    parser.add_argument("--due", metavar=DATE,
                        help=_("a promised call-back: the day it is due (becomes a follow-up)"))
    json_option(parser, _("print the new interaction as JSON"))


def followup_arguments(parser: argparse.ArgumentParser, common) -> None:
    actions = _actions(parser)
    add = _action(actions, "add", common, _("a follow-up to do by a date; prints the new id"))
    add.add_argument("client", metavar="CLIENT", type=client_id, help=_("the client's id"))
    add.add_argument("text", metavar="TEXT", help=_("what to do"))
    add.add_argument("--due", metavar=DATE, required=True)
    add.add_argument("--order", metavar="REF", help=_("the order it is about"))
    json_option(add, _("print the new follow-up as JSON"))
    done = _action(actions, "done", common, _("mark a follow-up done"))
    done.add_argument("id", metavar="ID", type=record_id, help=_("the follow-up's id"))
    _on(done, _("the day it was done (default: --today)"))
    json_option(done, _("print the follow-up as JSON"))


def followups_arguments(parser: argparse.ArgumentParser, common) -> None:
    json_option(parser, _("print a JSON list of objects (always in English)"))


def incident_arguments(parser: argparse.ArgumentParser, common) -> None:
    from store.recovery import STEPS

    actions = _actions(parser)
    open_ = _action(actions, "open", common, _("open a recovery plan on an order"))
    _ref(open_)
    open_.add_argument("--what", metavar="TEXT", required=True, help=_("what went wrong"))
    open_.add_argument("--cause", choices=CAUSES, default="mine",
                       help=_("whose doing (default: mine)"))
    json_option(open_, _("print the plan as JSON"))
    step = _action(actions, "step", common, _("date a step of the order's open plan (today)"))
    _ref(step)
    step.add_argument("step", metavar="STEP", choices=STEPS, help=" | ".join(STEPS))
    step.add_argument("--note", metavar="TEXT", help=_("fixed: the solution; followed_up: the "
                        "gesture; feedback_received: the feedback (other steps take none)"))
    json_option(step, _("print the plan as JSON"))
    close = _action(actions, "close", common, _("close the order's open plan (today)"))
    _ref(close)
    close.add_argument("--lesson", metavar="TEXT",
                       help=_("the lesson learned (needed; it goes to the journal)"))
    json_option(close, _("print the plan as JSON"))
    show = _action(actions, "show", common, _("the order's recovery plan and its next step"))
    _ref(show)
    json_option(show, _("print the plan as JSON"))


def dashboard_arguments(parser: argparse.ArgumentParser, common) -> None:
    json_option(parser, _("print a JSON object (always in English)"))


def loyalty_arguments(parser: argparse.ArgumentParser, common) -> None:
    parser.add_argument("--since", metavar=DATE,
                        help=_("show who moved between segments since this day (default: 90 "
                               "days before --today)"))
    json_option(parser, _("print a JSON object (always in English)"))


def kaizen_arguments(parser: argparse.ArgumentParser, common) -> None:
    json_option(parser, _("print a JSON object (always in English)"))
