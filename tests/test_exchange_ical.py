"""Due dates and follow-ups in any calendar: parsed back by icalendar, imported by calcurse."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import date, datetime, timedelta

import icalendar
import pytest

from store import clients, orders, relations
from store.book import Book
from store.exchange import ical, json_io
from store.models import Profile
from tests.test_exchange_json import fill_book

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 14, 0)
NASTY = "Virgule, point-virgule; barre \\ oblique « guillemets » 👩‍🔬 " + "é" * 60


@pytest.fixture
def book(tmp_path):
    with Book(tmp_path / "book") as opened:
        fill_book(opened)
        yield opened


def events(data: bytes) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(data)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_open_orders_and_pending_follow_ups_become_all_day_events(book):
    found = events(ical.export_ics(book, NOW))
    summaries = sorted(str(e["SUMMARY"]) for e in found.values())
    assert summaries == [
        "Relance Henri Lefèvre: Rappeler Henri",
        "Relance Étude Martin & Associés: Demander son avis sur 2026-002 (Registre paroissial)",
        "Échéance 2026-001: Acte de vente, 1523 (Henri Lefèvre)",
    ]
    due = next(e for e in found.values() if "2026-001" in str(e["SUMMARY"]))
    assert due["DTSTART"].dt == book.order("2026-001").due
    assert due["DTEND"].dt == book.order("2026-001").due + timedelta(days=1)
    assert "Échéance initiale: " in str(due["DESCRIPTION"])


def test_delivered_orders_and_done_follow_ups_are_left_out(book):
    for followup in list(book.followups()):
        relations.complete_followup(book, followup.id, TODAY)
    orders.deliver(book, "2026-001", TODAY)
    relations.complete_followup(book, book.followups()[-1].id, TODAY)
    assert events(ical.export_ics(book, NOW)) == {}


def test_follow_ups_of_parted_clients_are_left_out(book):
    clients.mark_client(book, 1, "parted", "fin de la collaboration")
    summaries = [str(e["SUMMARY"]) for e in events(ical.export_ics(book, NOW)).values()]
    assert not any(s.startswith("Relance Henri") for s in summaries) and len(summaries) == 2


def test_the_calendar_speaks_the_books_language(book):
    book.set_profile(Profile(name="Claire", language="en"))
    summaries = {str(e["SUMMARY"]) for e in events(ical.export_ics(book, NOW)).values()}
    assert "Due 2026-001: Acte de vente, 1523 (Henri Lefèvre)" in summaries
    assert any(s.startswith("Follow-up Henri Lefèvre") for s in summaries)


def test_uids_are_stable_across_exports_and_a_json_round_trip(book, tmp_path):
    first = set(events(ical.export_ics(book, NOW)))
    assert first == set(events(ical.export_ics(book, NOW + timedelta(days=3))))
    identity = re.search(r"order-2026-001-(\w+)@carnet", " ".join(first)).group(1)
    with Book(tmp_path / "copy") as copy:
        json_io.import_json(copy, json_io.export_json(book, NOW))
        assert set(events(ical.export_ics(copy, NOW))) == first
    with Book(tmp_path / "other") as other:
        fill_book(other)
        assert identity not in " ".join(events(ical.export_ics(other, NOW)))


def test_text_is_escaped_and_lines_folded_at_75_octets(book):
    henri = book.clients()[0]
    # A name no envelope could hold: the client keeps no postal address (nothing to print).
    clients.edit_client(book, henri.id, last_name=NASTY, address_lines=[], postcode="", city="")
    relations.add_followup(book, henri.id, TODAY, NASTY + "\nseconde ligne, ; \\")
    data = ical.export_ics(book, NOW)
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    assert b"\n" not in data.replace(b"\r\n", b"")
    data.decode("utf-8")
    descriptions = [str(e["DESCRIPTION"]) for e in events(data).values()]
    assert any(d.startswith(f"À faire: {NASTY}\nseconde ligne, ; \\\n") for d in descriptions)
    assert any(NASTY in str(e["SUMMARY"]) for e in events(data).values())


@pytest.mark.skipif(shutil.which("calcurse") is None, reason="calcurse is not installed")
def test_calcurse_imports_every_event_and_skips_nothing(book, tmp_path):
    relations.add_followup(book, book.clients()[0].id, TODAY, NASTY + "\nligne 2")
    path = tmp_path / "carnet.ics"
    path.write_bytes(ical.export_ics(book, NOW))
    home = tmp_path / "home"
    (home / "calcurse").mkdir(parents=True)
    result = subprocess.run(["calcurse", "-D", str(home / "calcurse"), "-i", str(path)],
                            capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60,
                            env={**os.environ, "HOME": str(home)})
    assert result.returncode == 0, result.stderr
    counts = re.search(r"(\d+) apps / (\d+) events / (\d+) todos / (\d+) skipped", result.stdout)
    assert counts and counts.groups() == ("0", "4", "0", "0"), result.stdout
    stored = (home / "calcurse" / "apts").read_text(encoding="utf-8")
    assert "Échéance 2026-001: Acte de vente, 1523 (Henri Lefèvre)" in stored


def test_uids_are_the_same_whether_the_book_is_open_for_writing_or_not(tmp_path):
    with Book(tmp_path / "book") as book:
        fill_book(book)
    with Book(tmp_path / "book", read_only=True) as reader:
        read_only = set(events(ical.export_ics(reader, NOW)))
    with Book(tmp_path / "book") as writer:
        assert set(events(ical.export_ics(writer, NOW))) == read_only
    with Book(tmp_path / "book", read_only=True) as reader:
        assert set(events(ical.export_ics(reader, NOW))) == read_only
