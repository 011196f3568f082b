"""Every diagram the planner draws, by name: the chart views, the diff and the roadmap.

A chart view draws a chart (:data:`planner.render.views.VIEWS`, through
:func:`~planner.render.views.to_dot`); the diff draws two charts and their
:class:`~planner.diff.ChartDiff`; the roadmap a :class:`~planner.roadmap.Roadmap`.
Each is registered here with one signature, ``(subject..., theme=..., **options)
-> DOT text``, so a caller draws any of them the same way, with the same theme
and its overrides (erdantic's ``to_dot``/``draw`` habit), and a new diagram is
added in one place. :func:`planner.store.diagrams.draw` is the one path from a diagram to a file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import UnknownNameError
from .theme import DEFAULT_THEME, Theme


@dataclass(frozen=True)
class Diagram:
    """A diagram kind: its name, what it shows, and how its DOT text is made."""

    name: str
    title: str
    to_dot: Callable[..., str]
    """``(subject..., *, theme, **options) -> str``: pure, no file touched."""


DIAGRAMS: dict[str, Diagram] = {}


def register_diagram(diagram: Diagram) -> Diagram:
    DIAGRAMS[diagram.name] = diagram
    return diagram


def get_diagram(name: str) -> Diagram:
    if name not in DIAGRAMS:
        raise UnknownNameError("diagram", name, sorted(DIAGRAMS))
    return DIAGRAMS[name]


def diagram_dot(name: str, *subject: Any, theme: Theme = DEFAULT_THEME, **options: Any) -> str:
    """DOT text of the diagram ``name`` of ``subject`` (a chart, a diff and its charts, a roadmap)."""
    return get_diagram(name).to_dot(*subject, theme=theme, **options)
