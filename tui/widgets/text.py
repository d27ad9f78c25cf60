"""Translated Textual markup: a msgid with {placeholders}, its values substituted safely."""

from __future__ import annotations

from textual.content import Content


def markup(message: str, **values: str) -> Content:
    """`message` (already translated) as Content; each {name} takes its value as plain text."""
    return Content.from_markup(message.format(**{name: f"${name}" for name in values}),
                               **values)
