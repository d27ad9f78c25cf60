"""`carnet completion bash|zsh`: the shell's completion script, generated from the argparse parser."""

from __future__ import annotations

import argparse

from store.i18n import _

SHELLS = ("bash", "zsh")
"""The shells a script is generated for (shtab writes both from the same parser)."""

DIRECTORY_METAVARS = {"DIR"}
FILE_METAVARS = {"FILE", "PATH"}
FILE_DESTS = {"out", "file", "signature_image"}
"""Arguments completed with a directory or a file name, told by their metavar or name."""


def completion_arguments(parser: argparse.ArgumentParser,
                         common: argparse.ArgumentParser | None = None) -> None:
    """The shell named (the common options need no second copy: the command takes none)."""
    parser.add_argument("shell", choices=SHELLS, help=_("the shell to write the script for"))


def script(parser: argparse.ArgumentParser, shell: str) -> str:
    """The completion script of `parser` for `shell`, paths completed where arguments take one."""
    import shtab

    for action in walk(parser):
        metavar = action.metavar if isinstance(action.metavar, str) else ""
        if metavar in DIRECTORY_METAVARS:
            action.complete = shtab.DIRECTORY
        elif metavar in FILE_METAVARS or action.dest in FILE_DESTS:
            action.complete = shtab.FILE
    return shtab.complete(parser, shell=shell)


def walk(parser: argparse.ArgumentParser, seen: set[int] | None = None):
    """Every action of the parser and of its sub-commands' parsers, each parser once."""
    seen = set() if seen is None else seen
    if id(parser) in seen:
        return
    seen.add(id(parser))
    for action in parser._actions:
        yield action
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from walk(sub, seen)
