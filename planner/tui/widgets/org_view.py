"""The org tree (F6): people under their managers, team headers where the team changes.

Moving someone is cut and paste (``x`` on the person, ``p`` on the new manager
or team) or ``m`` and a pick from a list; the person's whole subtree follows,
since their reports still report to them. The edit is the form's: one
``reports_to`` or ``team`` change, undone by ctrl+z.
"""

from __future__ import annotations

from rich.style import Style
from textual.binding import Binding
from textual.strip import Strip

from ..core.orgtree import MAX_DIRECT, MAX_SOLE, Line, move_command, tree_lines
from ..messages import EditRequested
from .chart_view import ChartView
from .lineview import AREA, BAD, CURSOR, DIM, strip_of

FIRM = Style(color="magenta")


class OrgView(ChartView):
    """Keys: arrows move, Enter folds, ``x`` cut, ``p`` paste under the cursor, ``m`` move to..."""

    BINDINGS = [
        Binding("enter,space", "fold", "Fold", show=False),
        Binding("x", "cut", "Cut", show=False), Binding("p", "paste", "Paste", show=False),
        Binding("m", "move", "Move to", show=False), Binding("e", "open_form", "Form", show=False),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.folded: set[str] = set()
        self.lines: list[Line] = []
        self.cut: str | None = None

    def rebuild(self) -> None:
        keep = self.current_key()
        self.lines = tree_lines(self.chart, self.folded)
        if keep is not None:
            found = next((n for n, line in enumerate(self.lines) if _key(line) == keep), None)
            if found is not None:
                self.cursor = found
        self.keep_visible()
        self.refresh()
        self.moved()

    def current_key(self) -> str | None:
        return _key(self.lines[self.cursor]) if 0 <= self.cursor < len(self.lines) else None

    def show(self, ident: str) -> bool:
        """Put the cursor on a person (after an edit or undo moved them)."""
        found = next((n for n, line in enumerate(self.lines) if line.person is not None and line.person.id == ident),
                     None)
        if found is None:
            return False
        self.set_cursor(found)
        return True

    def row_count(self) -> int:
        return len(self.lines)

    def draw_row(self, index: int, width: int) -> Strip:
        line = self.lines[index]
        cursor = index == self.cursor
        indent = "  " * line.depth
        if line.person is None:
            name = line.team.name if line.team is not None else "(no team)"
            lead = f"  lead: {self.name_of(line.team.lead)}" if line.team is not None and line.team.lead else ""
            return strip_of([(indent, None), (f"\u25a3 {name}", AREA + (CURSOR if cursor else Style())),
                             (lead, DIM), (f"  {line.firm}" if line.firm else "", BAD)], width)
        person = line.person
        mark = ("\u25b8 " if line.folded else "\u25be ") if line.reports else "  "
        parts = [(indent + mark, None), (person.name, CURSOR if cursor else Style(bold=bool(line.reports)))]
        if self.cut == person.id:
            parts.append((" \u2702 cut", BAD))
        if person.title:
            parts.append((f"  {person.title}", DIM))
        if line.firm:
            parts.append((f"  [{line.firm}]", FIRM))
        if line.reports:
            wide = line.reports > MAX_DIRECT
            parts.append((f"  span {line.reports}" + (f" > {MAX_DIRECT}" if wide else ""), BAD if wide else DIM))
        if line.alone:
            spof = line.alone > MAX_SOLE
            parts.append((f"  \u26a0 single point of failure: alone on {line.alone} capabilities" if spof
                          else f"  alone on {line.alone} capabilit{'y' if line.alone == 1 else 'ies'}", BAD if spof else DIM))
        if person.fte != 1.0:
            parts.append((f"  {person.fte:g} FTE", DIM))
        return strip_of(parts, width)

    def describe(self) -> str:
        if not self.lines:
            return "The chart has no people or teams yet."
        line = self.lines[self.cursor]
        if line.person is None:
            what = f"Team {line.team.name} [{line.team.id}]" if line.team is not None else "People without a team"
        else:
            p = line.person
            boss = self.name_of(p.reports_to) if p.reports_to else "no one"
            what = f"{p.name} [{p.id}], reports to {boss}; {line.reports} direct report(s)"
        if self.cut:
            what += f" | cut: {self.name_of(self.cut)} (p pastes here, Esc cancels)"
        return what

    def current_id(self) -> str | None:
        key = self.current_key()
        return None if not key or key == "team:" else key.removeprefix("team:")

    # --- keys --------------------------------------------------------------------------------------

    def action_fold(self) -> None:
        line = self.lines[self.cursor] if self.lines else None
        if line is not None and line.person is not None and line.reports:
            self.folded ^= {line.person.id}
            self.rebuild()

    def action_cut(self) -> None:
        line = self.lines[self.cursor] if self.lines else None
        if line is None or line.person is None:
            self.notify("Cut a person (their reports come along); paste on a manager or a team.")
            return
        self.cut = line.person.id
        self.refresh()
        self.moved()

    def action_uncut(self) -> None:
        if self.cut:
            self.cut = None
            self.refresh()
            self.moved()

    def action_paste(self) -> None:
        if not self.cut:
            self.notify("Nothing cut: x on a person first.")
            return
        line = self.lines[self.cursor]
        target = line.person if line.person is not None else line.team
        person = self.session.get(self.cut) if self.session is not None else None
        if person is None:
            self.cut = None
            return
        if self._move(person, target):
            self.cut = None

    def action_move(self) -> None:
        line = self.lines[self.cursor] if self.lines else None
        if line is None or line.person is None:
            self.notify("m moves the person under the cursor: put it on a person.")
            return
        person = line.person
        choices = [("-", "(reports to no one: top of the chart)")]
        choices += [(p.id, f"under {p.name}  [person {p.id}]  {p.title}") for p in self.chart.people if p.id != person.id]
        choices += [(t.id, f"into team {t.name}  [team {t.id}]") for t in self.chart.teams]
        self.pick(f"Move {person.name} (and everyone under them)", choices,
                  lambda ident: self._move(person, None if ident == "-" else self.session and self.session.get(ident)))

    def _move(self, person, target) -> bool:
        try:
            command = move_command(self.chart, person, target)
        except ValueError as exc:
            self.notify(str(exc), title="Not moved", severity="warning", markup=False)
            return False
        self.post_message(EditRequested(command))
        return True


def _key(line: Line) -> str:
    if line.person is not None:
        return line.person.id
    return f"team:{line.team.id}" if line.team is not None else "team:"
