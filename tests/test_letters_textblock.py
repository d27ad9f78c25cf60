"""Line breaking of letter text: only at ordinary spaces, never at a no-break space."""

from __future__ import annotations

import pytest

from letters import fonts
from letters.textblock import TextStyle, break_lines

STYLE = TextStyle("regular", 10, 14)
N = "\u202f"
TEXT = f"Objet{N}: la date{N}; vraiment{N}! «{N}acte{N}» 10\u00a0% le 22\u00a0novembre"
WIDEST = max(fonts.width(unit, "regular", 10) for unit in TEXT.split(" "))


@pytest.mark.parametrize("width", range(int(WIDEST) + 1, 200, 3))
def test_a_no_break_space_never_ends_a_line(width):
    text = TEXT
    lines = break_lines(text, STYLE, width)
    assert " ".join(line.text for line in lines) == text
    for line in lines:
        assert line.text[:1] not in (";", ":", "!", "?", "»", "%", N)
        assert not line.text.endswith(("«", N))


def test_a_word_wider_than_the_line_is_cut_between_characters():
    lines = break_lines("x" * 300, STYLE, 100)
    assert len(lines) > 1 and "".join(line.text for line in lines) == "x" * 300
    assert all(line.width <= 100 for line in lines)


def test_line_breaks_are_kept_and_only_paragraph_ends_are_marked_last():
    lines = break_lines("un deux trois quatre cinq six sept\nhuit", STYLE, 90)
    assert [line.last for line in lines] == [False] * (len(lines) - 2) + [True, True]
    assert lines[-1].text == "huit"


def test_a_hanging_indent_narrows_the_lines_after_the_first():
    plain = break_lines("mot " * 40, STYLE, 200)
    hung = break_lines("mot " * 40, TextStyle("regular", 10, 14, hang=60), 200)
    assert len(hung) > len(plain)
    assert all(line.width <= 140 for line in hung[1:])
