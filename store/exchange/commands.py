"""The exchange sub-commands: export, import, backup, restore, client export|erase."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from ..book import Book
from ..errors import BookError, BookLocked, CarnetError
from ..files import write_atomic
from ..i18n import N_, _, ngettext
from ..storage import require_book
from . import csv_import, csv_io, ical, json_io, privacy, restore, vcard
from .cli_args import follow_profile
from .counting import count
from .progress import ProgressBar

EXIT_OK, EXIT_DECLINED = 0, 1
PROGRESS_FROM_ROWS = 200
EXPORTED = {"clients": N_("Exported clients as CSV to {path}"),
            "orders": N_("Exported orders as CSV to {path}"),
            "interactions": N_("Exported interactions as CSV to {path}")}
"""What `export csv` says it wrote, by table."""
YES = ("y", "yes", "o", "oui")
"""The answers that confirm (English or French)."""


def confirm(question: str, yes: bool) -> bool:
    """Ask on the terminal; without one, --yes is required."""
    if yes:
        return True
    if not sys.stdin.isatty():
        raise CarnetError(_("this needs confirmation and there is no terminal to ask on; "
                            "rerun with --yes"))
    try:
        answer = input(_("{question} [y/N] ").format(question=question)).strip().casefold()
    except EOFError:
        answer = ""
    if answer in YES:
        return True
    print(_("Nothing was changed."))
    return False


def read_input(path: str) -> bytes:
    """A file the user named, or one clear line saying why it cannot be read."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise CarnetError(_("no such file: {path}").format(path=path)) from None
    except IsADirectoryError:
        raise CarnetError(_("{path} is a directory, not a file").format(path=path)) from None
    except OSError as exc:
        raise CarnetError(_("cannot read {path}: {error}")
                          .format(path=path, error=exc.strerror)) from None


def output_path(path: str) -> Path:
    """Where an export will go; refused before any work if it cannot be a new file."""
    out = Path(path).expanduser()
    if out.is_dir():
        raise CarnetError(_("{path} is a directory; give a file name with --out")
                          .format(path=out))
    if not out.parent.is_dir():
        raise CarnetError(_("cannot write {path}: the folder {folder} does not exist")
                          .format(path=out, folder=out.parent))
    return out


def write_output(path: str, data: bytes) -> Path:
    """Write an export atomically and privately (0600), or say clearly why not."""
    out = output_path(path)
    try:
        write_atomic(out, data)
    except OSError as exc:
        raise CarnetError(_("cannot write {path}: {error}")
                          .format(path=out, error=exc.strerror)) from None
    return out


def _existing_book(args, keep_identity: bool = False) -> Book:
    """The book read-only (works beside an open Carnet); refuses a folder without a book.

    With keep_identity, opened for writing when no other Carnet has it, so the book's
    identity (behind calendar and card UIDs) is stored in it.
    """
    if not args.data_dir.is_dir():
        raise CarnetError(_("there is no book in {data_dir}").format(data_dir=args.data_dir))
    book = None
    if keep_identity:
        try:
            book = Book(args.data_dir)
        except BookLocked:
            pass
    book = book or Book(args.data_dir, read_only=True)
    follow_profile(args, book)
    return book


def _writable_book(args) -> Book:
    """The book opened for writing (created if need be: import may start one)."""
    book = Book(args.data_dir)
    follow_profile(args, book)
    return book


def cmd_export(args) -> int:
    if (args.format == "csv") != bool(args.what):
        raise CarnetError(_("--what clients|orders|interactions goes with `export csv`, "
                            "and only with it"))
    dialect = getattr(args, "dialect", "portable")
    if dialect != "portable" and args.format != "csv":
        raise CarnetError(_("--dialect goes with `export csv`, and only with it"))
    output_path(args.out)
    with _existing_book(args, keep_identity=args.format in ("ics", "vcard")) as book:
        now = datetime.now()
        data = {"json": lambda: json_io.export_json(book, now),
                "csv": lambda: csv_io.export_csv(book, args.what, dialect),
                "ics": lambda: ical.export_ics(book, now),
                "vcard": lambda: vcard.export_vcard(book)}[args.format]()
    out = write_output(args.out, data)
    if args.what:
        print(_(EXPORTED[args.what]).format(path=out))
    else:
        print(_("Exported {format} to {path}").format(format=args.format.upper(), path=out))
    return EXIT_OK


def _import_json(args, book: Book, data: bytes) -> int:
    if not json_io.is_blank(book):
        raise CarnetError(_("the book in {data_dir} is not empty; a JSON export can only be "
                            "imported into an empty book (use --data with a new folder)")
                          .format(data_dir=args.data_dir))
    tables = json_io.read_export(data)
    json_io.check_tables(tables)
    counts = ", ".join(count(len(rows), name) for name, rows in tables.items() if rows)
    if counts:
        print(_("The export holds {counts}.").format(counts=counts))
    else:
        print(_("The export holds nothing."))
    if not confirm(_("Import it into {data_dir}?").format(data_dir=args.data_dir), args.yes):
        return EXIT_DECLINED
    json_io.import_json(book, data)
    if counts:
        print(_("Imported {counts} into {data_dir}.").format(counts=counts,
                                                             data_dir=args.data_dir))
    else:
        print(_("Imported nothing into {data_dir}.").format(data_dir=args.data_dir))
    return EXIT_OK


def _print_report(report: csv_import.ImportReport) -> None:
    if report.note:
        print(_("note: {note}").format(note=report.note))
    for column in report.ignored_columns:
        print(_("ignored column: {column!r} (not a known header)").format(column=column))
    for line in report.created:
        print(_("create {line}").format(line=line))
    for line in report.duplicates:
        print(_("duplicate {line}").format(line=line))
    for error in report.errors:
        print(_("error {error}").format(error=error), file=sys.stderr)


def _import_csv(args, book: Book, data: bytes) -> int:
    rows = data.count(b"\n")
    progress = ProgressBar(_("checking")) if rows >= PROGRESS_FROM_ROWS else None
    preview = csv_import.import_csv(book, data, args.today, progress=progress)
    _print_report(preview)
    if preview.errors and not args.skip_bad_rows:
        raise CarnetError(ngettext(
            "{count} row with errors; nothing was imported (fix them, or rerun with "
            "--skip-bad-rows)",
            "{count} rows with errors; nothing was imported (fix them, or rerun with "
            "--skip-bad-rows)", len(preview.errors)).format(count=len(preview.errors)))
    if not preview.created:
        print(_("Nothing to import ({duplicates}).")
              .format(duplicates=count(len(preview.duplicates), "duplicates")))
        return EXIT_OK
    if not confirm(_("Create {records} in {data_dir}?").format(
            records=count(len(preview.created), preview.kind), data_dir=args.data_dir),
            args.yes):
        return EXIT_DECLINED
    progress = ProgressBar(_("importing")) if rows >= PROGRESS_FROM_ROWS else None
    report = csv_import.import_csv(book, data, args.today, apply=True,
                                   skip_bad_rows=args.skip_bad_rows, progress=progress)
    skipped = len(report.duplicates) + len(report.errors)
    print(_("Imported {records}; skipped {rows}.").format(
        records=count(len(report.created), report.kind), rows=count(skipped, "rows")))
    return EXIT_OK


def cmd_import(args) -> int:
    data = read_input(args.file)
    with _writable_book(args) as book:
        if args.format == "json":
            return _import_json(args, book, data)
        return _import_csv(args, book, data)


def cmd_backup(args) -> int:
    with _existing_book(args) as book:
        path = book.files.backup(label="manual")
    print(_("Backup written: {path}").format(path=path))
    print(_("Restore it with: {program} --data {data_dir} restore {path}")
          .format(program="python app.py", data_dir=args.data_dir, path=path))
    return EXIT_OK


def _current_book(data_dir: Path) -> str:
    try:
        with Book(data_dir, read_only=True) as book:
            return ", ".join((count(len(book.clients()), "clients"),
                              count(len(book.orders()), "orders")))
    except BookError:
        return _("unreadable")


def cmd_restore(args) -> int:
    backup = restore.read_backup(Path(args.file).expanduser())
    question = _("Replace the book in {data_dir} ({current}) with {backup} ({holds})? The "
                 "current files are kept aside.").format(
        data_dir=args.data_dir, current=_current_book(args.data_dir), backup=backup.path,
        holds=backup.describe())
    if not confirm(question, args.yes):
        return EXIT_DECLINED
    kept = restore.restore(args.data_dir, backup, datetime.now())
    Book(args.data_dir).close()
    print(_("Restored {backup} ({holds}).").format(backup=backup.path, holds=backup.describe()))
    print(_("The replaced book is kept in {folder}").format(folder=kept))
    return EXIT_OK


def cmd_client(args) -> int:
    if args.action == "export":
        if not args.out:
            raise CarnetError(_("`client export ID` needs --out FILE"))
        output_path(args.out)
        with _existing_book(args) as book:
            data = privacy.client_export(book, args.id, datetime.now())
        out = write_output(args.out, data)
        print(_("Everything about client {id} written to {path}").format(id=args.id, path=out))
        return EXIT_OK
    if args.out:
        raise CarnetError(_("--out goes with `client export`, not `client erase`"))
    require_book(args.data_dir)
    with _writable_book(args) as book:
        client = book.client(args.id)
        plan = privacy.erase_plan(book, args.id)
        listed = ", ".join(count(n, name) for name, n in plan.items() if n) or _("no records")
        kept = ", ".join(count(n, name) for name, n in privacy.kept_plan(book, args.id).items())
        words = dict(name=client.name, id=args.id, listed=listed, kept=kept)
        question = (_("Erase {name} (client {id}) and everything about them ({listed}), letter "
                      "files included; {kept} are kept, as the law requires? This cannot be "
                      "undone.") if kept else
                    _("Erase {name} (client {id}) and everything about them ({listed}), letter "
                      "files included? This cannot be undone."))
        if not confirm(question.format(**words), args.yes):
            return EXIT_DECLINED
        erased = privacy.client_erase(book, args.id)
    print(_("Erased {name}: {listed}; {files} deleted.").format(
        name=erased.name, listed=listed, files=count(len(erased.files), "letter files")))
    if erased.kept:
        print(_("Kept {kept}: {because}.").format(kept=kept, because=_(erased.kept_because)))
    if erased.exports:
        names = ", ".join(f"exports/{p.name}" for p in erased.exports)
        print(ngettext("{count} export file holding this client deleted ({names}).",
                       "{count} export files holding this client deleted ({names}).",
                       len(erased.exports)).format(count=len(erased.exports), names=names))
    if erased.backups_left:
        print(ngettext("{count} backup taken earlier still holds this client until rotated "
                       "out.",
                       "{count} backups taken earlier still hold this client until rotated "
                       "out.", erased.backups_left).format(count=erased.backups_left))
    return EXIT_OK
