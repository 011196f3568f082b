"""The analysis tools from the editor: the full assessment report (F2) and diagram export (F4).

Both read a snapshot of the chart in a thread worker (:class:`.background.Background`),
so a slow model or a big diagram never freezes the screen and an edit made
meanwhile never changes what they read.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ...store.library import load_model
from ..core.live import model_names
from ..screens.picker import PickerScreen
from ..screens.report import ReportScreen
from .background import FILE_ERRORS, Background

if TYPE_CHECKING:
    from ...model import Chart
    from ..app import EditorApp
    from .live import LiveController


class ToolController:
    """F2 assessment report and F4 export, on the live panel's model."""

    def __init__(self, app: EditorApp, background: Background, live: LiveController,
                 choose_model: Callable[[str], None]) -> None:
        self.app = app
        self.background = background
        self.live = live
        self.choose_model = choose_model
        """Sets the live panel's selector (which then tells :attr:`live`)."""

    def pick_model(self, then: Callable[[str], object]) -> None:
        """The live panel's model, or (when the panel shows none) the one the user picks."""
        if self.live.model:
            then(self.live.model)
            return
        self.app.push_screen(PickerScreen("Which maturity model?", [(n, n) for n in model_names()]),
                             lambda name: self._chosen(name, then) if name else None)

    def _chosen(self, name: str, then: Callable[[str], object]) -> None:
        self.choose_model(name)
        then(name)

    def action_assess(self) -> None:
        self.pick_model(lambda name: self.background.flow(self._assess_flow, name, what="assessment failed",
                                                          group="tool-flow"))

    async def _assess_flow(self, model_name: str) -> None:
        chart = await self._snapshot()
        if chart is None:
            return
        result = await self.background.run(lambda: _assessment_text(chart, model_name), what="assessment failed",
                                           title="Assess")
        if result is not None:
            self.app.push_screen(ReportScreen(f"Assessment: {result[0]}", result[1]))

    async def _snapshot(self) -> Chart | None:
        session = self.app.session
        return None if session is None else await self.background.snapshot(lambda: session.chart)

    def action_export(self) -> None:
        from ...render import VIEWS

        choices = [(name, f"{name}  {getattr(view, 'title', '')}") for name, view in VIEWS.items()]
        self.app.push_screen(PickerScreen("Export which view?", choices), lambda view: self._ask_path(view) if view else None)

    def _ask_path(self, view: str) -> None:
        session = self.app.session
        if session is None:
            return
        stem = session.path.with_suffix("")
        suggestions = [(f"{stem}-{view}.{ext}", f"{stem.name}-{view}.{ext}") for ext in ("svg", "png", "pdf", "dot")]
        self.app.push_screen(PickerScreen(f"Write the {view} view to (type a path, or pick)", suggestions,
                                          allow_new=True),
                             lambda path: self._export(view, path) if path else None)

    def _export(self, view: str, path: str) -> None:
        self.background.flow(self._export_flow, view, path, what="export failed", group="tool-flow")

    async def _export_flow(self, view: str, path: str) -> None:
        chart = await self._snapshot()
        if chart is None:
            return
        self.app.notify(f"Rendering the {view} view...", timeout=2)
        model = self.live.model or "engagement"
        written = await self.background.run(lambda: _export(chart, view, Path(path), model), what="export failed",
                                            title="Export", expected=FILE_ERRORS)  # Graphviz missing, a bad path...
        if written is not None:
            self.app.notify(f"Wrote {written}", title="Export", markup=False)


def _assessment_text(chart: Chart, model_name: str) -> tuple[str, str]:
    """(model name, the text report): what F2 shows. The maturity package is looked up at call time."""
    from ... import maturity
    from ...maturity.report import report_title, text_report

    result = maturity.assess(chart, load_model(model_name))
    return result.model_name, text_report(report_title(chart.chart), {result.model_id: result}, width=None)  # the pane wraps


def _export(chart: Chart, view: str, path: Path, model: str) -> Path:
    """Write one view; the assessed views are coloured by the live panel's model."""
    from ... import maturity
    from ...graph import build_graph
    from ...render import HeatInput, RenderOptions, to_dot
    from ...render.views import ASSESSED_VIEWS
    from ...store.diagrams import write_diagram

    options = RenderOptions()
    if view in ASSESSED_VIEWS:
        options = RenderOptions(heat=HeatInput.from_assessment(maturity.assess(chart, load_model(model))))
    return write_diagram(to_dot(build_graph(chart), view, options), path)
