"""Carnet's config file: the interface language, theme, keymap and default book.

One TOML file in the platform's config directory (``~/.config/carnet/config.toml`` on
Linux), or where ``CARNET_CONFIG`` points::

    language = "fr"          # interface language: fr or en (CARNET_LANG overrides it)
    theme = "textual-dark"   # the theme chosen from the command palette
    keymap = "azerty"        # azerty, bepo, or a keymap file's path
    book = "~/Carnet"        # the book opened without --data (CARNET_DATA overrides it)
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path

from .errors import BookError
from .i18n import _

ENV_CONFIG = "CARNET_CONFIG"
CONFIG_FILE = "config.toml"


@dataclass(frozen=True)
class Config:
    """What the config file says; each setting empty when it says nothing."""

    language: str = ""
    theme: str = ""
    keymap: str = ""
    book: str = ""


def config_path() -> Path:
    """Where the config file is (it may not exist)."""
    explicit = os.environ.get(ENV_CONFIG)
    if explicit:
        return Path(explicit).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("carnet", appauthor=False)) / CONFIG_FILE


def read_config(path: Path | None = None) -> Config:
    """The config file's settings; no file gives the defaults, a broken one is refused."""
    path = path or config_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise BookError(_("the config file {path} cannot be read: {error}")
                        .format(path=path, error=error)) from None
    known = {field.name for field in fields(Config)}
    return Config(**{key: str(value) for key, value in data.items() if key in known})


def save_config(changes: dict[str, str], path: Path | None = None) -> Config:
    """Write the given settings into the config file, keeping the others; returns the result."""
    path = path or config_path()
    try:
        current = read_config(path)
    except BookError:
        current = Config()
    updated = replace(current, **changes)
    lines = [f"{field.name} = {json.dumps(getattr(updated, field.name), ensure_ascii=False)}"
             for field in fields(Config) if getattr(updated, field.name)]
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(temporary, path)
    return updated
