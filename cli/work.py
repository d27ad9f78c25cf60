"""The work's dates: postpone, pause and resume (waiting on the client), deliver."""

from __future__ import annotations

import argparse

from store import listing, orders
from store.book import Book
from store.i18n import _
from store.labels import CAUSE_TAGS, label
from store.models import Order

from .common import day, emit, happened, said, writing


def _done(args: argparse.Namespace, book: Book, order: Order, what: str) -> int:
    row = listing.order_row(order, book.client(order.client_id).name)
    return emit(args, f"{order.ref} {what}", row)


def cmd_postpone(args: argparse.Namespace) -> int:
    with writing(args) as book:
        new_due = day(args, args.date, "DATE")
        order = orders.postpone(book, args.ref, new_due, args.reason, args.cause, args.today)
        return _done(args, book, order, _("due {due} (was {was}; {cause})").format(
            due=said(order.due), was=said(order.postponements[-1].from_date),
            cause=label(CAUSE_TAGS, args.cause)))


def cmd_pause(args: argparse.Namespace) -> int:
    with writing(args) as book:
        on = happened(args, args.on, "--on")
        order = orders.pause(book, args.ref, on, args.reason)
        return _done(args, book, order,
                     _("paused on {date}, waiting on the client").format(date=said(on)))


def cmd_resume(args: argparse.Namespace) -> int:
    with writing(args) as book:
        on = happened(args, args.on, "--on")
        order = orders.resume(book, args.ref, on)
        return _done(args, book, order, _("resumed on {date}").format(date=said(on)))


def cmd_deliver(args: argparse.Namespace) -> int:
    with writing(args) as book:
        on = happened(args, args.on, "--on")
        order = orders.deliver(book, args.ref, on)
        return _done(args, book, order, _("delivered on {date}").format(date=said(on)))
