"""Schema versions of the book file and the steps that bring old books up to date."""

from __future__ import annotations

from collections.abc import Callable

SCHEMA_VERSION = 2


def _v1_to_v2(tables: dict) -> None:
    """Version 1 named a client's delay tolerance `tolerance`; version 2 `tolerance_days`."""
    for doc in tables.get("clients", {}).values():
        if "tolerance" in doc:
            doc["tolerance_days"] = doc.pop("tolerance")
    profile = tables.get("profile", {}).get("1")
    if profile is not None and "tolerance" in profile:
        profile["tolerance_days"] = profile.pop("tolerance")


MIGRATIONS: dict[int, Callable[[dict], None]] = {1: _v1_to_v2}


def migrate(tables: dict, version: int) -> dict:
    """Apply every step from `version` to SCHEMA_VERSION, in place."""
    while version < SCHEMA_VERSION:
        MIGRATIONS[version](tables)
        version += 1
    return tables
