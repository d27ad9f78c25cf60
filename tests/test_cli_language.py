"""The command line in French and in English: messages, help, argparse's words, and `--json`
that stays the same machine contract whatever the language."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_cli import ROOT, TODAY, assert_bad_input

NBSP = "\u00a0"


def run(*args: str, lang: str | None = None, config: str | None = None,
        tmp: Path) -> subprocess.CompletedProcess:
    """`python app.py --today 2026-11-23 ARGS` with CARNET_LANG=`lang` (none: unset) and a
    config file of its own holding `config`."""
    path = tmp / "config.toml"
    path.write_text(config or "", encoding="utf-8")
    environment = {k: v for k, v in os.environ.items()
                   if k not in ("CARNET_DATA", "CARNET_DEBUG", "CARNET_LANG")}
    environment["CARNET_CONFIG"] = str(path)
    if lang is not None:
        environment["CARNET_LANG"] = lang
    return subprocess.run([sys.executable, str(ROOT / "app.py"), "--today", TODAY, *args],
                          capture_output=True, text=True, cwd=ROOT, env=environment, timeout=60)


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("language") / "book"
    made = run("demo", "--data", str(data), lang="en", tmp=data.parent)
    assert made.returncode == 0, made.stderr
    return data


def test_overdue_in_french_has_french_headers_and_title(book, tmp_path):
    result = run("overdue", "--data", str(book), lang="fr", tmp=tmp_path)
    assert result.returncode == 0, result.stderr
    title, _, header = result.stdout.splitlines()[:3]
    assert title.startswith(f"En retard au 23 nov. 2026{NBSP}: 4 commandes")
    assert "Échéance" in header and "Due" not in header
    english = run("overdue", "--data", str(book), lang="en", tmp=tmp_path).stdout
    assert english.startswith("Overdue on 2026-11-23: 4 orders, most late first")


def test_a_bad_date_is_refused_in_french_on_one_line(tmp_path):
    result = run("--today", "2026-13-45", "overdue", lang="fr", tmp=tmp_path)
    assert_bad_input(result, "argument --today", "2026-13-45", "n’est pas une date qui existe")
    english = run("--today", "2026-13-45", "overdue", lang="en", tmp=tmp_path)
    assert_bad_input(english, "argument --today: '2026-13-45' is not a real date")


def test_argparse_speaks_french_too(tmp_path):
    helped = run("--help", lang="fr", tmp=tmp_path)
    assert helped.returncode == 0
    assert helped.stdout.startswith(f"usage{NBSP}: carnet ")
    assert "afficher cette aide et quitter" in helped.stdout
    assert "Fichier de configuration" in helped.stdout
    assert_bad_input(run("overdue", "--bogus", lang="fr", tmp=tmp_path),
                     f"arguments non reconnus{NBSP}: --bogus")
    assert_bad_input(run("export", "pdf", "--out", "x", lang="fr", tmp=tmp_path),
                     "choix invalide")
    assert run("--help", lang="en", tmp=tmp_path).stdout.startswith("usage: carnet ")


@pytest.mark.parametrize("command", [("overdue",), ("clients",), ("orders",), ("dashboard",),
                                     ("followups",), ("loyalty",), ("kaizen",),
                                     ("incident", "show", "2026-015"), ("invoices",),
                                     ("profile", "show")])
def test_json_is_the_same_in_both_languages(book, tmp_path, command):
    outputs = {lang: run(*command, "--json", "--data", str(book), lang=lang, tmp=tmp_path)
               for lang in ("fr", "en", None)}
    for result in outputs.values():
        assert result.returncode == 0, result.stderr
    assert outputs["fr"].stdout == outputs["en"].stdout == outputs[None].stdout


def test_the_language_comes_from_the_config_file_else_the_books_profile(book, tmp_path):
    where = ("overdue", "--data", str(book))
    assert run(*where, tmp=tmp_path).stdout.startswith("En retard au")       # profile: fr
    assert run(*where, config='language = "en"\n', tmp=tmp_path).stdout.startswith("Overdue on")
    assert run(*where, lang="fr", config='language = "en"\n',
               tmp=tmp_path).stdout.startswith("En retard au")                # CARNET_LANG wins


def test_a_broken_config_file_is_one_line_and_exit_2(tmp_path):
    assert_bad_input(run("overdue", config="language = \n", tmp=tmp_path), "config.toml")


def test_the_config_files_book_is_opened_without_data(book, tmp_path):
    result = run("overdue", config=f"book = {str(book)!r}\n", lang="en", tmp=tmp_path)
    assert result.returncode == 0 and result.stdout.startswith("Overdue on 2026-11-23")


def test_a_write_and_an_import_report_in_french(book, tmp_path):
    done = run("pause", "2026-016", "--data", str(book), lang="fr", tmp=tmp_path)
    assert done.stdout.strip() == "2026-016 en pause depuis le 23 nov. 2026, en attente du client"
    sheet = tmp_path / "clients.csv"
    sheet.write_text("nom;ville\nMorel;Tours\n", encoding="utf-8")
    imported = run("import", "csv", str(sheet), "--data", str(tmp_path / "new"), lang="fr",
                   tmp=tmp_path)
    assert imported.returncode == 2
    assert imported.stderr.strip() == ("carnet: il faut une confirmation et il n’y a pas de "
                                       f"terminal pour la demander{NBSP}; relancez avec --yes")
    assert imported.stdout.splitlines() == ["création ligne 2" + NBSP + ": client 'Morel', Tours"]
