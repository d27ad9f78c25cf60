"""What every sub-command shares: opening the book, reading dates, printing the result."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from store.book import Book

from .memory import book_loading
from store.errors import CarnetError
from store.exchange.cli_args import follow_profile
from store.i18n import _
from store.listing import render_table, to_json
from store.storage import require_book
from store.wording import said_day, said_money


@contextmanager
def opened(args: argparse.Namespace, read_only: bool, must_exist: bool = True,
           open_only: bool = False) -> Iterator[Book]:
    """The book of one command, in the profile's language unless one was chosen.

    `must_exist`: refuse a directory that holds no book (only `demo` may start one);
    `open_only`: just the profile, clients and open orders (what `overdue` needs), fast."""
    if must_exist:
        require_book(args.data_dir)
    with book_loading(collect=False):
        book = Book(args.data_dir, read_only=read_only, open_only=open_only)
    follow_profile(args, book)
    try:
        yield book
    finally:
        book.close()


def writing(args: argparse.Namespace):
    """The existing book opened for writing (refused while another Carnet holds it)."""
    return opened(args, read_only=False)


def reading(args: argparse.Namespace, open_only: bool = False):
    """The existing book opened read-only: works beside an open Carnet."""
    return opened(args, read_only=True, open_only=open_only)


def usable_data_dir(data_dir: Path) -> None:
    """Refuse a data directory under something that is not a directory (a file's path)."""
    existing = data_dir
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise CarnetError(_("cannot use {data_dir} as the data directory: {existing} is not "
                            "a directory").format(data_dir=data_dir, existing=existing))


def day(args: argparse.Namespace, text: str | None, option: str) -> date:
    """A DATE option read against --today (YYYY-MM-DD or as the TUI takes it); else --today."""
    from store.dates import parse_date
    return args.today if text is None else parse_date(text, args.today, option)


def happened(args: argparse.Namespace, text: str | None, option: str) -> date:
    """A DATE option for something done (delivered, paid, resumed): --today or before."""
    from store.dates import parse_past_date
    return args.today if text is None else parse_past_date(text, args.today, option)


def said(value: date | str | None) -> str:
    """A date in a sentence or a cell: ISO in English (as commands take it), '20 déc. 2026'
    in French; text that is not an ISO date is kept as it is."""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            return value
    return said_day(value) if value is not None else ""


def amount(value) -> str:
    """An amount in a sentence: '1250.00' in English (as the JSON has it), '1 250,00 €' in
    French."""
    return said_money(value, english=str(value))


def given(args: argparse.Namespace, *names: str) -> dict:
    """The options among `names` that were given on the command line, by name."""
    return {name: getattr(args, name) for name in names if getattr(args, name) is not None}


def emit(args: argparse.Namespace, line: str, obj: object) -> int:
    """Print the result: `obj` as JSON with --json, else the line (an id or a reference first)."""
    print(to_json(obj) if getattr(args, "json", False) else line)
    return 0


def print_rows(args: argparse.Namespace, rows: list[dict], columns, empty: str,
               title: str = "") -> None:
    """A listing: JSON when asked, else an aligned table (or one clear line when empty)."""
    if args.json:
        print(to_json(rows))
    elif not rows:
        print(empty)
    else:
        width = os.get_terminal_size().columns if sys.stdout.isatty() else None
        if title:
            print(title, end="\n\n")
        print(render_table(rows, translated(columns), width))


def translated(columns) -> list:
    """Columns whose headers (marked with N_ where declared) read in the interface language."""
    return [column._replace(header=_(column.header)) for column in columns]
