"""The language of one command-line run, chosen before any message is printed."""

from __future__ import annotations

from store.config import read_config
from store.i18n import LANGUAGES, choose_language, env_language, use_language

from .parser_words import speak_argparse


def choose_run_language(argv: list[str]) -> tuple[bool, str]:
    """Put the run's language in force; returns (chosen for good, the config file's book).

    --json is always English (a machine contract); else CARNET_LANG, else the config file;
    when neither says, the book's profile decides once it is open
    (store.exchange.cli_args.follow_profile). A broken config file raises CarnetError.
    """
    speak_argparse()
    config = read_config()
    if "--json" in argv:
        use_language("en")
        return True, config.book
    use_language(choose_language(config.language))
    return bool(env_language()) or config.language in LANGUAGES, config.book
