"""The book itself and who is in it: init, profile set and show, client add (export, erase),
order add."""

from __future__ import annotations

import argparse

from store import board, clients, listing, orders
from store.book import Book
from store.errors import CarnetError, field_label
from store.i18n import _
from store.profile import update_profile
from store.storage import has_book

from .common import day, emit, given, reading, writing

PROFILE_OPTIONS = ("name", "trade", "postcode", "city", "country", "email", "phone", "siret",
                   "legal_form", "vat_note", "letter_city", "language", "tolerance_days",
                   "typeface", "text_align", "signature_image", "vat_regime", "vat_rate",
                   "vat_number", "payment_days", "penalty_rate", "iban", "bic", "mediator",
                   "quote_prefix", "invoice_prefix", "credit_prefix", "quote_days", "declaration")
CLIENT_OPTIONS = ("first_name", "last_name", "organisation", "civility", "postcode", "city",
                  "country", "email", "phone", "language", "siren", "vat_number")


def cmd_init(args: argparse.Namespace) -> int:
    if has_book(args.data_dir):
        raise CarnetError(_("there is already a Carnet book in {data_dir}; nothing was "
                            "changed").format(data_dir=args.data_dir))
    if args.data_dir.exists() and not args.data_dir.is_dir():
        raise CarnetError(_("cannot use {data_dir} as the data directory: it is not a "
                            "directory").format(data_dir=args.data_dir))
    Book(args.data_dir).close()
    print(_("Started an empty book in {data_dir}").format(data_dir=args.data_dir))
    return 0


def _show_profile(args: argparse.Namespace) -> int:
    with reading(args) as book:
        profile = book.profile
    lines = [_("{field}: {message}").format(
        field=field_label(name), message=", ".join(value) if isinstance(value, list) else value)
        for name, value in profile.to_doc().items()]
    return emit(args, "\n".join(lines), board.record_row(profile))


def cmd_profile(args: argparse.Namespace) -> int:
    if args.action == "show":
        return _show_profile(args)
    changes = given(args, *PROFILE_OPTIONS)
    if args.address is not None:
        changes["address_lines"] = args.address
    if not changes:
        raise CarnetError(_("profile set: give at least one option to change (see --help)"))
    with writing(args) as book:
        profile = update_profile(book, **changes)
    listed = ", ".join(field_label(name).replace("_", " ") for name in changes)
    return emit(args, _("Profile saved ({options})").format(options=listed),
                board.record_row(profile))


def cmd_client(args: argparse.Namespace) -> int:
    if args.action != "add":
        from store.exchange import commands
        return commands.cmd_client(args)
    fields = given(args, *CLIENT_OPTIONS)
    if args.address is not None:
        fields["address_lines"] = args.address
    with writing(args) as book:
        client = clients.add_client(book, args.today, **fields)
    return emit(args, str(client.id), board.record_row(client))


def cmd_order(args: argparse.Namespace) -> int:
    fields = given(args, "price", "scope", "status", "client_ref")
    with writing(args) as book:
        due = day(args, args.due, "--due")
        received = day(args, args.received, "--received")
        order = orders.add_order(book, args.today, args.client, args.title, due,
                                 received=received, **fields)
        row = listing.order_row(order, book.client(order.client_id).name)
    return emit(args, order.ref, row)
