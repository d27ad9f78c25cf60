"""The values a book's fields may take: statuses, kinds, channels, languages, civilities…

The records (store/models.py, store/money_records.py) re-export them, so
`from store.models import LANGUAGES` works.
"""

ORDER_STATUSES = ("quote", "accepted", "in progress", "delivered", "paid", "cancelled")
OPEN_STATUSES = ("quote", "accepted", "in progress")
CLIENT_STATUSES = ("active", "difficult", "parted")
CAUSES = ("mine", "client", "other")
CHANNELS = ("email", "phone", "letter", "meeting", "other")
DIRECTIONS = ("in", "out")
INTERACTION_KINDS = (
    "note", "request", "complaint", "praise", "feedback", "gift received",
    "gesture given", "letter sent", "call-back promised",
)
LANGUAGES = ("fr", "en")
CIVILITIES = ("", "Mme", "M.", "Mx", "Maître", "Dr", "Pr")
LETTER_KINDS = ("apology", "follow-up", "summary", "thanks", "scope", "feedback")
PAYMENT_LETTER_KINDS = ("reminder", "formal-notice")
"""Letters about an unpaid invoice past its due date: a reminder, then a formal notice."""
FOLLOWUP_PURPOSES = ("", "call-back", "ask feedback", "hear feedback")
"""Why a follow-up exists: by hand (""), a promised call-back, feedback to ask or to hear."""
TYPEFACES = ("dejavu", "garamond")
"""The letters' faces: DejaVu Serif (every script) or EB Garamond (a book face)."""
TEXT_ALIGNS = ("justify", "ragged")
"""How the letters' paragraphs are set: justified, or ragged right."""
LEGAL_FORMS = ("EI", "EIRL", "micro-entreprise", "EURL", "SASU", "SARL", "SAS", "association")
"""The usual legal forms of the profile, offered as suggestions; any other text is accepted."""
DOCUMENT_KINDS = ("quote", "invoice", "deposit", "credit-note")
"""A quote (devis), an invoice (facture), a deposit invoice (facture d'acompte), a credit
note (avoir)."""
PAYMENT_METHODS = ("transfer", "cheque", "cash", "card", "other")
VAT_REGIMES = ("franchise", "vat")
"""VAT-exempt under art. 293 B of the CGI (franchise en base), or VAT charged per line."""
DECLARATION_PERIODS = ("monthly", "quarterly")
"""How often the micro-entrepreneur declares her receipts to URSSAF."""
