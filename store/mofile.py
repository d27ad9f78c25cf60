"""A compiled catalog (.mo) whose messages are read when first asked for, not all at load.

gettext parses every message of a .mo when it opens it (3 ms for Carnet's French, on every
run); a command prints a few dozen. The .mo format keeps its original strings sorted (Babel's
writer, like msgfmt, sorts them), so one is found by a binary search of the file's table.
gettext still reads the catalog's header (charset, plural forms) itself: `translations` is a
GNUTranslations whose catalog fills itself from the file.
"""

from __future__ import annotations

import gettext
from io import BytesIO
from struct import pack, unpack_from

HEADER = 28
"""Bytes before a .mo's tables: magic, version, count, the two tables' offsets, hash size, hash."""
_NONE = object()


class LazyCatalog(dict):
    """GNUTranslations' catalog (message → text, (singular, form) → text) read from a .mo."""

    def __init__(self, data: bytes, charset: str, order: str):
        super().__init__()
        self.data, self.charset, self.pair = data, charset, order + "II"
        self.count, self.originals, self.translations = unpack_from(order + "3I", data, 8)
        self.absent: set = set()
        """Keys looked for and not found (each is searched for once)."""

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key) -> bool:
        return self.get(key, _NONE) is not _NONE

    def __missing__(self, key):
        if key in self.absent:
            raise KeyError(key)
        found = self._find(key)
        if found is None:
            self.absent.add(key)
            raise KeyError(key)
        self[key] = found
        return found

    def _find(self, key) -> str | None:
        """The text gettext would have stored under `key` (a message, or (singular, form))."""
        plural = isinstance(key, tuple)
        try:
            wanted = (key[0] if plural else key).encode(self.charset) + (b"\0" if plural else b"")
        except (AttributeError, UnicodeEncodeError):
            return None
        index = self._first_at_least(wanted)
        if index == self.count:
            return None
        original = self._string(self.originals, index)
        if original != wanted and not (plural and original.startswith(wanted)):
            return None
        text = self._string(self.translations, index)
        if not plural:
            return str(text, self.charset)
        forms = text.split(b"\0")
        return str(forms[key[1]], self.charset) if 0 <= key[1] < len(forms) else None

    def _first_at_least(self, wanted: bytes) -> int:
        low, high = 0, self.count
        while low < high:
            middle = (low + high) // 2
            if self._string(self.originals, middle) < wanted:
                low = middle + 1
            else:
                high = middle
        return low

    def _string(self, table: int, index: int) -> bytes:
        length, offset = unpack_from(self.pair, self.data, table + 8 * index)
        return self.data[offset:offset + length]


def translations(data: bytes) -> gettext.GNUTranslations:
    """The catalog in `data` (a .mo file's bytes), its messages read as they are asked for."""
    magic = unpack_from("<I", data)[0] if len(data) >= HEADER else None
    if magic not in (gettext.GNUTranslations.LE_MAGIC, gettext.GNUTranslations.BE_MAGIC):
        return gettext.GNUTranslations(BytesIO(data))  # gettext says what is wrong
    order = "<" if magic == gettext.GNUTranslations.LE_MAGIC else ">"
    count, originals, translations_at = unpack_from(order + "3I", data, 8)
    if not count or unpack_from(order + "I", data, originals)[0]:
        return gettext.GNUTranslations(BytesIO(data))  # no header first: gettext reads it all
    length, offset = unpack_from(order + "II", data, translations_at)
    header = data[offset:offset + length]
    tables = HEADER + 16
    alone = (pack(order + "7I", magic, unpack_from(order + "I", data, 4)[0], 1, HEADER,
                  HEADER + 8, 0, 0)
             + pack(order + "4I", 0, tables, length, tables) + header + b"\0")
    catalog = gettext.GNUTranslations(BytesIO(alone))
    catalog._catalog = LazyCatalog(data, catalog._charset or "ascii", order)
    return catalog
