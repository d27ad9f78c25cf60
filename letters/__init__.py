"""Letters: wording from templates (compose) and window-envelope PDFs (render). Free of Textual."""

from .compose import compose
from .draft import KINDS, LetterDraft

__all__ = ["compose", "LetterDraft", "KINDS"]
