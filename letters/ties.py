"""No-break ties: the spaces where a line must not break, in either language.

Each tie is a small regular expression: group 1 is what comes before one
ordinary space (U+0020), the look-ahead what comes after; the space becomes a
no-break space (U+00A0), or the narrow one (U+202F) where French typography
wants it. Contexts accept any space, and the spaces of « » are set first, so tying
twice changes nothing. URLs,
e-mail addresses and ISO dates are left exactly as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NBSP, NNBSP = "\u00a0", "\u202f"
"""No-break space; narrow no-break space (thousands, before ; : ! ?, inside « »)."""

_SP = "[ \u00a0\u202f]"
_LETTER = r"[^\W\d_]"
_MONTHS_FR = ("janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre"
              r"|décembre|janv\.|févr\.|avr\.|juil\.|sept\.|oct\.|nov\.|déc\.")
_MONTHS_EN = ("January|February|March|April|May|June|July|August|September|October"
              r"|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.")
_DAYS = ("(?i:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
         "|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday")
_TITLES = (r"M\.|MM\.|Mme|Mmes|Mlle|Mlles|Mx|Dr|Dr\.|Dre|Pr|Pr\.|Me|Maître|Mgr|Saint|Sainte"
           r"|St|St\.|Ste|Mr|Mr\.|Mrs|Mrs\.|Ms|Ms\.|Prof\.|Sir|Dame")
_NUMBERED = r"(?i:n°|nº|nos?\.|p\.|pp\.|f\.|ff\.|fol\.|fos?\.|art\.|vol\.|t\.|ch\.|chap\.|fig\.)"
_ROMAN_ORDINAL = r"(?:[IVXLC]{2,}|[IVX])(?:er|re|e|es|ème|èmes)"

_PROTECTED = re.compile(
    r"(?:https?|ftp)://\S+|www\.\S+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\b")
"""URLs, e-mail addresses and ISO dates: never tied, nor tied to."""


@dataclass(frozen=True, slots=True)
class Tie:
    """One rule: its name, what it keeps together, the pattern and its replacement."""

    name: str
    doc: str
    pattern: re.Pattern[str]
    replacement: str = r"\1" + NBSP
    capitals: bool = False
    """Both sides must begin with a capital (or a letter without case, such as 李)."""

    def apply(self, text: str) -> str:
        """The text with this rule's spaces tied."""
        return self.pattern.sub(self._replace, text)

    def _replace(self, match: re.Match) -> str:
        """Tie, unless the rule wants capitals and a side begins in lower case ('me and')."""
        after = match.string[match.end():match.end() + 1]
        if self.capitals and (match.group(1)[0].islower() or after.islower()):
            return match.group(0)
        return match.expand(self.replacement)


def _rule(name: str, doc: str, pattern: str, replacement: str = r"\1" + NBSP,
          capitals: bool = False) -> Tie:
    """A tie from its parts, the pattern compiled."""
    return Tie(name, doc, re.compile(pattern), replacement, capitals)


TIES: tuple[Tie, ...] = (
    _rule("open_quote", "A narrow no-break space after « (French quotations, either language).",
          "«[ \u00a0\u202f]*", "«" + NNBSP),
    _rule("close_quote", "A narrow no-break space before » (French quotations, either language).",
          "[ \u00a0\u202f]*»", NNBSP + "»"),
    _rule("thousands", "Digit groups of one number: '1 250 000' (narrow).",
          r"(?<![\d.,])(\d{1,3})[ \u00a0](?=\d{3}(?!\d))", r"\1" + NNBSP),
    _rule("percent", "A number and its per cent sign: '12 %' (narrow).",
          r"(\d) (?=[%‰])", r"\1" + NNBSP),
    _rule("number_unit", "A number and the word or sign after it: '140 folios', '50 €'.",
          r"(\d(?:er|re|ers|res|e|es|ème|èmes|nd|rd|st|th)?) (?=" + _LETTER + r"|[€$£¥°])"),
    _rule("clock", "The minutes of a time: '10 h 30'.",
          r"(\d" + _SP + r"h) (?=\d\d\b)"),
    _rule("month_number", "A month and the year or day after it: 'mars 1723', 'November 21'.",
          r"(?<![\w.])((?i:" + _MONTHS_FR + ")|" + _MONTHS_EN + r") (?=\d)"),
    _rule("month_day_year", "The year after an English 'Month day,': 'November 21, 2026'.",
          r"((?:" + _MONTHS_EN + ")" + _SP + r"\d\d?(?:st|nd|rd|th)?,) (?=\d{4}\b)"),
    _rule("weekday", "A weekday and its day: 'lundi 3', 'Monday 3'.",
          r"(?<![\w.])(" + _DAYS + r") (?=\d)"),
    _rule("title", "A title and the name after it: 'M. Lefèvre', 'Mrs Holloway', 'Saint Louis'.",
          r"(?<![\w.])(" + _TITLES + r") (?=" + _LETTER + ")", capitals=True),
    _rule("initial", "An initial and what follows: 'J.-B. Colbert', 'J. R. R. Tolkien'.",
          r"(?<![\w.-])(" + _LETTER + r"\.(?:-" + _LETTER + r"\.)?) (?=" + _LETTER + ")",
          capitals=True),
    _rule("numbered", "An abbreviation and its number: 'n° 12', 'p. 3', 'art. 293', 'vol. II'.",
          r"(?<![\w.])(" + _NUMBERED + r") (?=\d|[IVXLCDM]+\b)"),
    _rule("introducer", "'cf.' and '§' with what they introduce: 'cf. supra', '§ 4'.",
          r"(?<![\w.])((?i:cf\.)|§) (?=\S)"),
    _rule("roman_ordinal", "A Roman ordinal and its noun: 'XVIIe siècle', 'XVIe s.'.",
          r"(?<![\w.-])(" + _ROMAN_ORDINAL + r") (?=" + _LETTER + ")"),
    _rule("regnal", "A name and its Roman number: 'Louis XIV', 'Henri IV', 'Part II'.",
          r"(?<![\w.-])(" + _LETTER + r"+) (?=(?:[IVX]{2,}|[VX])\b(?![’'.-]))", capitals=True),
    _rule("dash", "The word before a separating dash, so no line opens with ' – '.",
          r"(\S) (?=[–—](?:" + _SP + "|$))"),
    _rule("punctuation", "A space the text carries before ; : ! ? becomes narrow and no-break.",
          r"[ \u00a0]+(?=[;:!?](?:[\s»”)\]!?.,…]|$))", NNBSP),
)
"""Every tie, applied in this order; each leaves the others' ties alone."""


def _tie_plain(text: str) -> str:
    """Every rule in turn over text that holds nothing protected."""
    for rule in TIES:
        text = rule.apply(text)
    return text


def tie(text: str, language: str) -> str:
    """Tie the spaces a line must not break at ('140 folios', 'M. Lefèvre', '10 h 30', …).

    The rules are the same in both languages (French data appears in English letters);
    `language` is kept for rules that one language alone would want.
    """
    out, start = [], 0
    for match in _PROTECTED.finditer(text):
        out += [_tie_plain(text[start:match.start()]), match.group(0)]
        start = match.end()
    out.append(_tie_plain(text[start:]))
    return "".join(out)
