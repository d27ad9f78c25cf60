"""Schema versions of the book file and the steps that bring old books up to date."""

from __future__ import annotations

from collections.abc import Callable

SCHEMA_VERSION = 4


def _v1_to_v2(tables: dict) -> None:
    """Version 1 named a client's delay tolerance `tolerance`; version 2 `tolerance_days`."""
    for doc in tables.get("clients", {}).values():
        if "tolerance" in doc:
            doc["tolerance_days"] = doc.pop("tolerance")
    profile = tables.get("profile", {}).get("1")
    if profile is not None and "tolerance" in profile:
        profile["tolerance_days"] = profile.pop("tolerance")


def _v2_to_v3(tables: dict) -> None:
    """Version 3 added the order's `client_ref` and the profile's face, alignment and
    signature image; older records get their defaults."""
    for doc in tables.get("orders", {}).values():
        doc.setdefault("client_ref", "")
    profile = tables.get("profile", {}).get("1")
    if profile is not None:
        for name, default in (("signature_image", ""), ("typeface", "dejavu"),
                              ("text_align", "justify")):
            profile.setdefault(name, default)


def _v3_to_v4(tables: dict) -> None:
    """Version 4 added money: the documents and payments tables, the profile's invoicing
    settings and a client's SIREN and VAT number; older records get their defaults."""
    from .models import Profile
    tables.setdefault("documents", {})
    tables.setdefault("payments", {})
    for doc in tables.get("clients", {}).values():
        doc.setdefault("siren", "")
        doc.setdefault("vat_number", "")
    profile = tables.get("profile", {}).get("1")
    if profile is not None:
        for name, default in Profile().to_doc().items():
            profile.setdefault(name, default)


MIGRATIONS: dict[int, Callable[[dict], None]] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4}


def migrate(tables: dict, version: int) -> dict:
    """Apply every step from `version` to SCHEMA_VERSION, in place."""
    while version < SCHEMA_VERSION:
        MIGRATIONS[version](tables)
        version += 1
    return tables
