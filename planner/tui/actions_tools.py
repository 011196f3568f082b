"""The analysis tools from the editor: live panel, assessment, roadmap preview, diagram export.

All of them run in thread workers on the chart as it is now, so a slow model or
a big diagram never freezes the screen; results come back through
``call_from_thread``. Each tool needs a package built alongside the editor and
says "not available yet" when that package is not installed.
"""

from __future__ import annotations

import time
from pathlib import Path

from textual import work

from ..graph import build_graph
from .core.live import LiveState, compute, maturity_available, model_names
from .screens.picker import PickerScreen
from .screens.report import ReportScreen


INLINE_LIMIT = 20_000
"""Up to this many elements the problem check (about 35 ms per 10,000) runs without a thread."""


class ToolActions:
    """Mixin of :class:`~planner.tui.app.EditorApp`: live panel and the analysis actions."""

    live_state: LiveState | None = None
    live_seconds: float = 0.0

    def refresh_live(self) -> None:
        """Recompute the live panel: inline for a small chart without a model (tens of ms), else in a worker."""
        if self.session is None:
            return
        model = self.live.model_name
        if model is None and len(self.session.where) <= INLINE_LIMIT:
            self._live_done(compute(self.session.chart, self.session.stack.edits, None))
        else:
            self._live_worker(self.session.stack.edits, model)

    @work(thread=True, exclusive=True, group="live")
    def _live_worker(self, edits: int, model_name: str | None) -> None:
        start = time.perf_counter()
        state = compute(self.session.chart, edits, model_name)
        self.live_seconds = time.perf_counter() - start
        self.call_from_thread(self._live_done, state)

    def _live_done(self, state: LiveState) -> None:
        if self.session is not None and state.edits == self.session.stack.edits:
            self.live_state = state
            self.live.update_state(state)

    # --- assessment ------------------------------------------------------------------------

    def _pick_model(self, then) -> None:
        if not maturity_available():
            self.notify("Assessment is not available yet: planner.maturity is not installed.", severity="warning")
            return
        current = self.live.model_name
        if current:
            then(current)
            return
        self.push_screen(PickerScreen("Which maturity model?", [(n, n) for n in model_names()]),
                         lambda name: name and then(name))

    def action_assess(self) -> None:
        self._pick_model(self._assess_worker)

    @work(thread=True, exclusive=True, group="tool")
    def _assess_worker(self, model_name: str) -> None:
        from ..maturity import assess

        result = assess(build_graph(self.session.chart), model_name)
        self.call_from_thread(self.push_screen, ReportScreen(f"Assessment: {result.model_name}", assessment_text(result)))

    # --- roadmap ---------------------------------------------------------------------------

    def action_roadmap(self) -> None:
        try:
            from ..roadmap import plan  # noqa: F401
        except ImportError:
            self.notify("Roadmap preview is not available yet: planner.roadmap has no plan() yet.", severity="warning")
            return
        self._pick_model(self._pick_target)

    def _pick_target(self, model_name: str) -> None:
        from ..maturity import load_model

        model = load_model(model_name)
        levels = [(str(n), f"{n} {level.name}") for n, level in enumerate(model.levels, start=1)]
        self.push_screen(PickerScreen("Roadmap to which level?", levels),
                         lambda level: level and self._roadmap_worker(model_name, int(level)))

    @work(thread=True, exclusive=True, group="tool")
    def _roadmap_worker(self, model_name: str, target: int) -> None:
        from ..roadmap import plan

        try:
            roadmap = plan(build_graph(self.session.chart), model=model_name, target=target)
        except Exception as exc:  # show the planner's reason, keep the editor alive
            self.call_from_thread(self.notify, f"roadmap failed: {exc}", severity="error")
            return
        text = roadmap.to_text() if hasattr(roadmap, "to_text") else str(roadmap)
        self.call_from_thread(self.push_screen, ReportScreen(f"Roadmap to level {target} ({model_name})", text))

    # --- export ------------------------------------------------------------------------------

    def action_export(self) -> None:
        try:
            from ..render import VIEWS
        except ImportError:
            self.notify("Diagram export is not available yet: planner.render is not installed.", severity="warning")
            return
        choices = [(name, f"{name}  {getattr(view, 'title', '')}") for name, view in VIEWS.items()]
        self.push_screen(PickerScreen("Export which view?", choices), lambda view: view and self._ask_path(view))

    def _ask_path(self, view: str) -> None:
        stem = self.session.path.with_suffix("")
        suggestions = [(f"{stem}-{view}.{ext}", f"{stem.name}-{view}.{ext}") for ext in ("svg", "png", "pdf", "dot")]
        self.push_screen(PickerScreen(f"Write the {view} view to (type a path, or pick)", suggestions, allow_new=True),
                         lambda path: path and self._export_worker(view, path))

    @work(thread=True, exclusive=True, group="tool")
    def _export_worker(self, view: str, path: str) -> None:
        from ..render import to_dot, write_diagram

        self.call_from_thread(self.notify, f"Rendering the {view} view...", timeout=2)
        try:
            written = write_diagram(to_dot(build_graph(self.session.chart), view), Path(path))
        except Exception as exc:  # Graphviz missing, bad path...
            self.call_from_thread(self.notify, f"export failed: {exc}", title="Export", severity="error")
            return
        self.call_from_thread(self.notify, f"Wrote {written}", title="Export")


def assessment_text(result) -> str:
    """A plain-text summary of an assessment for the report screen."""
    lines = [f"{result.model_name}: level {result.level} {result.level_name} of {result.max_level}", ""]
    for dim, level in result.dimension_levels.items():
        lines.append(f"  {result.dimension_names.get(dim, dim)}: level {level}")
    gaps = result.gaps()
    if result.next_level is not None:
        lines += ["", f"Gaps to level {result.next_level} ({result.level_names.get(result.next_level, '')}):"]
        for gap in gaps:
            lines.append(f"  - {gap.criterion_id}: {gap.statement}")
            for finding in gap.findings[:5]:
                lines.append(f"      {finding.message}")
    for note in result.notes:
        lines.append(f"note: {note}")
    return "\n".join(lines)
