"""Records for letter tests, built directly (no book): a paleographer, her clients, an order."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from store.models import Client, Document, Incident, Order, Postponement, Profile

TODAY = date(2026, 11, 5)

PROFILE = Profile(
    name="Claire Vasseur", trade="Paléographe — transcription de documents anciens",
    address_lines=["12, rue Mouffetard"], postcode="75005", city="Paris", country="France",
    email="claire.vasseur@paleographie.fr", phone="06 12 34 56 78",
    siret="812 345 635 00021", vat_note="TVA non applicable, art. 293 B du CGI",
    signature="Claire Vasseur", letter_city="Paris", language="fr")

HENRI = Client(id=1, civility="M.", first_name="Henri", last_name="Lefèvre",
               address_lines=["7, rue de la Charpenterie"], postcode="45000", city="Orléans",
               language="fr")
EDITH = Client(id=2, civility="Mme", first_name="Édith", last_name="Garnier-Roux",
               address_lines=["3, avenue de Saint-Cloud"], postcode="78000", city="Versailles")
SOCIETY = Client(id=3, organisation="Société archéologique de Touraine",
                 address_lines=["Hôtel Goüin", "25, rue du Commerce"], postcode="37000",
                 city="Tours")
MARGARET = Client(id=4, civility="Mme", first_name="Margaret", last_name="Holloway",
                  organisation="Faculty of History, Oxford", address_lines=["14 Norham Gardens"],
                  postcode="OX2 6QB", city="Oxford", country="United Kingdom", language="en")

ACT = Document(nature="Acte de vente", date_text="14 mars 1523",
               place="Orléans, étude de Jehan Martin", script="Cursive gothique, moyen français",
               archive_ref="AD Loiret, 3 E 10234, fol. 112–115", pages=4)

SUMMARY = (
    "Le 14 mars 1523, devant Jehan Martin, notaire royal à Orléans, Pierre Gaudin, vigneron "
    "à Saint-Jean-de-Braye, vend à Étienne Lefèvre, marchand drapier d'Orléans, une maison "
    "avec cour et jardin rue de la Charpenterie. Le prix est de 120 livres tournois : 80 "
    "payées comptant, le reste à la Saint-Jean suivante.")

SCOPE = ("Transcription intégrale de l'acte (4 pages), abréviations développées.\n"
         "Ne sont pas compris : la traduction des mentions latines, l'index des noms.")

ORDER = Order(
    ref="2026-014", client_id=1, title="Acte de vente, 1523, notaire Jehan Martin, Orléans",
    received=date(2026, 9, 1), due_original=date(2026, 11, 1), due=date(2026, 11, 22),
    document=ACT, scope=SCOPE, price=Decimal("1250"), summary=SUMMARY, status="in progress",
    postponements=[Postponement(date(2026, 10, 30), date(2026, 11, 1), date(2026, 11, 22),
                                "Écriture très abrégée", "mine")])

INCIDENT = Incident(order_ref="2026-014", client_id=1, opened=date(2026, 11, 3),
                    what="Livraison en retard, client non prévenu",
                    gesture="Remise de 10 % sur la facture")


def order_for(client: Client, **changes) -> Order:
    """The sample order, made out to `client`, with any field changed."""
    return replace(ORDER, client_id=client.id, **changes)
