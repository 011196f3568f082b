"""Diagrams of a chart as Graphviz DOT text; one small module writes files.

Every diagram (the chart views, the diff, the roadmap, the maturity trend) is
registered by name in :mod:`.registry` and drawn with one theme (:mod:`.theme`).

Pure: :func:`to_dot` and every view return DOT text and touch no file.
:mod:`.output` (the only module that runs Graphviz, imported lazily) turns DOT
text into ``.svg``, ``.png`` or ``.pdf`` bytes; the store writes the file
(:func:`planner.store.diagrams.write_diagram`, :func:`planner.store.diagrams.draw`).
See ``docs/render.md`` for the views, the theme and how to build a new view.
"""

from __future__ import annotations

from . import (  # noqa: F401  (register)
    capabilities_view,
    coe_view,
    data_view,
    diff_view,
    flows_view,
    heatmap_view,
    org_view,
    roadmap_view,
    scorecard_view,
    trend_view,
    units_view,
)
from .dot import Dot, Html, quote, text
from .legend import Legend, add_legend
from .registry import DIAGRAMS, Diagram, diagram_dot, get_diagram, register_diagram
from .scene import COLLAPSE_CHOICES, Item, Link, Scene
from .theme import DEFAULT_THEME, Theme
from .views import DEFAULT_MAX_NODES, VIEWS, HeatInput, RenderOptions, View, build_scene, get_view, register, to_dot

__all__ = [
    "COLLAPSE_CHOICES",
    "DEFAULT_MAX_NODES",
    "DEFAULT_THEME",
    "DIAGRAMS",
    "VIEWS",
    "Diagram",
    "Dot",
    "HeatInput",
    "Html",
    "Item",
    "Legend",
    "Link",
    "RenderOptions",
    "Scene",
    "Theme",
    "View",
    "add_legend",
    "build_scene",
    "diagram_dot",
    "get_diagram",
    "get_view",
    "quote",
    "register",
    "register_diagram",
    "text",
    "to_dot",
]
