"""QA findings (2026-11-23): rough edges a user meets, pinned as tests.

Each test that fails today because of a product bug is marked xfail(strict=True): when the
bug is fixed the test passes, strict xfail turns that into a failure, and the marker goes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from store import browse, clients, orders
from store.book import Book
from store.errors import ValidationError
from store.models import Profile
from tui.app import CarnetApp
from tui.screens.clients import ClientScreen, ClientsScreen

from .tui_support import TODAY, demo_book, settle

ROOT = Path(__file__).resolve().parents[1]


def _carnet(*args: str) -> subprocess.CompletedProcess:
    """`python app.py --today 2026-11-23 ARGS`, as a user runs it."""
    env = {k: v for k, v in os.environ.items() if k not in ("CARNET_DATA", "CARNET_DEBUG")}
    return subprocess.run([sys.executable, str(ROOT / "app.py"), "--today", TODAY.isoformat(),
                           *args], capture_output=True, text=True, cwd=ROOT, env=env,
                          timeout=60)


def _french_book(folder: Path) -> Book:
    """A book with French names: accents, an apostrophe, a hyphen, a ligature."""
    book = Book(folder)
    book.set_profile(Profile(name="Élodie Marchand", city="Paris"))
    helene = clients.add_client(book, TODAY, first_name="Hélène",
                                last_name="d'Aubigné-Œillet", organisation="Œuvre d'Élodie",
                                city="Lyon")
    clients.add_client(book, TODAY, first_name="Édith", last_name="Garnier", city="Versailles")
    clients.add_client(book, TODAY, first_name="Zoé", last_name="Zeller", city="Nancy")
    clients.add_client(book, TODAY, first_name="Denis", last_name="Dupont", city="Tours")
    clients.add_client(book, TODAY, first_name="Fanny", last_name="Faure", city="Blois")
    orders.add_order(book, TODAY, helene.id, "Testament de Jean d'Orléans, 1612",
                     TODAY + timedelta(days=22))
    return book


# -- search and sort ignore accents, as a French user types ----------------------------

def test_client_search_ignores_accents(tmp_path):
    with _french_book(tmp_path / "book") as book:
        for typed in ("helene", "aubigne", "oeillet", "oeuvre d'elodie"):
            names = [c.name for c in clients.find_clients(book, typed)]
            assert names == ["Hélène d'Aubigné-Œillet"], typed


def test_order_search_ignores_accents(tmp_path):
    with _french_book(tmp_path / "book") as book:
        page = browse.order_page(book, TODAY, "orleans")
        assert [row.order.title for row in page.rows] == ["Testament de Jean d'Orléans, 1612"]


def test_clients_list_sorts_accented_names_alphabetically(tmp_path):
    with _french_book(tmp_path / "book") as book:
        firsts = [c.first_name for c in clients.find_clients(book, "")]
        assert firsts == ["Denis", "Édith", "Fanny", "Hélène", "Zoé"]


# -- postponing --------------------------------------------------------------------------

def test_postpone_refuses_a_date_earlier_than_the_due_date(tmp_path):
    with _french_book(tmp_path / "book") as book:
        ref = book.orders()[0].ref
        with pytest.raises(ValidationError):
            orders.postpone(book, ref, TODAY + timedelta(days=1), "archives fermées", "mine",
                            TODAY)


# -- the command line ----------------------------------------------------------------------

def test_overdue_on_a_missing_book_says_there_is_no_book(tmp_path):
    missing = tmp_path / "typo-in-the-path"
    result = _carnet("overdue", "--data", str(missing))
    assert result.returncode == 2
    assert str(missing) in result.stderr


def test_a_failed_letter_on_a_missing_book_creates_nothing(tmp_path):
    missing = tmp_path / "typo-in-the-path"
    result = _carnet("letter", "apology", "2026-014", "--data", str(missing))
    assert result.returncode == 2
    assert not missing.exists()


def test_letter_out_into_a_missing_folder_files_nothing(tmp_path):
    book_dir = demo_book(tmp_path / "book")
    result = _carnet("letter", "apology", "2026-014", "--data", str(book_dir),
                     "--out", str(tmp_path / "no-such-folder" / "apology.pdf"))
    assert result.returncode != 0
    assert ".carnet-tmp" not in result.stderr
    with Book(book_dir, read_only=True) as book:
        assert not [x for x in book.letters() if x.order_ref == "2026-014"]


def test_letter_error_says_an_apology(tmp_path):
    book_dir = demo_book(tmp_path / "book")
    result = _carnet("letter", "apology", "3", "--data", str(book_dir))
    assert result.returncode == 2
    assert "an apology letter" in result.stderr


# -- the letter archive ----------------------------------------------------------------------

def test_letter_folder_keeps_the_oe_ligature():
    from letters.archive import safe_name
    assert safe_name("Hélène d'Aubigné-Œillet") == "helene-d-aubigne-oeillet"


# -- the TUI -------------------------------------------------------------------------------------

async def test_key_2_returns_to_the_clients_list_from_a_client(tmp_path):
    app = CarnetApp(demo_book(tmp_path / "book"), TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ClientScreen)
        await pilot.press("2")
        await settle(pilot)
        assert isinstance(app.screen, ClientsScreen)

