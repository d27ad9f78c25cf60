"""No file I/O on the UI thread: PDFs, backups and exports are written by workers, and the
UI thread records and notifies."""

from __future__ import annotations

import threading
from datetime import date

from store import clients, orders, relations
from store.book import Book
from store.exchange import folder
from store.storage import BookFiles
from tui.app import CarnetApp
from tui.commands import CarnetCommands
from tui.dialogs.issuing import IssuingScreen
from tui.screens import letter_filing
from tui.screens.letter import LetterScreen

from .money_support import delivered_order, open_book, private_client
from .test_tui_letter import PROFILE, open_letter, status
from .test_tui_dialogs import TODAY, HarnessApp, book  # noqa: F401
from .tui_support import settle

ISSUED = date(2026, 3, 2)


def on_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def spied(calls: list[bool], write):
    """`write`, noting for each call whether it ran on the UI (main) thread."""
    def spy(*args, **kwargs):
        calls.append(on_main_thread())
        return write(*args, **kwargs)
    return spy


def notes(app) -> list[str]:
    return [note.message for note in app._notifications]


def palette(app) -> dict:
    return {name: run for name, run, _ in CarnetCommands(app.screen).commands()}


async def test_the_letter_pdf_is_written_by_a_worker_and_recorded_by_the_screen(book,
                                                                                 monkeypatch):
    book.set_profile(PROFILE)
    writes: list[bool] = []
    records: list[bool] = []
    monkeypatch.setattr(letter_filing, "write_letter_file",
                        spied(writes, letter_filing.write_letter_file))
    monkeypatch.setattr(letter_filing, "record_letter_file",
                        spied(records, letter_filing.record_letter_file))
    app = HarnessApp(book)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_letter(app, pilot, kind="thanks", ref="2026-001")
        await settle(pilot)
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert "Saved" in status(app)
    assert (writes, records) == ([False], [True])
    [letter] = book.letters()
    assert (book.data_dir / letter.path).is_file()
    assert any("letter filed for Henri Lefèvre" in n for n in app.notices), app.notices


async def test_a_letter_whose_record_is_refused_leaves_no_pdf(book, monkeypatch):
    from store.errors import ValidationError

    def refused(*args, **kwargs):
        raise ValidationError("kind", "no such letter")
    book.set_profile(PROFILE)
    monkeypatch.setattr("letters.archive.record_letter", refused)
    app = HarnessApp(book)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_letter(app, pilot, kind="thanks", ref="2026-001")
        await settle(pilot)
        await pilot.press("ctrl+g")
        await settle(pilot)
        said = status(app)
        assert said.startswith("The PDF could not be filed") and "no such letter" in said
    assert book.letters() == []
    assert list((book.data_dir / "letters").rglob("*.pdf")) == []


async def test_leaving_waits_for_the_pdf_being_filed(book, monkeypatch):
    book.set_profile(PROFILE)
    go = threading.Event()
    real = letter_filing.letters.pdf_bytes

    def slow(draft, profile):
        go.wait(10)
        return real(draft, profile)
    monkeypatch.setattr(letter_filing.letters, "pdf_bytes", slow)
    app = HarnessApp(book)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_letter(app, pilot, kind="thanks", ref="2026-001")
        await settle(pilot)
        await pilot.press("ctrl+g")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert "The PDF is being filed; a moment." in app.notices
        go.set()
        await settle(pilot)
        assert isinstance(app.screen, LetterScreen) and screen.saved is not None
    [letter] = book.letters()
    assert book.data_dir / letter.path == screen.saved
    sent = [r for _, kind, r in relations.timeline(book, 1) if kind == "interaction"]
    assert any(r.kind == "letter sent" for r in sent)


async def test_the_backup_is_written_by_a_worker_and_notified(tmp_path, monkeypatch):
    data = tmp_path / "book"
    Book(data).close()
    calls: list[bool] = []
    monkeypatch.setattr(BookFiles, "backup", spied(calls, BookFiles.backup))
    app = CarnetApp(data_dir=data, today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        palette(app)["Back up the book"]()
        await settle(pilot)
        saved = [n for n in notes(app) if n.startswith("Saved: ")]
    assert calls == [False]
    assert len(saved) == 1
    backup = saved[0].removeprefix("Saved: ")
    assert backup.startswith(str(data / "backups")) and (data / "backups").joinpath(
        backup.rsplit("/", 1)[-1]).is_file()


async def test_exports_are_built_and_written_by_a_worker(tmp_path, monkeypatch):
    data = tmp_path / "book"
    with Book(data) as opened:
        client = clients.add_client(opened, TODAY, last_name="Lefèvre")
        orders.add_order(opened, TODAY, client.id, "Acte de vente, 1523", date(2026, 12, 1))
    calls: list[bool] = []
    label, suffix, build = folder.EXPORTS["ics"]
    monkeypatch.setitem(folder.EXPORTS, "ics", (label, suffix, spied(calls, build)))
    app = CarnetApp(data_dir=data, today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        palette(app)["Export: calendar (iCalendar)"]()
        await settle(pilot)
        path = data / "exports" / "carnet-2026-11-23.ics"
        assert f"Saved: {path}" in notes(app)
        kept = app.book.rows("meta").get("1")
    assert calls == [False]
    assert path.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert kept and kept["book_id"].encode() in path.read_bytes()


async def test_a_money_pdf_is_written_by_a_worker_and_recorded_on_the_ui_thread(tmp_path,
                                                                                  monkeypatch):
    from letters import money_archive
    writes: list[bool] = []
    records: list[bool] = []
    monkeypatch.setattr(money_archive, "write_file", spied(writes, money_archive.write_file))
    monkeypatch.setattr(money_archive, "record", spied(records, money_archive.record))
    path = tmp_path / "book"
    with open_book(path) as opened:
        order = delivered_order(opened, private_client(opened), on=ISSUED)
    async with CarnetApp(path, ISSUED).run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        app = pilot.app
        app.open_order(order.ref)
        await settle(pilot)
        await pilot.press("I", "y")
        await settle(pilot)
        assert not isinstance(app.screen, IssuingScreen)
        pdf = path / "documents" / "F-2026-0001.pdf"
        assert any(str(pdf) in n for n in notes(app))
        [doc] = app.book.all("documents")
    assert (writes, records) == ([False], [True])
    assert (doc.number, doc.file) == ("F-2026-0001", "documents/F-2026-0001.pdf")
    assert pdf.is_file()


async def test_the_demo_book_is_built_by_a_worker_then_opened(tmp_path, monkeypatch):
    from tui.screens import welcome
    calls: list[bool] = []
    monkeypatch.setattr(welcome, "make_demo_book", spied(calls, welcome.make_demo_book))
    app = CarnetApp(tmp_path / "mine", TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("d", "d")
        await settle(pilot)
        assert not isinstance(app.screen, welcome.WelcomeScreen)
        assert app.book_label == "demo" and len(app.book.clients()) > 5
    assert calls == [False]
