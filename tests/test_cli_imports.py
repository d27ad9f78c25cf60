"""The command line's read paths import only what they use, and the cheaper forms behind that
(dates without Babel, the catalog read as asked, the config path without platformdirs, the
records' shared == and repr) give exactly what the libraries they replace give."""

from __future__ import annotations

import gettext
import io
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from store import formats, i18n
from store.config import config_path, linux_config_home
from store.mofile import translations

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2026-11-23"
READS = ("overdue", "clients", "orders", "dashboard", "followups")
NEVER = ("textual", "rich", "reportlab", "jinja2", "babel", "letters", "tui", "pyphen",
         "phonenumbers", "stdnum", "facturx", "segno", "shtab")
"""Packages no read command needs: the TUI, the letters and their libraries, Babel."""
NOT_FOR = {
    "overdue": ("orjson", "tinydb", "typing", "shutil", "store.history",
                "store.money_records", "store.loyalty", "store.dates", "store.dashboard"),
    "orders": ("tinydb", "store.history", "store.money_records", "store.loyalty",
               "store.dashboard"),
    "clients": ("tinydb", "store.money_records", "store.dashboard"),
    "followups": ("tinydb", "store.dashboard", "store.receipts", "store.money_records"),
    "dashboard": (),
}
"""What each read command leaves alone besides NEVER (overdue reads only the open view)."""


def imported(*args: str, data: Path, lang: str, home: Path) -> set[str]:
    """Every module `python app.py ARGS` imports, read from `python -X importtime`."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("CARNET_DATA", "CARNET_CONFIG", "XDG_CONFIG_HOME")}
    env.update(CARNET_LANG=lang, HOME=str(home))
    result = subprocess.run(
        [sys.executable, "-X", "importtime", str(ROOT / "app.py"), *args, "--data", str(data),
         "--today", TODAY], capture_output=True, text=True, cwd=ROOT, env=env, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    return {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()
            if line.startswith("import time:") and "imported package" not in line}


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("imports") / "book"
    env = dict(os.environ, CARNET_LANG="en")
    subprocess.run([sys.executable, str(ROOT / "app.py"), "demo", "--data", str(data),
                    "--today", TODAY], check=True, capture_output=True, cwd=ROOT, env=env)
    assert (data / "book.open.json").is_file()
    return data


def within(modules: set[str], names) -> set[str]:
    """The modules that are one of `names` or inside one of them."""
    return {m for m in modules for name in names if m == name or m.startswith(name + ".")}


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("command", READS)
@pytest.mark.parametrize("as_json", [False, True], ids=["table", "json"])
def test_a_read_command_imports_only_what_it_uses(book, tmp_path, command, lang, as_json):
    args = (command, "--json") if as_json else (command,)
    modules = imported(*args, data=book, lang=lang, home=tmp_path)
    assert "store.book" in modules
    assert within(modules, NEVER) == set()
    assert within(modules, NOT_FOR[command]) == set()
    exchange = within(modules, ("store.exchange",)) - {"store.exchange", "store.exchange.cli_args"}
    assert exchange == set(), "only the exchange's argparse helpers"
    if sys.platform == "linux":
        assert within(modules, ("platformdirs",)) == set()


def test_overdue_builds_only_the_records_it_reads(book, tmp_path):
    modules = imported("overdue", data=book, lang="fr", home=tmp_path)
    assert {"store.models", "store.deadlines", "store.openview"} <= modules
    assert within(modules, ("cli.arguments", "store.recovery", "tinydb", "orjson")) == set()


def test_the_medium_date_is_babels_in_both_languages():
    from babel.dates import format_date

    days = [date(1, 1, 1), date(9, 9, 9), date(999, 12, 31), date(9999, 12, 31)]
    days += [date(2026, 1, 1) + timedelta(days=n) for n in range(0, 800, 11)]
    for lang, locale in (("fr", "fr_FR"), ("en", "en_GB"), (i18n.PSEUDO, "en_GB")):
        i18n.use_language(lang)
        assert [formats.day(d) for d in days] == [format_date(d, format="medium", locale=locale)
                                                  for d in days]


def test_the_french_catalog_reads_as_gettext_parses_it_whole():
    mo = (i18n.LOCALE_DIR / "fr" / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo").read_bytes()
    whole, lazy = gettext.GNUTranslations(io.BytesIO(mo)), translations(mo)
    assert type(lazy) is gettext.GNUTranslations and lazy._info == whole._info
    keys = list(whole._catalog)
    assert len(keys) > 1000
    for key in keys:
        if isinstance(key, tuple):
            for n in range(4):
                assert lazy.ngettext(key[0], "other", n) == whole.ngettext(key[0], "other", n)
            assert lazy.gettext(key[0]) == whole.gettext(key[0])
        else:
            assert lazy.gettext(key) == whole.gettext(key)
    for missing in ("Not a message", "Overdu", "Overdue ", "zzz", "\x00"):
        assert lazy.gettext(missing) == whole.gettext(missing) == missing
    assert lazy.ngettext("no such", "no such things", 2) == "no such things"


def test_a_catalog_without_a_header_is_read_by_gettext_itself():
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    catalog = Catalog(locale="fr")
    catalog.add("Overdue", "En retard")
    out = io.BytesIO()
    write_mo(out, catalog)
    assert translations(out.getvalue()).gettext("Overdue") == "En retard"
    with pytest.raises(OSError):
        translations(b"not a catalog at all, not even close")


@pytest.mark.parametrize("environment", [
    {}, {"XDG_CONFIG_HOME": "/tmp/carnet-xdg"}, {"XDG_CONFIG_HOME": "relative/dir"},
    {"XDG_CONFIG_HOME": ""}, {"HOME": "/home/someone/"}, {"HOME": "/"}, {"HOME": "relative"},
    {"HOME": None},
])
def test_the_config_path_is_the_one_platformdirs_gives(monkeypatch, environment):
    from platformdirs import user_config_dir

    monkeypatch.delenv("CARNET_CONFIG")
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    for name, value in environment.items():
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    assert str(config_path()) == str(Path(user_config_dir("carnet", appauthor=False))
                                     / "config.toml")
    if sys.platform == "linux" and os.path.isabs(os.environ.get("HOME", "")):
        assert linux_config_home() is not None


def test_the_history_and_money_records_are_built_when_first_asked_for():
    script = (
        "import sys\n"
        "from store.models import TABLE_MODELS\n"
        "late = ('store.history', 'store.money_records')\n"
        "print(*[m in sys.modules for m in late])\n"
        "TABLE_MODELS['orders']; print(*[m in sys.modules for m in late])\n"
        "TABLE_MODELS['letters']; print(*[m in sys.modules for m in late])\n"
        "from store.models import Interaction\n"
        "print(Interaction.__name__, list(TABLE_MODELS) == list(dict(TABLE_MODELS)))\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            cwd=ROOT, timeout=60)
    assert result.stdout.splitlines() == ["False False", "False False", "True False",
                                          "Interaction True"], result.stderr


def test_the_table_models_are_every_record_in_export_order():
    from store import models
    from store.history import HISTORY_TABLES
    from store.money_records import MONEY_TABLES

    every = {"clients": models.Client, "orders": models.Order, **HISTORY_TABLES, **MONEY_TABLES}
    assert dict(models.TABLE_MODELS) == every and list(models.TABLE_MODELS) == list(every)
    assert "profile" not in models.TABLE_MODELS and len(models.TABLE_MODELS) == len(every)
    with pytest.raises(KeyError):
        models.TABLE_MODELS["profile"]
    assert models.Lesson is HISTORY_TABLES["lessons"]


def test_records_compare_and_show_as_dataclasses_do():
    from store.models import Client, Pause
    from store.money_records import Line

    pause = Pause(date(2026, 1, 2))
    assert repr(pause) == "Pause(start=datetime.date(2026, 1, 2), end=None, reason='')"
    assert pause == Pause(date(2026, 1, 2)) and pause != Pause(date(2026, 1, 3))
    assert (pause == (date(2026, 1, 2), None, "")) is False
    assert Client(id=3, last_name="Ozu") == Client(id=3, last_name="Ozu") != Client(id=4)
    assert repr(Line("Transcription")).startswith("Line(description='Transcription', quantity=")
    with pytest.raises(TypeError):
        hash(Client())


def test_sub_commands_get_their_arguments_when_used(book, tmp_path):
    env = dict(os.environ, CARNET_LANG="en", COLUMNS="100")
    run = [sys.executable, str(ROOT / "app.py")]
    step = subprocess.run([*run, "incident", "step", "--help"], capture_output=True, text=True,
                          cwd=ROOT, env=env)
    assert step.returncode == 0 and "feedback_received" in step.stdout and "--note" in step.stdout
    main = subprocess.run([*run, "--help"], capture_output=True, text=True, cwd=ROOT, env=env)
    assert "followups" in main.stdout and "Config file:" in main.stdout
    script = subprocess.run([*run, "completion", "bash"], capture_output=True, text=True,
                            cwd=ROOT, env=env)
    assert "--skip-bad-rows" in script.stdout and "--signature-image" in script.stdout


def test_app_py_is_a_small_script_over_the_command_line_module():
    import app
    from cli import main

    assert (app.main, app.build_parser, app.resolve, app.cmd_tui) == (
        main.main, main.build_parser, main.resolve, main.cmd_tui)
    source = (ROOT / "app.py").read_text(encoding="utf-8")
    assert "def " not in source and "class " not in source and len(source.splitlines()) < 30


def test_a_command_line_start_collects_rarely_until_its_book_is_loaded():
    import gc

    from cli import memory

    before = gc.get_threshold()
    try:
        memory.quiet_start()
        assert gc.get_threshold()[0] == memory.START_THRESHOLD
        with memory.book_loading(collect=False):
            pass
        assert gc.get_threshold() == before and gc.isenabled()
        memory.usual_pace()
        assert gc.get_threshold() == before
    finally:
        gc.set_threshold(*before)
