"""Hostile text through every letter kind: each one renders, or refuses with a clear message."""

from __future__ import annotations

import importlib
import io
from datetime import date, timedelta

import pytest
from pypdf import PdfReader
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from store import validate
from store.errors import ValidationError
from store.models import LETTER_KINDS, Client, Document, Incident, Order, Profile
from tests.test_hostile_input import TEXT

compose = pytest.importorskip("letters.compose").compose
TODAY = date(2026, 11, 23)
SWEEP = settings(max_examples=30, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _renderer():
    """letters.layout.render_pdf, once the PDF layer is there."""
    try:
        return importlib.import_module("letters.layout").render_pdf
    except (ImportError, AttributeError):
        return None


def _storable(value: str, single_line: bool) -> bool:
    try:
        validate.text("x", value, multiline=not single_line)
    except ValidationError:
        return False
    return True


@SWEEP
@given(kind=st.sampled_from(LETTER_KINDS), lang=st.sampled_from(("fr", "en")),
       target=st.sampled_from(("last_name", "first_name", "organisation", "address", "city",
                               "postcode", "country", "title", "summary", "scope", "nature",
                               "place", "what", "solution", "gesture", "profile name",
                               "signature", "letter_city")),
       value=TEXT)
def test_every_letter_renders_or_refuses_clearly(kind, lang, target, value):
    single = target in ("last_name", "first_name", "organisation", "address", "city",
                        "postcode", "country", "title")
    assume(_storable(value, single))
    profile = Profile(name="Claire Dubois", city="Orléans", letter_city="Orléans",
                      signature="Claire Dubois", email="claire@example.fr")
    client = Client(id=1, civility="Mme", first_name="Jeanne", last_name="Morel",
                    address_lines=["12 rue des Carmes"], postcode="45000", city="Orléans",
                    country="France")
    order = Order(ref="2026-001", client_id=1, title="Acte de vente", received=TODAY,
                  due_original=TODAY, due=TODAY + timedelta(days=9), summary="Un acte.",
                  scope="Transcription intégrale.", document=Document(nature="acte"))
    incident = Incident(order_ref="2026-001", client_id=1, opened=TODAY, what="retard",
                        apologised=TODAY)
    holder = {"profile name": (profile, "name"), "signature": (profile, "signature"),
              "letter_city": (profile, "letter_city"), "title": (order, "title"),
              "summary": (order, "summary"), "scope": (order, "scope"),
              "nature": (order.document, "nature"), "place": (order.document, "place"),
              "what": (incident, "what"), "solution": (incident, "solution"),
              "gesture": (incident, "gesture")}
    if target == "address":
        client.address_lines = [value]
    elif target in holder:
        setattr(*holder[target], value)
    else:
        setattr(client, target, value)
    try:
        draft = compose(kind, profile, client, order, incident, today=TODAY, lang=lang)
    except ValidationError as refused:
        assert refused.field and refused.message and "Traceback" not in str(refused)
        return
    assert draft.kind == kind and draft.language == lang and draft.recipient_lines
    render = _renderer()
    if render is None:
        return
    out = io.BytesIO()
    try:
        render(draft, profile, out)
    except ValidationError as refused:
        assert refused.field and refused.message
        return
    data = out.getvalue()
    assert data.startswith(b"%PDF")
    assert len(PdfReader(io.BytesIO(data)).pages) >= 1

