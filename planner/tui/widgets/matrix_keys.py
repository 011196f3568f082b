"""The matrix's keys: a role in a cell, filters, folds (a mixin of :class:`.matrix_view.MatrixView`).

A key makes the very command the capability's form would (:mod:`..core.matrix`);
a new A over another asks first. Filters and folds only change what is drawn.
"""

from __future__ import annotations

from typing import get_args

from ...model.vocabulary import Area
from ..core.matrix import Filters, Refused, role_edit
from ..messages import EditRequested
from ..screens.dialogs import ChoiceScreen


class MatrixKeys:
    """Needs ``current``, ``chart``, ``gaps``, ``filters``, ``collapsed``, ``columns``, ``rebuild`` from the view,
    and its messages up (``pick``, ``leave``: :class:`.chart_view.ChartView`)."""

    # --- edits --------------------------------------------------------------------------------------

    def action_role(self, key: str) -> None:
        row, element = self.current
        if row is None or row.cap is None or element is None:
            self.notify("Move to a cell of a capability and a resource (unfold the group with z).")
            return
        try:
            proposal = role_edit(self.chart, row.cap, element, key)
        except Refused as exc:
            self.notify(str(exc), title="Not in this cell", severity="warning", markup=False)
            return
        if proposal.command is None:
            return
        if proposal.question:
            dialog = ChoiceScreen("Move the accountable?", proposal.question,
                                  [("move", "Move it", "primary"), ("cancel", "Cancel", "default")])
            self.app.push_screen(dialog, lambda answer: answer == "move" and self.post_message(
                EditRequested(proposal.command)))
            return
        self.post_message(EditRequested(proposal.command))

    # --- filters and folds --------------------------------------------------------------------------

    def action_gaps(self) -> None:
        self.filters.gaps_only = not self.filters.gaps_only
        if self.filters.gaps_only and not self.gaps:
            self.notify("No capability is named by a maturity gap (or the levels are not in yet).")
        self.rebuild()

    def action_fold(self) -> None:
        if not self.columns:
            return
        group = self.columns[self.col][0]
        self.collapsed ^= {group.key}
        self.rebuild()
        self.col = next(n for n, (g, _) in enumerate(self.columns) if g.key == group.key)
        self.keep_column()

    def action_fold_row(self) -> None:
        row, _ = self.current
        if row is not None and row.cap is None:
            self.collapsed ^= {f"area:{row.area}"}
            self.rebuild()

    def action_open_form(self) -> None:
        row, element = self.current
        target = row.cap.id if row is not None and row.cap is not None else (element.id if element else None)
        if target:
            self.leave(target)

    def action_filters(self) -> None:
        f = self.filters
        choices = [("clear", "Show everything (clear the filters)")]
        choices += [(f"area:{a}", f"Area: {a}") for a in get_args(Area) if a != f.area]
        choices += [(f"team:{t.id}", f"Team: {t.name} (its people and sub-teams)") for t in self.chart.teams]
        for key, title in (("people", "people"), ("teams", "teams"), ("org", "organizations"),
                           ("system", "systems"), ("data", "data sources")):
            verb = "drop" if key in f.kinds else "also show" if f.kinds else "only"
            choices.append((f"kind:{key}", f"Columns: {verb} {title}"))
        choices.append(("gaps", "Rows with maturity gaps only" if not f.gaps_only else "All rows, gaps or not"))
        self.pick(f"Filter the matrix ({f.describe() or 'no filter'})", choices, self._filter_chosen)

    def _filter_chosen(self, choice: str | None) -> None:
        if not choice:
            return
        what, _, value = choice.partition(":")
        f = self.filters
        if what == "clear":
            self.filters = Filters()
        elif what == "area":
            f.area = value
        elif what == "team":
            f.team = value
        elif what == "kind":
            f.kinds ^= {value}
        elif what == "gaps":
            f.gaps_only = not f.gaps_only
        self.cursor = self.top = self.col = self.left = 0
        self.rebuild()
