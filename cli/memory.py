"""Carnet's front ends keep the cyclic garbage collector off the book they load.

Loading a book builds up to a million documents, none of them in a reference cycle.
Collecting while they are built walks them again and again (the 20-year book opened in
about 1.5× the time), and every later full collection would walk them once more. So the
TUI collects once, before the book loads (the heap is small then), loads it with the
collector paused, and freezes what is alive: the collector then handles only what is made
afterwards. A command-line run, whose process ends with its command, skips the first
collection (a few milliseconds of `overdue`): what it would free is only what imports left.
It also starts with young collections made rare (`quiet_start`): its imports make some 15,000
objects and no garbage worth the 17 collections they cost (2 ms of `overdue`); the usual pace
is back once the book is loaded, or before the TUI starts. Frozen objects are still freed as
soon as nothing refers to them.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

START_THRESHOLD = 50_000
"""Objects made between two young collections while a command-line run starts (usually 700)."""
_usual: tuple[int, int, int] | None = None


def quiet_start() -> None:
    """A command-line process's start: young collections rare until its book is loaded."""
    global _usual
    _usual = gc.get_threshold()
    gc.set_threshold(START_THRESHOLD, *_usual[1:])


def usual_pace() -> None:
    """The collector's usual thresholds again, if `quiet_start` changed them."""
    global _usual
    if _usual is not None:
        gc.set_threshold(*_usual)
        _usual = None


@contextmanager
def book_loading(collect: bool = True) -> Iterator[None]:
    """Around opening a book: collect first (if `collect`), pause the collector, then freeze."""
    if collect:
        gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        usual_pace()
        if enabled:
            gc.enable()


def release() -> None:
    """Hand the frozen objects back to the collector: the front end is done with its book."""
    gc.unfreeze()


def settle() -> None:
    """Once the first lists are built: collect the young generations, freeze what lives.

    The models the dashboard and the lists build stay as long as the book; frozen, a full
    collection no longer walks them (the 20-year book's first screens opened up to twice as
    slowly when it did). The young collection frees the cycles made since the book loaded.
    """
    gc.collect(1)
    gc.freeze()
