"""The recipient's block by La Poste's rules: refused line by line when it does not fit."""

from __future__ import annotations

from dataclasses import replace

import pytest

from letters.address import recipient_lines
from store.errors import ValidationError
from tests.letters_samples import HENRI, MARGARET, SOCIETY


def test_a_french_address_ends_with_postcode_and_city_in_capitals():
    assert recipient_lines(HENRI, "fr") == ["M. Henri Lefèvre", "7, rue de la Charpenterie",
                                            "45000 ORLEANS"]
    assert recipient_lines(SOCIETY, "fr") == ["Société archéologique de Touraine",
                                              "Hôtel Goüin", "25, rue du Commerce", "37000 TOURS"]


def test_an_address_abroad_ends_with_the_country():
    assert recipient_lines(MARGARET, "en") == ["Faculty of History, Oxford", "Ms Margaret Holloway",
                                               "14 Norham Gardens", "OXFORD OX2 6QB",
                                               "UNITED KINGDOM"]
    belgian = replace(HENRI, city="Liège", postcode="4000", country="Belgique")
    assert recipient_lines(belgian, "fr")[-2:] == ["4000 LIÈGE", "BELGIQUE"]


def test_a_line_of_38_characters_fits():
    street = "x" * 38
    assert recipient_lines(replace(HENRI, address_lines=[street]), "fr")[1] == street


def test_a_line_too_long_is_named_with_its_length():
    client = replace(HENRI, address_lines=["45, boulevard du Maréchal-de-Lattre-de-Tassigny"])
    with pytest.raises(ValidationError) as error:
        recipient_lines(client, "fr")
    assert error.value.field == "address line 2"
    assert "is 47 characters; La Poste allows 38" in str(error.value)


def test_too_many_lines_are_refused():
    lines = ["Bâtiment A", "Escalier 2", "Porte 12", "7, rue X", "BP 4"]
    client = replace(HENRI, address_lines=lines)
    with pytest.raises(ValidationError) as error:
        recipient_lines(client, "fr")
    assert error.value.field == "address"
    assert "has 7 lines; La Poste allows 6" in str(error.value)


def test_an_incomplete_address_is_refused():
    with pytest.raises(ValidationError, match="no city"):
        recipient_lines(replace(HENRI, city=""), "fr")
    with pytest.raises(ValidationError, match="no postcode"):
        recipient_lines(replace(HENRI, postcode=""), "fr")
