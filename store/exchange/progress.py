"""A plain-text progress bar on stderr for long imports."""

from __future__ import annotations

import sys
from typing import TextIO

WIDTH = 30


class ProgressBar:
    """Redraws one line on a terminal; prints every tenth otherwise."""

    def __init__(self, label: str, stream: TextIO | None = None):
        self.label = label
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.shown = -1

    def __call__(self, done: int, total: int) -> None:
        tenth = done * 10 // max(total, 1)
        if not self.tty and tenth == self.shown:
            return
        self.shown = tenth
        filled = done * WIDTH // max(total, 1)
        line = f"{self.label} [{'#' * filled}{'.' * (WIDTH - filled)}] {done}/{total}"
        end = "\n" if not self.tty or done == total else ""
        self.stream.write(("\r" if self.tty else "") + line + end)
        self.stream.flush()
