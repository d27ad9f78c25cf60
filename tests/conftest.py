"""Every test runs in English with an empty config file of its own, unless it says otherwise.

The environment is set on import too, so module-scoped fixtures (a demo book built once for
a whole file) see it before the per-test fixture runs.
"""

from __future__ import annotations

import atexit
import gc
import os
import shutil
import tempfile

import pytest

from store.i18n import DOMAIN, LANGUAGES, LOCALE_DIR, compile_po, use_language

os.environ["CARNET_LANG"] = "en"
_CONFIG_DIR = tempfile.mkdtemp(prefix="carnet-config-")
os.environ["CARNET_CONFIG"] = os.path.join(_CONFIG_DIR, "config.toml")
atexit.register(shutil.rmtree, _CONFIG_DIR, ignore_errors=True)


def pytest_configure(config):
    """Before any xdist worker starts: files kept whole, a stale .mo compiled as make does."""
    if hasattr(config, "workerinput"):
        return
    if config.getoption("dist", "no") == "load" and not any(
            arg.startswith(("--dist", "-d")) for arg in config.invocation_params.args):
        # -n alone: a file's tests on one worker, so a module's fixture is built once and a
        # story's steps (test_cli_story) never run apart from the ones before them.
        config.option.dist = "loadfile"
    # Without it every switch to French, here and in each `carnet` run, compiles the .po.
    for lang in LANGUAGES:
        po = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
        mo = po.with_suffix(".mo")
        if po.exists() and (not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime):
            fresh = mo.with_name(f".{mo.name}.{os.getpid()}")
            fresh.write_bytes(compile_po(po))
            os.replace(fresh, mo)


@pytest.fixture(autouse=True)
def suite_frozen():
    """What the suite holds is frozen during each test, as if the test ran in a fresh process."""
    # Carnet collects before loading a book (cli.memory): else it walks the whole suite (0.3 s).
    gc.freeze()
    yield
    gc.unfreeze()


@pytest.fixture(autouse=True)
def english_and_private_config(monkeypatch, tmp_path_factory):
    """CARNET_LANG=en and a config path nobody else uses, so the user's own config never leaks in."""
    monkeypatch.setenv("CARNET_LANG", "en")
    monkeypatch.setenv("CARNET_CONFIG", str(tmp_path_factory.mktemp("config") / "config.toml"))
    use_language("en")
    yield
    use_language("en")
