"""How many records (or other things) there are, said in the interface's language."""

from __future__ import annotations

from ..i18n import ngettext

COUNTED = {
    "clients": lambda n: ngettext("{count} client", "{count} clients", n),
    "orders": lambda n: ngettext("{count} order", "{count} orders", n),
    "interactions": lambda n: ngettext("{count} interaction", "{count} interactions", n),
    "incidents": lambda n: ngettext("{count} incident", "{count} incidents", n),
    "followups": lambda n: ngettext("{count} follow-up", "{count} follow-ups", n),
    "letters": lambda n: ngettext("{count} letter", "{count} letters", n),
    "lessons": lambda n: ngettext("{count} lesson", "{count} lessons", n),
    "documents": lambda n: ngettext("{count} document", "{count} documents", n),
    "payments": lambda n: ngettext("{count} payment", "{count} payments", n),
    "profile": lambda n: ngettext("{count} profile", "{count} profiles", n),
    "meta": lambda n: ngettext("{count} identity", "{count} identities", n),
    "rows": lambda n: ngettext("{count} row", "{count} rows", n),
    "duplicates": lambda n: ngettext("{count} duplicate", "{count} duplicates", n),
    "letter files": lambda n: ngettext("{count} letter file", "{count} letter files", n),
    "export files": lambda n: ngettext("{count} export file", "{count} export files", n),
    "backups": lambda n: ngettext("{count} backup", "{count} backups", n),
}
"""How many of a table's records (or of other things), in the interface's language."""


def count(number: int, plural: str) -> str:
    """'1 client', '2 clients', '3 follow-ups', in the interface's language."""
    if plural in COUNTED:
        return COUNTED[plural](number).format(count=number)
    return f"{number} {plural if number != 1 else plural.removesuffix('s')}"
