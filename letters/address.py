"""The recipient's block of a letter: the store's postal rule (store/postal.py), complete.

A letter also needs somewhere to go: a name or an organisation, a city, and in France a
postcode; the block itself is composed and checked by `store.postal.block`, the rule the
client's card is saved under.
"""

from __future__ import annotations

from store.errors import ValidationError
from store.i18n import N_, _
from store.models import Client
from store.postal import block, is_abroad, person, recipient_name

__all__ = ["is_abroad", "person", "recipient_lines", "recipient_name"]


MISSING = {"city": N_("the client has no city; the letter needs one"),
           "postcode": N_("the client has no postcode; the letter needs one")}
"""What an incomplete address lacks, as the refusal says it."""


def _check_complete(client: Client, abroad: bool) -> None:
    if not recipient_name(client, "fr"):
        raise ValidationError("address", _("the client has no name or organisation to write to"))
    needed = {"city": client.city} if abroad else {"postcode": client.postcode, "city": client.city}
    for name, value in needed.items():
        if not value.strip():
            raise ValidationError("address", _(MISSING[name]))


def recipient_lines(client: Client, language: str) -> list[str]:
    """The address block, line by line, or a ValidationError naming what does not fit."""
    _check_complete(client, is_abroad(client))
    return block(client, language)
