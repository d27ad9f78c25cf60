"""A quote, an invoice, a deposit invoice or a credit note on A4 for a window envelope.

The page furniture is a letter's (letters/layout.py): letterhead with the legal form, the
buyer's address in the window, fold marks, legal mentions at the foot. The body is the
document's facts, its lines, its totals and the mentions the store says it must print
(store/mentions.py). Everything comes from the document's own snapshots of the seller and
the buyer, so a document renders the same whatever has been edited since it was issued.
"""

from __future__ import annotations

import io
from dataclasses import fields
from functools import partial

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, KeepTogether, Spacer

from store.mentions import required_mentions, seller_charges_vat
from store.models import Client, Profile
from store.money_records import MoneyDocument
from store.siret import for_print

from . import fonts, localize
from .address import is_abroad, recipient_lines, recipient_name
from .blocks import DetailsTable
from .draft import LetterDraft
from .layout import BODY, PLACE_DATE, TEXT_W, LetterLayout, _templates
from .money_tables import PaymentQR, epc_payload, lines_table, totals_table
from .money_words import LABELS, TITLES, mention
from .pages import PagedCanvas
from .textblock import TextBlock, TextStyle
from .typography import polish

TITLE = TextStyle("bold", 14, 18, "left", space_before=2 * mm, space_after=4 * mm)
FACTS = TextStyle("regular", 9, 12, "left", space_after=4 * mm)
CELL = TextStyle("regular", 9.5, 12, "left")
NOTE = TextStyle("regular", 8.5, 11, "justify", space_after=2)
BODY_MENTIONS = ("vat_exempt", "nature", "deposit", "deposits_deducted", "refers_to",
                 "validity", "due", "penalties", "recovery_indemnity", "discount_terms",
                 "mediator")
"""Mentions printed as sentences under the totals, in this order."""


def _client(buyer: dict) -> Client:
    known = {f.name for f in fields(Client)} - {"id"}
    values = {k: v for k, v in buyer.items() if k in known}
    return Client.from_doc(values, int(buyer.get("id", 0)))


def document_title(doc: MoneyDocument, language: str) -> str:
    """'Facture F-2026-0001', 'Credit note A-2026-0001'."""
    return f"{TITLES[language][doc.kind]} {doc.number}"


def _draft(doc: MoneyDocument, language: str) -> LetterDraft:
    """The letter-like frame of the document: who it goes to, from where, when."""
    client, seller = _client(doc.buyer), Profile.from_doc(doc.seller)
    return LetterDraft(
        kind=doc.kind, language=language, date=doc.issued,
        subject=document_title(doc, language),
        place_date=localize.place_date(seller.letter_city or seller.city, doc.issued,
                                       language),
        salutation="", paragraphs=[], closing="", signature="",
        recipient_lines=recipient_lines(client, language),
        recipient_name=recipient_name(client, language), order_ref=doc.order_ref,
        abroad=is_abroad(client), reader_country=client.country)


class DocumentLayout(LetterLayout):
    """A letter's page furniture around a money document's facts, lines and totals."""

    def __init__(self, doc: MoneyDocument, language: str):
        self.doc = doc
        super().__init__(_draft(doc, language), Profile.from_doc(doc.seller))
        self.mentions = required_mentions(doc)
        self._check_printable()

    def _check_printable(self) -> None:
        """Refuse, naming it, a line or a mention with a character no embedded font has
        (it would be left out of the page while the XML kept it)."""
        doc, check = self.doc, partial(fonts.check, family=self.family)
        for number, line in enumerate(doc.lines, 1):
            check(f"line {number}", line.description)
        check("reason", doc.reason)
        check("client reference", str(doc.buyer.get("client_ref", "")))
        for name in ("mediator", "penalty_rate", "iban", "bic", "vat_number"):
            check(f"profile {name.replace('_', ' ')}", str(doc.seller.get(name, "")))

    def _date(self, value) -> str:
        return localize.long_date(value, self.language) if value else ""

    def facts(self) -> list[tuple[str, str]]:
        """Number, dates, order and references, as label | value rows."""
        doc, words = self.doc, LABELS[self.language]
        rows = [(words["number"], doc.number), (words["issued"], self._date(doc.issued))]
        if doc.kind == "invoice" and doc.service_date:
            rows.append((words["service_date"], self._date(doc.service_date)))
        if doc.due:
            rows.append((words["valid"] if doc.kind == "quote" else words["due"],
                         self._date(doc.due)))
        if doc.refers_to:
            rows.append((words["refers_to"], doc.refers_to))
        if doc.order_ref:
            rows.append((words["order"], doc.order_ref))
        if doc.buyer.get("client_ref"):
            rows.append((words["client_ref"], doc.buyer["client_ref"]))
        if "buyer_siren" in self.mentions and doc.buyer.get("siren"):
            rows.append((words["buyer_siren"], for_print(doc.buyer["siren"])))
        if "buyer_vat_number" in self.mentions:
            rows.append((words["buyer_vat"], doc.buyer.get("vat_number", "")))
        if "seller_vat_number" in self.mentions:
            rows.append((words["seller_vat"], doc.seller.get("vat_number", "")))
        return [(label, polish(value, self.language)) for label, value in rows if value]

    def _totals(self) -> list[tuple[str, str, str]]:
        doc, words, lang = self.doc, LABELS[self.language], self.language
        amount = partial(localize.amount, language=lang)
        if doc.kind == "credit-note":
            return [("", words["credit_total"], amount(doc.total))]
        if seller_charges_vat(doc.seller):
            return [("", words["subtotal"], amount(doc.subtotal)),
                    ("", words["vat"], amount(doc.vat)), ("", words["total"], amount(doc.total))]
        return [("", words["total_exempt"], amount(doc.total))]

    def _sentences(self) -> list[str]:
        doc, lang = self.doc, self.language
        facts = {"penalty": doc.seller.get("penalty_rate", "").strip(),
                 "mediator": " ".join(doc.seller.get("mediator", "").split()),
                 "order": doc.order_ref or "", "deducted": ", ".join(doc.deducted),
                 "refers_to": doc.refers_to, "reason": " ".join(doc.reason.split()),
                 "valid": self._date(doc.due),
                 "days": str((doc.due - doc.issued).days) if doc.due else ""}
        keys = [key for key in BODY_MENTIONS if key in self.mentions]
        return [polish(text, lang) for text in (mention(key, lang, **facts) for key in keys)
                if text]

    def _payment(self) -> list:
        doc, words = self.doc, LABELS[self.language]
        iban = "".join(doc.seller.get("iban", "").split()).upper()
        if "iban" not in self.mentions or not iban or doc.total <= 0:
            return []
        bic = "".join(doc.seller.get("bic", "").split()).upper()
        grouped = " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))
        text = f"{words['pay_to']} — {words['iban']} {grouped}"
        text += f" — {words['bic']} {bic}" if bic else ""
        name = " ".join(doc.seller.get("name", "").split())
        qr = PaymentQR(epc_payload(name, iban, bic, doc.total, doc.number))
        return [KeepTogether([TextBlock(text, self.style(NOTE)), Spacer(0, 2 * mm), qr])]

    def story(self) -> list:
        """Place and date, title in capitals (FACTURE F-2026-0001), facts, lines, totals,
        mentions, payment, acceptance."""
        lang, body = self.language, self.style(BODY)
        story: list = [TextBlock(self.draft.place_date, self.style(PLACE_DATE)),
                       TextBlock(document_title(self.doc, lang).upper(), self.style(TITLE))]
        facts = DetailsTable(self.facts(), self.style(FACTS))
        story += [facts, lines_table(self.doc, self.style(CELL), TEXT_W, lang,
                                     seller_charges_vat(self.doc.seller))]
        story += [Spacer(0, 2 * mm), totals_table(self._totals(), self.style(CELL),
                                                  TEXT_W), Spacer(0, 5 * mm)]
        story += [TextBlock(text, self.style(NOTE)) for text in self._sentences()]
        story += self._payment()
        if "acceptance" in self.mentions:
            story += [Spacer(0, 6 * mm), TextBlock(mention("acceptance", lang), body),
                      Spacer(0, 20 * mm)]
        return story


def document_pdf(doc: MoneyDocument, lang: str | None = None) -> bytes:
    """The visible PDF of an issued document (fonts embedded); same document, same bytes."""
    language = localize.check_language(lang or doc.language)
    layout = DocumentLayout(doc, language)
    out = io.BytesIO()
    seller = " ".join(doc.seller.get("name", "").split())
    pdf = BaseDocTemplate(
        out, pagesize=A4,
        pageTemplates=_templates(layout), invariant=1,
        initialFontName=fonts.register("regular", family=layout.family),
        initialFontSize=BODY.size, title=document_title(doc, language), author=seller,
        subject=document_title(doc, language), creator="Carnet",
        keywords=[doc.kind, doc.number, doc.order_ref or ""],
        lang={"fr": "fr-FR", "en": "en-GB"}[language])
    pdf.build(layout.story(), canvasmaker=partial(PagedCanvas, stamp=layout.stamp,
                                                  created=doc.issued))
    return out.getvalue()

