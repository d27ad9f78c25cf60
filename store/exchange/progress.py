"""A plain-text progress bar on stderr for long imports and letter batches, on a terminal only."""

from __future__ import annotations

import sys
from typing import TextIO

WIDTH = 30


class ProgressBar:
    """Redraws one line on a terminal; says nothing into a pipe or a file (a log or a script
    reads only what was done)."""

    def __init__(self, label: str, stream: TextIO | None = None):
        self.label = label
        self.stream = stream or sys.stderr
        self.tty = _is_terminal(self.stream)

    def __call__(self, done: int, total: int) -> None:
        if not self.tty:
            return
        filled = done * WIDTH // max(total, 1)
        line = f"{self.label} [{'#' * filled}{'.' * (WIDTH - filled)}] {done}/{total}"
        self.stream.write("\r" + line + ("\n" if done == total else ""))
        self.stream.flush()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
