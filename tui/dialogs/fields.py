"""One labelled field of a form: its widget, and the message shown beside it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import InvalidOperation

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static, TextArea

from store.amounts import parse_amount
from store.date_words import RELATIVE_DAYS, fold
from store.dates import parse_date, parse_past_date
from store.errors import ValidationError
from store.formats import day, money, weekday
from store.i18n import N_, _, ngettext

DATE_PLACEHOLDER = N_("20/12, 20 Dec, Friday, +7, tomorrow")
"""Examples shown in an empty date field that suggests no day."""
DATE_KINDS = ("date", "past")
_DAYS_AHEAD = re.compile(r"^\+(\d{1,4})$")
_NAMED_DAYS = {0: N_("today"), 1: N_("tomorrow"), -1: N_("yesterday")}


@dataclass(frozen=True)
class Field:
    """What a form asks for: a name for its value, a label, and how it is typed."""

    name: str
    """Key of the value handed to the form's save function."""
    label: str
    """Shown left of the field; an error naming this label lands beside it."""
    kind: str = "text"
    """text (one line), date (one line, read as a date), past (a date something already
    happened, read like parse_past_date), amount (one line, read as an amount), select, area
    or lines (a text area)."""
    value: object = ""
    """Initial value: text, or for a select the option's value; a list of lines for `lines`.
    For a date, the suggested day ('today', '+14', '20/12/2026'): the field starts empty and
    shows it as its placeholder, and left empty it means that day."""
    options: tuple[tuple[str, object], ...] = ()
    """(label, value) pairs of a select."""
    placeholder: str = ""
    """Example input shown while the field is empty."""
    aliases: tuple[str, ...] = ()
    """Other names the store gives this field in its validation errors."""
    blank: bool = False
    """A select that may be left empty (its value is then None)."""
    suggestions: tuple[str, ...] = ()
    """Values a one-line text field offers to complete as you type (→ accepts); any text goes."""

    def owns(self, error_field: str) -> bool:
        """Whether a validation error naming `error_field` belongs beside this field."""
        wanted = error_field.casefold().replace("_", " ")
        names = (self.name, self.label, *self.aliases)
        return any(wanted == n.casefold().replace("_", " ") for n in names)


class FieldRow(Horizontal):
    """A label, the field's widget, and beside it a hint or a validation message."""

    DEFAULT_CSS = """
    FieldRow { height: auto; margin-bottom: 1; }
    FieldRow > .field-label { width: 14; padding-right: 1; text-align: right; color: $text-muted; }
    FieldRow > .field-widget { width: 1fr; }
    FieldRow > TextArea.field-widget { height: 3; }
    FieldRow > .field-message { width: 26; padding-left: 1; color: $text-muted; }
    FieldRow:focus-within > .field-label { color: $accent; text-style: bold; }
    FieldRow.-invalid > .field-label { color: $error; text-style: bold; }
    FieldRow.-invalid > .field-message { color: $error; }
    """

    def __init__(self, field: Field, today: date) -> None:
        super().__init__(id=f"row-{field.name}")
        self.field = field
        self.today = today

    def compose(self) -> ComposeResult:
        field = self.field
        yield Label(field.label, classes="field-label")
        yield self._widget()
        yield Static("", classes="field-message", id=f"message-{field.name}")

    def _widget(self) -> Widget:
        field, widget_id = self.field, f"field-{self.field.name}"
        classes = "field-widget"
        if field.kind == "select":
            known = any(value == field.value for _, value in field.options)
            return Select(field.options, value=field.value if known else Select.NULL,
                          allow_blank=field.blank, prompt=field.placeholder or "—",
                          compact=True, id=widget_id, classes=classes)
        if field.kind in ("area", "lines"):
            text = "\n".join(field.value) if field.kind == "lines" else str(field.value or "")
            return TextArea(text, compact=True, id=widget_id, classes=classes,
                            tab_behavior="focus")
        if field.kind in DATE_KINDS:
            return Input("", placeholder=self._date_placeholder(), compact=True, id=widget_id,
                         classes=classes)
        suggester = (SuggestFromList(field.suggestions, case_sensitive=False)
                     if field.suggestions else None)
        return Input(str(field.value or ""), placeholder=field.placeholder, compact=True,
                     id=widget_id, classes=classes, suggester=suggester)

    def _date_placeholder(self) -> str:
        """The suggested day as words ('today', '+14 days', '4 Dec 2026'), else examples."""
        suggested = str(self.field.value or "").strip()
        if not suggested:
            return self.field.placeholder or _(DATE_PLACEHOLDER)
        folded = fold(suggested)
        if RELATIVE_DAYS.get(folded) in _NAMED_DAYS:
            return _(_NAMED_DAYS[RELATIVE_DAYS[folded]])
        ahead = _DAYS_AHEAD.match(folded)
        if ahead:
            count = int(ahead[1])
            return ngettext("+{count} day", "+{count} days", count).format(count=count)
        try:
            return day(self._read_date(suggested))
        except ValidationError:
            return suggested

    def _read_date(self, text: str) -> date:
        """The day `text` means in this field (a past field reads like parse_past_date)."""
        read = parse_past_date if self.field.kind == "past" else parse_date
        return read(text, self.today, self.field.label)

    @property
    def widget(self) -> Widget:
        """The input, select or text area of this row."""
        return self.query_one(f"#field-{self.field.name}")

    @property
    def value(self) -> object:
        """The value as typed: text, a list of lines, or the selected value (None if blank)."""
        widget = self.widget
        if isinstance(widget, Select):
            return None if widget.value == Select.NULL else widget.value
        if isinstance(widget, TextArea):
            text = widget.text
            if self.field.kind == "lines":
                return [line.strip() for line in text.splitlines() if line.strip()]
            return text
        if self.field.kind in DATE_KINDS and not widget.value.strip():
            return str(self.field.value or "")
        return widget.value

    @value.setter
    def value(self, value: object) -> None:
        widget = self.widget
        if isinstance(widget, Select):
            widget.value = Select.NULL if value in (None, "") and self.field.blank else value
        elif isinstance(widget, TextArea):
            widget.text = "\n".join(value) if isinstance(value, list) else str(value or "")
        else:
            widget.value = str(value or "")

    def show_error(self, message: str) -> None:
        """Show a validation message beside the field; the input is left as typed."""
        self.add_class("-invalid")
        self.query_one(".field-message", Static).update(message)

    def clear_error(self) -> None:
        self.remove_class("-invalid")
        self.query_one(".field-message", Static).update(self._hint())

    def on_mount(self) -> None:
        self.clear_error()

    @on(Input.Changed)
    @on(Select.Changed)
    @on(TextArea.Changed)
    def _edited(self) -> None:
        """A message goes once the value is changed; a date or an amount shows what it reads."""
        if self.has_class("-invalid") or self.field.kind in (*DATE_KINDS, "amount"):
            self.clear_error()

    def _hint(self) -> str:
        """What the typed value reads as ('→ Friday 4 Dec 2026', '→ €1,250.50') or why not."""
        text = str(self.value).strip()
        if not text or self.field.kind not in (*DATE_KINDS, "amount"):
            return ""
        if self.field.kind == "amount":
            return self._amount_hint(text)
        try:
            return _("→ {day}").format(day=weekday(self._read_date(text)))
        except ValidationError as refused:
            return refused.message

    @staticmethod
    def _amount_hint(text: str) -> str:
        try:
            amount = parse_amount(text)
            return _("→ {amount}").format(amount=money(amount)) if amount.is_finite() else ""
        except (InvalidOperation, ValueError):
            return ""


class FieldList(VerticalScroll, can_focus=False):
    """The rows of a form, read together and told together which value was refused."""

    def __init__(self, fields: list[Field], today: date, **kwargs) -> None:
        super().__init__(**kwargs)
        self.fields = fields
        self.today = today

    def compose(self) -> ComposeResult:
        for field in self.fields:
            yield FieldRow(field, self.today)

    def row(self, name: str) -> FieldRow:
        """The row of the field called `name`."""
        return self.query_one(f"#row-{name}", FieldRow)

    def values(self) -> dict[str, object]:
        """Every field's value, by name."""
        return {field.name: self.row(field.name).value for field in self.fields}

    def set_values(self, values: dict[str, object]) -> None:
        """Show these values (by field name) and no message."""
        for name, value in values.items():
            self.row(name).value = value
        self.clear_errors()

    def focus_first(self) -> None:
        if self.fields:
            self.row(self.fields[0].name).widget.focus()

    def show_error(self, error: ValidationError) -> bool:
        """Show the refusal beside its field and focus it; False if no field owns it."""
        field = next((f for f in self.fields if f.owns(error.field)), None)
        if field is None:
            return False
        row = self.row(field.name)
        row.show_error(error.message)
        row.widget.focus()
        return True

    def clear_errors(self) -> None:
        for row in self.query(FieldRow):
            row.clear_error()
