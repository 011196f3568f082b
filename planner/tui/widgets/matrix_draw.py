"""Drawing the capability-resource matrix: its geometry, its two header lines and a row, as strips.

Kept apart from :class:`.matrix_view.MatrixView` (which owns the cursor, the
filters and the folds) so that what a line looks like is read in one place and
depends only on what it is given: the columns on screen, the cursor's cell, the
roles of the row, the maturity gaps. Only the columns on screen are drawn, and a
run of empty cells is one segment, so a line of a 5,000-column matrix costs as
little as one of fifty.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.style import Style
from textual.strip import Strip

from ...model import Element
from ..core.matrix import Group, Row
from .lineview import AREA, CURSOR, DIM, GLOW, HEADER, fit, strip_of

CELL = 7
"""Cells per column: six for a short name (a first name, a first word) and a space."""
EMPTY = "\u00b7".center(CELL - 1) + " "
ROLE_STYLES = {"A": Style(color="red", bold=True), "R": Style(color="green", bold=True),
               "C": Style(color="cyan"), "I": Style(color="bright_black"), "u": Style(color="magenta")}
CELL_FIELDS = {"accountable", "responsible", "consulted", "informed", "contributors", "systems", "data"}
"""The capability's fields a cell shows: an edit of only these redraws rows, not columns."""

Column = tuple[Group, "Element | None"]
"""A column on screen: its group, and its resource (None: the group folded to one column)."""


def label_widths(width: int) -> tuple[int, int]:
    """The widths of the two fixed columns left of the cells: the capability, its accountable person."""
    label = max(14, min(30, width // 4))
    accountable = max(11, min(18, width // 8))
    return label, accountable


def visible_columns(width: int) -> int:
    """How many cell columns fit beside the two fixed columns."""
    label, acc = label_widths(width)
    return max(1, (width - label - acc - 1) // CELL)


def header_line(y: int, width: int, shown: list[Column], left: int, col: int, capabilities: int) -> Strip:
    """Line 0: the column groups' titles over their spans; line 1: each column's short name (or count)."""
    label, acc = label_widths(width)
    if y == 0:
        parts = [(fit(f"Capability ({capabilities})", label), HEADER), (fit("Accountable", acc), HEADER),
                 ("\u2502", DIM)]
        n = 0
        while n < len(shown):
            group = shown[n][0]
            span = 1
            while n + span < len(shown) and shown[n + span][0] is group:
                span += 1
            mark = "\u25b8 " if group.collapsed else ""
            parts.append((fit(f"{mark}{group.title} ({len(group.members)})", span * CELL - 1) + "\u2502", HEADER))
            n += span
        return strip_of(parts, width)
    parts = [(" " * (label + acc), None), ("\u2502", DIM)]
    for n, (group, element) in enumerate(shown, start=left):
        text = f"{len(group.members)}" if element is None else short_name(element)
        style = CURSOR if n == col else DIM if element is None else None
        parts.append((fit(text, CELL - 1), style))
        parts.append((" ", None))
    return strip_of(parts, width)


def area_line(row: Row, width: int, folded: bool, on_row: bool) -> Strip:
    """An area's header row: folded (▸) or not (▾), with its count of capabilities."""
    mark = "\u25b8" if folded else "\u25be"
    return strip_of([(fit(f"{mark} {row.area} ({row.count})", width), AREA + (CURSOR if on_row else Style()))], width)


def capability_line(row: Row, width: int, shown: list[Column], left: int, cursor_col: int | None,
                    roles: dict[str, str], gaps: dict[str, list[str]], name_of: Callable[[str], str]) -> Strip:
    """A capability's row: its name (glowing when a gap names it), its accountable, then its cells.

    ``cursor_col``: the column of the cursor when it is on this row, else None.
    """
    label, acc = label_widths(width)
    cap = row.cap
    assert cap is not None
    on_row = cursor_col is not None
    name_style = GLOW if cap.id in gaps else None
    if on_row:
        name_style = (name_style or Style()) + Style(underline=True)
    who = name_of(cap.accountable) if cap.accountable else "(none)"
    parts = [(fit(("\u2022 " if cap.id in gaps else "  ") + cap.name, label), name_style),
             (fit(who, acc), DIM if not cap.accountable else None), ("\u2502", DIM)]
    run: list[str] = []  # empty cells in a row share one dim segment: a line is a handful of segments
    for n, (group, element) in enumerate(shown, start=left):
        text = collapsed_cell(group, roles) if element is None else roles.get(element.id, "")
        if not text and n != cursor_col:
            run.append(EMPTY)
            continue
        if run:
            parts.append(("".join(run), DIM))
            run = []
        style = CURSOR if n == cursor_col else ROLE_STYLES.get(text[:1])
        text = text or "\u00b7"
        parts.append((text.center(CELL - 1) if len(text) < CELL else fit(text, CELL - 1), style))
        parts.append((" ", None))
    if run:
        parts.append(("".join(run), DIM))
    return strip_of(parts, width)


def collapsed_cell(group: Group, roles: dict[str, str]) -> str:
    """A folded group's cell: how many of its members have a role on the capability (blank for none)."""
    count = sum(1 for m in group.members if m.id in roles)
    return str(count) if count else ""


def short_name(element: Element) -> str:
    """A column's label: a person's first name, else the first word of the name (the status line has it all)."""
    words = element.name.split()
    return words[0] if words else element.id


def cell_edit(command) -> bool:
    """Whether ``command`` only set role or uses fields of capabilities (what the matrix keys do)."""
    from ..core.commands import Macro, SetField

    parts = command.commands if isinstance(command, Macro) else [command]
    return bool(parts) and all(isinstance(c, SetField) and getattr(c.obj, "KIND", "") == "capability"
                               and c.name in CELL_FIELDS for c in parts)
