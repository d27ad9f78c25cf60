"""Letters: wording from templates (compose) and window-envelope PDFs (render). Free of Textual."""

from __future__ import annotations

import io

from store.models import Profile

from .compose import compose
from .draft import KINDS, LetterDraft
from .layout import render_pdf


def pdf_bytes(draft: LetterDraft, profile: Profile) -> bytes:
    """The letter's PDF as bytes."""
    out = io.BytesIO()
    render_pdf(draft, profile, out)
    return out.getvalue()


__all__ = ["compose", "render_pdf", "pdf_bytes", "LetterDraft", "KINDS"]
