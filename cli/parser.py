"""The command line's argparse parser: bad input as one line and exit status 2, and a
sub-command's own arguments added only when that sub-command is parsed or shown.

A run builds the arguments of the command it runs, not of the thirty others; the terminal's
width (shutil, 2 ms to import) is asked for only when help is shown.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

PROG = "carnet"
EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2
UNSHOWN_WIDTH = 80
"""The width of the formatter argparse makes to check an argument (never shown)."""


class Parser(argparse.ArgumentParser):
    """An argparse parser that reports bad input as one line and exit status 2."""

    def __init__(self, *args, later: Callable[[Parser], None] | None = None, **kwargs):
        """`later` adds the parser's own arguments (a run builds its command's only)."""
        self.later, self.shown = later, False
        super().__init__(*args, **kwargs)

    def filled(self) -> Parser:
        """The parser with its own arguments added (once) and its epilog written."""
        later, self.later = self.later, None
        if later is not None:
            later(self)
        if callable(self.epilog):
            self.epilog = self.epilog()
        return self

    def parse_known_args(self, args=None, namespace=None):
        return super(Parser, self.filled()).parse_known_args(args, namespace)

    def format_usage(self) -> str:
        self.filled().shown = True
        return super().format_usage()

    def format_help(self) -> str:
        self.filled().shown = True
        return super().format_help()

    def _get_formatter(self) -> argparse.HelpFormatter:
        """argparse's formatter; the terminal's width (shutil: 2 ms to import) only for help."""
        if self.shown:
            return super()._get_formatter()
        return self.formatter_class(prog=self.prog, width=UNSHOWN_WIDTH)

    def error(self, message: str) -> None:
        fail(message)


def fail(message: str, status: int = EXIT_BAD_INPUT) -> None:
    """Print `carnet: <message>` on stderr, on one line, and exit."""
    print(f"{PROG}: {' '.join(message.splitlines())}", file=sys.stderr)
    raise SystemExit(status)
