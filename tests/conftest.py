"""Every test runs in English with an empty config file of its own, unless it says otherwise."""

from __future__ import annotations

import pytest

from store.i18n import use_language


@pytest.fixture(autouse=True)
def english_and_private_config(monkeypatch, tmp_path_factory):
    """CARNET_LANG=en and a config path nobody else uses, so the user's own config never leaks in."""
    monkeypatch.setenv("CARNET_LANG", "en")
    monkeypatch.setenv("CARNET_CONFIG", str(tmp_path_factory.mktemp("config") / "config.toml"))
    use_language("en")
    yield
    use_language("en")
