"""Right-to-left words inside a left-to-right letter: Arabic joining and visual order.

ReportLab draws characters left to right as stored. A Hebrew or Arabic name
must be drawn reversed (by clusters, numbers kept in reading order), and
Arabic letters take their joined forms from the Presentation Forms block.
This covers names and short phrases, not full bidirectional paragraphs.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .fonts import clusters

_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
                  "\U00010800-\U00010fff\U0001e800-\U0001efff]")
_ARABIC = re.compile("[\u0600-\u06ff]")
LAM = "\u0644"
ZWJ, TATWEEL = "\u200d", "\u0640"
MIRRORS = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹"))


@lru_cache(maxsize=1)
def _forms() -> tuple[dict[str, dict[str, str]], dict[tuple[str, str], dict[str, str]]]:
    """Letter → {form: presentation form}, (lam, alef) → {form: ligature}, from Unicode data."""
    letters: dict[str, dict[str, str]] = {}
    ligatures: dict[tuple[str, str], dict[str, str]] = {}
    for code in range(0xFE70, 0xFEFD):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) < 2 or not parts[0].startswith("<"):
            continue
        form, bases = parts[0].strip("<>"), tuple(chr(int(p, 16)) for p in parts[1:])
        if len(bases) == 1:
            letters.setdefault(bases[0], {})[form] = chr(code)
        elif len(bases) == 2 and bases[0] == LAM:
            ligatures.setdefault(bases, {})[form] = chr(code)
    return letters, ligatures


def _joining(char: str) -> str:
    """'D' dual-joining, 'R' right-joining, 'T' transparent, 'U' non-joining."""
    if char in (ZWJ, TATWEEL):
        return "D"
    if unicodedata.combining(char):
        return "T"
    forms = _forms()[0].get(char, {})
    if "initial" in forms or "medial" in forms:
        return "D"
    return "R" if "final" in forms else "U"


def _neighbour(text: str, i: int, step: int) -> str:
    i += step
    while 0 <= i < len(text) and _joining(text[i]) == "T":
        i += step
    return _joining(text[i]) if 0 <= i < len(text) else "U"


def shape(text: str) -> str:
    """Give Arabic letters their initial, medial, final or isolated forms (logical order kept)."""
    if not _ARABIC.search(text):
        return text
    letters, ligatures = _forms()
    out, i = [], 0
    while i < len(text):
        char, kind = text[i], _joining(text[i])
        before = kind in "DR" and _neighbour(text, i, -1) == "D"
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if char == LAM and (LAM, nxt) in ligatures:
            out.append(ligatures[(LAM, nxt)]["final" if before else "isolated"])
            i += 2
            continue
        after = kind == "D" and _neighbour(text, i, 1) in "DR"
        form = {(True, True): "medial", (True, False): "final",
                (False, True): "initial"}.get((before, after), "isolated")
        forms = letters.get(char, {})
        out.append(forms.get(form) or forms.get("isolated") or char)
        i += 1
    return "".join(out)


def _direction(cluster: str) -> str:
    kind = unicodedata.bidirectional(cluster[0])
    if kind in ("R", "AL"):
        return "R"
    if kind in ("EN", "AN"):
        return "N"
    return "L" if kind == "L" else "-"


def _reverse_run(run: list[str]) -> list[str]:
    """Reverse a right-to-left run, keeping each number's digits in reading order."""
    groups: list[list[str]] = []
    for cluster in run:
        number = _direction(cluster) == "N"
        if number and groups and _direction(groups[-1][-1]) == "N":
            groups[-1].append(cluster)
        else:
            groups.append([cluster])
    out = []
    for group in reversed(groups):
        out += group if _direction(group[0]) == "N" else [MIRRORS.get(c, c) for c in group]
    return out


def visual(line: str) -> str:
    """The order in which to draw one left-to-right line holding right-to-left words."""
    if not _RTL.search(line):
        return line
    parts, out, run = clusters(line), [], []
    for cluster in parts:
        direction = _direction(cluster)
        if direction == "R" or (run and direction != "L"):
            run.append(cluster)
            continue
        out += _flush(run)
        run = []
        out.append(cluster)
    out += _flush(run)
    return "".join(out)


def _flush(run: list[str]) -> list[str]:
    """A run ends at its last right-to-left letter or number; trailing spaces and marks stay out."""
    end = len(run)
    while end and _direction(run[end - 1]) not in ("R", "N"):
        end -= 1
    return _reverse_run(run[:end]) + run[end:]
