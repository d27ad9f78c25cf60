"""Issuing a money document: a wait screen while a worker renders and writes its PDF.

The worker drafts the document from one state of the book, renders and writes its PDF
(`letters.money_archive`); the handler then issues it and records the file in one change of
the book (a failed render takes no number, a refused record removes the file). This modal
screen keeps the keys away from the book until it is done, then names the file.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import LoadingIndicator, Static

from store.i18n import N_, _
from store.labels import document_name
from store.mentions import missing_details
from store.money_records import MoneyDocument
from store.state import BookState

from .. import failure
from .host import Host, host


class IssuingScreen(ModalScreen[MoneyDocument | None]):
    """Says "Issuing invoice F-2026-0003…" until its PDF is filed, then notifies its path."""

    BINDINGS = [
        Binding("q", "wait", N_("Wait"), id="issuing.wait", show=False,
                tooltip=N_("The PDF is being filed: wait for it, then quit")),
        Binding("escape", "wait", N_("Wait"), id="issuing.escape", show=False,
                tooltip=N_("The PDF is being filed: it cannot be stopped half-way")),
    ]

    class Written(Message):
        """The worker wrote the drafted document's PDF at `path` (`sha256` empty: the document
        was issued and filed already, its file untouched)."""

        def __init__(self, doc: MoneyDocument, path: Path, sha256: str) -> None:
            super().__init__()
            self.doc = doc
            self.path = path
            self.sha256 = sha256

    class Failed(Message):
        """The worker met `error`; `before` is the book's change count before it ran."""

        def __init__(self, error: Exception, before: int | None) -> None:
            super().__init__()
            self.error = error
            self.before = before

    def __init__(self, what: str, kind: str, ref_or_number: str, on: date,
                 **options) -> None:
        super().__init__()
        self.what = what
        """What the screen says is happening ("Issuing invoice F-2026-0003")."""
        self.kind = kind
        self.ref_or_number = ref_or_number
        self.on = on
        self.options = options

    def compose(self) -> ComposeResult:
        with Vertical(id="issuing-frame"):
            yield Static(f"{self.what}…", id="issuing-what", markup=False)
            yield LoadingIndicator()

    def on_mount(self) -> None:
        self._write(host(self).book.state, failure.book_seq(self.app))

    @work(thread=True, exclusive=True, group="money-pdf")
    def _write(self, state: BookState, before: int | None) -> None:
        """Draft, render and write the PDF (importing the PDF layout here, off the UI thread);
        never touches a widget nor the book."""
        try:
            from letters import money_archive
            doc = money_archive.draft(state, self.kind, self.ref_or_number, self.on,
                                      **self.options)
            path, sha256 = money_archive.filed(state, doc), ""
            if path is None:
                path, sha256 = money_archive.write_file(state, doc)
        except Exception as error:  # noqa: BLE001 — reported by the UI thread, never raised
            self.post_message(self.Failed(error, before))
            return
        self.post_message(self.Written(doc, path, sha256))

    def action_wait(self) -> None:
        self.app.notify(_("The PDF is being filed; a moment."), timeout=3)

    @on(Written)
    def _written(self, event: Written) -> None:
        doc = event.doc
        if event.sha256:
            from letters import money_archive
            ran, doc = failure.attempt(self.app, money_archive.record, host(self).book, doc,
                                       event.path, event.sha256, title=_("Not issued"))
            if not ran:
                self.dismiss(None)
                return
        self.dismiss(doc)
        self.app.notify(_("{document} {number}: {path}").format(
            document=document_name(doc.kind).capitalize(), number=doc.number, path=event.path),
            title=_("Filed"), timeout=10)
        missing = missing_details(doc)
        if missing:
            self.app.notify(_("; ").join(missing),
                            title=_("{number} lacks a mention").format(number=doc.number),
                            severity="warning", timeout=15)
        host(self).refresh_data()

    @on(Failed)
    def _failed(self, event: Failed) -> None:
        self.dismiss(None)
        failure.refused(self.app, event.error, event.before, title=_("Not issued"))


def issue(app: Host, what: str, kind: str, ref_or_number: str, **options) -> None:
    """Show the wait screen and issue the document dated `app.today` in a worker."""
    app.push_screen(IssuingScreen(what, kind, ref_or_number, app.today, **options))
