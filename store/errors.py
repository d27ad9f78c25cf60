"""Errors a user may see: each carries one clear, human sentence."""


class CarnetError(Exception):
    """Base of every error meant for the user (the CLI prints it, exit 2)."""


class ValidationError(CarnetError):
    """A field's value was refused; names the field."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class NotFound(CarnetError):
    """An unknown client id, order reference or record."""


class BookError(CarnetError):
    """The book on disk cannot be used as asked."""


class BookLocked(BookError):
    """Another Carnet holds the book open for writing."""


class BookChanged(BookError):
    """The files changed behind Carnet's back (a sync tool, another program)."""


class BookConflict(BookChanged):
    """Two versions of the book (a journal and a snapshot that do not belong together)."""


class BookVersionError(BookError):
    """The book was written by a newer Carnet."""


class BookCorrupt(BookError):
    """The book's files cannot be read."""


class ReadOnlyBook(BookError):
    """A write was attempted on a book opened read-only."""
