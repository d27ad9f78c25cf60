"""Every demo letter and the hard cases, measured from their PDFs as a typesetter would:
word spaces on justified lines, ties, the closing's page, the letterhead."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

import pytest
from reportlab.lib.units import mm

from letters import compose, pdf_bytes
from letters.layout import LEFT, PAGE_W, RIGHT
from store.book import Book
from store.demo import fill_demo
from store.errors import ValidationError
from store.models import Client, LETTER_KINDS
from tests import pdf_measure as measure
from tests.letters_samples import HENRI, INCIDENT, PROFILE, SUMMARY, TODAY, order_for

RIGHT_EDGE = PAGE_W - RIGHT
LIMIT = 1.6 + 1e-3
"""The widest word space a justified line may show, measured to a thousandth of a space."""
_NO_BREAK = re.compile(r"[\u00a0\u202f]")


def ties_in(draft) -> list[tuple[str, str]]:
    """The (left, right) word pairs a no-break space joins in the letter's running text."""
    pairs = set()
    for _, text in draft.prose():
        for word in text.replace("\n", " ").split(" "):
            parts = _NO_BREAK.split(word)
            pairs |= {(a, b) for a, b in zip(parts, parts[1:]) if a.strip() and b.strip()}
    return sorted(pairs)


def check_letter(draft, profile) -> bytes:
    """Render and measure one letter; the PDF for further checks."""
    pdf = pdf_bytes(draft, profile)
    ratios = measure.word_space_ratios(pdf, LEFT, RIGHT_EDGE)
    too_wide = [(text, round(ratio, 3)) for text, ratio in ratios if ratio > LIMIT]
    assert not too_wide, too_wide
    assert measure.broken_ties(pdf, ties_in(draft)) == []
    last = measure.last_page_lines(pdf)
    closing_first_words = " ".join(draft.closing.split()[:3])
    at = next((i for i, line in enumerate(last) if line.text.startswith(closing_first_words)),
              None)
    assert at is not None, "the closing is on the last page"
    above = [line for line in last[:at] if line.x0 <= LEFT + 0.5 and line.y < 270 * mm]
    assert above, "the closing is never alone on its page"
    return pdf


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    with Book(tmp_path_factory.mktemp("demo") / "book") as book:
        fill_demo(book, date(2026, 12, 1))
        yield book


def demo_letters(book: Book):
    """One letter of each kind each demo client can be sent, in both languages."""
    today = date(2026, 12, 1)
    for client in book.clients():
        orders = [o for o in book.orders() if o.client_id == client.id]
        for kind in LETTER_KINDS:
            for order in sorted(orders, key=lambda o: o.ref, reverse=True) or [None]:
                new_date = None
                if kind == "apology" and order is not None:
                    new_date = max(order.due, today) + timedelta(days=14)
                try:
                    drafts = [compose(kind, book.profile, client, order, today=today, lang=lang,
                                      orders=orders, new_date=new_date)
                              for lang in ("fr", "en")]
                except ValidationError:
                    continue
                yield drafts
                break


def test_every_demo_letter_keeps_its_spaces_ties_and_closing(demo):
    written = 0
    for drafts in demo_letters(demo):
        for draft in drafts:
            check_letter(draft, demo.profile)
            written += 1
    assert written >= 60


def test_the_demo_letterhead_is_set_on_the_lines_it_should(demo):
    client = demo.clients()[0]
    draft = compose("thanks", demo.profile, client, today=date(2026, 12, 1))
    head = [line for line in measure.lines(pdf_bytes(draft, demo.profile))
            if line.page == 1 and line.y > PAGE_W and line.x1 < 100 * mm]
    texts = [line.text for line in head]
    assert texts[0] == f"{demo.profile.name} {demo.profile.legal_form}"
    trade = texts[1:texts.index(demo.profile.address_lines[0])]
    assert 1 <= len(trade) <= 2 and all(len(line.split()) >= 2 for line in trade)


ABROAD = {
    "GB": Client(id=5, civility="Dr", first_name="Margaret", last_name="Holloway",
                 organisation="Faculty of History", address_lines=["George Street"],
                 postcode="OX1 2RL", city="Oxford", country="Royaume-Uni", language="en"),
    "US": Client(id=6, civility="Pr", first_name="John", last_name="Smith",
                 address_lines=["Department of History", "1130 Amsterdam Avenue"],
                 postcode="NY 10027", city="New York", country="USA", language="en"),
    "BE": Client(id=7, civility="M.", first_name="Luc", last_name="Peeters",
                 address_lines=["Rue de la Loi 16"], postcode="1000", city="Bruxelles",
                 country="Belgique"),
    "CH": Client(id=8, civility="Mme", first_name="Anna", last_name="Müller",
                 address_lines=["Bahnhofstrasse 10"], postcode="8001", city="Zürich",
                 country="Suisse"),
    "DE": Client(id=9, civility="M.", first_name="Jan", last_name="Schmidt",
                 address_lines=["Unter den Linden 6"], postcode="10117", city="Berlin",
                 country="Allemagne"),
    "six lines": Client(id=10, civility="Mme", first_name="Hélène", last_name="Martin",
                        organisation="Archives du chapitre",
                        address_lines=["Bâtiment B", "Escalier 3", "12, rue des Chanoines"],
                        postcode="37000", city="Tours"),
}


@pytest.mark.parametrize("where", sorted(ABROAD))
@pytest.mark.parametrize("kind", ["apology", "summary", "scope"])
def test_letters_abroad_and_to_six_line_addresses_are_set_as_well(where, kind):
    client = ABROAD[where]
    order = order_for(client)
    for lang in ("fr", "en"):
        draft = compose(kind, PROFILE, client, order, INCIDENT if kind == "apology" else None,
                        today=TODAY, lang=lang,
                        new_date=date(2026, 11, 30) if kind == "apology" else None)
        assert len(draft.recipient_lines) <= 7
        check_letter(draft, PROFILE)


@pytest.mark.parametrize("profile", [PROFILE, replace(PROFILE, typeface="garamond"),
                                     replace(PROFILE, text_align="ragged")],
                         ids=["dejavu", "garamond", "ragged"])
def test_a_five_page_summary_in_hard_scripts_keeps_its_measure(profile):
    hard = ("Le témoin Ya'aqov (יעקב בן אברהם) signe en hébreu ; le marchand Yūsuf "
            "(يوسف بن علي) en arabe 😀 ; la clause <&> vaut pour les 120 livres tournois. ")
    summary = "\n\n".join([SUMMARY, hard * 3] * 24)
    draft = compose("summary", profile, HENRI, order_for(HENRI, summary=summary),
                    today=TODAY)
    pdf = check_letter(draft, profile)
    assert max(line.page for line in measure.lines(pdf)) >= 5
