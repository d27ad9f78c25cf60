"""The palette offers backup and every export; each lands in the book's folder."""

from __future__ import annotations

import stat
from datetime import date

import icalendar
import orjson

from store import clients, orders
from store.book import Book
from tui.app import CarnetApp
from tui.commands import CarnetCommands

TODAY = date(2026, 11, 23)


async def test_palette_exports_write_private_files_in_the_book(tmp_path):
    data = tmp_path / "book"
    with Book(data) as book:
        client = clients.add_client(book, TODAY, last_name="Lefèvre", email="h@exemple.fr")
        orders.add_order(book, TODAY, client.id, "Acte de vente, 1523", due=date(2026, 12, 1))
    app = CarnetApp(data_dir=data, today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        provider = CarnetCommands(app.screen)
        commands = {name: run for name, run, _ in provider.commands()}
        backups_before = len(list((data / "backups").iterdir()))
        for name in ("Back up the book", "Export: everything (JSON)",
                     "Export: calendar (iCalendar)", "Export: orders (CSV)",
                     "Export: address book (vCard)"):
            commands[name]()
        await app.workers.wait_for_complete()
        await pilot.pause()
    exported = data / "exports"
    document = orjson.loads((exported / "carnet-2026-11-23.json").read_bytes())
    assert [c["last_name"] for c in document["tables"]["clients"].values()] == ["Lefèvre"]
    calendar = icalendar.Calendar.from_ical((exported / "carnet-2026-11-23.ics").read_bytes())
    assert any("2026-001" in str(e["SUMMARY"]) for e in calendar.walk("VEVENT"))
    assert "Acte de vente" in (exported / "carnet-2026-11-23.orders.csv").read_text("utf-8-sig")
    assert "Lefèvre" in (exported / "carnet-2026-11-23.vcf").read_text("utf-8")
    for path in exported.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(exported.stat().st_mode) == 0o700
    assert len(list((data / "backups").iterdir())) == backups_before + 1
