"""Read an exported vCard file back, to check what an address book will find in it."""

from __future__ import annotations

from store.exchange.contentlines import unescape, unfold


def split_unescaped(value: str, separator: str) -> list[str]:
    """Split a raw value on separators not preceded by a backslash escape; parts stay raw."""
    parts, current, index = [], [], 0
    while index < len(value):
        char = value[index]
        if char == "\\" and index + 1 < len(value):
            current.append(value[index:index + 2])
            index += 2
            continue
        if char == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        index += 1
    parts.append("".join(current))
    return parts


def read_cards(data: bytes) -> list[dict[str, list]]:
    """Cards as {property: [components, each a list of unescaped values]}."""
    cards, card = [], None
    for line in unfold(data.decode("utf-8")):
        if not line:
            continue
        head, _, value = line.partition(":")
        name = head.split(";", 1)[0].upper()
        if name == "BEGIN":
            card = {}
        elif name == "END":
            cards.append(card)
        else:
            card[name] = [[unescape(v) for v in split_unescaped(part, ",")]
                          for part in split_unescaped(value, ";")]
    return cards
