"""Command-line letters follow the data: the new date, the refusals, one undoable change."""

from __future__ import annotations

import io
from contextlib import redirect_stdout
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

import app
from letters import commands
from store import clients, orders
from store.book import Book
from store.models import Profile
from tests.test_cli import assert_bad_input, carnet

TODAY = date(2026, 11, 23)
SENDER = Profile(name="Claire Vasseur", address_lines=["12, rue Mouffetard"], postcode="75005",
                 city="Paris", language="fr")


def pdf_text(path: Path) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    return " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split())


@pytest.fixture
def data(tmp_path) -> Path:
    """Henri's act was due on 2 November and is not delivered; nothing is delivered yet."""
    folder = tmp_path / "book"
    with Book(folder) as book:
        book.set_profile(SENDER)
        henri = clients.add_client(book, TODAY, civility="M.", first_name="Henri",
                                   last_name="Lefèvre", address_lines=["3 rue Bannier"],
                                   postcode="45000", city="Orléans")
        orders.add_order(book, date(2026, 10, 1), henri.id, "Acte de vente, 1523",
                         due=date(2026, 11, 2), received=date(2026, 10, 1))
    return folder


def test_the_apology_for_late_work_is_refused_without_a_new_date(data):
    assert_bad_input(carnet("letter", "apology", "2026-001", data=data),
                     "was due on 2026-11-02", "--new-date")
    with Book(data, read_only=True) as book:
        assert book.letters() == [] and book.order("2026-001").postponements == []


def test_the_apology_names_the_new_date_and_postpones_the_order(data):
    done = carnet("letter", "apology", "2026-001", "--new-date", "2026-12-10", data=data)
    assert done.returncode == 0, done.stderr
    text = pdf_text(Path(done.stdout.strip()))
    assert "devait vous être remise le 2 novembre 2026, et je n’ai pas tenu ce délai" in text
    assert "au plus tard le 10 décembre 2026" in text
    with Book(data, read_only=True) as book:
        order = book.order("2026-001")
        [moved] = order.postponements
        assert (order.due, moved.from_date, moved.cause, moved.reason) == (
            date(2026, 12, 10), date(2026, 11, 2), "mine",
            "nouvelle date donnée dans la lettre d'excuses")
        [letter] = book.letters()
        assert (letter.kind, letter.order_ref) == ("apology", "2026-001")


def test_one_undo_takes_back_the_postponement_and_the_letter_together(data):
    args = app.resolve(app.build_parser().parse_args(
        ["--data", str(data), "--today", TODAY.isoformat(), "letter", "apology", "2026-001",
         "--new-date", "2026-12-10"]))
    with Book(data) as book:
        with redirect_stdout(io.StringIO()):
            assert commands.cmd_letter(args, book) == 0
        assert book.order("2026-001").due == date(2026, 12, 10) and len(book.letters()) == 1
        book.undo()
        assert book.order("2026-001").due == date(2026, 11, 2)
        assert book.order("2026-001").postponements == []
        assert book.letters() == []
        assert not [i for i in book.interactions() if i.kind == "letter sent"]


@pytest.mark.parametrize("args, says", [
    (("letter", "apology", "2026-001", "--new-date", "2026-11-20"), "not after today"),
    (("letter", "apology", "2026-001", "--new-date", "someday"), "--new-date"),
    (("letter", "thanks", "2026-001", "--new-date", "2026-12-10"), "apology letter only"),
    (("letter", "feedback", "2026-001"), "order 2026-001 is not delivered yet"),
    (("letter", "feedback", "1"), "nothing was delivered to Henri Lefèvre yet"),
    (("letters", "feedback", "--overdue"), "--overdue writes apology or follow-up letters"),
    (("letters", "thanks", "--overdue"), "not written for late work"),
    (("letters", "summary", "--overdue"), "not written for late work"),
    (("letters", "scope", "--overdue"), "not written for late work"),
    (("letters", "apology", "--overdue"), "add --new-date"),
])
def test_letters_that_cannot_honestly_be_written_are_refused_in_one_line(data, args, says):
    assert_bad_input(carnet(*args, data=data), says)
    with Book(data, read_only=True) as book:
        assert book.letters() == [] and book.order("2026-001").postponements == []


def test_bulk_apologies_give_the_one_new_date_to_every_overdue_order(data):
    done = carnet("letters", "apology", "--overdue", "--new-date", "2026-12-15", data=data)
    assert done.returncode == 0, done.stderr
    [path] = done.stdout.split()
    assert "au plus tard le 15 décembre 2026" in pdf_text(Path(path))
    with Book(data, read_only=True) as book:
        assert book.order("2026-001").due == date(2026, 12, 15)


def test_bulk_follow_ups_need_no_new_date(data):
    done = carnet("letters", "follow-up", "--overdue", data=data)
    assert done.returncode == 0, done.stderr
    assert "elle devait vous être remise le 2 novembre 2026" in pdf_text(
        Path(done.stdout.strip()))


@pytest.mark.parametrize("profile, says", [
    (Profile(name="Claire Vasseur"), "the profile has no postal address: fill it in the "
                                     "profile (5) or with `profile set --address"),
    (Profile(address_lines=["12, rue Mouffetard"], postcode="75005", city="Paris"),
     "the profile has no name"),
])
def test_a_letter_without_a_sender_is_refused_before_anything_is_filed(data, profile, says):
    with Book(data) as book:
        book.set_profile(profile)
    assert_bad_input(carnet("letter", "thanks", "1", data=data), says)
    assert_bad_input(carnet("letters", "follow-up", "--overdue", data=data), says)
    with Book(data, read_only=True) as book:
        assert book.letters() == [] and not (data / "letters").exists()
        assert not [i for i in book.interactions() if i.kind == "letter sent"]
