"""The capability-resource matrix (F5): capabilities down, resources across, A/R/C/I in the cells.

Only the rows and columns on screen are drawn (see :mod:`.lineview` and
:mod:`.matrix_draw`), so 2,000 capabilities by 5,000 resources scroll as fast as
twenty by fifty. Left of the cells two fixed columns: the capability and its
accountable person, so "who is accountable for every delivery capability" is one
filter away. This module holds what the matrix shows and where its cursor is;
its keys are in :mod:`.matrix_keys`.
"""

from __future__ import annotations

from typing import Any

from textual.binding import Binding
from textual.strip import Strip

from ...model import Capability, Element
from ..core.matrix import Filters, Group, Row, column_groups, roles_of, rows
from .chart_view import ChartView
from .matrix_draw import CELL, area_line, capability_line, cell_edit, header_line, label_widths, visible_columns
from .matrix_keys import MatrixKeys


class MatrixView(MatrixKeys, ChartView):
    """Keys: arrows move, ``a r c i`` set a role, ``u`` uses, space clears, ``f`` filters, ``z`` folds."""

    BINDINGS = [
        Binding("left", "column(-1)", show=False), Binding("right", "column(1)", show=False),
        Binding("a", "role('a')", "A", show=False), Binding("r", "role('r')", "R", show=False),
        Binding("c", "role('c')", "C", show=False), Binding("i", "role('i')", "I", show=False),
        Binding("u", "role('u')", "uses", show=False), Binding("space", "role('space')", "clear", show=False),
        Binding("f", "filters", "Filter", show=False), Binding("g", "gaps", "Gap rows", show=False),
        Binding("z", "fold", "Fold", show=False), Binding("enter", "fold_row", show=False),
        Binding("e", "open_form", "Form", show=False),
    ]
    header_height = 2

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.filters = Filters()
        self.collapsed: set[str] = set()
        self.col = 0
        self.left = 0
        self.rows: list[Row] = []
        self.groups: list[Group] = []
        self.columns: list[tuple[Group, Element | None]] = []
        self._roles: dict[int, dict[str, str]] = {}

    # --- model ---------------------------------------------------------------------------------

    def rebuild(self) -> None:
        """Recompute rows and columns from the chart (after an edit, a filter or a fold)."""
        self.rows = rows(self.chart, self.filters, self.collapsed, set(self.gaps))
        self.groups = column_groups(self.chart, self.filters, self.collapsed)
        self.columns = []
        for group in self.groups:
            self.columns += [(group, None)] if group.collapsed else [(group, m) for m in group.members]
        self._roles.clear()
        if self.rows and self.rows[self.cursor if self.cursor < len(self.rows) else 0].cap is None and self.cursor == 0:
            self.cursor = 1 if len(self.rows) > 1 else 0  # start on a capability, not on its area
        self.col = max(0, min(self.col, len(self.columns) - 1))
        self.keep_visible()
        self.refresh()
        self.moved()

    def changed(self, command) -> None:
        """After an edit: a cell edit (roles of capabilities) redraws the rows only; the 5,000 columns stay."""
        if cell_edit(command):
            self._roles.clear()
            self.refresh()
            self.moved()
        else:
            self.rebuild()

    def roles(self, row: Row) -> dict[str, str]:
        key = id(row.cap)
        if key not in self._roles:
            self._roles[key] = roles_of(row.cap)
        return self._roles[key]

    @property
    def current(self) -> tuple[Row | None, Element | None]:
        row = self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None
        column = self.columns[self.col][1] if 0 <= self.col < len(self.columns) else None
        return row, column

    def row_count(self) -> int:
        return len(self.rows)

    # --- drawing (:mod:`.matrix_draw`) ------------------------------------------------------------

    def keep_column(self) -> None:
        shown = visible_columns(self.size.width)
        if self.col < self.left:
            self.left = self.col
        elif self.col >= self.left + shown:
            self.left = self.col - shown + 1

    def _shown(self, width: int) -> list[tuple[Group, Element | None]]:
        return self.columns[self.left:self.left + visible_columns(width)]

    def draw_header(self, y: int, width: int) -> Strip:
        capabilities = sum(1 for r in self.rows if r.cap is not None) if y == 0 else 0
        return header_line(y, width, self._shown(width), self.left, self.col, capabilities)

    def draw_row(self, index: int, width: int) -> Strip:
        row = self.rows[index]
        on_row = index == self.cursor
        if row.cap is None:
            return area_line(row, width, f"area:{row.area}" in self.collapsed, on_row)
        return capability_line(row, width, self._shown(width), self.left, self.col if on_row else None,
                               self.roles(row), self.gaps, self.name_of)

    # --- moving ------------------------------------------------------------------------------------

    def action_column(self, delta: int) -> None:
        self.col = max(0, min(len(self.columns) - 1, self.col + delta))
        self.keep_column()
        self.refresh()
        self.moved()

    def moved(self) -> None:
        self.keep_column()
        super().moved()

    def describe(self) -> str:
        """The cell under the cursor in words, for the status line and the live panel."""
        row, element = self.current
        if row is None:
            return "No capability matches the filters." if self.filters.describe() else "The chart has no capabilities."
        if row.cap is None:
            return f"Area {row.area}: {row.count} capabilities (Enter folds or unfolds)."
        cap = row.cap
        text = f"{cap.name} [{cap.id}, {cap.area}]"
        if element is None and self.columns:
            group = self.columns[self.col][0]
            text += f" \u00d7 {group.title}: folded, {len(group.members)} (z unfolds)"
        if element is not None:
            roles = self.roles(row).get(element.id, "") or "no role"
            text += f" \u00d7 {element.name} [{element.KIND} {element.id}]: {roles}"
        return text

    def go_to_cell(self, cap_id: str, element_id: str | None = None) -> bool:
        """Put the cursor on a capability's row (and a resource's column): after a search, in tests."""
        row = next((n for n, r in enumerate(self.rows) if r.cap is not None and r.cap.id == cap_id), None)
        if row is None:
            return False
        if element_id is not None:
            col = next((n for n, (_, e) in enumerate(self.columns) if e is not None and e.id == element_id), None)
            if col is None:
                return False
            self.col = col
        self.set_cursor(row)
        return True

    def show(self, ident: str) -> bool:
        """After an edit: the cursor stays where it is when it is on that capability, else goes to it."""
        row, _ = self.current
        if row is not None and row.cap is not None and row.cap.id == ident:
            return True
        return self.go_to_cell(ident)

    def current_id(self) -> str | None:
        cap = self.selected_capability()
        return cap.id if cap is not None else None

    def selected_capability(self) -> Capability | None:
        row, _ = self.current
        return row.cap if row is not None else None

    def clicked_at(self, index: int, x: int) -> None:
        label, acc = label_widths(self.size.width)
        if x > label + acc:
            self.col = min(len(self.columns) - 1, self.left + (x - label - acc - 1) // CELL)
        self.set_cursor(index)
