"""The capability-resource matrix (F5): capabilities down, resources across, A/R/C/I in the cells.

Only the rows and columns on screen are drawn (see :mod:`.lineview`), so 2,000
capabilities by 5,000 resources scroll as fast as twenty by fifty. Left of the
cells two fixed columns: the capability and its accountable person, so "who is
accountable for every delivery capability" is one filter away.
"""

from __future__ import annotations

from rich.style import Style
from textual.binding import Binding
from textual.strip import Strip

from ...model import Element
from ..core.matrix import Filters, Group, Row, column_groups, roles_of, rows
from .lineview import AREA, CURSOR, DIM, GLOW, HEADER, LineView, fit, strip_of
from .matrix_keys import MatrixKeys

CELL = 7
"""Cells per column: six for a short name (a first name, a first word) and a space."""
EMPTY = "\u00b7".center(CELL - 1) + " "
ROLE_STYLES = {"A": Style(color="red", bold=True), "R": Style(color="green", bold=True),
               "C": Style(color="cyan"), "I": Style(color="bright_black"), "u": Style(color="magenta")}


class MatrixView(MatrixKeys, LineView):
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

    def __init__(self, **kwargs) -> None:
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

    @property
    def chart(self):
        return self.app.session.chart

    def gap_caps(self) -> dict[str, list[str]]:
        state = getattr(self.app, "live_state", None)
        maturity = state.maturity if state is not None else None
        return maturity.gap_elements if maturity is not None else {}

    def rebuild(self) -> None:
        """Recompute rows and columns from the chart (after an edit, a filter or a fold)."""
        self.rows = rows(self.chart, self.filters, self.collapsed, set(self.gap_caps()))
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
        if _cell_edit(command):
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

    # --- geometry ------------------------------------------------------------------------------

    def label_widths(self, width: int) -> tuple[int, int]:
        label = max(14, min(30, width // 4))
        accountable = max(11, min(18, width // 8))
        return label, accountable

    def visible_columns(self, width: int) -> int:
        label, acc = self.label_widths(width)
        return max(1, (width - label - acc - 1) // CELL)

    def keep_column(self) -> None:
        shown = self.visible_columns(self.size.width)
        if self.col < self.left:
            self.left = self.col
        elif self.col >= self.left + shown:
            self.left = self.col - shown + 1

    # --- drawing ------------------------------------------------------------------------------------

    def draw_header(self, y: int, width: int) -> Strip:
        label, acc = self.label_widths(width)
        shown = self.columns[self.left:self.left + self.visible_columns(width)]
        if y == 0:
            title = f"Capability ({sum(1 for r in self.rows if r.cap is not None)})"
            parts = [(fit(title, label), HEADER), (fit("Accountable", acc), HEADER), ("\u2502", DIM)]
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
        for n, (group, element) in enumerate(shown, start=self.left):
            text = f"{len(group.members)}" if element is None else short_name(element)
            style = CURSOR if n == self.col else DIM if element is None else None
            parts.append((fit(text, CELL - 1), style))
            parts.append((" ", None))
        return strip_of(parts, width)

    def draw_row(self, index: int, width: int) -> Strip:
        label, acc = self.label_widths(width)
        row = self.rows[index]
        on_row = index == self.cursor
        if row.cap is None:
            mark = "\u25b8" if f"area:{row.area}" in self.collapsed else "\u25be"
            return strip_of([(fit(f"{mark} {row.area} ({row.count})", width), AREA + (CURSOR if on_row else Style()))],
                            width)
        cap = row.cap
        gaps = self.gap_caps()
        name_style = GLOW if cap.id in gaps else None
        if on_row:
            name_style = (name_style or Style()) + Style(underline=True)
        who = self._name_of(cap.accountable) if cap.accountable else "(none)"
        parts = [(fit(("\u2022 " if cap.id in gaps else "  ") + cap.name, label), name_style),
                 (fit(who, acc), DIM if not cap.accountable else None), ("\u2502", DIM)]
        roles = self.roles(row)
        run: list[str] = []  # empty cells in a row share one dim segment: a line is a handful of segments
        for n, (group, element) in enumerate(self.columns[self.left:self.left + self.visible_columns(width)],
                                             start=self.left):
            text = self._collapsed_cell(group, roles) if element is None else roles.get(element.id, "")
            if not text and not (on_row and n == self.col):
                run.append(EMPTY)
                continue
            if run:
                parts.append(("".join(run), DIM))
                run = []
            style = CURSOR if on_row and n == self.col else ROLE_STYLES.get(text[:1])
            text = text or "\u00b7"
            parts.append((text.center(CELL - 1) if len(text) < CELL else fit(text, CELL - 1), style))
            parts.append((" ", None))
        if run:
            parts.append(("".join(run), DIM))
        return strip_of(parts, width)

    @staticmethod
    def _collapsed_cell(group: Group, roles: dict[str, str]) -> str:
        count = sum(1 for m in group.members if m.id in roles)
        return str(count) if count else ""

    def _name_of(self, ident: str) -> str:
        element = self.app.session.get(ident)
        return element.name if element is not None else ident

    # --- moving ------------------------------------------------------------------------------------

    def action_column(self, delta: int) -> None:
        self.col = max(0, min(len(self.columns) - 1, self.col + delta))
        self.keep_column()
        self.refresh()
        self.moved()

    def moved(self) -> None:
        self.keep_column()
        if self.is_mounted:
            self.app.view_moved(self.describe())

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

    def selected_capability(self):
        row, _ = self.current
        return row.cap if row is not None else None

    def clicked_at(self, index: int, x: int) -> None:
        label, acc = self.label_widths(self.size.width)
        if x > label + acc:
            self.col = min(len(self.columns) - 1, self.left + (x - label - acc - 1) // CELL)
        self.set_cursor(index)


def _cell_edit(command) -> bool:
    """Whether ``command`` only set role or uses fields of capabilities (what the matrix keys do)."""
    from ..core.commands import Macro, SetField

    parts = command.commands if isinstance(command, Macro) else [command]
    return bool(parts) and all(isinstance(c, SetField) and getattr(c.obj, "KIND", "") == "capability"
                               and c.name in CELL_FIELDS for c in parts)


CELL_FIELDS = {"accountable", "responsible", "consulted", "informed", "contributors", "systems", "data"}


def short_name(element: Element) -> str:
    """A column's label: a person's first name, else the first word of the name (the status line has it all)."""
    words = element.name.split()
    return words[0] if words else element.id
