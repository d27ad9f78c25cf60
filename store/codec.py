"""Records to storage documents and back, one pair of functions per dataclass, from its fields.

Each field is stored under its name (or the `doc` key of its metadata), converted by its type:
dates as ISO text, datetimes to the minute, Decimals as strings, lists copied, nested records
as documents. `id` is the table's key, never stored. A field without a default must be in the
document; one with a default may be missing. The pair is compiled once per class, as
`dataclasses` compiles `__init__` (whose parameters `from_doc` passes in field order):
`from_doc` runs for every record when a book opens, and must cost no more than by hand.
A record declared `eq=False, repr=False` gets the dataclass `==` and repr from two shared
functions instead of two more compiled per class at import (a millisecond of every run).
"""

from __future__ import annotations

from dataclasses import MISSING, fields
from datetime import date, datetime
from decimal import Decimal
from operator import attrgetter

_RECORDS: dict[str, type] = {}
"""The classes `stored` has compiled, by name: the nested records a later one may hold."""


def iso(value: date | None) -> str | None:
    """A date as its ISO-8601 text, None for no date (how documents and JSON rows store it)."""
    return value.isoformat() if value else None


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


_CONVERSIONS = {
    "date": ("_iso({})", "_date({})"),
    "datetime": ("{}.isoformat(timespec='minutes')", "_datetime({})"),
    "Decimal": ("str({})", "_Decimal({})"),
}
"""(to the document, from it) by a field's type, as expressions around the value."""
_NAMES = {"_iso": iso, "_date": _date, "_datetime": datetime.fromisoformat, "_Decimal": Decimal}


def _conversion(type_name: str) -> tuple[str, str]:
    """How a value of this (annotation) type goes to a document and comes back."""
    name = type_name.removesuffix(" | None")
    if name in _CONVERSIONS:
        return _CONVERSIONS[name]
    if name in _RECORDS:
        return "{}.to_doc()", f"_{name}.from_doc({{}})"
    inner = name.removeprefix("list[").removesuffix("]")
    if name.startswith("list[") and inner in _RECORDS:
        return "[x.to_doc() for x in {}]", f"[_{inner}.from_doc(x) for x in {{}}]"
    if name.startswith("list["):
        return "list({})", "list({})"
    return "{}", "{}"


def _read(field, key: str, read: str, names: dict) -> str:
    """The expression giving a field's value from `doc`, its default when the key is missing."""
    value = read.format(f"doc[{key!r}]")
    if field.default is MISSING and field.default_factory is MISSING:
        return value
    default = f"_default_{field.name}"
    if field.default is MISSING:
        names[default] = field.default_factory
        return f"{value} if {key!r} in doc else {default}()"
    names[default] = field.default
    if read == "{}":
        return f"doc.get({key!r}, {default})"
    return f"{value} if {key!r} in doc else {default}"


def _unknown(cls: type, doc: dict, known: frozenset) -> None:
    raise TypeError(f"{cls.__name__} has no field {', '.join(sorted(set(doc) - known))}")


def _equal(self, other):
    """What dataclasses' __eq__ does: the same class and equal fields, in order."""
    if other.__class__ is self.__class__:
        return self._values(self) == self._values(other)
    return NotImplemented


def _shown(self) -> str:
    """What dataclasses' __repr__ shows: Order(ref='2026-014', client_id=3, …)."""
    names = (field.name for field in fields(self))
    values = ", ".join(f"{name}={value!r}" for name, value in zip(names, self._values(self)))
    return f"{self.__class__.__qualname__}({values})"


def stored(cls: type) -> type:
    """Give a dataclass `to_doc()` and `from_doc(doc)`, or `from_doc(doc, doc_id)` with an id.

    A table's record (one with an `id`) refuses a key its class does not know (TypeError); the
    profile and a record's parts (a pause, a line…) ignore it, as a seller's profile copied
    onto an old invoice must be read back."""
    names = dict(_NAMES, _unknown=_unknown,
                 **{f"_{name}": record for name, record in _RECORDS.items()})
    keyed = any(f.name == "id" for f in fields(cls))
    keys, writes, reads = [], [], []
    for field in fields(cls):
        if field.name == "id":
            reads.append("doc_id")
            continue
        key = field.metadata.get("doc", field.name)
        keys.append(key)
        write, read = _conversion(field.type)
        writes.append(f"{key!r}: {write.format('self.' + field.name)}")
        reads.append(_read(field, key, read, names))
    names["_known"] = frozenset(keys)
    source = (f"def to_doc(self):\n    return {{{', '.join(writes)}}}\n"
              f"def from_doc(cls, doc{', doc_id' if keyed else ''}):\n"
              + ("    if not _known.issuperset(doc):\n"
                 "        _unknown(cls, doc, _known)\n" if keyed else "")
              + f"    return cls({', '.join(reads)})\n")
    exec(compile(source, f"<stored {cls.__name__}>", "exec"), names)
    cls._values = attrgetter(*(field.name for field in fields(cls)))
    if "__eq__" not in cls.__dict__:
        cls.__eq__, cls.__hash__ = _equal, None
    if "__repr__" not in cls.__dict__:
        cls.__repr__ = _shown
    cls.to_doc = names["to_doc"]
    cls.from_doc = classmethod(names["from_doc"])
    _RECORDS[cls.__name__] = cls
    return cls
