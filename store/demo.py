"""The demo book: a paleographer's small world, dated relative to *today*, telling DOMAIN.md's stories.

Everything goes through the store's operations (so it validates) in one transaction.
Same *today* → same book.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from . import clients as cl
from . import incidents as inc
from . import orders as od
from . import relations as rel
from .book import Book
from .models import Document, Profile

FEEDBACK_ASKED_AFTER = 21
"""Deliveries older than this many days had their feedback follow-up done."""

PROFILE = Profile(
    name="Claire Vasseur", trade="Paléographe — transcription de documents anciens",
    address_lines=["12, rue Mouffetard"], postcode="75005", city="Paris", country="France",
    email="claire.vasseur@paleographie.fr", phone="06 12 34 56 78",
    siret="812 345 678 00021", vat_note="TVA non applicable, art. 293 B du CGI",
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
    "holloway": dict(civility="Mme", first_name="Margaret", last_name="Holloway",
                     organisation="Faculty of History, University of Oxford",
                     address_lines=["14 Norham Gardens"], postcode="OX2 6QB", city="Oxford",
                     country="United Kingdom", email="margaret.holloway@history.ox.ac.uk",
                     language="en", tags=["universitaire"]),
    "societe": dict(organisation="Société archéologique de Touraine",
                    address_lines=["Hôtel Goüin", "25, rue du Commerce"], postcode="37000",
                    city="Tours", email="secretariat@sat-touraine.fr", tags=["association"]),
    "caradec": dict(organisation="Étude de Maître Anne Caradec, notaire",
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
     dict(status="in progress", service="Transcription et traduction anglaise")),
    ("sat1", "societe", "Charte de franchise de Montbazon, 1412", -200, -150, 300,
     dict(delivered=-152, paid=-120)),
    ("montbazon", "societe", "Terrier de la seigneurie de Montbazon, 1480", -90, -20, 900,
     dict(status="in progress", pause=(-50, -41, "Attente des photographies des folios 30 à 48"))),
    ("donation", "caradec", "Vérification d'une transcription, donation de 1788", -120, -105, 120,
     dict(delivered=-106, paid=-95)),
    ("testament1812", "caradec", "Testament olographe, Rennes, 1812", -15, -1, 180,
     dict(status="in progress")),
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


def _years_before(day: date, years: int) -> date:
    """The same day `years` earlier (28 February for a 29th)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


class _World:
    """Builds the demo world into an open book."""

    def __init__(self, book: Book, today: date):
        self.book, self.today = book, today
        self.client: dict[str, int] = {}
        self.ref: dict[str, str] = {}
        self.received: dict[str, int] = {}

    def d(self, days: int) -> date:
        return self.today + timedelta(days=days)

    def at(self, days: int, hour: int = 9, minute: int = 0) -> datetime:
        return datetime.combine(self.d(days), time(hour, minute))

    def say(self, who: str, days: int, kind: str, text: str, *, hour: int = 10, order=None,
            channel: str = "email", direction: str = "in", satisfaction: int | None = None) -> None:
        rel.log_interaction(self.book, self.client[who], kind, text, self.at(days, hour),
                            channel, direction, self.ref.get(order), satisfaction)

    def build(self) -> None:
        self.book.set_profile(PROFILE)
        for key, fields in CLIENTS.items():
            self.client[key] = cl.add_client(self.book, self.today, **fields).id
        self._orders()
        for story in (self._henri, self._garnier, self._thibault, self._roussel, self._achard,
                      self._holloway, self._others):
            story()

    def _order_specs(self) -> list[tuple]:
        first = _years_before(self.d(12), 7)
        span = (self.d(-15) - first).days
        specs = list(ORDERS)
        for i, (title, price) in enumerate(zip(ROUSSEL_TITLES, ROUSSEL_PRICES)):
            received = (first - self.today).days + round(i * span / 9)
            events = dict(status="in progress") if i == 9 else dict(
                delivered=received + 27, paid=received + 40)
            specs.append((f"roussel{i + 1}", "roussel", title, received, received + 35, price,
                          events))
        return sorted(specs, key=lambda spec: (spec[3], spec[0]))

    def _orders(self) -> None:
        for key, who, title, received, due, price, extra in self._order_specs():
            events = dict(extra)
            fields = {k: events.pop(k) for k in ("document", "service", "scope") if k in events}
            order = od.add_order(self.book, self.d(received), self.client[who], title,
                                 self.d(due), received=self.d(received), price=price,
                                 status=events.pop("status", "accepted"), **fields)
            self.ref[key] = order.ref
            self.received[key] = received
            self._events(order.ref, **events)

    def _events(self, ref: str, postpone=(), pause=None, delivered=None, paid=None,
                cancelled=None) -> None:
        book = self.book
        for on, to, reason, cause in postpone:
            od.postpone(book, ref, self.d(to), reason, cause, self.d(on))
        if pause:
            start, end, reason = pause
            od.pause(book, ref, self.d(start), reason)
            if end is not None:
                od.resume(book, ref, self.d(end))
        if delivered is not None:
            od.deliver(book, ref, self.d(delivered))
            if -delivered > FEEDBACK_ASKED_AFTER:
                [followup] = [f for f in book.followups() if f.order_ref == ref]
                rel.complete_followup(book, followup.id, followup.due)
        if paid is not None:
            od.mark_paid(book, ref, self.d(paid))
        if cancelled is not None:
            od.cancel(book, ref, self.d(cancelled))

    def _henri(self) -> None:
        """The late act of 1523: anger, apology, delivery, then the summary and the stamps."""
        book, act = self.book, self.ref["acte1523"]
        self.say("henri", -150, "request", "Demande la transcription d'un acte de vente de "
                 "1523 trouvé aux Archives du Loiret : son ancêtre Étienne Lefèvre y achète une "
                 "maison. Photographies jointes.", order="acte1523", channel="letter")
        self.say("henri", -106, "complaint", "Lettre très vive : la date promise est passée "
                 "depuis quatre jours sans un mot de ma part. « Je dois encore vous relancer ? "
                 "J'avais prévenu ma famille. »", order="acte1523", channel="letter",
                 satisfaction=1)
        incident = inc.open_incident(book, act, self.d(-105), "Transcription non livrée à la "
                                     "date promise, sans prévenir le client ; il l'a appris "
                                     "par sa propre relance.", "mine")
        self.say("henri", -105, "letter sent", "Lettre d'excuses : sa colère est légitime, je "
                 "n'ai pas tenu ma promesse ni prévenu. Nouvelle date ferme donnée.",
                 order="acte1523", channel="letter", direction="out")
        inc.record_step(book, incident.id, "apologised", self.d(-105))
        inc.record_step(book, incident.id, "fixed", self.d(-99),
                        solution="Transcription intégrale livrée, abréviations développées, "
                                 "avec un petit glossaire des termes notariaux.",
                        client_proposal="Être prévenu à l'avance ; un point d'avancement "
                                        "par courriel chaque semaine pour les prochains travaux.")
        rel.record_gesture(book, self.client["henri"], "Remise de 10 % sur la facture",
                           self.d(-92), act, incident.id)
        inc.record_step(book, incident.id, "followed_up", self.d(-92))
        inc.record_step(book, incident.id, "feedback_asked", self.d(-92))
        self.say("henri", -85, "feedback", "« Vous avez reconnu le retard sans détour, et le "
                 "travail est excellent. Je reviendrai. »", order="acte1523", channel="letter",
                 satisfaction=4)
        inc.record_step(book, incident.id, "feedback_received", self.d(-85),
                        feedback="Satisfait du travail ; a apprécié la franchise des excuses.")
        inc.close_incident(book, incident.id, self.d(-85), "Prévenir dès qu'une échéance est "
                           "menacée, jamais après. Compter 30 % de marge pour les écritures "
                           "notariales du début du XVIe siècle.")
        self.say("henri", -60, "request", "Il lit les noms des parties mais pas ce que l'acte "
                 "dit : demande un court résumé en français moderne.", order="acte1523",
                 channel="letter")
        od.add_extra(book, act, "Résumé en français moderne de l'acte", 45, self.d(-60))
        rel.record_gift(book, self.client["henri"], "Un carnet de timbres glissé dans sa "
                        "lettre, « pour vos prochains envois ».", self.d(-60), act)
        od.edit_order(book, act, summary=SUMMARY_1523)
        self.say("henri", -45, "request", "Nouveau travail : le contrat de mariage de 1538 "
                 "(Lefèvre–Cormier). Accepte le nouveau tarif sans discuter.",
                 order="mariage1538", channel="letter")
        self.say("henri", -16, "praise", "« Livré avant la date, et avec un point chaque "
                 "semaine : c'est parfait. »", order="mariage1538", satisfaction=5)
        [asked] = [f for f in book.followups() if f.order_ref == self.ref["mariage1538"]]
        rel.complete_followup(book, asked.id, asked.due)
        self.say("henri", -10, "request", "Troisième commande : l'inventaire après décès "
                 "d'Étienne Lefèvre, 1547.", order="inventaire1547", channel="letter")
        self.say("henri", -3, "note", "Point d'avancement hebdomadaire envoyé : 6 folios sur "
                 "14 transcrits.", order="inventaire1547", direction="out")

    def _garnier(self) -> None:
        """A difficult client: scope creep, met with the written frame, calmly."""
        book = self.book
        self.say("garnier", -35, "request", "Commande les registres de Saint-Germain ; cadre "
                 "écrit détaillé envoyé et accepté par courriel.", order="stgermain")
        self.say("garnier", -30, "request", "Demande que les mentions latines soient aussi "
                 "traduites, « puisque vous y êtes », sans changer le prix.", order="stgermain",
                 channel="phone")
        self.say("garnier", -29, "note", "Rappel courtois du cadre convenu : la traduction du "
                 "latin n'est pas comprise ; devis séparé proposé.", order="stgermain",
                 direction="out")
        self.say("garnier", -20, "complaint", "Estime que l'index des noms « allait de soi » "
                 "et menace de ne pas payer.", order="stgermain", channel="phone", satisfaction=2)
        self.say("garnier", -19, "call-back promised", "Promis de la rappeler demain pour "
                 "reprendre le cadre point par point.", order="stgermain", channel="phone",
                 direction="out")
        promise = rel.add_followup(book, self.client["garnier"], self.d(-18),
                                   "Rappeler Mme Garnier-Roux : reprendre le cadre écrit",
                                   self.ref["stgermain"])
        rel.complete_followup(book, promise.id, self.d(-18))
        self.say("garnier", -18, "note", "Appel calme : relu ensemble le cadre écrit ; index "
                 "proposé sur devis (90 €), refusé. Elle maintient que tout était inclus.",
                 order="stgermain", channel="phone", direction="out")
        cl.mark_client(book, self.client["garnier"], "difficult",
                       "Demandes hors périmètre répétées ; toujours répondre par écrit en "
                       "citant le cadre convenu, sans surenchère.")
        self.say("garnier", -4, "request", "Voudrait en plus des recherches dans les "
                 "registres de 1681 à 1690, « pour compléter ».", order="stgermain")
        rel.add_followup(book, self.client["garnier"], self.d(-1), "Répondre à Mme "
                         "Garnier-Roux : années 1681–1690 hors périmètre, devis si elle le "
                         "souhaite", self.ref["stgermain"])

    def _thibault(self) -> None:
        """A silent client: three deliveries, feedback asked each time, never a word back."""
        self.say("thibault", -420, "request", "Demande la transcription d'une lettre de "
                 "rémission de 1541.", order="thib1")
        self.say("thibault", -260, "request", "Nouvelle demande : une quittance de dot de 1608.",
                 order="thib2")
        self.say("thibault", -60, "request", "Troisième demande, par courriel, sans autre "
                 "commentaire : un inventaire après décès de 1694.", order="thib3")
        self.say("thibault", -23, "note", "Demande d'avis envoyée après la livraison : pas de "
                 "réponse, comme les deux fois précédentes.", order="thib3", direction="out")

    def _roussel(self) -> None:
        """Seven years of loyalty, praise and recommendations; the anniversary is near."""
        since = self.received
        self.say("roussel", since["roussel1"], "request", "Premier contact : recommandée par "
                 "les Archives d'Indre-et-Loire pour des registres de Chinon.", order="roussel1")
        self.say("roussel", since["roussel1"] + 30, "praise", "« Transcription impeccable, mes "
                 "clients sont ravis. »", order="roussel1", satisfaction=5)
        for i, title in enumerate(ROUSSEL_TITLES[1:9], start=2):
            self.say("roussel", since[f"roussel{i}"], "request", f"Nouvelle commande pour "
                     f"un de ses clients : {title}.", order=f"roussel{i}", hour=8 + i)
        self.say("roussel", since["roussel5"] - 5, "note", "Hausse de tarif annoncée (+10 %) ; "
                 "elle répond qu'elle comprend et continue.", direction="out")
        self.say("roussel", -400, "praise", "M'a recommandée au Cercle généalogique du "
                 "Loiret.", channel="phone", satisfaction=5)
        self.say("roussel", since["roussel9"] + 30, "feedback", "Satisfaite du censier ; "
                 "suggère de livrer aussi un tableau des tenanciers.", order="roussel9",
                 satisfaction=5)
        self.say("roussel", -15, "request", "Dixième commande : le terrier de "
                 "Beaumont-en-Véron.", order="roussel10")

    def _achard(self) -> None:
        """An open recovery plan: a misread name, apologised and fixed, follow-up to do."""
        book = self.book
        self.say("achard", -40, "request", "Demande la transcription de la lettre de rémission "
                 "accordée à son ancêtre Jean Achard en 1541.", order="remission",
                 channel="phone")
        self.say("achard", -6, "complaint", "A trouvé « Guillaume Tardin » là où l'original "
                 "porte « Guillaume Tardieu » : il doute de tout le reste.", order="remission",
                 channel="phone", satisfaction=2)
        incident = inc.open_incident(book, self.ref["remission"], self.d(-6),
                                     "Nom propre mal lu (Tardin pour Tardieu) dans la "
                                     "transcription livrée.", "mine")
        inc.record_step(book, incident.id, "apologised", self.d(-6))
        inc.record_step(book, incident.id, "fixed", self.d(-3),
                        solution="Nom corrigé ; relecture complète des noms propres ; "
                                 "nouvelle version envoyée.",
                        client_proposal="Relire ensemble les noms au téléphone.")
        self.say("achard", -3, "note", "Nouvelle version envoyée ; relecture des noms faite "
                 "ensemble au téléphone.", order="remission", channel="phone", direction="out")
        rel.add_followup(book, self.client["achard"], self.d(1), "Appeler M. Achard : la "
                         "correction lui convient-elle ? Proposer un geste.",
                         self.ref["remission"])

    def _holloway(self) -> None:
        """An English-speaking client whose order is overdue."""
        self.say("holloway", -300, "request", "Asks for a transcription and English "
                 "translation of letters patent of 1547 for a book chapter.", order="hol1")
        self.say("holloway", -255, "praise", "\"Exactly what I needed — thank you for the "
                 "careful notes on the abbreviations.\"", order="hol1", satisfaction=5)
        self.say("holloway", -40, "request", "New order: the English embassy's letters, "
                 "1550–1552; she needs them for a conference in December.", order="hol2")
        self.say("holloway", -2, "note", "Asks politely for news of the embassy letters.",
                 order="hol2")
        rel.add_followup(self.book, self.client["holloway"], self.d(-1), "Answer Dr Holloway "
                         "with a firm new date (apology letter in English)", self.ref["hol2"])

    def _others(self) -> None:
        """Institutions, a paused order, a parted client, promises due."""
        book = self.book
        self.say("societe", -200, "request", "Commande la charte de franchise de Montbazon "
                 "pour son bulletin annuel.", order="sat1", channel="letter")
        self.say("societe", -90, "request", "Commande le terrier de Montbazon ; le secrétariat "
                 "photographie le registre.", order="montbazon", channel="letter")
        self.say("societe", -50, "note", "Travail suspendu : photographies des folios 30 à 48 "
                 "manquantes, demandées au secrétariat.", order="montbazon", direction="out")
        self.say("societe", -41, "note", "Photographies reçues ; reprise du travail.",
                 order="montbazon")
        self.say("caradec", -15, "request", "Testament olographe à transcrire pour une "
                 "succession ; date impérative.", order="testament1812")
        self.say("caradec", -20, "request", "Acte de partage de 1702 pour un dossier de "
                 "bornage.", order="partage1702")
        self.say("caradec", -120, "request", "Vérifier une transcription faite par un "
                 "héritier, donation de 1788.", order="donation", channel="phone")
        self.say("caradec", -105, "praise", "Remerciements de Maître Caradec pour la "
                 "vérification rapide.", order="donation", satisfaction=5)
        self.say("cercle", -60, "request", "Le Cercle commande les registres de Meung pour son "
                 "bulletin, sur recommandation de Mme Roussel.", order="meung")
        self.say("cercle", -3, "request", "Demande un devis pour les tables décennales de "
                 "Beaugency.", order="tables")
        rel.add_followup(book, self.client["cercle"], self.d(4), "Envoyer le devis des tables "
                         "décennales", self.ref["tables"])
        self.say("perrin", -40, "request", "Découvre la paléographie ; commande le censier "
                 "de Saint-Benoît trouvé dans un grenier familial.", order="censier")
        self.say("perrin", -30, "request", "Ajoute le testament de Marguerite Boucher, 1612.",
                 order="boucher")
        self.say("perrin", -12, "note", "Photographies floues : nouvelle prise de vue demandée "
                 "avant de continuer.", order="censier", direction="out")
        self.say("chevalier", -330, "request", "Demande la transcription du plan terrier de "
                 "Cimiez ; devis accepté par courriel.", order="plan")
        self.say("chevalier", -298, "complaint", "Conteste la facture du plan terrier malgré "
                 "une livraison conforme au devis ; ton insultant.", order="plan",
                 channel="phone", satisfaction=1)
        self.say("chevalier", -270, "note", "Annulation de la commande de correspondance à sa "
                 "demande ; facture du plan toujours impayée.", order="correspondance",
                 direction="out", channel="letter")
        cl.mark_client(book, self.client["chevalier"], "parted",
                       "Propos insultants et facture impayée malgré une livraison conforme ; "
                       "séparation actée par courrier.")


def fill_demo(book: Book, today: date) -> None:
    """Fill an open, empty book with the demo world, as one change."""
    with book.transaction("demo book"):
        _World(book, today).build()
