"""Placing problems found after loading (an answer outside its answer set) at their line and column.

The assessment finds some mistakes only once a model is chosen: an answer label its
criterion's answer set does not hold. The core reports them with their place in the
document (``("answers", KEY, "answer")``); this reads the file again, with
positions, only when there is such a problem to report.
"""

from __future__ import annotations

import os

from ..errors import Problem
from .charts import place_problems, read_text
from .located import parse_located


def locate_in_file(path: str | os.PathLike, problems: list[Problem]) -> list[Problem]:
    """``problems`` with the file's path, line and column filled in, in file order."""
    if not problems:
        return []
    text = read_text(path)
    return place_problems(problems, lambda: parse_located(text), str(path), text)


__all__ = ["locate_in_file"]
