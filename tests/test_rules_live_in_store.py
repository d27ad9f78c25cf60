"""No rule about plans, follow-ups, lateness or letters is computed in the TUI or the command line.

The TUI and the command line ask store/ (and letters/ for wording); a rule written twice
drifts. This test greps the interface code for the shapes such rules take.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INTERFACES = [ROOT / "app.py", *sorted((ROOT / "tui").rglob("*.py")),
              *sorted((ROOT / "cli").rglob("*.py"))]

RULE_SHAPES = {
    r"\.(apologised|fixed|followed_up|feedback_asked|feedback_received|closed)\s+is\s+(not\s+)?None":
        "a recovery plan's progress (store.recovery: pending_step, next_step, reachable)",
    r"getattr\(\s*\w*(incident|plan)\w*\s*,\s*step\s*\)\s+is":
        "a recovery plan's progress (store.recovery)",
    r"\bSTEPS\s*\[": "the order of a plan's steps (store.recovery)",
    r"\.done\s+is\s+(not\s+)?None": "whether a follow-up is open (store.relations)",
    r"\.delivered\s+is\s+(not\s+)?None|\.delivered\s*[<>]": "where the work stands (store)",
    r"\b(today|\w*due\w*)\s*[<>]=?\s*[\w.]*(today|due)\b": "lateness (store.deadlines)",
    r"\(\s*(self\.app\.|app\.|args\.)?today\s*-\s*\w+(\.\w+)*\s*\)\.days": "days late (store.deadlines)",
}


def test_the_interfaces_compute_no_rule():
    found = []
    for path in INTERFACES:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for shape, rule in RULE_SHAPES.items():
                if re.search(shape, line):
                    found.append(f"{path.relative_to(ROOT)}:{number}: {rule}: {line.strip()}")
    assert found == []


def test_the_shapes_catch_a_rule_written_in_a_widget():
    """The patterns above are not blind: each catches the kind of line it is meant for."""
    samples = ["if incident.fixed is None:", "if getattr(incident, step) is None",
               "STEPS[index]", "open = [f for f in fs if f.done is None]",
               "if order.delivered is not None:", "late = today > order.due",
               "days = (today - followup.due).days"]
    assert all(any(re.search(shape, sample) for shape in RULE_SHAPES) for sample in samples)
