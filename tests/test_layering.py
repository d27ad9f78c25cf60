"""store/ and letters/ never import Textual: the core runs without the TUI."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = ("store", "letters")
IMPORT = re.compile(r"^\s*(from|import)\s+textual\b|import_module\(['\"]textual", re.M)


def core_modules() -> list[str]:
    """Every module of store/ and letters/, dotted."""
    names = []
    for package in CORE:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def test_importing_every_core_module_loads_no_textual():
    modules = core_modules()
    assert "store.dashboard" in modules and "store.book" in modules
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_no_core_source_imports_textual():
    offenders = [str(path.relative_to(ROOT))
                 for package in CORE for path in (ROOT / package).rglob("*.py")
                 if IMPORT.search(path.read_text(encoding="utf-8"))]
    assert offenders == []
