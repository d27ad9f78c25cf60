"""Story tests of the letter screen: compose, edit, render in a worker, file, and read back."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader
from textual.widgets import DataTable, Input, OptionList, Select, Static, TextArea

from letters.archive import write_letter
from store import orders, relations
from store.formats import day
from store.models import Profile
from tui.dialogs import ConfirmDialog
from tui.screens.clients import ClientScreen
from tui.screens.letter import LetterScreen

from .test_tui_dialogs import TODAY, HarnessApp, book  # noqa: F401
from .tui_support import paste

PROFILE = Profile(name="Claire Vasseur", trade="Paléographe", address_lines=["12, rue Mouffetard"],
                  postcode="75005", city="Paris", letter_city="Paris", email="claire@example.fr")


def plain(text: str) -> str:
    """Text with French typography's no-break spaces read as spaces."""
    return text.replace("\xa0", " ").replace("\u202f", " ")


def pdf_text(path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return plain(" ".join(page.extract_text() for page in reader.pages))


def status(app) -> str:
    return str(app.screen.query_one("#letter-status", Static).render())


async def open_letter(app, pilot, **where) -> LetterScreen:
    await app.push_screen(LetterScreen(**where))
    await pilot.pause()
    return app.screen


async def make_pdf(app, pilot) -> None:
    await pilot.press("ctrl+g")
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_an_apology_from_an_order_is_filed_as_a_pdf_naming_the_new_date(book):
    book.set_profile(PROFILE)
    orders.postpone(book, "2026-001", date(2026, 12, 3), "sources illisibles", "mine", TODAY)
    app = HarnessApp(book)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_letter(app, pilot, kind="apology", ref="2026-001")
        assert screen.query_one("#letter-kind", Select).value == "apology"
        assert screen.query_one("#letter-language", Select).value == "fr"
        assert "3 décembre 2026" in plain(screen.query_one("#letter-body", TextArea).text)
        await make_pdf(app, pilot)
        assert "Saved" in status(app)
    [letter] = book.letters()
    path = book.data_dir / letter.path
    assert path.is_file() and path.parent.parent == book.data_dir / "letters"
    assert (letter.kind, letter.language, letter.order_ref, letter.date) == (
        "apology", "fr", "2026-001", TODAY)
    text = pdf_text(path)
    assert "3 décembre 2026" in text and "2026-001" in text
    timeline = relations.timeline(book, 1)
    sent = [record for _, kind, record in timeline
            if kind == "interaction" and record.kind == "letter sent"]
    assert len(sent) == 1 and letter.path in sent[0].text
    assert app.refreshed == 1


async def test_the_users_edits_are_what_the_pdf_says(book):
    book.set_profile(PROFILE)
    app = HarnessApp(book)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_letter(app, pilot, kind="apology", ref="2026-001")
        screen.query_one("#field-subject", Input).value = "Votre acte de 1523, enfin"
        body = screen.query_one("#letter-body", TextArea)
        body.text = "Premier paragraphe <Dupont & Fils>.\n\nSecond paragraphe."
        await make_pdf(app, pilot)
    [letter] = book.letters()
    text = pdf_text(book.data_dir / letter.path)
    assert "Votre acte de 1523, enfin" in text
    assert "<Dupont & Fils>" in text
    assert "Second paragraphe." in text


async def test_two_letters_the_same_day_never_overwrite_each_other(book):
    book.set_profile(PROFILE)
    app = HarnessApp(book)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_letter(app, pilot, kind="apology", ref="2026-001")
        await make_pdf(app, pilot)
        await make_pdf(app, pilot)
    paths = {letter.path for letter in book.letters()}
    assert len(paths) == 2
    assert all((book.data_dir / p).is_file() for p in paths)


async def test_changing_the_kind_recomposes_but_asks_before_discarding_edits(book):
    book.set_profile(PROFILE)
    app = HarnessApp(book)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_letter(app, pilot, kind="apology", ref="2026-001")
        apology = screen.query_one("#letter-body", TextArea).text
        screen.query_one("#letter-language", Select).value = "en"
        await pilot.pause()
        english = screen.query_one("#letter-body", TextArea).text
        assert english != apology and screen.language == "en"

        screen.query_one("#field-subject", Input).value = "Mon objet à moi"
        screen.query_one("#letter-kind", Select).value = "thanks"
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert screen.kind == "apology"
        assert screen.query_one("#letter-kind", Select).value == "apology"
        assert screen.query_one("#field-subject", Input).value == "Mon objet à moi"

        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert screen.query_one("#field-subject", Input).value != "Mon objet à moi"


async def test_a_client_letter_offers_only_the_kinds_that_need_no_order(book):
    book.set_profile(PROFILE)
    app = HarnessApp(book)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_letter(app, pilot, client_id=1)
        kinds = screen.query_one("#letter-kind", Select)
        assert screen.kind == "thanks", "nothing delivered yet: no feedback request by default"
        overlay = kinds.query_one(OptionList)
        offered = {str(overlay.get_option_at_index(i).prompt) for i in range(overlay.option_count)}
        assert offered == {"follow-up", "thank-you", "feedback request"}


async def test_a_letter_that_cannot_be_composed_says_why_and_makes_no_pdf(book):
    book.set_profile(PROFILE)
    app = HarnessApp(book)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_letter(app, pilot, kind="summary", ref="2026-001")
        assert "no summary yet" in status(app)
        await pilot.press("ctrl+g")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert book.letters() == []


def test_snapshot_of_an_apology_at_80x24(tmp_path, snap_compare):
    """Update after a deliberate change: pytest tests/test_tui_letter.py --snapshot-update"""
    from tui.app import CarnetApp

    from .tui_support import demo_book, settle

    app = CarnetApp(demo_book(tmp_path / "book"), TODAY)

    async def write_apology(pilot):
        await settle(pilot)
        app.open_letter(kind="apology", ref="2026-009")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=write_apology)


async def test_an_apology_for_late_work_asks_for_the_new_date_and_postpones_to_it(book):
    book.set_profile(PROFILE)
    app = HarnessApp(book)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_letter(app, pilot, kind="apology", ref="2026-001")
        row = screen.query_one("#row-new_date")
        assert row.display
        assert screen.query_one("#field-new_date", Input).value == day(date(2026, 12, 7))
        assert "7 décembre 2026" in plain(screen.query_one("#letter-body", TextArea).text)
        screen.query_one("#field-new_date", Input).value = "2026-12-10"
        await pilot.pause()
        body = plain(screen.query_one("#letter-body", TextArea).text)
        assert "au plus tard le 10 décembre 2026" in body
        assert "devait vous être remise le 20 novembre 2026" in body
        await make_pdf(app, pilot)
        assert "Saved" in status(app)
    order = book.order("2026-001")
    assert order.due == date(2026, 12, 10)
    assert (order.postponements[-1].cause, order.postponements[-1].reason) == (
        "mine", "nouvelle date donnée dans la lettre d'excuses")
    [letter] = book.letters()
    assert "au plus tard le 10 décembre 2026" in pdf_text(book.data_dir / letter.path)
    book.undo()
    assert book.order("2026-001").due == date(2026, 11, 20) and book.letters() == []


async def test_a_new_date_already_past_is_refused_beside_its_field(book):
    book.set_profile(PROFILE)
    app = HarnessApp(book)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_letter(app, pilot, kind="apology", ref="2026-001")
        screen.query_one("#field-new_date", Input).value = "2026-11-21"
        await pilot.pause()
        assert "not after today" in str(screen.query_one("#message-new_date", Static).render())
        assert "7 décembre 2026" in plain(screen.query_one("#letter-body", TextArea).text)
        await make_pdf(app, pilot)
        assert any("not the date typed" in notice for notice in app.notices)
    assert book.letters() == [] and book.order("2026-001").postponements == []


async def test_an_apology_for_work_not_yet_due_asks_for_no_date(book):
    book.set_profile(PROFILE)
    orders.postpone(book, "2026-001", date(2026, 12, 3), "sources illisibles", "mine", TODAY)
    app = HarnessApp(book)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_letter(app, pilot, kind="apology", ref="2026-001")
        assert not screen.query_one("#row-new_date").display
        await make_pdf(app, pilot)
    assert len(book.order("2026-001").postponements) == 1


async def test_a_letter_without_a_sender_address_is_refused_in_one_notification(book):
    book.set_profile(Profile(name="Claire Vasseur"))
    app = HarnessApp(book)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_letter(app, pilot, kind="thanks", ref="2026-001")
        assert any("the profile has no postal address" in n and "profile set --address" in n
                   for n in app.notices)
        await make_pdf(app, pilot)
    assert book.letters() == [] and not (book.data_dir / "letters").exists()


async def test_a_feedback_request_is_refused_while_nothing_is_delivered(book):
    book.set_profile(PROFILE)
    app = HarnessApp(book)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_letter(app, pilot, kind="feedback", client_id=1)
        assert any("nothing was delivered to Henri Lefèvre yet" in n for n in app.notices)
        await make_pdf(app, pilot)
    assert book.letters() == []


async def test_a_new_date_that_cannot_be_read_says_so_and_makes_no_pdf(book):
    book.set_profile(PROFILE)
    app = HarnessApp(book)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_letter(app, pilot, kind="apology", ref="2026-001")
        screen.query_one("#field-new_date", Input).value = "20 bidule"
        await pilot.pause()
        assert "'20 bidule' is not" in str(screen.query_one("#message-new_date", Static).render())
        assert "waits for a date" in status(app)
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert any("type the new date" in notice for notice in app.notices)
    assert book.letters() == [] and book.order("2026-001").postponements == []


async def test_the_client_timeline_says_each_letters_language(book):
    book.set_profile(PROFILE)
    for lang in ("fr", "en"):
        write_letter(book, "thanks", "1", TODAY, lang)
    app = HarnessApp(book)
    async with app.run_test(size=(120, 24)) as pilot:
        await app.push_screen(ClientScreen(1))
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one("#timeline DataTable", DataTable)
        details = [str(table.get_row_at(row)[2]) for row in range(table.row_count)]
    letters = sorted(d for d in details if "thanks letter" in d)
    assert len(letters) == 2
    assert "thanks letter (en): " in letters[0] and letters[0].endswith("-en.pdf")
    assert "thanks letter (fr): " in letters[1] and letters[1].endswith("-fr.pdf")


async def test_enclosures_and_registered_mail_typed_on_the_screen_are_printed(book):
    book.set_profile(PROFILE)
    app = HarnessApp(book)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await open_letter(app, pilot, kind="apology", ref="2026-001")
        enclosures = screen.query_one("#field-enclosures", Input)
        enclosures.focus()
        await paste(pilot, "Transcription ; Photographies")
        screen.query_one("#field-mail", Select).value = "registered-ar"
        await pilot.pause()
        await make_pdf(app, pilot)
        assert "Saved" in status(app)
    [letter] = book.letters()
    text = pdf_text(book.data_dir / letter.path)
    assert "LETTRE RECOMMANDÉE AVEC AVIS DE RÉCEPTION" in text
    assert "P. J. : Transcription" in text and "Photographies" in text
