"""The recipient's block of a letter: the store's postal rule (store/postal.py), complete.

A letter also needs somewhere to go: a name or an organisation, a city, and in France a
postcode; the block itself is composed and checked by `store.postal.block`, the rule the
client's card is saved under.
"""

from __future__ import annotations

from store.errors import ValidationError
from store.models import Client
from store.postal import block, is_abroad, person, recipient_name

__all__ = ["is_abroad", "person", "recipient_lines", "recipient_name"]


def _check_complete(client: Client, abroad: bool) -> None:
    if not recipient_name(client, "fr"):
        raise ValidationError("address", "the client has no name or organisation to write to")
    needed = {"city": client.city} if abroad else {"postcode": client.postcode, "city": client.city}
    for name, value in needed.items():
        if not value.strip():
            raise ValidationError("address", f"the client has no {name}; the letter needs one")


def recipient_lines(client: Client, language: str) -> list[str]:
    """The address block, line by line, or a ValidationError naming what does not fit."""
    _check_complete(client, is_abroad(client))
    return block(client, language)
