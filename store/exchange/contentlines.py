"""Content lines shared by iCalendar (RFC 5545) and vCard (RFC 6350): escaping and folding."""

from __future__ import annotations

FOLD_AT = 75
_ESCAPES = {"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n"}
_UNESCAPES = {"\\": "\\", ";": ";", ",": ",", "n": "\n", "N": "\n"}


def escape(value: str) -> str:
    """A TEXT value with backslashes, semicolons, commas and newlines escaped."""
    return "".join(_ESCAPES.get(char, char) for char in value)


def fold(line: str) -> str:
    """One content line folded at 75 octets (never inside a UTF-8 sequence), CRLF-terminated."""
    parts, current, size = [], [], 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = FOLD_AT if not parts else FOLD_AT - 1
        if size + width > limit:
            parts.append("".join(current))
            current, size = [], 0
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts) + "\r\n"


def unfold(text: str) -> list[str]:
    """The logical content lines of a folded text."""
    return text.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")


def unescape(value: str) -> str:
    """The TEXT value an escaped string stands for."""
    out, index = [], 0
    while index < len(value):
        char = value[index]
        if char == "\\" and index + 1 < len(value):
            following = value[index + 1]
            out.append(_UNESCAPES.get(following, following))
            index += 2
            continue
        out.append(char)
        index += 1
    return "".join(out)


def property_line(name: str, value: str, params: str = "") -> str:
    """A folded `NAME;PARAMS:value` line; `value` is already escaped."""
    return fold(f"{name}{';' + params if params else ''}:{value}")
