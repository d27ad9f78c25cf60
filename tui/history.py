"""Undo and redo: the last change made since Carnet opened the book, named and asked first."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.app import App
from textual.screen import ModalScreen
from textual.widgets import Input, TextArea

from store.errors import CarnetError
from store.i18n import _

if TYPE_CHECKING:
    from store.book import Book


class History(App):
    """ctrl+z and ctrl+y walk the open book's changes, after a confirmation naming each."""

    book: Book | None
    refresh_data: Callable[[], None]

    bindings_screen = None
    """The screen whose keys are being listed, while they are (a screen made in advance lists
    them for its footer before it is shown); None: the screen shown."""

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """While typing or in a form, ctrl+z and ctrl+y belong to the text field, not the book."""
        if action in ("undo", "redo"):
            screen = self.bindings_screen or self.screen
            typing = isinstance(screen.focused, (Input, TextArea))
            return not (typing or isinstance(screen, ModalScreen))
        return True

    def action_undo(self) -> None:
        """Ask, naming it, then revert the last change made since Carnet opened the book."""
        self._walk("undo")

    def action_redo(self) -> None:
        """Ask, naming it, then apply again the change undone last."""
        self._walk("redo")

    def _walk(self, way: str) -> None:
        if self.book is None:
            return
        label = self.book.undo_label if way == "undo" else self.book.redo_label
        if label is None:
            self.notify(_("Nothing to undo: only changes made since Carnet opened this book can "
                          "be undone.") if way == "undo" else _("Nothing to redo."))
            return
        from .dialogs.confirm import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if yes:
                self._step_history(way)
        question = (_("Undo: {change}?") if way == "undo" else _("Redo: {change}?"))
        self.push_screen(ConfirmDialog(question.format(change=label),
                                       yes=_("Undo") if way == "undo" else _("Redo"),
                                       no=_("Keep")), answered)

    def _step_history(self, way: str) -> None:
        try:
            label = self.book.undo() if way == "undo" else self.book.redo()
        except CarnetError as exc:
            self.notify(str(exc), severity="error")
            return
        done = _("Undone: {change}") if way == "undo" else _("Redone: {change}")
        self.notify(done.format(change=label))
        self.refresh_data()
