"""What a view draws besides the chart: the assessment of the heat map and the scorecard, the unit grid.

``render`` and the demo make it here once per diagram (:func:`with_input`) and
hand it to :func:`planner.render.to_dot` in the options; the views stay pure.
"""

from __future__ import annotations

from dataclasses import replace

from ..graph import ChartGraph
from ..model import DEFAULT_MODEL, Chart
from ..render import HeatInput, RenderOptions, to_dot
from ..render.views import ASSESSED_VIEWS


def heat_input(chart: Chart | ChartGraph, model: str) -> HeatInput:
    """Assess the chart (or a graph's) with ``model`` (read through the store) and keep what the heat map draws."""
    from ..maturity import assess  # noqa: PLC0415  (only the heat map needs the engine)
    from ..store.library import load_model  # noqa: PLC0415

    return HeatInput.from_assessment(assess(chart.chart if isinstance(chart, ChartGraph) else chart, load_model(model)))


def with_input(graph, view: str, options: RenderOptions, model: str = DEFAULT_MODEL) -> RenderOptions:
    """``options`` holding the assessment ``view`` draws, made here when none was given.

    Made once per diagram: a view drawn again (the legend moved, a footnote added)
    reuses it, as it reuses the scene kept on the graph.
    """
    if view in ASSESSED_VIEWS and options.heat is None:
        return replace(options, heat=heat_input(graph.chart, model))
    if view == "units" and options.heat is None:  # lines of business (or teams) against the model's dimensions
        from .units_out import units_input  # noqa: PLC0415

        return replace(options, heat=units_input(graph.chart, model))
    return options


def view_dot(graph, view: str, options: RenderOptions, model: str = DEFAULT_MODEL) -> str:
    """DOT text of one view, assessed first when the view draws an assessment and none was given."""
    return to_dot(graph, view, with_input(graph, view, options, model))
