"""Current versus future state: ``diff(a, b) -> ChartDiff``, keyed by ids.

Pure: no file, terminal or Graphviz access. ``report`` turns a diff into text
lines (with style names a front end maps to colours) or JSON-ready data; the
diagram lives in :mod:`planner.render.diff_view`. The maturity delta needs
:mod:`planner.maturity` and is imported only when asked for.
"""

from .core import PARENT_PATH, diff
from .model import ChartDiff, ElementChange, ElementInfo, FieldChange, Move, Relation, Rename
from .values import ORDERED_CHILDREN, ORDERED_FIELDS

__all__ = [
    "ORDERED_CHILDREN",
    "ORDERED_FIELDS",
    "PARENT_PATH",
    "ChartDiff",
    "ElementChange",
    "ElementInfo",
    "FieldChange",
    "Move",
    "Relation",
    "Rename",
    "diff",
]
