"""A table's documents as an immutable mapping that a change copies cheaply.

A version of the book never changes once made, yet a write must not copy a table of
100,000 documents. So a version shares the dict it was loaded with and carries the few
documents changed since, folding them into a new dict once there are many.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

FOLD_AFTER = 256
"""Changed documents carried beside the shared dict before a change folds them in: a fold
copies the table, so with this many a write costs a copy of 1/256 of it on average."""


class Rows(Mapping):
    """Documents by id (a string): a shared dict no one changes, plus the changes since."""

    __slots__ = ("_base", "_changes", "_len")

    def __init__(self, base: dict[str, dict], changes: dict[str, dict | None] | None = None):
        self._base = base
        self._changes = changes or {}
        length = len(base)
        for key, doc in self._changes.items():
            if key in base:
                length -= doc is None
            else:
                length += doc is not None
        self._len = length

    def __getitem__(self, key: str) -> dict:
        if self._changes and key in self._changes:
            doc = self._changes[key]
            if doc is None:
                raise KeyError(key)
            return doc
        return self._base[key]

    def get(self, key: str, default=None):
        if self._changes and key in self._changes:
            doc = self._changes[key]
            return default if doc is None else doc
        return self._base.get(key, default)

    def __contains__(self, key: object) -> bool:
        if self._changes and key in self._changes:
            return self._changes[key] is not None
        return key in self._base

    def __len__(self) -> int:
        return self._len

    def __iter__(self) -> Iterator[str]:
        if not self._changes:
            return iter(self._base)
        return (key for key, _doc in self._merged_items())

    def items(self):
        """(id, document) pairs in id order of creation; the shared dict's own view when unchanged."""
        if not self._changes:
            return self._base.items()
        return list(self._merged_items())

    def values(self):
        if not self._changes:
            return self._base.values()
        return [doc for _key, doc in self._merged_items()]

    def _merged_items(self) -> Iterator[tuple[str, dict]]:
        changes, base = self._changes, self._base
        for key, doc in base.items():
            if key in changes:
                doc = changes[key]
                if doc is None:
                    continue
            yield key, doc
        for key, doc in changes.items():
            if doc is not None and key not in base:
                yield key, doc

    def pick(self, keys: list[str]) -> list[dict]:
        """The documents of `keys` (each must be here), in their order; read at C speed
        when nothing changed since the shared dict (what a 10,000-row look-up wants)."""
        if not self._changes:
            return list(map(self._base.__getitem__, keys))
        return [self[key] for key in keys]

    def changed(self, updates: dict[str, dict | None]) -> Rows:
        """These rows with `updates` applied (None removes); self stays as it was."""
        changes = {**self._changes, **updates}
        if len(changes) > FOLD_AFTER:
            return Rows(dict(Rows(self._base, changes)._merged_items()))
        return Rows(self._base, changes)

    def plain(self) -> dict[str, dict]:
        """The documents as one dict (to serialise); the shared one when nothing changed."""
        return self._base if not self._changes else dict(self._merged_items())


EMPTY = Rows({})
