"""What every writing sub-command shares: opening the book, reading dates, printing the result."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from store.book import Book
from store.dates import parse_date, parse_past_date
from store.listing import render_table, to_json
from store.storage import require_book


@contextmanager
def writing(args: argparse.Namespace) -> Iterator[Book]:
    """The existing book opened for writing (refused while another Carnet holds it)."""
    require_book(args.data_dir)
    book = Book(args.data_dir)
    try:
        yield book
    finally:
        book.close()


@contextmanager
def reading(args: argparse.Namespace) -> Iterator[Book]:
    """The existing book opened read-only: works beside an open Carnet."""
    require_book(args.data_dir)
    book = Book(args.data_dir, read_only=True)
    try:
        yield book
    finally:
        book.close()


def day(args: argparse.Namespace, text: str | None, option: str) -> date:
    """A DATE option read against --today (YYYY-MM-DD or as the TUI takes it); else --today."""
    return args.today if text is None else parse_date(text, args.today, option)


def happened(args: argparse.Namespace, text: str | None, option: str) -> date:
    """A DATE option for something done (delivered, paid, resumed): --today or before."""
    return args.today if text is None else parse_past_date(text, args.today, option)


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
        print(render_table(rows, columns, width))
