"""Tables as plain data: what a spreadsheet sheet holds, independent of the file format.

The core builds :class:`Sheet` objects (the RACI matrix, an assessment, a
roadmap, a diff); :mod:`planner.store.xlsx` turns them into worksheets. Keeping
the colours here as hex strings lets the Excel cells match the diagrams'
palette (:mod:`planner.render.theme`) without the store knowing about levels.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Cell:
    """A value with an optional fill (``#rrggbb``), font colour and bold flag."""

    value: Any
    fill: str | None = None
    font: str | None = None
    bold: bool = False


@dataclass
class Sheet:
    """One worksheet: a title (31 characters at most in Excel), a header row, data rows.

    ``freeze`` is the number of leading columns kept in view when scrolling
    sideways (the header row is always frozen). ``widths`` overrides column
    widths by index; the others are sized to their content.
    """

    title: str
    header: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    freeze: int = 1
    widths: dict[int, float] = field(default_factory=dict)


def sheet_title(text: str, taken: set[str]) -> str:
    """An Excel-safe, unique sheet title: no ``[]:*?/\\``, at most 31 characters."""
    clean = "".join(" " if ch in "[]:*?/\\" else ch for ch in text).strip() or "Sheet"
    title, n = clean[:31], 2
    while title.lower() in taken:
        suffix = f" ({n})"
        title, n = clean[: 31 - len(suffix)] + suffix, n + 1
    taken.add(title.lower())
    return title
