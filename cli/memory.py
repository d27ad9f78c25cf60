"""Carnet's front ends keep the cyclic garbage collector off the book they load.

Loading a book builds up to a million documents, none of them in a reference cycle.
Collecting while they are built walks them again and again (the 20-year book opened in
about 1.5× the time), and every later full collection would walk them once more. So the
command line and the TUI collect once, before the book loads (the heap is small then), load
it with the collector paused, and freeze what is alive: the collector then handles only what
is made afterwards. Frozen objects are still freed as soon as nothing refers to them.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def book_loading() -> Iterator[None]:
    """Around opening a book: collect first, pause the collector, then freeze what lives."""
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
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
