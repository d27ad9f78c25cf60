"""Folders a front end makes for one session (the TUI's demo book), removed when it ends.

`carnet` leaves with os._exit, which skips atexit: the front end calls
remove_scratch_folders() itself once its book is closed; atexit covers any other way out.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

_MADE: list[Path] = []
"""The folders made and not yet removed, oldest first."""


def scratch_folder(prefix: str) -> Path:
    """A new private (0700) temporary folder, removed by remove_scratch_folders()."""
    if not _MADE:
        atexit.register(remove_scratch_folders)
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    _MADE.append(folder)
    return folder


def remove_scratch_folders() -> None:
    """Delete every folder scratch_folder() made, with what is in it."""
    while _MADE:
        shutil.rmtree(_MADE.pop(), ignore_errors=True)
