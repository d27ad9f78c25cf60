"""Write a letter: pick its kind and language, read and edit the wording, make the PDF.

A thread worker renders the PDF and writes it into the client's folder; the screen then
records it, so the letter joins the client's timeline (letter_filing.py).
An apology for work past its date asks for the new date (prefilled with a suggestion);
making the PDF then postpones the order to it and files the letter, in one change.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Header, Input, Label, Select, Static, TextArea

import letters
from letters import localize
from letters.archive import draft_for
from letters.draft import NEEDS_ORDER, LetterDraft, split_paragraphs
from store import letter_state
from store.dates import parse_date
from store.incidents import latest_plan
from store.letter_choice import letter_for_client, letter_for_order
from store.errors import CarnetError, NotFound, ValidationError
from store.formats import day
from store.i18n import N_, _
from store.labels import letter_kind_label
from store.models import LANGUAGES, Client, Order
from store.state import BookState

from ..dialogs.confirm import ConfirmDialog
from ..dialogs.fields import Field, FieldList
from ..widgets.footer import KeyFooter
from .letter_filing import LetterFiling
from .ready import ReadyScreen

MAIL_OPTIONS = ((N_("ordinary mail"), "ordinary"), (N_("registered letter"), "registered"),
                (N_("registered, advice of delivery (AR)"), "registered-ar"))
"""How the letter is sent; special mail is printed above the address."""

BINDINGS = [
    Binding("ctrl+g", "generate", N_("Make PDF"), id="letter.generate",
            tooltip=N_("Render the letter as a PDF, file it in the client's archive")),
    Binding("ctrl+r", "recompose", N_("Reset wording"), id="letter.reset",
            tooltip=N_("Compose the wording again, discarding your edits")),
    Binding("escape", "back", N_("Back"), id="nav.back",
            tooltip=N_("Back to the previous screen")),
]
"""Keys of the letter screen, by id."""


class LetterScreen(LetterFiling, ReadyScreen):
    """One letter to one client, possibly about one order: wording first, then the PDF."""

    BINDINGS = BINDINGS
    SHOWN_AS_LEFT = False

    def __init__(self, kind: str | None = None, ref: str | None = None,
                 client_id: int | None = None) -> None:
        super().__init__()
        self.kind = kind
        """The kind of letter being written; None until the one the situation calls for is known."""
        self.ref = ref
        """The order the letter is about, if any."""
        self.client_id = client_id
        """The recipient."""
        self.language: str | None = None
        """The letter's language; the client's until the user picks another."""
        self.draft: LetterDraft | None = None
        """The wording as composed (before the user's edits)."""
        self.new_date: date | None = None
        """The new date the wording gives (an apology for work past its date), else None."""
        self.refusal = ""
        """Why no letter can be written as asked, when it cannot."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="letter-choice"):
            yield Label(_("Kind"))
            yield Select([(letter_kind_label(k), k) for k in letters.KINDS],
                         value=self.kind or letters.KINDS[0],
                         id="letter-kind", allow_blank=False, compact=True,
                         tooltip=_("The kind of letter (changing it composes new wording)"))
            yield Label(_("Language"))
            yield Select([(lang, lang) for lang in LANGUAGES], id="letter-language",
                         allow_blank=False, compact=True, tooltip=_("The letter's language"))
        yield Static("", id="letter-to", markup=False)
        mail = tuple((_(name), value) for name, value in MAIL_OPTIONS)
        yield FieldList([Field("subject", _("Subject")), Field("salutation", _("Salutation")),
                         Field("closing", _("Closing")), Field("new_date", _("New date"), "date"),
                         Field("enclosures", _("Enclosures"), aliases=("enclosure",),
                               placeholder=_("what goes with the letter, separated by ;")),
                         Field("mail", _("Sent by"), "select", value="ordinary", options=mail)],
                        self.app.today, id="letter-head")
        body = TextArea("", id="letter-body", soft_wrap=True, tab_behavior="focus")
        body.border_title = _("Letter — a blank line between paragraphs")
        yield body
        yield Static("", id="letter-status", markup=False)
        yield KeyFooter()

    def section(self) -> str:
        return _("Letter about {ref}").format(ref=self.ref) if self.ref else _("Letter")

    def warm_up(self) -> None:
        """Compose a letter in each language and throw them away: the first one composed loads
        the templates and the countries' names (~40 ms)."""
        self._compose_one(self.app.book.state, self.app.today)

    @work(thread=True, group="warm-up")
    def _compose_one(self, book: BookState, today: date) -> None:
        order = next((o for o in book.orders() if o.is_open), None)
        if order is None:
            return
        new_date = (letter_state.suggested_date(order, today)
                    if letter_state.needs_new_date("apology", order, today) else None)
        client = book.client(order.client_id)
        for language in LANGUAGES:
            try:
                draft_for(book, "apology", client, order, today, language, new_date)
            except CarnetError:
                return

    def aim(self, key: object) -> None:
        self.kind, self.ref, self.client_id = key
        self.language = self.draft = self.new_date = self.saved = None
        self.refusal = ""
        self.query_one(FieldList).set_values({"mail": "ordinary"})
        self.set_focus(self.focus_chain[0] if self.focus_chain else None)

    # -- reading the book and composing ------------------------------------------

    def _records(self) -> tuple[Client, Order | None]:
        book = self.app.book
        order = book.order(self.ref) if self.ref else None
        if order is not None:
            self.client_id = order.client_id
        if self.client_id is None:
            raise NotFound(_("a letter needs a client or an order"))
        return book.client(self.client_id), order

    def reload(self) -> None:
        if self.draft is not None:
            return
        try:
            client, order = self._records()
        except CarnetError as error:
            self.app.notify(str(error), severity="error")
            if not self.given_up():
                self.action_back()
            return
        if self.kind is None:
            self.kind = self._called_for(client, order)
        kinds = [(letter_kind_label(k), k) for k in letters.KINDS if order or k not in NEEDS_ORDER]
        if self.kind not in dict((v, v) for _, v in kinds):
            self.kind = kinds[0][1]
        self.language = self.language or client.language or self.app.book.profile.language
        with self.prevent(Select.Changed):
            self.query_one("#letter-kind", Select).set_options(kinds)
            self.query_one("#letter-kind", Select).value = self.kind
            self.query_one("#letter-language", Select).value = self.language
        to = (_("To {client} · {ref} {title}").format(client=client.name, ref=order.ref,
                                                       title=order.title)
              if order else _("To {client}").format(client=client.name))
        self.query_one("#letter-to", Static).update(to)
        self._compose_draft()
        self.appear()

    def _called_for(self, client: Client, order: Order | None) -> str:
        """The letter the situation calls for, as the store's rule says."""
        book = self.app.book
        if order is None:
            return letter_for_client(client.id, book.where("orders", "client_id", client.id))
        return letter_for_order(order, latest_plan(book, order.ref), self.app.today)

    def _compose_draft(self) -> None:
        """Compose the wording for the chosen kind and language and show it."""
        try:
            client, order = self._records()
            self._ask_new_date(order)
            draft = draft_for(self.app.book, self.kind, client, order, self.app.today,
                              self.language, self.new_date)
        except CarnetError as error:
            self.draft, self.refusal = None, str(error)
            self._show_draft(None)
            self._status(self.refusal, "-error")
            self.app.notify(self.refusal, title=_("No letter"), severity="error")
            return
        self.draft, self.refusal = draft, ""
        self._show_draft(draft)
        self._status(self._ready_text(), "")

    def _ready_text(self) -> str:
        if self.new_date is None:
            return _("Read, edit, then ctrl+g makes the PDF and files it.")
        return _("ctrl+g makes the PDF, files it and postpones {ref} to {day}.").format(
            ref=self.ref, day=day(self.new_date))

    def _ask_new_date(self, order: Order | None) -> None:
        """Show the new-date field when the letter must give one, prefilled with a suggestion."""
        needed = letter_state.needs_new_date(self.kind, order, self.app.today)
        row = self.query_one(FieldList).row("new_date")
        row.display = needed
        if not needed:
            self.new_date = None
            return
        if self.new_date is None:
            self.new_date = letter_state.suggested_date(order, self.app.today)
        with self.prevent(Input.Changed):
            row.value = day(self.new_date)

    def typed_new_date(self) -> date | None:
        """The new date as typed in its field, None when it is not a date."""
        return None if self.new_date_problem() else self._read_new_date()

    def _read_new_date(self) -> date:
        return parse_date(str(self.query_one(FieldList).row("new_date").value),
                          self.app.today, _("new date"))

    def new_date_problem(self) -> ValidationError | None:
        """Why the typed new date cannot be read, None when it can."""
        try:
            self._read_new_date()
        except ValidationError as error:
            return error
        return None

    @on(Input.Changed, "#field-new_date")
    def _new_date_typed(self) -> None:
        """A new date recomposes the wording that names it (edits kept: ctrl+r then)."""
        problem = self.new_date_problem()
        if problem is not None:
            self.query_one(FieldList).show_error(problem)
            self._status(_("{problem} — the letter waits for a date it can give.").format(
                problem=problem), "-error")
            return
        typed = self.typed_new_date()
        if typed == self.new_date or self.draft is None:
            self._status(self._ready_text(), "")
            return
        if self._is_edited():
            self._status(_("The new date changed: ctrl+r composes the wording again with it."),
                         "-error")
            return
        try:
            client, order = self._records()
            draft = draft_for(self.app.book, self.kind, client, order, self.app.today,
                              self.language, typed)
        except CarnetError as error:
            if isinstance(error, ValidationError):
                self.query_one(FieldList).show_error(error)
            self._status(str(error), "-error")
            return
        self.draft, self.new_date = draft, typed
        self._show_draft(draft)
        self._status(self._ready_text(), "")

    def _show_draft(self, draft: LetterDraft | None) -> None:
        head = self.query_one(FieldList)
        with self.prevent(Input.Changed):
            head.set_values({"subject": draft.subject if draft else "",
                             "salutation": draft.salutation if draft else "",
                             "closing": draft.closing if draft else "",
                             "enclosures": "; ".join(draft.enclosures) if draft else ""})
        self.query_one("#letter-body", TextArea).text = (
            "\n\n".join(draft.paragraphs) if draft else "")

    def edited(self) -> LetterDraft | None:
        """The composed draft with the user's edits."""
        if self.draft is None:
            return None
        values = self.query_one(FieldList).values()
        mail = str(values["mail"] or "ordinary")
        return replace(self.draft, subject=str(values["subject"]).strip(),
                       salutation=str(values["salutation"]).strip(),
                       closing=str(values["closing"]).strip(),
                       paragraphs=split_paragraphs(self.query_one("#letter-body", TextArea).text),
                       enclosures=[e.strip() for e in str(values["enclosures"]).split(";")
                                   if e.strip()],
                       mail=localize.mail_line("" if mail == "ordinary" else mail,
                                               self.draft.language))

    def _status(self, text: str, state: str) -> None:
        status = self.query_one("#letter-status", Static)
        status.update(text)
        status.set_class(state == "-error", "-error")
        status.set_class(state == "-saved", "-saved")

    # -- choosing the kind and language ------------------------------------------

    @on(Select.Changed, "#letter-kind")
    @on(Select.Changed, "#letter-language")
    def _choice_changed(self, event: Select.Changed) -> None:
        if not self.pointed:
            return
        kind = self.query_one("#letter-kind", Select).value
        language = self.query_one("#letter-language", Select).value
        if (kind, language) == (self.kind, self.language):
            return
        self._ask_before_discarding(lambda: self._choose(kind, language),
                                    lambda: self._restore_choice())

    def _choose(self, kind: str, language: str) -> None:
        self.kind, self.language = kind, language
        self._compose_draft()

    def _restore_choice(self) -> None:
        with self.prevent(Select.Changed):
            self.query_one("#letter-kind", Select).value = self.kind
            self.query_one("#letter-language", Select).value = self.language

    def action_recompose(self) -> None:
        def again() -> None:
            self.new_date = self.typed_new_date() or self.new_date
            self._compose_draft()
        self._ask_before_discarding(again, lambda: None)

    def _is_edited(self) -> bool:
        return self.draft is not None and self.edited() != replace(
            self.draft, paragraphs=split_paragraphs("\n\n".join(self.draft.paragraphs)))

    def _ask_before_discarding(self, go, stay) -> None:
        if not self._is_edited():
            go()
            return
        self.app.push_screen(ConfirmDialog(_("Discard your edits to the wording?"),
                                           yes=_("Discard"), no=_("Keep editing")),
                             lambda yes: go() if yes else stay())

    # -- the PDF -----------------------------------------------------------------

    def action_generate(self) -> None:
        draft = self.edited()
        if draft is None:
            self.app.notify(self.refusal or _("There is no wording to print yet."),
                            title=_("No letter"), severity="error" if self.refusal else "warning")
            return
        problem = self.new_date_problem() if self.new_date is not None else None
        if problem is not None:
            self.app.notify(_("{problem}: type the new date the letter gives.").format(
                problem=problem), title=_("No letter"), severity="error")
            return
        if self.new_date is not None and self.typed_new_date() != self.new_date:
            self.app.notify(_("The wording gives {day}, not the date typed: ctrl+r composes it "
                              "again with the new date.").format(day=day(self.new_date)),
                            title=_("No letter"), severity="error")
            return
        self.query_one(FieldList).clear_errors()
        self.make_pdf(draft, self.client_id, self.new_date)
