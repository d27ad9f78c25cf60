"""A modal form: labelled fields, validation by the store, messages beside the fields."""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from store.errors import CarnetError, ValidationError
from store.i18n import N_, _

from .. import failure
from ..widgets.footer import KeyFooter
from .confirm import ConfirmDialog
from .fields import Field, FieldList
from .host import host

Save = Callable[[dict[str, object]], str]
"""Performs the change with the form's values; returns what to tell the user ("" for nothing:
the form's caller tells it once the work it starts is done)."""
Question = Callable[[dict[str, object]], str | None]
"""A question to confirm before saving, or None when no confirmation is needed."""


def shown(field: Field) -> Field:
    """The field as the form shows it: label and placeholder declared with N_() translated now;
    a refusal naming the English label still lands beside it."""
    aliases = field.aliases if field.label in field.aliases else (*field.aliases, field.label)
    return replace(field, label=_(field.label), aliases=aliases,
                   placeholder=_(field.placeholder) if field.placeholder else "")


class FormDialog(ModalScreen[bool]):
    """Ask for values, let the store validate them, and close only once saved.

    A refused value shows its message beside its field and the form keeps what was typed.
    """

    BINDINGS = [
        Binding("ctrl+s", "submit", N_("Save"), id="form.save",
                tooltip=N_("Check the values and save them")),
        Binding("escape", "close", N_("Cancel"), id="form.cancel",
                tooltip=N_("Close the form without saving")),
    ]

    def __init__(self, title: str, fields: list[Field], save: Save, *, intro: str = "",
                 submit_label: str = "", question: Question | None = None) -> None:
        super().__init__()
        self.form_title = title
        self.fields = [shown(field) for field in fields]
        self.save = save
        self.intro = intro
        self.submit_label = submit_label or _("Save")
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="form-frame") as frame:
            frame.border_title = self.form_title
            if self.intro:
                yield Static(self.intro, id="form-intro", markup=False)
            yield FieldList(self.fields, host(self).today, id="form-fields")
            yield Static("", id="form-error", classes="-empty", markup=False)
            with Horizontal(id="form-buttons"):
                yield Button(self.submit_label, variant="primary", id="form-submit",
                             compact=True, tooltip=_("Save (ctrl+s)"))
                yield Button(_("Cancel"), id="form-cancel", compact=True,
                             tooltip=_("Close without saving (escape)"))
        yield KeyFooter()

    @property
    def body(self) -> FieldList:
        """The form's rows."""
        return self.query_one(FieldList)

    def on_mount(self) -> None:
        self.body.focus_first()

    def values(self) -> dict[str, object]:
        """Every field's value, by name."""
        return self.body.values()

    @on(Input.Submitted)
    @on(Button.Pressed, "#form-submit")
    def action_submit(self) -> None:
        """Validate and save, after confirmation when the change calls for it."""
        self._clear_errors()
        values = self.values()
        question = self.question(values) if self.question else None
        if question:
            self.app.push_screen(ConfirmDialog(question),
                                 lambda yes: self._save(values) if yes else None)
        else:
            self._save(values)

    @on(Button.Pressed, "#form-cancel")
    def action_close(self) -> None:
        self.dismiss(False)

    def _save(self, values: dict[str, object]) -> None:
        before = failure.book_seq(self.app)
        try:
            message = self.save(values)
        except ValidationError as error:
            self._show_error(error)
            return
        except CarnetError as error:
            self._show_general(str(error))
            return
        except Exception as error:  # noqa: BLE001 — the form's last line of defence
            if failure.debugging():
                raise
            self._show_general(failure.message(error, before, failure.book_seq(self.app)))
            return
        if message:
            self.app.notify(message, title=self.form_title)
        host(self).refresh_data()
        self.dismiss(True)

    def _show_error(self, error: ValidationError) -> None:
        if not self.body.show_error(error):
            self._show_general(str(error))

    def _show_general(self, message: str) -> None:
        """A refusal that names no field of the form shows under the fields."""
        general = self.query_one("#form-error", Static)
        general.update(message)
        general.remove_class("-empty")

    def _clear_errors(self) -> None:
        self.query_one("#form-error", Static).update("")
        self.query_one("#form-error", Static).add_class("-empty")
        self.body.clear_errors()
