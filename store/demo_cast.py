"""The demo book's cast: the paleographer, her clients, their orders and the texts that go with them.

Dates are days from *today* (negative: in the past); store/demo.py turns them into a book.
"""

from __future__ import annotations

from .models import Document, Profile

PROFILE = Profile(
    name="Claire Vasseur", trade="Paléographe — transcription de documents anciens",
    address_lines=["12, rue Mouffetard"], postcode="75005", city="Paris", country="France",
    email="claire.vasseur@paleographie.fr", phone="06 12 34 56 78",
    siret="81234563500021", legal_form="EI", vat_note="TVA non applicable, art. 293 B du CGI",
    signature="Claire Vasseur", letter_city="Paris", language="fr", tolerance_days=2)

CLIENTS = {
    "henri": dict(civility="M.", first_name="Henri", last_name="Lefèvre",
                  address_lines=["7, rue de la Charpenterie"], postcode="45000", city="Orléans",
                  email="h.lefevre@orange.fr", phone="02 38 54 12 90", channel="letter",
                  tags=["particulier", "généalogie"],
                  notes="Retraité, remonte la lignée des Lefèvre drapiers d'Orléans. "
                        "Préfère le courrier ; souhaite un point d'avancement chaque semaine."),
    "garnier": dict(civility="Mme", first_name="Édith", last_name="Garnier-Roux",
                    address_lines=["3, avenue de Saint-Cloud"], postcode="78000",
                    city="Versailles", email="edith.garnier-roux@free.fr", channel="phone",
                    tags=["particulier"]),
    "thibault": dict(civility="M.", first_name="Jacques", last_name="Thibault",
                     address_lines=["41, quai Saint-Vincent"], postcode="69001", city="Lyon",
                     email="jacques.thibault@laposte.net", tags=["particulier"]),
    "roussel": dict(civility="Mme", first_name="Geneviève", last_name="Roussel",
                    address_lines=["18, rue Voltaire"], postcode="37500", city="Chinon",
                    email="g.roussel@genealogie-touraine.fr", phone="02 47 93 10 44",
                    tags=["généalogiste", "professionnelle"],
                    notes="Généalogiste professionnelle ; m'envoie ses clients depuis sept ans."),
    "achard": dict(civility="M.", first_name="Paul", last_name="Achard",
                   address_lines=["5, rue Moyenne"], postcode="18000", city="Bourges",
                   email="paul.achard@wanadoo.fr", phone="02 48 24 77 31", channel="phone",
                   tags=["particulier", "généalogie"]),
    "holloway": dict(civility="Dr", first_name="Margaret", last_name="Holloway",
                     organisation="Faculty of History, Oxford",
                     address_lines=["14 Norham Gardens"], postcode="OX2 6QB", city="Oxford",
                     country="United Kingdom", email="margaret.holloway@history.ox.ac.uk",
                     language="en", tags=["universitaire"]),
    "societe": dict(organisation="Société archéologique de Touraine",
                    address_lines=["Hôtel Goüin", "25, rue du Commerce"], postcode="37000",
                    city="Tours", email="secretariat@sat-touraine.fr", tags=["association"]),
    "caradec": dict(civility="Maître", first_name="Anne", last_name="Caradec",
                    organisation="Étude Caradec, notaires",
                    address_lines=["2, place du Parlement-de-Bretagne"], postcode="35000",
                    city="Rennes", email="etude.caradec@notaires.fr", phone="02 99 79 21 05",
                    tags=["notaire"], tolerance_days=0,
                    notes="Délais de succession : aucune tolérance sur les dates promises."),
    "cercle": dict(organisation="Cercle généalogique du Loiret",
                   address_lines=["Maison des associations", "46 ter, rue Sainte-Catherine"],
                   postcode="45000", city="Orléans", email="contact@cgloiret.fr",
                   tags=["association", "généalogie"]),
    "perrin": dict(civility="Mme", first_name="Lucie", last_name="Perrin",
                   address_lines=["9, rue Kervégan"], postcode="44000", city="Nantes",
                   email="lucie.perrin@gmail.com", tags=["particulier"]),
    "chevalier": dict(civility="M.", first_name="Roland", last_name="Chevalier",
                      address_lines=["27, boulevard Gambetta"], postcode="06000", city="Nice",
                      email="r.chevalier@sfr.fr", tags=["particulier"]),
}

ACT_1523 = Document(nature="Acte de vente", date_text="14 mars 1523",
                    place="Orléans, étude de Jehan Martin", script="Cursive gothique, moyen français",
                    archive_ref="AD Loiret, 3 E 10234, fol. 112–115", pages=4)

SUMMARY_1523 = (
    "Le 14 mars 1523, devant Jehan Martin, notaire royal à Orléans, Pierre Gaudin, vigneron "
    "à Saint-Jean-de-Braye, vend à Étienne Lefèvre, marchand drapier d'Orléans, une maison "
    "avec cour et jardin rue de la Charpenterie, tenue du chapitre Sainte-Croix. Le prix est "
    "de 120 livres tournois : 80 payées comptant, le reste à la Saint-Jean suivante. Le vendeur "
    "garantit l'acheteur contre tout trouble ; Étienne Lefèvre entre en possession dès la "
    "signature. Témoins : Jacques Roux et Guillaume Thibault, clercs.")

SCOPE_SAINT_GERMAIN = (
    "Transcription intégrale des actes de baptême, mariage et sépulture des registres "
    "paroissiaux de Saint-Germain-l'Auxerrois, années 1672 à 1680 (cote GG 112, environ "
    "140 folios), d'après les photographies fournies par la cliente.\n"
    "Livrable : un fichier texte et un PDF, un acte par paragraphe, orthographe d'origine "
    "conservée, abréviations développées entre crochets.\n"
    "Ne sont pas compris : la traduction des mentions latines, l'index des noms, toute "
    "recherche dans d'autres registres ou années. Ils peuvent faire l'objet d'un devis séparé.")

ROUSSEL_TITLES = (
    "Registres paroissiaux de Chinon, 1640–1652",
    "Contrat de mariage Roussel–Besnard, 1687",
    "Inventaire après décès de Jean Roussel, 1702",
    "Testament de Perrine Besnard, 1711",
    "Acte de partage, succession Roussel, 1713",
    "Bail à ferme de la métairie de la Cour, 1725",
    "Registres paroissiaux de Beaumont-en-Véron, 1690–1699",
    "Aveu et dénombrement du fief de la Cour, 1608",
    "Censier de la seigneurie de Chinon, 1598",
    "Terrier de Beaumont-en-Véron, 1612–1630",
)
ROUSSEL_PRICES = (180, 180, 200, 200, 220, 240, 240, 260, 280, 300)

# key, client, title, received, due (days from today), price, extra fields and events
ORDERS = (
    ("acte1523", "henri", "Acte de vente, 1523, notaire Jehan Martin, Orléans", -150, -110, 240,
     dict(document=ACT_1523, service="Transcription intégrale",
          scope="Transcription intégrale de l'acte (4 pages), abréviations développées.",
          postpone=[(-105, -98, "Écriture très abrégée, relecture plus longue que prévu ; "
                     "je n'ai pas prévenu à temps", "mine")],
          delivered=-99, paid=-90)),
    ("mariage1538", "henri", "Contrat de mariage Lefèvre–Cormier, 1538, Orléans", -45, -15, 260,
     dict(delivered=-17, paid=-5)),
    ("inventaire1547", "henri", "Inventaire après décès d'Étienne Lefèvre, 1547", -10, 18, 320,
     dict(status="in progress")),
    ("bapteme1702", "garnier", "Acte de baptême, Versailles, 1702", -230, -200, 60,
     dict(delivered=-201, paid=-150)),
    ("stgermain", "garnier", "Registres paroissiaux de Saint-Germain, 1672–1680", -35, 5, 1150,
     dict(scope=SCOPE_SAINT_GERMAIN, status="in progress", service="Transcription intégrale")),
    ("thib1", "thibault", "Lettre de rémission, 1541", -420, -390, 150,
     dict(delivered=-392, paid=-380)),
    ("thib2", "thibault", "Quittance de dot, Lyon, 1608", -260, -240, 90,
     dict(delivered=-241, paid=-230)),
    ("thib3", "thibault", "Inventaire après décès, Lyon, 1694", -60, -30, 280,
     dict(delivered=-31, paid=-20)),
    ("remission", "achard", "Lettre de rémission de Jean Achard, 1541", -40, -12, 210,
     dict(delivered=-13)),
    ("hol1", "holloway", "Lettres patentes de François Ier, 1547", -300, -260, 340,
     dict(delivered=-262, paid=-240, service="Transcription et traduction anglaise")),
    ("hol2", "holloway", "Correspondance de l'ambassade anglaise, Paris, 1550–1552", -40, -8, 480,
     dict(status="in progress", service="Transcription et traduction anglaise",
          client_ref="HIST/MH/2026-31")),
    ("sat1", "societe", "Charte de franchise de Montbazon, 1412", -200, -150, 300,
     dict(delivered=-152, paid=-120)),
    ("montbazon", "societe", "Terrier de la seigneurie de Montbazon, 1480", -90, -20, 900,
     dict(status="in progress", pause=(-50, -41, "Attente des photographies des folios 30 à 48"))),
    ("donation", "caradec", "Vérification d'une transcription, donation de 1788", -120, -105, 120,
     dict(delivered=-106, paid=-95)),
    ("testament1812", "caradec", "Testament olographe, Rennes, 1812", -15, -1, 180,
     dict(status="in progress", client_ref="Dossier 2026/0147 AC")),
    ("partage1702", "caradec", "Acte de partage, étude Le Goff, 1702", -20, 3, 260,
     dict(status="in progress")),
    ("meung", "cercle", "Registres paroissiaux de Meung-sur-Loire, 1701–1710", -60, -4, 750,
     dict(status="in progress")),
    ("tables", "cercle", "Tables décennales de Beaugency, 1793–1802 (devis)", -3, 30, 400,
     dict(status="quote")),
    ("boucher", "perrin", "Testament de Marguerite Boucher, 1612", -30, -1, 130,
     dict(status="in progress")),
    ("censier", "perrin", "Censier de l'abbaye de Saint-Benoît-sur-Loire, 1590", -40, -5, 380,
     dict(status="in progress", pause=(-12, None, "Photographies floues ; j'attends une "
                                                  "nouvelle prise de vue des folios 3 à 9"))),
    ("plan", "chevalier", "Plan terrier de Cimiez, 1760", -330, -300, 350,
     dict(delivered=-301)),
    ("correspondance", "chevalier", "Correspondance familiale Chevalier, 1870–1885", -290, -240, 600,
     dict(cancelled=-270)),
)
