"""The interface's language: French or English through gettext, one translation in force.

Messages are written in English in the code and marked: ``_("Overdue")`` where the text
is shown, ``N_("Overdue")`` where it is only declared (a module-level constant, a
binding) and translated later, at the place that shows it, with ``_``. The French
catalog is ``store/locale/fr/LC_MESSAGES/carnet.po``; the compiled ``.mo`` beside it is
used when it is newer, else the ``.po`` is compiled in memory, so a fresh clone works
before anything is built.
"""

from __future__ import annotations

import gettext
import os
import re
from io import BytesIO
from pathlib import Path

from .mofile import translations

LANGUAGES = ("fr", "en")
"""Interface languages, the default first."""

DEFAULT_LANGUAGE = "fr"
ENV_LANGUAGE = "CARNET_LANG"
PSEUDO = "xx"
"""A test-only language that marks every translated letter, to find text left untranslated."""

DOMAIN = "carnet"
LOCALE_DIR = Path(__file__).parent / "locale"
BABEL_LOCALES = {"fr": "fr_FR", "en": "en_GB", PSEUDO: "en_GB"}
"""Babel locale per interface language (British English: '22 Nov 2026')."""


class _Pseudo(gettext.NullTranslations):
    """Every letter outside {fields}, [markup] and %-formats turned into a look-alike."""

    _KEEP = r"(\{[^{}]*\}|\[[^\[\]]*\]|%\(?[\w]*\)?[sdrf]|&\w+;)"
    _LOOK = str.maketrans("aceinorsuyACEINORSUY", "àçéîñôŕšüÿÀÇÉÎÑÔŘŠÜŸ")

    def gettext(self, message: str) -> str:
        return "".join(part if index % 2 else part.translate(self._LOOK)
                       for index, part in enumerate(re.split(self._KEEP, message)))

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)


_active: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def _(message: str) -> str:
    """The message in the interface's language."""
    return _active.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural message for `count`, in the interface's language."""
    return _active.ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark a message for the catalog without translating it yet (translate where shown)."""
    return message


def qualified(message: str) -> str:
    """`message` translated, its 'qualifier|' dropped: one English word, two meanings in French.

    N_("incident|open") reads 'open' in English and 'ouvert' in French, apart from the
    "open" of other screens (glib's Q_ convention)."""
    return _(message).split("|", 1)[-1]


def language() -> str:
    """The interface language in force: 'fr' or 'en' (or the test-only pseudo-language)."""
    return _language


def babel_locale() -> str:
    """The Babel locale of the interface language."""
    return BABEL_LOCALES[_language]


def catalog(lang: str) -> gettext.NullTranslations:
    """The translations of `lang`: the compiled catalog if current, else the .po compiled now."""
    if lang == PSEUDO:
        return _Pseudo()
    folder = LOCALE_DIR / lang / "LC_MESSAGES"
    po, mo = folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"
    # A second's slack: an installer writes the .po just after the .mo it was compiled from.
    if mo.exists() and (not po.exists() or mo.stat().st_mtime + 1 >= po.stat().st_mtime):
        return translations(mo.read_bytes())
    if not po.exists():
        return gettext.NullTranslations()
    return translations(compile_po(po))


def compile_po(po: Path) -> bytes:
    """The .mo bytes of a .po file (Babel's reader and writer; fuzzy entries left out)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as source:
        messages = read_po(source, locale=po.parent.parent.name, domain=DOMAIN)
    out = BytesIO()
    write_mo(out, messages)
    return out.getvalue()


def use_language(lang: str) -> str:
    """Put `lang` in force for every message from now on; returns it."""
    global _active, _language
    if lang not in LANGUAGES and lang != PSEUDO:
        lang = DEFAULT_LANGUAGE
    _active = gettext.NullTranslations() if lang == "en" else catalog(lang)
    _language = lang
    return lang


def env_language() -> str | None:
    """The language CARNET_LANG asks for this run, if it names one."""
    asked = os.environ.get(ENV_LANGUAGE, "").strip().lower()[:2]
    return asked if asked in LANGUAGES or asked == PSEUDO else None


def choose_language(configured: str | None = None, profile: str | None = None) -> str:
    """CARNET_LANG, else the config file's language, else the profile's, else French."""
    for lang in (env_language(), configured, profile):
        if lang in LANGUAGES or lang == PSEUDO:
            return lang
    return DEFAULT_LANGUAGE
