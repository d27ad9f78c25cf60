"""Wording templates: the user's file wins, mistakes in it are named, data stays data."""

from __future__ import annotations

import pytest

from letters import compose
from letters.draft import KINDS
from letters.templates import SHIPPED
from store.errors import ValidationError
from tests.letters_samples import HENRI, ORDER, PROFILE, TODAY, order_for

MINE = """{# Ma propre lettre d'excuses #}
[subject]
Mes excuses pour {{ ref }}

[body]
Bonjour {{ name }} !
Une ligne à part.

Nouvelle date : {{ order.due|date }}.
"""


def test_every_kind_ships_in_french_and_english():
    names = sorted(p.name for p in SHIPPED.glob("*.j2"))
    assert names == sorted(f"{kind}.{lang}.j2" for kind in KINDS for lang in ("fr", "en"))
    assert "apology.fr.j2" in names and "formal-notice.en.j2" in names


def test_a_user_template_overrides_the_shipped_one(tmp_path):
    (tmp_path / "apology.fr.j2").write_text(MINE, encoding="utf-8")
    draft = compose("apology", PROFILE, HENRI, ORDER, today=TODAY, templates_dir=tmp_path)
    assert draft.subject == "Mes excuses pour 2026-014"
    assert draft.paragraphs == ["Bonjour M.\u00a0Henri Lefèvre\u202f!\nUne ligne à part.",
                                "Nouvelle date\u202f: 22\u00a0novembre\u00a02026."]
    assert draft.salutation == "Monsieur,"
    assert draft.closing.startswith("Je vous prie d’agréer, Monsieur")
    english = compose("apology", PROFILE, HENRI, ORDER, today=TODAY, lang="en",
                      templates_dir=tmp_path)
    assert english.subject.startswith("Delay to your order")


def test_a_template_saved_by_a_windows_editor_is_read(tmp_path):
    source = "[subject]\r\nDepuis Windows\r\n[body]\r\nBonjour.\r\n"
    (tmp_path / "thanks.fr.j2").write_bytes(b"\xef\xbb\xbf" + source.encode("utf-8"))
    draft = compose("thanks", PROFILE, HENRI, today=TODAY, templates_dir=tmp_path)
    assert (draft.subject, draft.paragraphs) == ("Depuis Windows", ["Bonjour."])


def test_an_edited_template_is_read_again(tmp_path):
    path = tmp_path / "thanks.fr.j2"
    path.write_text("[subject]\nUn\n[body]\nCorps", encoding="utf-8")
    assert compose("thanks", PROFILE, HENRI, today=TODAY, templates_dir=tmp_path).subject == "Un"
    path.write_text("[subject]\nDeux\n[body]\nCorps", encoding="utf-8")
    assert compose("thanks", PROFILE, HENRI, today=TODAY, templates_dir=tmp_path).subject == "Deux"


@pytest.mark.parametrize("source, message", [
    ("[subject]\nS\n[signature]\nX\n[body]\nB", "line 3: unknown section [signature]"),
    ("[subject]\nS\n", "the [body] section is missing"),
    ("Bonjour\n[subject]\nS\n[body]\nB", "line 1: text before the first [section]"),
    ("[subject]\nS\n[body]\nB\n{% if %}", "line 5:"),
    ("[subject]\nS\n[body]\n{{ ordre.due }}", "'ordre' is undefined"),
    ("[subject]\n{{ client.__class__.__mro__ }}\n[body]\nB", "section [subject]"),
])
def test_a_broken_template_is_named_with_what_is_wrong(tmp_path, source, message):
    (tmp_path / "thanks.fr.j2").write_text(source, encoding="utf-8")
    with pytest.raises(ValidationError) as error:
        compose("thanks", PROFILE, HENRI, today=TODAY, templates_dir=tmp_path)
    assert error.value.field == "template thanks.fr.j2"
    assert message in str(error.value)


def test_data_cannot_open_a_section_or_run_template_code():
    order = order_for(HENRI, title="{{ profile.siret }}",
                      summary="Premier.\n[closing]\nTexte de l'acte.")
    draft = compose("summary", PROFILE, HENRI, order, today=TODAY)
    assert "{{ profile.siret }}" in draft.subject
    assert any("[closing]" in p for p in draft.paragraphs)
    assert draft.closing.startswith("Je vous prie")
