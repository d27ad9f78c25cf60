"""Every field of every record of a JSON export checked, by store.validate, before import."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Callable

from .. import validate as v
from ..errors import ValidationError
from ..i18n import _
from ..models import TABLE_MODELS, Profile

Check = Callable[[str, object], object]


def _optional_text(where: str, value: object) -> object:
    return None if value is None else v.text(where, value)


def _texts(where: str, value: object) -> object:
    if not isinstance(value, list):
        raise ValidationError(where, _("expected a list of texts, got {type}")
                              .format(type=type(value).__name__))
    return [v.text(f"{where}[{i}]", item) for i, item in enumerate(value)]


def _number(where: str, value: object, optional: bool, check: Callable) -> object:
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(where, _("{value!r} is not a whole number (a {type})")
                              .format(value=value, type=type(value).__name__))
    return check(where, value)


def _amount(where: str, value: object) -> object:
    if not isinstance(value, str):
        raise ValidationError(where, _("{value!r} is not an amount written as text "
                                       "(\"{example}\")").format(value=value, example="1250.00"))
    return v.price(where, value)


def _moment(where: str, value: object) -> object:
    if not isinstance(value, str):
        raise ValidationError(where, _("{value!r} is not a moment written YYYY-MM-DDTHH:MM")
                              .format(value=value))
    v.iso_day(where, value[:10])
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise ValidationError(where, _("{value!r} is not a moment written YYYY-MM-DDTHH:MM")
                              .format(value=value)) from None


def _record(spec: dict[str, Check]) -> Check:
    """A nested object whose keys are checked by `spec` (unknown keys refused)."""
    def check(where: str, value: object) -> object:
        if not isinstance(value, dict):
            raise ValidationError(where, _("expected an object, got {type}")
                                  .format(type=type(value).__name__))
        fields(where, value, spec)
        return value
    return check


def _each(check: Check) -> Check:
    def each(where: str, value: object) -> object:
        if not isinstance(value, list):
            raise ValidationError(where, _("expected a list, got {type}")
                                  .format(type=type(value).__name__))
        return [check(f"{where}[{i}]", item) for i, item in enumerate(value)]
    return each


def _signed(where: str, value: object) -> object:
    """A decimal written as text that may be negative (a discount, a credit note's line)."""
    if not isinstance(value, str):
        raise ValidationError(where, _("{value!r} is not an amount written as text "
                                       "(\"{example}\")").format(value=value, example="-50.00"))
    negative = value.strip().startswith("-")
    amount = v.price(where, value.strip().removeprefix("-"))
    return -amount if negative else amount


def _object(where: str, value: object) -> object:
    """A snapshot (a document's seller or buyer): an object; its texts are checked apart."""
    if not isinstance(value, dict):
        raise ValidationError(where, _("expected an object, got {type}")
                              .format(type=type(value).__name__))
    return value


def _optional_day(where, value):
    return v.iso_day(where, value, optional=True)


NAMED: dict[str, Check] = {
    "tolerance_days": lambda w, x: _number(w, x, True, lambda a, b: v.tolerance(a, b)),
    "pages": lambda w, x: _number(w, x, True, v.pages),
    "satisfaction": lambda w, x: _number(w, x, True, v.satisfaction),
}
"""Fields with their own bounds, whatever the table."""
BY_TYPE: dict[str, Check] = {
    "str": v.text, "str | None": _optional_text, "list[str]": _texts,
    "date": v.iso_day, "date | None": _optional_day, "datetime": _moment, "Decimal": _amount,
    "int": lambda w, x: _number(w, x, False, v.whole_number),
    "int | None": lambda w, x: _number(w, x, True, v.whole_number),
}
"""How a model field is checked, by its annotation."""
IDS: dict[str, Check] = {
    "int": lambda w, x: v.identifier(w, x),
    "int | None": lambda w, x: None if x is None else v.identifier(w, x),
}
NESTED: dict[str, Check] = {
    "Document": _record({"nature": v.text, "date_text": v.text, "place": v.text, "script": v.text,
                         "archive_ref": v.text, "pages": NAMED["pages"]}),
    "list[Postponement]": _each(_record({"on": v.iso_day, "from": v.iso_day, "to": v.iso_day,
                                         "reason": v.text, "cause": v.text})),
    "list[Pause]": _each(_record({"start": v.iso_day, "end": _optional_day, "reason": v.text})),
    "list[Extra]": _each(_record({"on": v.iso_day, "what": v.text, "price": _amount})),
    "list[Line]": _each(_record({"description": v.text, "quantity": _signed,
                                 "unit_price": _signed, "vat_rate": _amount})),
    "dict": _object,
}


def _field_check(name: str, annotation: str) -> Check | None:
    if name in NAMED:
        return NAMED[name]
    if name.endswith("_id") and annotation in IDS:
        return IDS[annotation]
    return BY_TYPE.get(annotation) or NESTED.get(annotation)


def model_spec(model) -> dict[str, Check]:
    """The check of each stored field of a model, read from its annotations."""
    spec = {}
    for field in dataclasses.fields(model):
        check = _field_check(field.name, str(field.type))
        if field.name != "id" and check is not None:
            spec[field.name] = check
    return spec


SPECS = {name: model_spec(model) for name, model in TABLE_MODELS.items()}
SPECS["profile"] = model_spec(Profile)


def fields(where: str, doc: dict, spec: dict[str, Check]) -> None:
    """Each known key of `doc` passes its check; a key the record does not have is refused."""
    for key, value in doc.items():
        check = spec.get(key)
        if check is None:
            raise ValidationError(where, _("has a field {key!r} that Carnet does not know")
                                  .format(key=key))
        check(f"{where}.{key}", value)


def check_record(table: str, key: str, doc: object) -> None:
    """One row of an export: a real id, an object, and every field of the right type and range."""
    where = f"{table} {key}"
    v.whole_number(f"{table} id", key, minimum=1)
    if not isinstance(doc, dict):
        raise ValidationError(where, _("is not a record (expected an object)"))
    if table in SPECS:
        fields(where, doc, SPECS[table])


def check_unique_refs(orders: dict) -> None:
    """Two orders of an export cannot share a reference."""
    seen: dict[str, str] = {}
    for key, doc in orders.items():
        ref = doc.get("ref")
        if ref in seen:
            raise ValidationError(f"orders {key}", _("has the reference {ref}, already used by "
                                                     "orders {other}").format(ref=ref,
                                                                             other=seen[ref]))
        seen[ref] = key
