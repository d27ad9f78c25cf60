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
from .i18n import _
from .demo_cast import CLIENTS, ORDERS, PROFILE, ROUSSEL_PRICES, ROUSSEL_TITLES, SUMMARY_1523

FEEDBACK_ASKED_AFTER = 21
"""Deliveries older than this many days had their feedback follow-up done."""


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
            channel: str = "email", direction: str = "in", satisfaction: int | None = None,
            due: int | None = None):
        return rel.log_interaction(self.book, self.client[who], kind, text, self.at(days, hour),
                                   channel, direction, self.ref.get(order), satisfaction,
                                   None if due is None else self.d(due))

    def build(self) -> None:
        self.book.set_profile(PROFILE)
        specs = self._order_specs()
        for key, fields in CLIENTS.items():
            first = min(spec[3] for spec in specs if spec[1] == key)
            self.client[key] = cl.add_client(self.book, self.today, created=self.d(first),
                                             **fields).id
        self._orders(specs)
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

    def _orders(self, specs: list[tuple]) -> None:
        for key, who, title, received, due, price, extra in specs:
            events = dict(extra)
            fields = {k: events.pop(k) for k in ("document", "service", "scope", "client_ref")
                      if k in events}
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
        self.say("garnier", -19, "call-back promised", "Rappeler Mme Garnier-Roux : reprendre "
                 "le cadre écrit point par point.", order="stgermain", channel="phone",
                 direction="out", due=-18)
        [promise] = [f for f in book.followups() if f.purpose == "call-back"]
        rel.complete_followup(book, promise.id, self.d(-18))
        self.say("garnier", -18, "note", "Appel calme : relu ensemble le cadre écrit ; index "
                 "proposé sur devis (90 €), refusé. Elle maintient que tout était inclus.",
                 order="stgermain", channel="phone", direction="out")
        inc.add_lesson(book, self.d(-18), "Écrire le cadre de chaque commande en détail, y "
                       "compris ce qui n'est pas compris : c'est lui qui apaise les désaccords.")
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
        inc.add_lesson(self.book, self.d(-23), "Un client qui ne dit rien n'est pas forcément "
                       "satisfait : essayer une question précise, par téléphone plutôt que par "
                       "courriel.")

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
    with book.transaction(_("demo book")):
        _World(book, today).build()
