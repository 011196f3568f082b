"""The report's line wrapper must give textwrap's lines, whichever road it takes.

:func:`planner.maturity.report_structure.wrap` lays out plain text (single spaces,
no word longer than a line) itself, for speed, and hands everything else to
:func:`textwrap.wrap`; both roads are compared here with textwrap on random text
that hits each: long words, double spaces, tabs and newlines, non-breaking and
other Unicode spaces, edges of the width, indents as long as the line.
"""

from __future__ import annotations

import random
import textwrap

from planner.maturity.report_structure import _fill, wrap

PIECES = ["a", "of", "data", "capability", "x" * 9, "y" * 40, "z" * 130, "\u00a0", "é☕", "-", "a-b-c"]
SPACES = [" "] * 12 + ["  ", "\t", "\n", "\u2003"]


def _text(rng: random.Random) -> str:
    words = [rng.choice(PIECES) for _ in range(rng.randint(0, 40))]
    text = "".join(w + rng.choice(SPACES) for w in words)
    return text if rng.random() < 0.5 else text.strip(" ")


def _textwrap(text: str, width: int, first: str, rest: str) -> list[str]:
    if len(text) > 20 * width:
        text = text[: 20 * width - 3] + "..."
    return textwrap.wrap(text, width, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False)


def test_wrap_gives_textwraps_lines():
    for seed in range(400):
        rng = random.Random(seed)
        text, width = _text(rng), rng.choice([100, 100, 40, 12, 6])
        first, rest = rng.choice(["", "   ", "    "]), rng.choice(["", "      ", " " * 5])
        assert wrap(text, width, first, rest) == _textwrap(text, width, first, rest), f"seed {seed}"


def test_the_plain_text_road_is_textwrap_where_it_is_taken():
    for seed in range(200):
        rng = random.Random(seed)
        width = rng.randint(8, 60)
        first, rest = " " * rng.randint(0, 4), " " * rng.randint(0, 6)
        longest = width - max(len(first), len(rest))
        words = ["w" * rng.randint(1, longest) for _ in range(rng.randint(1, 30))]
        text = " ".join(words)
        assert _fill(words, width, first, rest) == _textwrap(text, width, first, rest), f"seed {seed}"
        assert wrap(text, width, first, rest) == _textwrap(text, width, first, rest), f"seed {seed}"


def test_no_width_keeps_one_line():
    assert wrap("a  b " * 50, None, "- ", "  ") == ["- " + "a  b " * 50]
