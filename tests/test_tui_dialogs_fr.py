"""The forms in French: titles, labels, choices, buttons and questions in the chosen language."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Button, Label, Select, Static

import store.i18n as i18n
from store import relations
from tests.test_tui_dialogs import TODAY, HarnessApp, book, field, message_beside  # noqa: F401
from tui import dialogs
from tui.dialogs import ConfirmDialog, FormDialog

NBSP = "\u00a0"
PSEUDO = "àçéîñôŕšüÿÀÇÉÎÑÔŘŠÜŸ"


@pytest.fixture
def french(monkeypatch):
    """French in force, from the catalog Carnet ships."""
    i18n.use_language("fr")
    yield
    i18n.use_language("en")


def labels(app) -> list[str]:
    return [str(label.render()) for label in app.screen.query(".field-label").results(Label)]


def options(form: FormDialog, name: str) -> list[tuple[str, object]]:
    """The (label, value) choices a form's select offers, as the form shows them."""
    return list(next(f for f in form.fields if f.name == name).options)


def buttons(app) -> list[str]:
    return [str(button.label) for button in app.screen.query(Button)]


async def test_the_postpone_form_reads_in_french(book, french):
    app = HarnessApp(book)
    async with app.run_test(size=(100, 30)) as pilot:
        await dialogs.postpone_order(app, "2026-001")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormDialog) and form.form_title == "Reporter 2026-001"
        assert labels(app) == ["Nouvelle date", "Motif", "Cause"]
        assert buttons(app) == ["Reporter", "Annuler"]
        intro = str(form.query_one("#form-intro", Static).render())
        assert "Échéance 20 nov. 2026, statut" in intro
        assert [text for text, _ in options(form, "cause")] == ["de mon fait", "du client",
                                                                 "autre"]


async def test_a_refusal_naming_the_english_label_lands_beside_the_french_field(book, french):
    app = HarnessApp(book)
    async with app.run_test(size=(100, 30)) as pilot:
        await dialogs.deliver(app, "2026-001")
        await pilot.pause()
        assert labels(app) == ["Livrée le"]
        field(app, "on").value = "+5"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert message_beside(app, "on") != ""
        assert str(app.screen.query_one("#form-error", Static).render()) == ""
    assert book.order("2026-001").delivered is None


async def test_deleting_a_follow_up_asks_in_french_with_a_french_date(book, french):
    client = book.clients()[0]
    followup = relations.add_followup(book, client.id, date(2026, 12, 1), "Rappeler Henri")
    app = HarnessApp(book)
    async with app.run_test(size=(100, 30)) as pilot:
        await dialogs.delete_followup(app, followup.id)
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert app.screen.question == (f"Supprimer la relance «{NBSP}Rappeler Henri{NBSP}», "
                                       f"échéance 1 déc. 2026{NBSP}?\n"
                                       "ctrl+z pour revenir en arrière.")
        assert buttons(app) == ["Supprimer", "Conserver"]
        await pilot.press("y")
        await pilot.pause()
    assert app.notices[-1] == f"Relance supprimée{NBSP}: Rappeler Henri"


async def test_the_exchange_form_offers_its_choices_in_french(book, french):
    app = HarnessApp(book)
    client = book.clients()[0]
    async with app.run_test(size=(100, 30)) as pilot:
        await dialogs.log_interaction(app, client.id)
        await pilot.pause()
        assert app.screen.form_title == "Noter un échange avec Henri Lefèvre"
        kinds = {value: text for text, value in options(app.screen, "kind")}
        assert kinds["call-back promised"] == "rappel promis"
        assert [text for text, _ in options(app.screen, "direction")] == ["reçu — du client",
                                                                           "envoyé — de moi"]
        assert isinstance(field(app, "satisfaction"), Select)


async def test_no_form_label_or_button_is_left_in_english(book, monkeypatch):
    """The test-only pseudo-language marks every translated letter: an English label stands out."""
    i18n.use_language(i18n.PSEUDO)
    app = HarnessApp(book)
    client = book.clients()[0]
    openers = [lambda: dialogs.new_client(app), lambda: dialogs.new_order(app),
               lambda: dialogs.postpone_order(app, "2026-001"),
               lambda: dialogs.log_interaction(app, client.id),
               lambda: dialogs.add_followup(app, client.id),
               lambda: dialogs.open_incident(app, "2026-001"),
               lambda: dialogs.mark_client(app, client.id),
               lambda: dialogs.gift_received(app, client.id)]
    async with app.run_test(size=(100, 30)) as pilot:
        for open_form in openers:
            await open_form()
            await pilot.pause()
            shown = [app.screen.form_title, *labels(app), *buttons(app)]
            plain = [text for text in shown
                     if any(c in text for c in "aceinorsuy") and not any(c in text for c in PSEUDO)]
            assert plain == [], plain
            app.screen.dismiss(False)
            await pilot.pause()
