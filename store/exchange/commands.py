"""The exchange sub-commands: export, import, backup, restore, client export|erase."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from ..book import Book
from ..errors import BookError, BookLocked, CarnetError
from ..files import write_private
from ..storage import require_book
from . import csv_import, csv_io, ical, json_io, privacy, restore, vcard
from .progress import ProgressBar

EXIT_OK, EXIT_DECLINED = 0, 1
PROGRESS_FROM_ROWS = 200


def count(number: int, plural: str) -> str:
    """'1 client', '2 clients' (nouns here take a plain -s; table names read as words)."""
    plural = {"followups": "follow-ups"}.get(plural, plural)
    return f"{number} {plural if number != 1 else plural.removesuffix('s')}"


def confirm(question: str, yes: bool) -> bool:
    """Ask on the terminal; without one, --yes is required."""
    if yes:
        return True
    if not sys.stdin.isatty():
        raise CarnetError("this needs confirmation and there is no terminal to ask on; "
                          "rerun with --yes")
    try:
        answer = input(f"{question} [y/N] ").strip().casefold()
    except EOFError:
        answer = ""
    if answer in ("y", "yes", "o", "oui"):
        return True
    print("Nothing was changed.")
    return False


def read_input(path: str) -> bytes:
    """A file the user named, or one clear line saying why it cannot be read."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise CarnetError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise CarnetError(f"{path} is a directory, not a file") from None
    except OSError as exc:
        raise CarnetError(f"cannot read {path}: {exc.strerror}") from None


def output_path(path: str) -> Path:
    """Where an export will go; refused before any work if it cannot be a new file."""
    out = Path(path).expanduser()
    if out.is_dir():
        raise CarnetError(f"{out} is a directory; give a file name with --out")
    if not out.parent.is_dir():
        raise CarnetError(f"cannot write {out}: the folder {out.parent} does not exist")
    return out


def write_output(path: str, data: bytes) -> Path:
    """Write an export atomically and privately (0600), or say clearly why not."""
    out = output_path(path)
    try:
        write_private(out, data)
    except OSError as exc:
        raise CarnetError(f"cannot write {out}: {exc.strerror}") from None
    return out


def _existing_book(data_dir: Path, keep_identity: bool = False) -> Book:
    """The book read-only (works beside an open Carnet); refuses a folder without a book.

    With keep_identity, opened for writing when no other Carnet has it, so the book's
    identity (behind calendar and card UIDs) is stored in it.
    """
    if not data_dir.is_dir():
        raise CarnetError(f"there is no book in {data_dir}")
    if keep_identity:
        try:
            return Book(data_dir)
        except BookLocked:
            pass
    return Book(data_dir, read_only=True)


def cmd_export(args) -> int:
    if (args.format == "csv") != bool(args.what):
        raise CarnetError("--what clients|orders|interactions goes with `export csv`, "
                          "and only with it")
    output_path(args.out)
    with _existing_book(args.data_dir, keep_identity=args.format in ("ics", "vcard")) as book:
        now = datetime.now()
        data = {"json": lambda: json_io.export_json(book, now),
                "csv": lambda: csv_io.export_csv(book, args.what),
                "ics": lambda: ical.export_ics(book, now),
                "vcard": lambda: vcard.export_vcard(book)}[args.format]()
    out = write_output(args.out, data)
    what = f"{args.what} as CSV" if args.what else args.format.upper()
    print(f"Exported {what} to {out}")
    return EXIT_OK


def _import_json(args, book: Book, data: bytes) -> int:
    if not json_io.is_blank(book):
        raise CarnetError(f"the book in {args.data_dir} is not empty; a JSON export can only be "
                          "imported into an empty book (use --data with a new folder)")
    tables = json_io.read_export(data)
    json_io.check_tables(tables)
    counts = ", ".join(count(len(rows), name) for name, rows in tables.items() if rows)
    print(f"The export holds {counts or 'nothing'}.")
    if not confirm(f"Import it into {args.data_dir}?", args.yes):
        return EXIT_DECLINED
    json_io.import_json(book, data)
    print(f"Imported {counts or 'nothing'} into {args.data_dir}.")
    return EXIT_OK


def _print_report(report: csv_import.ImportReport) -> None:
    if report.note:
        print(f"note: {report.note}")
    for column in report.ignored_columns:
        print(f"ignored column: {column!r} (not a known header)")
    for line in report.created:
        print(f"create {line}")
    for line in report.duplicates:
        print(f"duplicate {line}")
    for error in report.errors:
        print(f"error {error}", file=sys.stderr)


def _import_csv(args, book: Book, data: bytes) -> int:
    rows = data.count(b"\n")
    progress = ProgressBar("checking") if rows >= PROGRESS_FROM_ROWS else None
    preview = csv_import.import_csv(book, data, args.today, progress=progress)
    _print_report(preview)
    if preview.errors and not args.skip_bad_rows:
        raise CarnetError(f"{count(len(preview.errors), 'rows')} with errors; nothing was imported "
                          "(fix them, or rerun with --skip-bad-rows)")
    if not preview.created:
        print(f"Nothing to import ({count(len(preview.duplicates), 'duplicates')}).")
        return EXIT_OK
    if not confirm(f"Create {count(len(preview.created), preview.kind)} in {args.data_dir}?",
                   args.yes):
        return EXIT_DECLINED
    progress = ProgressBar("importing") if rows >= PROGRESS_FROM_ROWS else None
    report = csv_import.import_csv(book, data, args.today, apply=True,
                                   skip_bad_rows=args.skip_bad_rows, progress=progress)
    skipped = len(report.duplicates) + len(report.errors)
    print(f"Imported {count(len(report.created), report.kind)}; "
          f"skipped {count(skipped, 'rows')}.")
    return EXIT_OK


def cmd_import(args) -> int:
    data = read_input(args.file)
    with Book(args.data_dir) as book:
        if args.format == "json":
            return _import_json(args, book, data)
        return _import_csv(args, book, data)


def cmd_backup(args) -> int:
    with _existing_book(args.data_dir) as book:
        path = book.files.backup(label="manual")
    print(f"Backup written: {path}")
    print(f"Restore it with: python app.py --data {args.data_dir} restore {path}")
    return EXIT_OK


def _current_book(data_dir: Path) -> str:
    try:
        with Book(data_dir, read_only=True) as book:
            return f"{len(book.clients())} clients, {len(book.orders())} orders"
    except BookError:
        return "unreadable"


def cmd_restore(args) -> int:
    backup = restore.read_backup(Path(args.file).expanduser())
    question = (f"Replace the book in {args.data_dir} ({_current_book(args.data_dir)}) with "
                f"{backup.path} ({backup.describe()})? The current files are kept aside.")
    if not confirm(question, args.yes):
        return EXIT_DECLINED
    kept = restore.restore(args.data_dir, backup, datetime.now())
    Book(args.data_dir).close()
    print(f"Restored {backup.path} ({backup.describe()}).")
    print(f"The replaced book is kept in {kept}")
    return EXIT_OK


def cmd_client(args) -> int:
    if args.action == "export":
        if not args.out:
            raise CarnetError("`client export ID` needs --out FILE")
        output_path(args.out)
        with _existing_book(args.data_dir) as book:
            data = privacy.client_export(book, args.id, datetime.now())
        out = write_output(args.out, data)
        print(f"Everything about client {args.id} written to {out}")
        return EXIT_OK
    if args.out:
        raise CarnetError("--out goes with `client export`, not `client erase`")
    require_book(args.data_dir)
    with Book(args.data_dir) as book:
        client = book.client(args.id)
        plan = privacy.erase_plan(book, args.id)
        listed = ", ".join(count(n, name) for name, n in plan.items() if n) or "no records"
        kept = ", ".join(count(n, name) for name, n in privacy.kept_plan(book, args.id).items())
        keeping = f"; {kept} are kept, as the law requires" if kept else ""
        if not confirm(f"Erase {client.name} (client {args.id}) and everything about them "
                       f"({listed}), letter files included{keeping}? This cannot be undone.",
                       args.yes):
            return EXIT_DECLINED
        erased = privacy.client_erase(book, args.id)
    print(f"Erased {erased.name}: {listed}; {count(len(erased.files), 'letter files')} deleted.")
    if erased.kept:
        print(f"Kept {kept}: {erased.kept_because}.")
    if erased.exports:
        names = ", ".join(f"exports/{p.name}" for p in erased.exports)
        print(f"{count(len(erased.exports), 'export files')} holding this client deleted "
              f"({names}).")
    if erased.backups_left:
        verb = "holds" if erased.backups_left == 1 else "hold"
        print(f"{count(erased.backups_left, 'backups')} taken earlier still {verb} this client "
              "until rotated out.")
    return EXIT_OK
