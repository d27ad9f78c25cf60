"""Carnet installed as a command: a wheel of the clone in a fresh venv, run from outside the clone."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path
from typing import NamedTuple

import pytest

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2026-12-01"
LEFT_OUT = shutil.ignore_patterns(".git", ".venv", "build", "dist", "tests", "benchmarks", "docs",
                                  "demo-book", "scratch-book", "__pycache__", ".pytest_cache",
                                  ".hypothesis", "*.egg-info", "*.mo", "*.pyc")
"""What a build never needs; the compiled catalogs too, so the build must make them."""

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="venv layout and shell scripts")


class Installed(NamedTuple):
    """The fresh venv with Carnet installed, and a folder outside the clone to run it from."""

    bin: Path
    site: Path
    home: Path
    env: dict[str, str]

    def run(self, *args: str, lang: str = "en", check: bool = True) -> subprocess.CompletedProcess:
        """`carnet ARGS` as a user runs it: the installed script, from a folder of its own."""
        result = subprocess.run([str(self.bin / "carnet"), *args], capture_output=True, text=True,
                                cwd=self.home, env=self.env | {"CARNET_LANG": lang}, timeout=120)
        if check:
            assert result.returncode == 0, result.stderr
            assert "Traceback" not in result.stderr
        return result

    def python(self, code: str) -> str:
        """What the installed copy's Python prints running `code`."""
        result = subprocess.run([str(self.bin / "python"), "-c", code], capture_output=True,
                                text=True, cwd=self.home, env=self.env, timeout=120)
        assert result.returncode == 0, result.stderr
        return result.stdout


def quiet(command: list[str], cwd: Path) -> None:
    """Run a build step; its output only when it fails."""
    result = subprocess.run(command, capture_output=True, text=True, cwd=cwd, timeout=300)
    assert result.returncode == 0, f"{' '.join(command)}\n{result.stdout}\n{result.stderr}"


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Installed:
    """Build a wheel of a copy of the clone, install it alone (--no-deps) into a new venv.

    No network: the build reuses this venv's setuptools and Babel (--no-build-isolation), and
    the new venv finds the dependencies through a .pth naming this venv's site-packages."""
    tmp = tmp_path_factory.mktemp("install")
    source, wheels, venv, home = tmp / "clone", tmp / "wheels", tmp / "venv", tmp / "home"
    shutil.copytree(ROOT, source, ignore=LEFT_OUT)
    quiet([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
           "--no-index", "--wheel-dir", str(wheels), str(source)], tmp)
    (wheel,) = wheels.glob("carnet-*.whl")
    quiet([sys.executable, "-m", "venv", "--without-pip", str(venv)], tmp)
    python = venv / "bin" / "python"
    site = Path(subprocess.check_output(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        text=True).strip())
    ours = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    (site / "carnet-dependencies.pth").write_text("\n".join(sorted(ours)) + "\n")
    quiet([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
           "--no-deps", "--no-index", str(wheel)], tmp)
    home.mkdir()
    env = {key: value for key, value in os.environ.items()
           if key not in ("CARNET_DATA", "CARNET_DEBUG", "PYTHONPATH", "VIRTUAL_ENV")}
    env |= {"CARNET_CONFIG": str(tmp / "config.toml"), "HOME": str(home), "NO_COLOR": "1"}
    return Installed(venv / "bin", site, home, env)


@pytest.fixture(scope="module")
def book(installed) -> Path:
    data = installed.home / "book"
    installed.run("demo", "--data", str(data), "--today", TODAY)
    return data


def test_the_command_runs_the_installed_copy_not_the_clone(installed):
    where = installed.python("import app, cli, letters, store, tui\n"
                             "for m in (app, cli, letters, store, tui): print(m.__file__)")
    for line in where.splitlines():
        assert Path(line).is_relative_to(installed.site), line
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert installed.run("--version").stdout.strip() == f"carnet {version}"


def test_every_file_read_at_run_time_is_installed(installed):
    for name in ("tui/carnet.tcss", "tui/dialogs.tcss", "letters/templates/apology.fr.j2",
                 "letters/templates/apology.en.j2", "letters/fonts/EBGaramond-Regular.ttf",
                 "letters/fonts/DejaVuSans.ttf", "store/locale/fr/LC_MESSAGES/carnet.po",
                 "store/locale/fr/LC_MESSAGES/carnet.mo"):
        assert (installed.site / name).is_file(), name
    shipped = {p.relative_to(ROOT) for p in (ROOT / "letters").glob("*/*") if p.is_file()}
    shipped |= {p.relative_to(ROOT) for p in (ROOT / "tui").rglob("*.t*ss")}
    shipped |= {p.relative_to(ROOT) for p in (ROOT / "tui").glob("keymaps/*.toml")}
    missing = sorted(str(p) for p in shipped if not (installed.site / p).is_file())
    assert not missing


def test_demo_overdue_and_an_apology_letter_from_outside_the_clone(installed, book):
    listing = installed.run("overdue", "--data", str(book), "--today", TODAY).stdout
    rows = json.loads(installed.run("overdue", "--json", "--data", str(book),
                                    "--today", TODAY).stdout)
    assert rows and all(row["ref"] in listing for row in rows)
    printed = installed.run("letter", "apology", rows[0]["ref"], "--new-date", "+7",
                            "--data", str(book), "--today", TODAY).stdout.strip()
    pdf = Path(printed.splitlines()[-1])
    pdf = pdf if pdf.is_absolute() else installed.home / pdf
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")


def test_the_compiled_french_catalog_is_installed_and_used(installed, book):
    from babel.messages.pofile import read_po

    with (installed.site / "store/locale/fr/LC_MESSAGES/carnet.po").open("rb") as po:
        entries = [(m.id, m.string) for m in read_po(po) if m.id and isinstance(m.id, str)
                   and m.string and not m.fuzzy]
    # The .mo is current: loading French never falls back to compiling the .po.
    msgid, msgstr = entries[0] if entries else ("Carnet", "Carnet")
    said = installed.python(
        "from store import i18n\n"
        "def refuse(po): raise AssertionError('the .po was compiled: the .mo is stale')\n"
        "i18n.compile_po = refuse\n"
        "french = i18n.catalog('fr')\n"
        f"print(type(french).__name__, french.gettext({msgid!r}), sep='\\n')")
    assert said.splitlines() == ["GNUTranslations", *msgstr.splitlines()]
    english = installed.run("overdue", "--data", str(book), "--today", TODAY).stdout
    french = installed.run("overdue", "--data", str(book), "--today", TODAY, lang="fr").stdout
    heading = translated(english.splitlines()[0], entries)
    if heading:
        assert heading in french.splitlines()[0]


def translated(line: str, entries: list[tuple[str, str]]) -> str | None:
    """The longest fixed words of the French of the msgid `line` is written from, if any.

    Of the msgids whose pattern matches the line, the one with the most fixed text wins."""
    best, words = 0, None
    for msgid, msgstr in entries:
        parts = re.split(r"(\{[^{}]*\})", msgid)
        pattern = "".join(".+?" if part.startswith("{") else re.escape(part) for part in parts)
        fixed = len(re.sub(r"\{[^{}]*\}", "", msgid).strip())
        if fixed > best and re.fullmatch(pattern, line):
            best = fixed
            words = max((part.strip() for part in re.split(r"\{[^{}]*\}", msgstr)), key=len)
    return words or None


def test_the_terminal_ui_starts_from_the_installed_copy(installed, book):
    said = installed.python(
        "import asyncio\nfrom datetime import date\nfrom tui.app import CarnetApp\n"
        "async def main():\n"
        f"    app = CarnetApp(data_dir={str(book)!r}, today=date.fromisoformat({TODAY!r}))\n"
        "    async with app.run_test(size=(120, 40)) as pilot:\n"
        "        await pilot.pause()\n"
        "        print(type(app.screen).__name__, len(app.stylesheet.rules) > 0)\n"
        "asyncio.run(main())\n")
    assert said.split() == ["DashboardScreen", "True"]


@pytest.mark.skipif(not shutil.which("script") or not shutil.which("timeout"),
                    reason="needs script(1) for a terminal and timeout(1)")
def test_the_carnet_command_opens_the_terminal_ui(installed, book):
    """`carnet --data X` in a terminal (a pty): still running after 5 s, nothing reported."""
    command = f"timeout 5 {installed.bin / 'carnet'} --data {book} --today {TODAY}"
    result = subprocess.run(["script", "-qec", command, "/dev/null"], capture_output=True,
                            cwd=installed.home, env=installed.env | {"TERM": "xterm-256color"},
                            timeout=60, stdin=subprocess.DEVNULL)
    assert result.returncode == 124, result.stdout[-2000:]
    assert b"Traceback" not in result.stdout and b"unexpected error" not in result.stdout


def test_completion_scripts_for_bash_and_zsh(installed):
    bash = installed.run("completion", "bash").stdout
    script = installed.home / "carnet.bash"
    script.write_text(bash)
    if shutil.which("bash"):
        said = subprocess.run(["bash", "-c", f"source {script} && complete -p carnet"],
                              capture_output=True, text=True, timeout=30)
        assert said.returncode == 0 and "carnet" in said.stdout, said.stderr
    assert "overdue" in bash and "_shtab_compgen_dirs" in bash
    zsh = installed.run("completion", "zsh").stdout
    assert zsh.startswith("#compdef carnet") and "overdue" in zsh
    if shutil.which("zsh"):
        (installed.home / "_carnet").write_text(zsh)
        said = subprocess.run(["zsh", "-n", str(installed.home / "_carnet")],
                              capture_output=True, text=True, timeout=30)
        assert said.returncode == 0, said.stderr
    refused = installed.run("completion", "fish", check=False)
    assert refused.returncode == 2 and refused.stderr.startswith("carnet: ")
