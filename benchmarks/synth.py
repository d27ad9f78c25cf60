"""Deterministic synthetic books (seeded random), written directly as a Carnet snapshot.

A book of N years ends on *today*: clients arrive over the years, a few loyal ones order
often, most orders were delivered and paid, a few dozen are open (some overdue, some
paused), some were postponed; interactions, incidents, follow-ups and letters go with them.
Built from the models' `to_doc()` and cached under benchmarks/.cache/ by parameters.
"""

from __future__ import annotations

import bisect
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

import orjson

from store.migrations import SCHEMA_VERSION
from store.models import (Client, Document, Extra, FollowUp, Incident, Interaction, Lesson,
                          Letter, Order, Pause, Postponement, Profile)
from store.storage import FORMAT, SNAPSHOT

CACHE = Path(__file__).resolve().parent / ".cache"
GENERATOR_VERSION = 2
"""Bump when the generator changes, so cached books are rebuilt."""

FIRST = ("Anne", "Henri", "Marie", "Louis", "Claire", "Jean", "Sophie", "Pierre", "Élise",
         "Étienne", "Margaux", "Benoît", "Hélène", "François", "Zoé", "Noël", "Chloé", "Gaël")
LAST = ("Delorme", "Garnier", "Thibault", "Roussel", "Achard", "Lefèvre", "Bérard", "Moreau",
        "Faure", "Girard", "Rousseau", "Mercier", "Boyer", "Chevalier", "Lemaître", "Perrin")
ORGS = ("Archives de l'Yonne", "Cercle généalogique du Loiret", "Étude Maître Caron",
        "Société historique de Touraine", "Université de Poitiers", "Mairie de Chinon")
CITIES = (("75004", "Paris"), ("45000", "Orléans"), ("37500", "Chinon"), ("69002", "Lyon"),
          ("13001", "Marseille"), ("06000", "Nice"), ("89000", "Auxerre"), ("86000", "Poitiers"))
NATURES = ("Acte de vente", "Contrat de mariage", "Testament", "Inventaire après décès",
           "Registre paroissial", "Bail à ferme", "Terrier", "Aveu et dénombrement")
SCRIPTS = ("Cursive gothique", "Humanistique", "Secrétaire", "Bâtarde", "Ronde")
KINDS = (("note", 30), ("request", 22), ("feedback", 10), ("praise", 8), ("complaint", 3),
         ("gift received", 1), ("gesture given", 1), ("letter sent", 5),
         ("call-back promised", 3))
CHANNELS = (("email", 70), ("phone", 20), ("letter", 5), ("meeting", 5))
CAUSES = (("mine", 5), ("client", 4), ("other", 1))
OPEN_INCIDENTS = 2
"""The latest late deliveries have a recovery plan still open."""
STRAY_OPEN = 6
"""Old orders still open: forgotten work, long overdue."""


@dataclass(frozen=True)
class Spec:
    """What to build: sizes, span and seed."""

    name: str
    years: int
    clients: int
    orders: int
    interactions: int
    today: date = date(2026, 11, 23)
    seed: int = 1523

    def key(self) -> str:
        """A folder name that changes with every parameter (and the generator's version)."""
        return (f"{self.name}-c{self.clients}-o{self.orders}-i{self.interactions}-y{self.years}"
                f"-s{self.seed}-{self.today.isoformat()}-v{GENERATOR_VERSION}")


TEN_YEARS = Spec("10-year", 10, 300, 3_000, 15_000)
TWENTY_YEARS = Spec("20-year", 20, 1_000, 20_000, 100_000)
QUICK = Spec("quick", 3, 40, 300, 1_200)


def _pick(rng: random.Random, weighted: tuple) -> str:
    values, weights = zip(*weighted)
    return rng.choices(values, weights)[0]


def _profile() -> dict:
    return Profile(name="Claire Vasseur", trade="Paléographe", address_lines=["12, rue des Archives"],
                   postcode="75004", city="Paris", country="France", email="claire@example.fr",
                   siret="12345678200010", letter_city="Paris", tolerance_days=2).to_doc()


class _Builder:
    """Builds one book's tables in memory."""

    def __init__(self, spec: Spec):
        self.spec, self.rng = spec, random.Random(spec.seed)
        self.today = spec.today
        self.start = spec.today - timedelta(days=365 * spec.years)
        self.tables: dict[str, dict[str, dict]] = {"profile": {"1": _profile()}}
        self.cumulative: list[float] = []
        """Running sums of the clients' weights (loyal clients weigh more)."""
        self.client_orders: dict[int, list[Order]] = {}

    def day(self, low: date, high: date) -> date:
        return low + timedelta(days=self.rng.randint(0, max(0, (high - low).days)))

    def put(self, table: str, doc_id: int, doc: dict) -> None:
        self.tables.setdefault(table, {})[str(doc_id)] = doc

    def build(self) -> dict:
        self.clients()
        orders = self.orders()
        self.interactions(orders)
        self.incidents(orders)
        self.followups(orders)
        self.letters(orders)
        return self.tables

    def clients(self) -> None:
        rng = self.rng
        for cid in range(1, self.spec.clients + 1):
            postcode, city = rng.choice(CITIES)
            org = rng.random() < 0.15
            client = Client(
                id=cid, civility="" if org else rng.choice(("Mme", "M.")),
                first_name="" if org else rng.choice(FIRST),
                last_name="" if org else f"{rng.choice(LAST)}-{cid}",
                organisation=f"{rng.choice(ORGS)} {cid}" if org else "",
                address_lines=[f"{rng.randint(1, 90)}, rue du Bourg"], postcode=postcode,
                city=city, country="France", email=f"client{cid}@example.fr",
                language="en" if rng.random() < 0.1 else "fr",
                status=_pick(rng, (("active", 90), ("difficult", 5), ("parted", 5))),
                tolerance_days=rng.choice((None, None, None, 0, 5)),
                created=self.start + (self.today - self.start) * (cid - 1) // self.spec.clients)
            self.put("clients", cid, client.to_doc())
            total = self.cumulative[-1] if self.cumulative else 0.0
            self.cumulative.append(total + rng.paretovariate(1.2))

    def _client_for(self, received: date) -> int:
        """A client who already existed on `received`, loyal ones more often."""
        span = (self.today - self.start).days or 1
        known = max(1, min(self.spec.clients,
                           1 + (received - self.start).days * self.spec.clients // span))
        point = self.rng.random() * self.cumulative[known - 1]
        return min(known, bisect.bisect_right(self.cumulative, point, hi=known) + 1)

    def orders(self) -> list[Order]:
        rng, spec = self.rng, self.spec
        received_days = sorted(self.day(self.start, self.today) for _ in range(spec.orders))
        stray = set(rng.sample(range(spec.orders // 2, spec.orders - 200), STRAY_OPEN)) \
            if spec.orders > 400 else set()
        seq: dict[int, int] = {}
        orders = []
        for index, received in enumerate(received_days, start=1):
            seq[received.year] = seq.get(received.year, 0) + 1
            order = self.order(index, f"{received.year}-{seq[received.year]:03d}", received,
                               index - 1 in stray)
            self.put("orders", index, order.to_doc())
            self.client_orders.setdefault(order.client_id, []).append(order)
            orders.append(order)
        return orders

    def order(self, oid: int, ref: str, received: date, stray: bool) -> Order:
        rng = self.rng
        due = received + timedelta(days=rng.choice((7, 14, 21, 30, 45, 60)))
        order = Order(
            ref=ref, client_id=self._client_for(received),
            title=f"{rng.choice(NATURES)}, {rng.randint(1450, 1789)}", received=received,
            due_original=due, due=due, id=oid, service="transcription",
            document=Document(nature=rng.choice(NATURES), date_text=str(rng.randint(1450, 1789)),
                              place=rng.choice(CITIES)[1], script=rng.choice(SCRIPTS),
                              archive_ref=f"AD, 3 E {rng.randint(100, 9999)}",
                              pages=rng.randint(1, 40)),
            scope="Transcription intégrale, orthographe d'origine conservée.",
            price=Decimal(rng.randrange(80, 1500, 10)))
        if rng.random() < 0.08:
            self.postpone(order)
        if rng.random() < 0.05:
            start = self.day(received, min(order.due, self.today))
            order.pauses.append(Pause(start, min(self.today, start + timedelta(days=rng.randint(2, 20))),
                                      "waiting for photographs"))
        self.settle(order, stray)
        if rng.random() < 0.03 and order.delivered:
            order.extras.append(Extra(order.delivered, "summary of the act", Decimal(60)))
        return order

    def postpone(self, order: Order) -> None:
        for _ in range(self.rng.choice((1, 1, 2))):
            new_due = order.due + timedelta(days=self.rng.randint(3, 21))
            on = self.day(order.received, min(order.due, self.today))
            order.postponements.append(Postponement(on, order.due, new_due, "more pages than "
                                                    "announced", _pick(self.rng, CAUSES)))
            order.due = new_due

    def settle(self, order: Order, stray: bool) -> None:
        """Deliver, pay or cancel what is old enough; leave recent work open."""
        rng = self.rng
        if stray or order.received > self.today - timedelta(days=rng.randint(30, 75)):
            order.status = rng.choice(("accepted", "in progress", "in progress", "quote"))
            if rng.random() < 0.1 and not order.pauses:
                order.pauses.append(Pause(self.day(order.received, self.today), None,
                                          "waiting on the client's answer"))
            return
        if rng.random() < 0.03:
            order.status, order.cancelled = "cancelled", self.day(order.received, order.due)
            return
        delivered = order.due + timedelta(days=rng.choice((-10, -5, -3, -1, 0, 0, 1, 3, 8)))
        order.delivered = max(order.received, min(delivered, self.today))
        order.status = "delivered"
        if rng.random() < 0.93 and order.delivered + timedelta(days=30) < self.today:
            order.status, order.paid = "paid", order.delivered + timedelta(days=rng.randint(1, 30))

    def interactions(self, orders: list[Order]) -> None:
        rng, spec = self.rng, self.spec
        moments = sorted(self.day(self.start, self.today) for _ in range(spec.interactions))
        for iid, day in enumerate(moments, start=1):
            client_id = self._client_for(day)
            theirs = self.client_orders.get(client_id, [])
            mine = theirs[:bisect.bisect_right(theirs, day, key=lambda o: o.received)]
            kind = _pick(rng, KINDS)
            interaction = Interaction(
                client_id=client_id, when=datetime.combine(day, time(rng.randint(8, 19), 0)),
                kind=kind, channel=_pick(rng, CHANNELS), direction=rng.choice(("in", "out")),
                text=f"Échange n° {iid} : « à propos du folio {rng.randint(1, 300)} ».",
                order_ref=mine[-1].ref if mine and rng.random() < 0.5 else None,
                satisfaction=rng.randint(1, 5) if kind == "feedback" else None, id=iid)
            self.put("interactions", iid, interaction.to_doc())

    def incidents(self, orders: list[Order]) -> None:
        rng = self.rng
        late = [o for o in orders if o.delivered and o.delivered > o.due_original]
        sampled = rng.sample(late, min(len(late), max(2, len(orders) // 100)))
        chosen = {order.id: order for order in [*sampled, *late[-OPEN_INCIDENTS:]]}
        for iid, order in enumerate(sorted(chosen.values(), key=lambda o: o.id), start=1):
            opened = order.delivered
            recent = opened > self.today - timedelta(days=60)
            def step(days: int, opened: date = opened) -> date:
                return opened + timedelta(days=days)
            incident = Incident(
                order_ref=order.ref, client_id=order.client_id, opened=opened, cause="mine",
                what="Transcription livrée en retard", apologised=step(1), fixed=step(3),
                solution="Relecture complète", followed_up=None if recent else step(10),
                gesture="" if recent else "Remise de 10 %",
                feedback_asked=None if recent else step(20),
                feedback_received=None if recent else step(25),
                closed=None if recent else step(30),
                lesson="" if recent else "Prévoir une marge pour les registres abîmés", id=iid)
            self.put("incidents", iid, incident.to_doc())
            if incident.closed:
                lesson = Lesson(incident.closed, incident.lesson, iid, id=iid)
                self.put("lessons", iid, lesson.to_doc())

    def followups(self, orders: list[Order]) -> None:
        fid = 0
        for order in orders:
            if order.delivered and order.delivered > self.today - timedelta(days=365):
                fid += 1
                due = order.delivered + timedelta(days=7)
                done = due if due < self.today - timedelta(days=10) else None
                self.put("followups", fid, FollowUp(order.client_id, due,
                                                    f"Ask for feedback on {order.ref}",
                                                    order.ref, done, id=fid).to_doc())

    def letters(self, orders: list[Order]) -> None:
        lid = 0
        for order in orders:
            if order.delivered and self.rng.random() < 0.02:
                lid += 1
                path = f"letters/{order.client_id}/{order.ref}-thanks.pdf"
                self.put("letters", lid, Letter(order.client_id, "thanks", "fr", order.delivered,
                                                path, f"{lid:064x}", order.ref, id=lid).to_doc())


def build_tables(spec: Spec) -> dict:
    """The tables of a synthetic book, as stored documents keyed by string ids."""
    return _Builder(spec).build()


def snapshot_bytes(tables: dict) -> bytes:
    """A Carnet snapshot file (book.json) holding `tables`."""
    return orjson.dumps({"format": FORMAT, "schema": SCHEMA_VERSION, "seq": 0, "tables": tables})


def cached_book(spec: Spec, cache: Path | None = None) -> Path:
    """The directory of a pristine synthetic book for `spec`, built once and cached."""
    folder = (cache or CACHE) / spec.key()
    snapshot = folder / SNAPSHOT
    if not snapshot.exists():
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = snapshot.with_suffix(".tmp")
        tmp.write_bytes(snapshot_bytes(build_tables(spec)))
        tmp.replace(snapshot)
    return folder


def counts(tables: dict) -> dict[str, int]:
    """How many records each table holds."""
    return {name: len(rows) for name, rows in tables.items()}
