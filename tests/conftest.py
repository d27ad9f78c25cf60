"""Every test runs in English with an empty config file of its own, unless it says otherwise.

The environment is set on import too, so module-scoped fixtures (a demo book built once for
a whole file) see it before the per-test fixture runs.
"""

from __future__ import annotations

import os
import tempfile

import pytest

from store.i18n import use_language

os.environ["CARNET_LANG"] = "en"
os.environ["CARNET_CONFIG"] = os.path.join(tempfile.mkdtemp(prefix="carnet-config-"),
                                           "config.toml")


@pytest.fixture(autouse=True)
def english_and_private_config(monkeypatch, tmp_path_factory):
    """CARNET_LANG=en and a config path nobody else uses, so the user's own config never leaks in."""
    monkeypatch.setenv("CARNET_LANG", "en")
    monkeypatch.setenv("CARNET_CONFIG", str(tmp_path_factory.mktemp("config") / "config.toml"))
    use_language("en")
    yield
    use_language("en")
