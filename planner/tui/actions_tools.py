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

from ..graph import (
    build_graph,  # diagrams need the graph; the live panel and assessment do not
)
from .core.live import LiveState, compute, model_names
from .screens.picker import PickerScreen
from .screens.report import ReportScreen


class ToolActions:
    """Mixin of :class:`~planner.tui.app.EditorApp`: live panel and the analysis actions."""

    live_state: LiveState | None = None
    live_seconds: float = 0.0
    model_choice: str | None = None
    """The maturity model of the live panel (``engagement`` at start); kept while the editor runs."""
    _live_running = False
    _live_known: list | None = None
    _running_snapshot = None

    def refresh_live(self, known_problems: list | None = None) -> None:
        """Bring the live panel up to date, off the UI thread.

        One worker at a time: edits made while it computes are picked up by
        the same worker when it finishes (never a queue of stale passes).
        ``known_problems``: the problems of the chart as it is now (those
        found while loading), so only the maturity part is computed.
        """
        if self.session is None:
            return
        self._live_known = known_problems
        if not self._live_running:
            self._live_running = True
            self._live_worker()

    @work(thread=True, group="live")
    def _live_worker(self) -> None:
        try:
            while True:
                session, model = self.session, self.model_choice
                edits, known = session.stack.edits, self._live_known
                self._live_known = None
                start = time.perf_counter()
                try:
                    state = compute(session.chart, edits, model, problems=known)
                except Exception as exc:  # the chart changed under the worker (an edit meanwhile): go round again
                    state = None
                    if session.stack.edits == edits:  # not an edit: a bug; said in the panel, never a loop
                        state = LiveState(edits, known or [], note=f"assessment failed: {exc}")
                self.live_seconds = time.perf_counter() - start
                if state is not None:
                    self.call_from_thread(self._live_done, state, model)
                if (state is not None and self.session is session and session.stack.edits == edits
                        and self.model_choice == model):
                    return
        finally:
            self._live_running = False

    def _live_done(self, state: LiveState, model: str | None = None) -> None:
        if self.session is not None and state.edits == self.session.stack.edits and model == self.model_choice:
            self.live_state = state
            self.live.update_state(state)
            if getattr(self, "view", None):
                self.view_live_changed()

    # --- assessment ------------------------------------------------------------------------

    def _pick_model(self, then) -> None:
        current = self.model_choice
        if current:
            then(current)
            return
        self.push_screen(PickerScreen("Which maturity model?", [(n, n) for n in model_names()]),
                         lambda name: name and (self.live.choose(name), then(name)))

    def action_assess(self) -> None:
        self._pick_model(self._assess_flow)

    @work(exclusive=True, group="tool-flow")
    async def _assess_flow(self, model_name: str) -> None:
        chart = await self.chart_snapshot()
        if chart is not None:
            self._assess_worker(chart, model_name)

    async def chart_snapshot(self):
        """A copy of the chart for a tool to read in a thread; edits wait while it is taken."""
        worker = self._snapshot_worker()
        self._running_snapshot = worker
        try:
            await worker.wait()
            return worker.result
        except Exception as exc:
            self.notify(f"could not read the chart: {exc}", severity="error", markup=False)
            return None

    @work(thread=True, group="snapshot")
    def _snapshot_worker(self):
        return self.session.chart.model_copy(deep=True)

    @work(thread=True, exclusive=True, group="tool")
    def _assess_worker(self, chart, model_name: str) -> None:
        try:
            from ..maturity import assess
            from ..maturity.report import report_title, text_report

            result = assess(chart, model_name)
            text = text_report(report_title(chart.chart), {result.model_id: result}, width=None)  # the pane wraps
        except Exception as exc:  # never an exit of the editor
            self.call_from_thread(self.notify, f"assessment failed: {exc}", title="Assess", severity="error",
                                  markup=False)
            return
        self.call_from_thread(self.push_screen, ReportScreen(f"Assessment: {result.model_name}", text))

    # --- export ------------------------------------------------------------------------------

    def action_export(self) -> None:
        from ..render import VIEWS

        choices = [(name, f"{name}  {getattr(view, 'title', '')}") for name, view in VIEWS.items()]
        self.push_screen(PickerScreen("Export which view?", choices), lambda view: view and self._ask_path(view))

    def _ask_path(self, view: str) -> None:
        stem = self.session.path.with_suffix("")
        suggestions = [(f"{stem}-{view}.{ext}", f"{stem.name}-{view}.{ext}") for ext in ("svg", "png", "pdf", "dot")]
        self.push_screen(PickerScreen(f"Write the {view} view to (type a path, or pick)", suggestions, allow_new=True),
                         lambda path: path and self._export_flow(view, path))

    @work(exclusive=True, group="tool-flow")
    async def _export_flow(self, view: str, path: str) -> None:
        chart = await self.chart_snapshot()
        if chart is not None:
            self._export_worker(chart, view, path)

    @work(thread=True, exclusive=True, group="tool")
    def _export_worker(self, chart, view: str, path: str) -> None:
        from ..maturity import assess
        from ..model import DEFAULT_MODEL
        from ..render import HeatInput, RenderOptions, to_dot, write_diagram
        from ..render.views import ASSESSED_VIEWS

        self.call_from_thread(self.notify, f"Rendering the {view} view...", timeout=2)
        try:
            options = RenderOptions()
            if view in ASSESSED_VIEWS:  # coloured by the live panel's model
                options = RenderOptions(heat=HeatInput.from_assessment(assess(chart, self.model_choice or DEFAULT_MODEL)))
            written = write_diagram(to_dot(build_graph(chart), view, options), Path(path))
        except Exception as exc:  # Graphviz missing, bad path...
            self.call_from_thread(self.notify, f"export failed: {exc}", title="Export", severity="error", markup=False)
            return
        self.call_from_thread(self.notify, f"Wrote {written}", title="Export", markup=False)

