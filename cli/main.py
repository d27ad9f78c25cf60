"""The command line (argparse) → the TUI or a sub-command; app.py runs it.

Adding a sub-command: write `cmd_<name>(args) -> int | None` (args.data_dir and
args.today are resolved), optionally `<name>_arguments(parser)`, and register both
in COMMANDS with one line. Heavy libraries (Textual, ReportLab) are imported
inside the handlers that need them, never at module level.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections import namedtuple
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from cli import memory
from cli.language import choose_run_language
from cli.letter_arguments import letter_arguments, letter_command
from cli.money_arguments import MONEY_HELP
from cli.parser import EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, PROG, Parser, fail
from store.errors import CarnetError
from store.exchange import cli_args as exchange_args
from store.i18n import N_, _, ngettext

ENV_DATA = "CARNET_DATA"
ENV_DEBUG = "CARNET_DEBUG"


class Command(namedtuple("Command", ("run", "arguments", "help"))):
    """A sub-command: its handler, the function adding its own arguments (or None), its help."""

    __slots__ = ()


# -- arguments -----------------------------------------------------------------

def iso_date(text: str) -> date:
    """The --today value: a real calendar date written YYYY-MM-DD."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a date written YYYY-MM-DD").format(text=text))
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a real date").format(text=text)) from None


class VersionAction(argparse.Action):
    """--version, read from the installed package only when asked."""

    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, help=_("show Carnet's version and exit"))

    def __call__(self, parser, namespace, values, option_string=None):
        print(f"{PROG} {version()}")
        raise SystemExit(EXIT_OK)


def version() -> str:
    """The version in pyproject.toml beside this file, else the installed package's."""
    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
    if pyproject.is_file():
        import tomllib
        return tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]
    from importlib.metadata import version as installed
    return installed("carnet")


def common_options() -> argparse.ArgumentParser:
    """--data and --today, accepted before and after any sub-command."""
    common = Parser(add_help=False)
    common.add_argument("--data", metavar="DIR", default=argparse.SUPPRESS,
                        help=_("the book's directory (default: ${variable}, else the config "
                               "file's book, else your user data directory)")
                        .format(variable=ENV_DATA))
    common.add_argument("--today", metavar="YYYY-MM-DD", type=iso_date,
                        default=argparse.SUPPRESS,
                        help=_("pretend today is this date: it dates what a command writes "
                               "too (reproducible listings and demos)"))
    return common


def json_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true",
                        help=_("print a JSON list of objects (always in English)"))


def demo_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--force", action="store_true",
                        help=_("replace a book that is not empty (a backup is kept)"))


def epilog() -> str:
    """The main help's last lines (where the config file is: asked of platformdirs)."""
    from store.config import config_path
    return (_("Config file: {path} (language, theme, keymap, book). "
              "Exit status: 0 success, 2 bad input, 1 other failure.")
            .format(path=config_path()))


def build_parser(every: bool = False) -> Parser:
    """The command line; a sub-command's arguments come when it is used (`every`: now)."""
    common = common_options()
    parser = Parser(prog=PROG, parents=[common],
                    description=_("Carnet: the order book of a one-person service business. "
                                  "Without a sub-command, opens the book in the terminal UI."),
                    epilog=epilog)
    parser.add_argument("--version", action=VersionAction)
    subcommands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, command in COMMANDS.items():
        sub = subcommands.add_parser(name, parents=[common], help=_(command.help),
                                     description=_(command.help), later=command.arguments)
        if every:
            sub.filled()
    return parser.filled() if every else parser


def resolve(args: argparse.Namespace) -> argparse.Namespace:
    """Fill args.data_dir and args.today from the options, the environment, the platform."""
    chosen = getattr(args, "data", None) or os.environ.get(ENV_DATA, "").strip() \
        or getattr(args, "book", "")
    if not chosen:
        from platformdirs import user_data_dir
        chosen = user_data_dir("carnet")
    args.data_dir = Path(chosen).expanduser()
    args.today = getattr(args, "today", None) or date.today()
    return args


# -- opening the book ----------------------------------------------------------

@contextmanager
def reader(args: argparse.Namespace, open_only: bool = False) -> Iterator:
    """The book opened read-only for a listing: works beside an open Carnet, creates nothing."""
    from cli.common import reading, usable_data_dir
    usable_data_dir(args.data_dir)
    with reading(args, open_only=open_only) as book:
        yield book


# -- sub-commands --------------------------------------------------------------

def cmd_tui(args: argparse.Namespace) -> int | None:
    """No sub-command: the terminal UI on the book."""
    memory.usual_pace()
    from store.scratch import remove_scratch_folders
    from tui.app import CarnetApp
    app = CarnetApp(data_dir=args.data_dir, today=args.today)
    try:
        app.run()
    finally:
        remove_scratch_folders()
    return getattr(app, "return_code", None)


def cmd_demo(args: argparse.Namespace) -> int | None:
    import shlex

    from cli.common import opened
    from store.demo import fill_demo
    saved = None
    with opened(args, read_only=False, must_exist=False) as book:
        if not book.is_empty():
            if not args.force:
                raise CarnetError(_("the book in {data_dir} is not empty; `demo --force` "
                                    "replaces it (keeping a backup)")
                                  .format(data_dir=args.data_dir))
            saved = book.files.backup(label="before-demo")
    if saved:
        for name in ("book.json", "book.journal"):
            (args.data_dir / name).unlink(missing_ok=True)
    with opened(args, read_only=False, must_exist=False) as book:
        fill_demo(book, args.today)
        counts = len(book.clients()), len(book.orders()), len(book.interactions())
    print(_("Demo book written to {data_dir} (today: {today}): {clients} clients, {orders} "
            "orders, {interactions} interactions.")
          .format(data_dir=args.data_dir, today=args.today.isoformat(), clients=counts[0],
                  orders=counts[1], interactions=counts[2]))
    if saved:
        print(_("The previous book was saved to {path}.").format(path=saved))
    where = f"--data {shlex.quote(str(args.data_dir))} --today {args.today.isoformat()}"
    print(_("Open it with: {program} {where}\nOr list what is late: {program} overdue {where}")
          .format(program="python app.py", where=where))
    return EXIT_OK


def cmd_overdue(args: argparse.Namespace) -> int | None:
    from cli.common import print_rows, said
    from store import listing
    with reader(args, open_only=True) as book:
        rows = listing.overdue_rows(book, args.today)
    today = said(args.today)
    print_rows(args, rows, listing.OVERDUE_COLUMNS,
               _("Nothing overdue on {today}.").format(today=today),
               ngettext("Overdue on {today}: {count} order, most late first",
                        "Overdue on {today}: {count} orders, most late first", len(rows))
               .format(today=today, count=len(rows)))
    return EXIT_OK


def cmd_clients(args: argparse.Namespace) -> int | None:
    from cli.common import print_rows
    from store import listing
    with reader(args) as book:
        rows = listing.client_rows(book, args.today)
    print_rows(args, rows, listing.CLIENT_COLUMNS, listing.empty_book(args.data_dir, "clients"),
               ngettext("{count} client, by name", "{count} clients, by name", len(rows))
               .format(count=len(rows)))
    return EXIT_OK


def cmd_orders(args: argparse.Namespace) -> int | None:
    from cli.common import print_rows
    from store import listing
    with reader(args) as book:
        rows = listing.order_rows(book, args.today)
    print_rows(args, rows, listing.ORDER_COLUMNS, listing.empty_book(args.data_dir, "orders"),
               ngettext("{count} order, newest first", "{count} orders, newest first",
                        len(rows)).format(count=len(rows)))
    return EXIT_OK


def cmd_completion(args: argparse.Namespace) -> int | None:
    """The shell completion script (bash or zsh), from this very parser."""
    from cli.completion import script
    sys.stdout.write(script(build_parser(every=True), args.shell))
    return EXIT_OK


def exchange(name: str) -> Callable[[argparse.Namespace], int | None]:
    """A sub-command of store/exchange/commands.py, imported only when it runs."""
    def run(args: argparse.Namespace) -> int | None:
        from store.exchange import commands
        return getattr(commands, f"cmd_{name}")(args)
    return run


def cli_command(module: str, name: str) -> Callable[[argparse.Namespace], int | None]:
    """A writing sub-command of cli/<module>.py, imported only when it runs."""
    def run(args: argparse.Namespace) -> int | None:
        from importlib import import_module
        return getattr(import_module(f"cli.{module}"), f"cmd_{name}")(args)
    return run


def cli_arguments(name: str,
                  module: str = "arguments") -> Callable[[argparse.ArgumentParser], None]:
    """Its arguments (cli/<module>.py, argparse only); nested actions get --data and --today."""
    def add(parser: argparse.ArgumentParser) -> None:
        from importlib import import_module
        getattr(import_module(f"cli.{module}"), f"{name}_arguments")(parser, common_options())
    return add


def money(name: str) -> Command:
    """A money sub-command of cli/money.py, its arguments in cli/money_arguments.py."""
    return Command(cli_command("money", name), cli_arguments(name, "money_arguments"),
                   MONEY_HELP[name])


COMMANDS: dict[str, Command] = {
    "demo": Command(cmd_demo, demo_arguments, N_("fill a book with the demo story")),
    "overdue": Command(cmd_overdue, json_argument, N_("overdue orders, most late first")),
    "clients": Command(cmd_clients, json_argument,
                       N_("the clients, with segment and last contact")),
    "orders": Command(cmd_orders, json_argument, N_("the orders, newest first")),
    "letter": Command(letter_command("letter"), letter_arguments("letter"),
                      N_("write one letter as a PDF (KIND REF); prints its path")),
    "letters": Command(letter_command("letters"), letter_arguments("letters"),
                       N_("write one letter per overdue order (KIND --overdue)")),
    "export": Command(exchange("export"), exchange_args.export_arguments,
                      N_("export the book: json (all), csv --what TABLE [--dialect "
                         "excel-fr], ics (calendar), vcard")),
    "import": Command(exchange("import"), exchange_args.import_arguments,
                      N_("import a JSON export (into an empty book) or a CSV of clients, "
                         "orders or interactions")),
    "backup": Command(exchange("backup"), None, N_("write a timestamped copy of the book")),
    "restore": Command(exchange("restore"), exchange_args.restore_arguments,
                       N_("replace the book with a backup (the current one is kept aside)")),
    "client": Command(cli_command("book_commands", "client"), cli_arguments("client"),
                      N_("client add --last-name N … | client export ID --out FILE | "
                         "client erase ID")),
    "init": Command(cli_command("book_commands", "init"), None,
                    N_("start an empty book in --data")),
    "profile": Command(cli_command("book_commands", "profile"), cli_arguments("profile"),
                       N_("profile set --name N …: the business as its letters show it")),
    "order": Command(cli_command("book_commands", "order"), cli_arguments("order"),
                     N_("order add CLIENT --title T --due DATE: prints the new reference")),
    "postpone": Command(cli_command("work", "postpone"), cli_arguments("postpone"),
                        N_("postpone REF DATE --reason TEXT: move the due date, kept in history")),
    "pause": Command(cli_command("work", "pause"), cli_arguments("pause"),
                     N_("pause REF: stop the clock while waiting on the client")),
    "resume": Command(cli_command("work", "resume"), cli_arguments("resume"),
                      N_("resume REF: the client answered, the clock runs again")),
    "deliver": Command(cli_command("work", "deliver"), cli_arguments("deliver"),
                       N_("deliver REF: the work is delivered (asking for feedback is scheduled)")),
    "paid": money("paid"),
    "log": Command(cli_command("relations", "log"), cli_arguments("log"),
                   N_("log CLIENT KIND TEXT: an exchange on the client's timeline; prints its id")),
    "followup": Command(cli_command("relations", "followup"), cli_arguments("followup"),
                        N_("followup add CLIENT TEXT --due DATE | followup done ID")),
    "followups": Command(cli_command("relations", "followups"), cli_arguments("followups"),
                         N_("open follow-ups, most late first")),
    "incident": Command(cli_command("plans", "incident"), cli_arguments("incident"),
                        N_("incident open|step|close|show REF: the order's recovery plan")),
    "dashboard": Command(cli_command("board", "dashboard"), cli_arguments("dashboard"),
                         N_("what needs attention today")),
    "loyalty": Command(cli_command("loyalty", "loyalty"), cli_arguments("loyalty"),
                       N_("segments with their clients and signals, and who moved since --since")),
    "kaizen": Command(cli_command("loyalty", "kaizen"), cli_arguments("kaizen"),
                      N_("the monthly figures and the recovery paradox")),
    "quote": money("quote"),
    "invoice": money("invoice"),
    "credit-note": money("credit_note"),
    "invoices": money("invoices"),
    "receipts": money("receipts"),
    "completion": Command(cmd_completion, cli_arguments("completion", "completion"),
                          N_("print the shell completion script: completion bash|zsh")),
}
"""Sub-commands by name; each is registered with one line."""


# -- running -------------------------------------------------------------------

def run(argv: list[str] | None = None) -> int:
    """Parse, dispatch, and turn every failure into one line and an exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        fixed, book = choose_run_language(argv)
    except CarnetError as exc:
        fail(str(exc))
    args = build_parser().parse_args(argv)
    args.language_fixed, args.book = fixed, book
    args = resolve(args)
    handler = COMMANDS[args.command].run if args.command else cmd_tui
    try:
        return handler(args) or EXIT_OK
    except CarnetError as exc:
        fail(str(exc), EXIT_BAD_INPUT)
    except BrokenPipeError:
        raise
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        fail(f"{exc.strerror or exc}{where}", EXIT_FAILURE)
    except KeyboardInterrupt:
        fail(_("interrupted"), 130)
    except Exception as exc:  # noqa: BLE001 — the last line of defence: never a traceback
        if os.environ.get(ENV_DEBUG):
            raise
        fail(_("unexpected error ({error}); every change Carnet reported done is kept, and "
               "nothing half-done was saved (each change is all-or-nothing); rerun with "
               "{variable}=1 to see the details")
             .format(error=f"{type(exc).__name__}: {exc}", variable=ENV_DEBUG), EXIT_FAILURE)
    return EXIT_FAILURE


def main(argv: list[str] | None = None) -> int:
    """The process: run, then leave quietly if the reader of our output went away."""
    try:
        status = run(argv)
        sys.stdout.flush()
        return status
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILURE


def main_entry() -> None:
    """The `carnet` command (and `python app.py`): main(), then leave at once."""
    memory.quiet_start()
    status = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)  # the book is closed: skip freeing a large book object by object

