"""The letter screen's PDF: rendered and written by a thread worker, recorded by the screen.

The worker reads one state of the book and writes the PDF into the client's folder; the
screen's handler records it (a record refused removes the file), so a letter is filed only
with its PDF. Leaving waits until the PDF is filed: none is left unrecorded.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from textual import on, work
from textual.message import Message
from textual.screen import Screen
from textual.widgets import TextArea

import letters
from letters.archive import record_letter_file, write_letter_file
from letters.draft import LetterDraft
from store.errors import CarnetError, ValidationError
from store.i18n import _
from store.labels import letter_kind_label
from store.models import Client
from store.state import BookState

from ..dialogs.fields import FieldList


class LetterFiling(Screen):
    """Makes, writes and records the PDF of the letter being written."""

    saved: Path | None = None
    """Where the last PDF was filed."""
    making = False
    """A PDF is being made and filed: leaving waits for it."""
    _status: Callable[[str, str], None]

    class Rendered(Message):
        """The worker built the PDF of this draft and wrote it at `path`, for `client`."""

        def __init__(self, draft: LetterDraft, client: Client, path: Path, data: bytes,
                     new_date: date | None) -> None:
            super().__init__()
            self.draft = draft
            self.client = client
            self.path = path
            self.data = data
            self.new_date = new_date

    class RenderFailed(Message):
        """The worker could not build the PDF, or (`filing`) write it; `error` says why."""

        def __init__(self, error: Exception, filing: bool = False) -> None:
            super().__init__()
            self.error = error
            self.filing = filing

    def make_pdf(self, draft: LetterDraft, client_id: int, new_date: date | None) -> None:
        """Render, write and record the PDF of `draft` (the book's state read by a worker)."""
        self.making = True
        self._status(_("Making the PDF…"), "")
        self._build_pdf(draft, self.app.book.state, client_id, new_date)

    def action_back(self) -> None:
        if self.making:
            self.app.notify(_("The PDF is being filed; a moment."), timeout=3)
            return
        super().action_back()

    @work(thread=True, exclusive=True, group="letter-pdf")
    def _build_pdf(self, draft: LetterDraft, state: BookState, client_id: int,
                   new_date: date | None) -> None:
        """Build the PDF and write it into the client's folder; never touches a widget nor the
        book."""
        try:
            data = letters.pdf_bytes(draft, state.profile)
        except Exception as error:  # reported on the screen, never as a traceback
            self.post_message(self.RenderFailed(error))
            return
        try:
            client = state.client(client_id)
            path = write_letter_file(state, client, draft, data)
        except (CarnetError, OSError) as error:
            self.post_message(self.RenderFailed(error, filing=True))
            return
        self.post_message(self.Rendered(draft, client, path, data, new_date))

    def _not_filed(self, error: Exception) -> None:
        message = _("The PDF could not be filed: {error}").format(error=error)
        self._status(message, "-error")
        self.app.notify(message, title=_("No letter"), severity="error")

    @on(RenderFailed)
    def _render_failed(self, event: RenderFailed) -> None:
        self.making = False
        error = event.error
        if event.filing:
            self._not_filed(error)
            return
        if isinstance(error, ValidationError):
            self.query_one(FieldList).show_error(error)
            if error.field.startswith("paragraph"):
                self.query_one("#letter-body", TextArea).focus()
        message = str(error) if isinstance(error, CarnetError) else (
            _("The PDF could not be made: {error}").format(error=error))
        self._status(message, "-error")

    @on(Rendered)
    def _rendered(self, event: Rendered) -> None:
        self.making = False
        client, path = event.client, event.path
        try:
            record_letter_file(self.app.book, client, event.draft, path, event.data,
                               event.new_date)
        except (CarnetError, OSError) as error:
            self._not_filed(error)
            return
        self.saved = path
        self._status(_("Saved: {path}").format(path=path), "-saved")
        kind = letter_kind_label(event.draft.kind)
        self.app.notify(_("{Kind} letter filed for {client}").format(
            Kind=kind.capitalize(), kind=kind, client=client.name), title=_("Letter"))
        self.app.refresh_data()
