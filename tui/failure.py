"""An error no rule expected, met in the TUI: one clear message saying what was kept."""

from __future__ import annotations

import inspect
import os

from store.errors import CarnetError
from store.i18n import _

DEBUG = "CARNET_DEBUG"
"""Set (to anything) to let an unexpected error stop Carnet with its traceback."""


def debugging() -> bool:
    return bool(os.environ.get(DEBUG))


def book_seq(app) -> int | None:
    """How many changes the open book has saved (None without a book)."""
    files = getattr(getattr(app, "book", None), "files", None)
    return getattr(files, "seq", None)


def message(error: BaseException, before: int | None = None, after: int | None = None) -> str:
    """What happened, what the book kept, and how to see more."""
    if before is None or after is None:
        said = _("Unexpected error ({error}); every change saved before it is kept, and nothing "
                 "half-done was saved. Start Carnet with {debug}=1 to see the details.")
    elif after == before:
        said = _("Unexpected error ({error}); nothing was changed. "
                 "Start Carnet with {debug}=1 to see the details.")
    else:
        said = _("Unexpected error ({error}); the change was saved before the error; check it "
                 "on screen. Start Carnet with {debug}=1 to see the details.")
    return said.format(error=f"{type(error).__name__}: {error}", debug=DEBUG)


def tell(app, error: BaseException, before: int | None = None) -> None:
    """Notify an unexpected error (re-raised with CARNET_DEBUG=1)."""
    if debugging():
        raise error
    app.notify(message(error, before, book_seq(app)), title="Carnet", severity="error",
               timeout=15)


def report(app, error: BaseException, before: int | None = None) -> None:
    """Notify an unexpected error and let the screens re-read (a reading that failed is only
    told, with `tell`: re-reading would fail again, and again)."""
    tell(app, error, before)
    refresh = getattr(app, "refresh_data", None)
    if refresh is not None:
        refresh()


def attempt(app, fn, *args, title: str = "", **kwargs) -> tuple[bool, object]:
    """Run `fn`: a refusal is one notification, an unexpected error another saying what was
    kept. Returns (whether it ran, its result)."""
    before = book_seq(app)
    try:
        return True, fn(*args, **kwargs)
    except Exception as error:  # noqa: BLE001 — every change's last line of defence
        refused(app, error, before, title)
        return False, None


def guarded(app, fn, *args):
    """Run a palette command: a refusal is one notification, an unexpected error another.

    A command that returns an awaitable (an action) gives back one that is guarded too."""
    before = book_seq(app)
    ran, result = attempt(app, fn, *args)
    if ran and inspect.isawaitable(result):
        return _awaited(app, result, before)
    return result


async def _awaited(app, result, before: int | None):
    try:
        return await result
    except Exception as error:  # noqa: BLE001
        refused(app, error, before)
        return None


def refused(app, error: Exception, before: int | None, title: str = "") -> None:
    """A CarnetError is one error notification; anything else is reported (`report`)."""
    if isinstance(error, CarnetError):
        app.notify(str(error), title=title, severity="error")
    else:
        report(app, error, before)
