"""The interface's language: which one is chosen, catalogs compiled or not, the config file."""

from __future__ import annotations

import os

import pytest

from store import i18n
from store.config import Config, read_config, save_config
from store.errors import BookError
from store.i18n import _, choose_language, ngettext, use_language


def write_catalog(folder, entries: str) -> None:
    target = folder / "fr" / "LC_MESSAGES"
    target.mkdir(parents=True)
    (target / "carnet.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n' + entries, encoding="utf-8")


@pytest.fixture
def catalog_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    write_catalog(tmp_path, 'msgid "Overdue"\nmsgstr "En retard"\n\n'
                            'msgid "{count} order"\nmsgid_plural "{count} orders"\n'
                            'msgstr[0] "{count} commande"\nmsgstr[1] "{count} commandes"\n')
    return tmp_path


def test_french_comes_from_the_po_file_when_nothing_is_compiled(catalog_dir):
    use_language("fr")
    assert _("Overdue") == "En retard"
    assert _("Not in the catalog") == "Not in the catalog"


def test_french_plural_puts_zero_and_one_in_the_singular(catalog_dir):
    use_language("fr")
    assert [ngettext("{count} order", "{count} orders", n).format(count=n) for n in (0, 1, 2)] \
        == ["0 commande", "1 commande", "2 commandes"]


def test_a_compiled_catalog_older_than_its_po_is_not_used(catalog_dir):
    folder = catalog_dir / "fr" / "LC_MESSAGES"
    stale = i18n.compile_po(folder / "carnet.po")
    changed = (folder / "carnet.po").read_text(encoding="utf-8").replace(
        "En retard", "En souffrance")
    (folder / "carnet.mo").write_bytes(stale)

    os.utime(folder / "carnet.mo", (1, 1))
    (folder / "carnet.po").write_text(changed, encoding="utf-8")
    use_language("fr")
    assert _("Overdue") == "En souffrance"


def test_english_is_the_code_itself():
    use_language("en")
    assert _("Overdue") == "Overdue"
    assert ngettext("{count} order", "{count} orders", 0) == "{count} orders"


def test_the_pseudo_language_changes_letters_but_not_fields_or_markup():
    use_language(i18n.PSEUDO)
    marked = _("[b]{count}[/b] orders late: %s")
    assert marked.startswith("[b]{count}[/b] ")
    assert marked.endswith(": %s")
    assert "orders" not in marked and "late" not in marked


def test_carnet_lang_wins_then_the_config_then_the_profile_then_french(monkeypatch):
    monkeypatch.setenv("CARNET_LANG", "fr")
    assert choose_language("en", "en") == "fr"
    monkeypatch.delenv("CARNET_LANG")
    assert choose_language("en", "fr") == "en"
    assert choose_language("", "en") == "en"
    assert choose_language(None, None) == "fr"
    monkeypatch.setenv("CARNET_LANG", "klingon")
    assert choose_language(None, "en") == "en"


def test_an_unknown_language_falls_back_to_french():
    assert use_language("de") == "fr"


def test_the_config_file_keeps_what_it_is_not_told_to_change(tmp_path):
    path = tmp_path / "carnet" / "config.toml"
    assert read_config(path) == Config()
    save_config({"language": "en"}, path)
    save_config({"theme": "nord", "book": "~/Mon carnet « été »"}, path)
    assert read_config(path) == Config(language="en", theme="nord", book="~/Mon carnet « été »")


def test_a_broken_config_file_is_refused_with_its_name(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("language = \n", encoding="utf-8")
    with pytest.raises(BookError, match="config.toml"):
        read_config(path)
