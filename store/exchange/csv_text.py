"""A spreadsheet's bytes as text: UTF-8, or Windows-1252 said aloud; a header of sane size."""

from __future__ import annotations

import codecs
import re

from ..errors import CarnetError
from ..i18n import _
from ..wording import said_number

MAX_HEADER = 20_000
"""Characters on the header line; a longer one is refused before it is read."""
MAX_COLUMNS = 200
CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}"
                            rb"|[\xf0-\xf4][\x80-\xbf]{3}")


def position(data: bytes, offset: int) -> str:
    """'line 3, byte 17' for a byte offset in a file (both counted from 1)."""
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return _("line {line}, byte {byte}").format(line=line, byte=column)


def decode(data: bytes) -> tuple[str, str]:
    """The text and, when it was not UTF-8, a note saying how it was read.

    A file that is not UTF-8 is read as Windows-1252 (what older Excel writes) only when
    no byte of it is undefined there and none of it looks like UTF-8 (a damaged UTF-8 file
    would come out garbled); otherwise it is refused with the position of the first bad byte.
    """
    body = data.removeprefix(codecs.BOM_UTF8)
    try:
        return body.decode("utf-8"), ""
    except UnicodeDecodeError as exc:
        offset = exc.start + len(data) - len(body)
    where = _("{position} (0x{byte:02X}) is not UTF-8").format(position=position(data, offset),
                                                               byte=data[offset])
    if len(body) < len(data) or _UTF8_SEQUENCE.search(body) or CP1252_UNDEFINED & set(body):
        raise CarnetError(_("{where}; save the file as UTF-8 (CSV UTF-8) and import it again")
                          .format(where=where))
    return body.decode("cp1252"), _("the file is not UTF-8 ({where}); it was read as "
                                    "Windows-1252, as older Excel writes it: check the accents "
                                    "below").format(where=where)


def check_header(text: str) -> None:
    """Refuse a header line too long to be one (before the CSV reader reads it)."""
    end = text.find("\n", 0, MAX_HEADER + 1)
    if end < 0 and len(text) > MAX_HEADER:
        raise CarnetError(_("line 1: the header is longer than {count} characters; is this a "
                            "spreadsheet saved as CSV?").format(count=said_number(MAX_HEADER)))


def check_columns(headers: list[str]) -> None:
    if len(headers) > MAX_COLUMNS:
        raise CarnetError(_("line 1: the header has {count} columns; Carnet reads at most "
                            "{most}").format(count=said_number(len(headers)), most=MAX_COLUMNS))
