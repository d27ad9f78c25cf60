"""Carnet's config file: the interface language, theme, keymap and default book.

One TOML file in the platform's config directory (``~/.config/carnet/config.toml`` on
Linux), or where ``CARNET_CONFIG`` points::

    language = "fr"          # interface language: fr or en (CARNET_LANG overrides it)
    theme = "textual-dark"   # the theme chosen from the command palette
    keymap = "azerty"        # azerty, bepo, or a keymap file's path
    book = "~/Carnet"        # the book opened without --data (CARNET_DATA overrides it)
"""

from __future__ import annotations

import os
import sys
from collections import namedtuple
from pathlib import Path

from .errors import BookError
from .i18n import _

ENV_CONFIG = "CARNET_CONFIG"
CONFIG_FILE = "config.toml"


class Config(namedtuple("Config", ("language", "theme", "keymap", "book"), defaults=("",) * 4)):
    """What the config file says; each setting empty when it says nothing."""

    __slots__ = ()


def config_path() -> Path:
    """Where the config file is (it may not exist)."""
    explicit = os.environ.get(ENV_CONFIG)
    if explicit:
        return Path(explicit).expanduser()
    base = linux_config_home()  # platformdirs takes 5 ms of every run to import
    if base is not None:
        return Path(base) / "carnet" / CONFIG_FILE
    from platformdirs import user_config_dir

    return Path(user_config_dir("carnet", appauthor=False)) / CONFIG_FILE


def linux_config_home() -> str | None:
    """Linux's $XDG_CONFIG_HOME or ~/.config as platformdirs finds it (else None: ask it)."""
    if sys.platform != "linux" or "ANDROID_DATA" in os.environ:
        return None
    chosen = os.environ.get("XDG_CONFIG_HOME", "")
    if os.path.isabs(chosen):
        return chosen
    home = os.environ.get("HOME", "")
    return os.path.join(home, ".config") if os.path.isabs(home) else None


def _unreadable(path: Path, error: Exception) -> BookError:
    return BookError(_("the config file {path} cannot be read: {error}")
                     .format(path=path, error=error))


def read_config(path: Path | None = None) -> Config:
    """The config file's settings; no file gives the defaults, a broken one is refused."""
    path = path or config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError) as error:
        raise _unreadable(path, error) from None
    import tomllib  # only when there is a file: most runs have none
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _unreadable(path, error) from None
    return Config(**{key: str(value) for key, value in data.items() if key in Config._fields})


def save_config(changes: dict[str, str], path: Path | None = None) -> Config:
    """Write the given settings into the config file, keeping the others; returns the result."""
    import json

    path = path or config_path()
    try:
        current = read_config(path)
    except BookError:
        current = Config()
    updated = current._replace(**changes)
    lines = [f"{name} = {json.dumps(value, ensure_ascii=False)}"
             for name, value in zip(Config._fields, updated) if value]
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(temporary, path)
    return updated
