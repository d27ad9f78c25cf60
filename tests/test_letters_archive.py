"""Letters from the command line: filed in the client's folder, on the timeline, one per overdue order."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from letters.archive import client_folder, safe_name, write_letter
from store import clients, orders
from store.book import Book
from store.errors import NotFound
from store.models import Profile
from store.relations import timeline

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 23)
SENDER = Profile(name="Claire Vasseur", address_lines=["12, rue Mouffetard"], postcode="75005",
                 city="Paris")


def carnet(data: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "app.py", "--data", str(data), "--today",
                           TODAY.isoformat(), *args], cwd=ROOT, capture_output=True, text=True)


def pdf_text(path: Path) -> str:
    return " ".join(page.extract_text() for page in PdfReader(path).pages)


@pytest.fixture
def book_dir(tmp_path):
    data = tmp_path / "book"
    with Book(data) as book:
        book.set_profile(SENDER)
        client = clients.add_client(book, TODAY, civility="M.", first_name="Henri",
                                    last_name="Lefèvre", address_lines=["3 rue Bannier"],
                                    postcode="45000", city="Orléans")
        late = orders.add_order(book, date(2026, 10, 1), client.id, "Acte de vente, 1523",
                                due=date(2026, 11, 2), received=date(2026, 10, 1))
        orders.add_order(book, date(2026, 10, 5), client.id, "Registre paroissial",
                         due=date(2026, 11, 10), received=date(2026, 10, 5))
        orders.add_order(book, TODAY, client.id, "Lettre de rémission", due=date(2026, 12, 20))
        assert late.ref == "2026-001"
    return data


def test_the_apology_is_filed_and_names_the_new_date(book_dir):
    with Book(book_dir) as book:
        orders.postpone(book, "2026-001", date(2026, 12, 4), "relecture", "mine", TODAY)
    done = carnet(book_dir, "letter", "apology", "2026-001")
    assert done.returncode == 0, done.stderr
    path = Path(done.stdout.strip())
    assert path.parent.parent == book_dir / "letters" and path.exists()
    assert "4 décembre 2026" in pdf_text(path)
    with Book(book_dir, read_only=True) as book:
        [letter] = book.letters()
        assert letter.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
        assert (book_dir / letter.path) == path
        kinds = [getattr(record, "kind", None) for _, _, record in timeline(book, 1)]
        assert "letter sent" in kinds


def test_out_writes_a_copy_where_asked_and_prints_it(book_dir, tmp_path):
    target = tmp_path / "pour-henri.pdf"
    done = carnet(book_dir, "letter", "thanks", "1", "--lang", "en", "--out", str(target))
    assert done.returncode == 0 and done.stdout.strip() == str(target)
    assert "Dear Mr Lefèvre" in pdf_text(target)


def test_one_letter_per_overdue_order(book_dir):
    done = carnet(book_dir, "letters", "apology", "--overdue", "--new-date", "2026-12-10")
    assert done.returncode == 0, done.stderr
    written = [Path(line) for line in done.stdout.split()]
    assert [p.name for p in written] == ["2026-11-23-apology-2026-001-fr.pdf",
                                         "2026-11-23-apology-2026-002-fr.pdf"]
    assert done.stderr == ""  # a pipe gets no progress bar (only a terminal does)


def test_archived_names_carry_the_language_and_number_only_a_second_of_the_same(book_dir):
    with Book(book_dir) as book:
        names = [write_letter(book, "thanks", "1", TODAY, lang).name for lang in ("fr", "en", "fr")]
        names.append(write_letter(book, "apology", "2026-001", TODAY, "en",
                                  date(2026, 12, 10)).name)
        said = [record.text for _, kind, record in timeline(book, 1) if kind == "interaction"]
    assert names == ["2026-11-23-thanks-fr.pdf", "2026-11-23-thanks-en.pdf",
                     "2026-11-23-thanks-fr-2.pdf", "2026-11-23-apology-2026-001-en.pdf"]
    assert sum(text.startswith("thanks letter (fr): ") for text in said) == 2
    assert [t for t in said if t.startswith("apology letter (en): ") and t.endswith("-en.pdf")]


@pytest.mark.parametrize("args, says", [
    (("letter", "excuse", "2026-001"), "unknown letter kind 'excuse'"),
    (("letter", "apology", "2026-999"), "no order with reference '2026-999'"),
    (("letter", "apology", "Henri"), "neither an order reference"),
    (("letter", "summary", "1"), "summary letter is about one order"),
    (("letters", "apology"), "--overdue"),
])
def test_bad_letter_requests_are_one_line_and_exit_2(book_dir, args, says):
    done = carnet(book_dir, *args)
    assert done.returncode == 2 and says in done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


def test_a_hostile_client_name_cannot_leave_the_letters_folder(tmp_path):
    with Book(tmp_path / "book") as book:
        book.set_profile(SENDER)
        client = clients.add_client(book, TODAY, last_name="../../../etc/passwd",
                                    postcode="75001", city="Paris")
        path = write_letter(book, "thanks", str(client.id), TODAY)
        assert path.resolve().is_relative_to((tmp_path / "book" / "letters").resolve())
        assert client_folder(book, client).name == f"{client.id:04d}-etc-passwd"
    assert safe_name("…") == "client"


def test_the_books_own_template_overrides_the_shipped_wording(book_dir):
    templates = book_dir / "templates"
    templates.mkdir()
    (templates / "thanks.fr.j2").write_text(
        "[subject]\nMerci !\n[body]\nMerci pour le carnet de timbres, {{ dear }}\n",
        encoding="utf-8")
    done = carnet(book_dir, "letter", "thanks", "1")
    assert "Merci pour le carnet de timbres" in pdf_text(Path(done.stdout.strip()))


def test_a_letter_is_not_recorded_when_it_cannot_be_written(book_dir):
    with Book(book_dir) as book:
        with pytest.raises(NotFound):
            write_letter(book, "apology", "2026-404", TODAY)
        assert book.letters() == [] and not (book_dir / "letters").exists()


def test_a_second_batch_does_not_send_the_same_follow_up_twice(book_dir):
    first = carnet(book_dir, "letters", "follow-up", "--overdue")
    again = carnet(book_dir, "letters", "follow-up", "--overdue")
    assert len(first.stdout.split()) == 2 and again.stdout == ""
    assert again.returncode == 0 and again.stderr.count("not sent again") == 2
    with Book(book_dir, read_only=True) as book:
        assert len(book.letters()) == 2


def test_a_postponed_order_late_again_gets_a_new_follow_up(book_dir):
    carnet(book_dir, "letters", "follow-up", "--overdue")
    with Book(book_dir) as book:
        orders.postpone(book, "2026-001", date(2026, 12, 1), "relecture", "mine", TODAY)
    later = subprocess.run([sys.executable, "app.py", "--data", str(book_dir), "--today",
                            "2026-12-05", "letters", "follow-up", "--overdue"],
                           cwd=ROOT, capture_output=True, text=True)
    assert [Path(p).name for p in later.stdout.split()] == ["2026-12-05-follow-up-2026-001-fr.pdf"]
    assert "2026-002" in later.stderr and "not sent again" in later.stderr
