"""Letters: wording from templates (compose) and window-envelope PDFs (render). Free of Textual."""

from __future__ import annotations

from .compose import compose
from .draft import KINDS, LetterDraft
from .layout import pdf_bytes, render_pdf


__all__ = ["compose", "render_pdf", "pdf_bytes", "LetterDraft", "KINDS"]
