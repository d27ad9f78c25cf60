"""Carnet's entry point: `python app.py …` and the `carnet` command run cli/main.py.

Python compiles the script it is given on every run and caches only what it imports: the
command line lives in cli/main.py so that `python app.py` compiles these few lines, not 400
(2 to 5 ms of every command). Its names are importable from here, as they always were.
"""

from __future__ import annotations

from cli.main import (COMMANDS, ENV_DATA, ENV_DEBUG, EXIT_BAD_INPUT, EXIT_FAILURE,  # noqa: F401
                      EXIT_OK, PROG, Command, Parser, build_parser, cmd_tui, fail, iso_date,
                      main, main_entry, resolve, run, version)

if __name__ == "__main__":
    main_entry()
