"""The recipient's block by La Poste's rules and the destination's post; refused if too long."""

from __future__ import annotations

from dataclasses import replace

import pytest

from letters import compose, pdf_bytes
from letters.address import recipient_lines
from store import clients, postal
from store.book import Book
from store.errors import ValidationError
from store.exchange import csv_import
from store.models import Client
from tests import letters_reading as read
from tests.letters_samples import HENRI, MARGARET, PROFILE, SOCIETY, TODAY
from tests.test_cli import assert_bad_input, carnet

SEVEN_IN_FRANCE = ["Bâtiment A", "Escalier 2", "Porte 12", "7, rue X", "BP 4"]
"""With the name and the locality, seven lines: one more than La Poste allows in France."""


def test_a_french_address_ends_with_postcode_and_city_in_capitals():
    assert recipient_lines(HENRI, "fr") == ["M. Henri Lefèvre", "7, rue de la Charpenterie",
                                            "45000 ORLEANS"]
    assert recipient_lines(SOCIETY, "fr") == ["Société archéologique de Touraine",
                                              "Hôtel Goüin", "25, rue du Commerce", "37000 TOURS"]


@pytest.mark.parametrize("country", ["", "France", "FR", "fra", " france "])
def test_france_however_written_gets_no_country_line(country):
    assert recipient_lines(replace(HENRI, country=country), "fr")[-1] == "45000 ORLEANS"


def test_in_the_united_kingdom_the_town_then_the_postcode_each_on_its_line():
    assert recipient_lines(MARGARET, "en") == ["Faculty of History, Oxford", "Ms Margaret Holloway",
                                               "14 Norham Gardens", "OXFORD", "OX2 6QB",
                                               "ROYAUME-UNI"]
    typed = replace(MARGARET, postcode="ox2 6qb", city="oxford", country="UK")
    assert recipient_lines(typed, "en")[-3:] == ["OXFORD", "OX2 6QB", "ROYAUME-UNI"]


@pytest.mark.parametrize("postcode, locality", [
    ("NY 10027", "NEW YORK NY 10027"), ("10027", "NEW YORK 10027"),
    ("NY  10027-6902", "NEW YORK NY 10027-6902"),
])
def test_in_the_united_states_city_state_and_zip_on_one_line(postcode, locality):
    columbia = Client(civility="Pr", first_name="Eleanor", last_name="Whitfield",
                      organisation="Columbia University", address_lines=["1180 Amsterdam Avenue"],
                      postcode=postcode, city="New York", country="USA", language="en")
    assert recipient_lines(columbia, "en") == ["Columbia University", "Prof Eleanor Whitfield",
                                               "1180 Amsterdam Avenue", locality, "ÉTATS-UNIS"]


@pytest.mark.parametrize("city, postcode", [("Montréal", "QC H3Z 2Y7"), ("Montréal QC", "h3z2y7"),
                                            ("Montréal", "QC  H3Z2Y7")])
def test_in_canada_city_province_and_two_spaces_before_the_postcode(city, postcode):
    mcgill = Client(civility="Mme", first_name="Geneviève", last_name="Tremblay",
                    address_lines=["3459, rue McTavish"], postcode=postcode, city=city,
                    country="Canada")
    assert recipient_lines(mcgill, "fr") == ["Mme Geneviève Tremblay", "3459, rue McTavish",
                                             "MONTRÉAL QC  H3Z 2Y7", "CANADA"]


@pytest.mark.parametrize("organisation, street, postcode, city, country, locality, last", [
    ("Archives de l’État à Liège", "Rue du Chéra 79", "4000", "Liège", "Belgique",
     "4000 LIÈGE", "BELGIQUE"),
    ("Staatsarchiv Basel-Stadt", "Martinsgasse 2", "4051", "Basel", "Schweiz",
     "4051 BASEL", "SUISSE"),
    ("Bayerisches Hauptstaatsarchiv", "Schönfeldstraße 5", "80539", "München", "Deutschland",
     "80539 MÜNCHEN", "ALLEMAGNE"),
    ("Archivio di Stato di Firenze", "Viale Giovine Italia 6", "50122", "Firenze FI", "Italia",
     "50122 FIRENZE FI", "ITALIE"),
    ("Archivo General de Simancas", "Calle Miravete 8", "47130", "Simancas", "España",
     "47130 SIMANCAS", "ESPAGNE"),
])
def test_in_europe_postcode_then_city_with_its_accents_and_the_country_in_french(
        organisation, street, postcode, city, country, locality, last):
    archive = Client(organisation=organisation, address_lines=[street], postcode=postcode,
                     city=city, country=country)
    assert recipient_lines(archive, "fr") == [organisation, street, locality, last]


def test_an_unknown_country_is_printed_as_typed_in_capitals():
    narnia = replace(HENRI, city="Cair Paravel", postcode="1", country="Narnia  du Nord")
    assert recipient_lines(narnia, "fr")[-2:] == ["1 CAIR PARAVEL", "NARNIA DU NORD"]


def test_a_line_of_38_characters_fits():
    street = "x" * 38
    assert recipient_lines(replace(HENRI, address_lines=[street]), "fr")[1] == street


def test_a_line_too_long_is_named_with_its_length():
    client = replace(HENRI, address_lines=["45, boulevard du Maréchal-de-Lattre-de-Tassigny"])
    with pytest.raises(ValidationError) as error:
        recipient_lines(client, "fr")
    assert error.value.field == "address line 1"
    assert "is 47 characters; La Poste allows 38" in str(error.value)


def test_too_many_lines_are_refused():
    with pytest.raises(ValidationError) as error:
        recipient_lines(replace(HENRI, address_lines=SEVEN_IN_FRANCE), "fr")
    assert error.value.field == "address"
    assert "has 7 lines; La Poste allows 6" in str(error.value)


def test_abroad_the_country_is_a_seventh_line_and_no_more():
    two_streets = replace(MARGARET, address_lines=["Room 2.14", "14 Norham Gardens"])
    assert len(recipient_lines(two_streets, "en")) == 7
    with pytest.raises(ValidationError, match="has 8 lines"):
        recipient_lines(replace(two_streets, address_lines=["Floor 2", *two_streets.address_lines]),
                        "en")


def test_an_incomplete_address_is_refused():
    with pytest.raises(ValidationError, match="no city"):
        recipient_lines(replace(HENRI, city=""), "fr")
    with pytest.raises(ValidationError, match="no postcode"):
        recipient_lines(replace(HENRI, postcode=""), "fr")


# -- the same rule before the client is saved ----------------------------------------------

def test_the_store_refuses_seven_lines_before_the_client_is_saved(tmp_path):
    with Book(tmp_path / "book") as book:
        fields = dict(first_name="Henri", last_name="Lefèvre", postcode="45000", city="Orléans")
        with pytest.raises(ValidationError) as error:
            clients.add_client(book, TODAY, address_lines=SEVEN_IN_FRANCE, **fields)
        assert error.value.field == "address" and "7 lines" in error.value.message
        assert book.clients() == []
        henri = clients.add_client(book, TODAY, address_lines=["7, rue X"], **fields)
        with pytest.raises(ValidationError, match="7 lines"):
            clients.edit_client(book, henri.id, address_lines=SEVEN_IN_FRANCE)
        assert book.client(henri.id).address_lines == ["7, rue X"]


def test_the_store_checks_the_block_in_every_language_a_letter_may_take():
    professor = Client(civility="Pr", first_name="Anne-Laure", last_name="Beauchamp-Dufresnes-Roy",
                       address_lines=["1, rue X"], postcode="45000", city="Orléans")
    assert len(postal.block(professor, "fr")[0]) == 37
    with pytest.raises(ValidationError) as error:
        postal.check(professor)
    assert error.value.field == "name" and "“Prof Anne-Laure" in error.value.message


def test_a_client_with_no_postal_address_is_not_held_to_it(tmp_path):
    with Book(tmp_path / "book") as book:
        long_name = "Université Paris 1 Panthéon-Sorbonne, UFR d’histoire"
        client = clients.add_client(book, TODAY, organisation=long_name, email="ufr@example.org")
        assert client.organisation == long_name
        with pytest.raises(ValidationError) as error:
            clients.edit_client(book, client.id, city="Paris", postcode="75005")
        assert error.value.field == "organisation"
        assert clients.edit_client(book, client.id, status="difficult").status == "difficult"


def test_client_add_on_the_command_line_refuses_seven_lines_in_one_line(tmp_path):
    data = tmp_path / "book"
    assert carnet("init", data=data).returncode == 0
    street = [arg for line in SEVEN_IN_FRANCE for arg in ("--address", line)]
    result = carnet("client", "add", "--last-name", "Lefèvre", *street, "--postcode", "45000",
                    "--city", "Orléans", data=data)
    assert_bad_input(result, "address", "has 7 lines; La Poste allows 6")
    with Book(data, read_only=True) as book:
        assert book.clients() == []


def test_a_csv_import_reports_the_row_too_long_and_imports_the_others(tmp_path):
    sheet = ("nom;adresse;code postal;ville\nLefèvre;7, rue de la Charpenterie;45000;Orléans\n"
             "Caradec;45, boulevard du Maréchal-de-Lattre-de-Tassigny;35000;Rennes\n"
             "Le Goff;9, rue Kervégan;44000;Nantes\n")
    with Book(tmp_path / "book") as book:
        report = csv_import.import_csv(book, sheet.encode(), TODAY, apply=True,
                                       skip_bad_rows=True)
        [error] = report.errors
        assert (error.line, error.column) == (3, "adresse")
        assert "47 characters; La Poste allows 38" in error.reason
        assert sorted(c.last_name for c in book.clients()) == ["Le Goff", "Lefèvre"]


def test_a_six_line_address_is_saved_and_printed_line_for_line(tmp_path):
    lines = ["Service des manuscrits", "Bâtiment B, 2e étage", "58, rue de Richelieu"]
    with Book(tmp_path / "book") as book:
        client = clients.add_client(book, TODAY, organisation="Bibliothèque nationale",
                                    civility="Mme", first_name="Inès", last_name="Roussel",
                                    address_lines=lines, postcode="75002", city="Paris")
    block = ["Bibliothèque nationale", "À l’attention de Mme Inès Roussel", *lines,
             "75002 PARIS"]
    assert recipient_lines(client, "fr") == block
    pdf = pdf_bytes(compose("thanks", PROFILE, client, today=TODAY), PROFILE)
    window = [seen.plain for seen in read.lines(pdf) if seen.left >= 100 and 35 <= seen.top <= 80]
    assert window == block
