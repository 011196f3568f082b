"""One chart, loaded once and assessed once per model, handed to every consumer.

A command that both reports and draws (``planner demo``, ``planner report``, the
editor's live panel) used to assess the same chart again for the maturity delta
of the diff, for the roadmap and for the heat map. A :class:`Pipeline` holds one
chart with its :class:`~planner.maturity.Facts`, its graph and its assessments,
each made on first use and kept: :meth:`Pipeline.diff`, :meth:`Pipeline.plan`,
:meth:`Pipeline.heat` and :meth:`Pipeline.assess_all` hand the same
:class:`~planner.maturity.Assessment` objects along (``diff(..., assessments=)``,
``plan(..., assessment=)``, :class:`~planner.render.HeatInput`).

It sits above the core and beside the store: it reads files (charts, models, the
catalog) only through :mod:`planner.store`, and no core package imports it
(the import-linter contracts in ``pyproject.toml`` say so).

For the editor, or any front end that edits a chart:

- ``Pipeline(chart)`` wraps a chart already in memory (no file is read);
  ``Pipeline.load(path)`` reads one through the store.
- A pipeline is a snapshot: it must not outlive an edit of its chart. After an
  edit make a new one, ``Pipeline(session.chart)``; it costs nothing until asked
  for something. Models and the catalog stay cached by the store, so only the
  assessment is made again. Build it on a snapshot (``chart.model_copy(deep=True)``)
  when the work runs off the UI thread while the user keeps editing.
- ``assess(model)`` takes a model object, a built-in id or a model file path
  (:data:`~planner.model.DEFAULT_MODEL` when omitted) and returns the
  kept assessment; ``assess_all(models)`` does several, sharing rule results.
- ``heat(model)`` is what the heat map and the scorecard draw;
  ``plan(model, target, catalog, constraints)`` the roadmap;
  ``diff(other, models)`` the changes to another pipeline's chart, with the
  maturity delta made of both sides' kept assessments.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from .maturity import Assessment, Facts, MaturityModel, assess_all
from .model import DEFAULT_MODEL, Chart
from .store import load_chart
from .store.library import load_catalog, load_model, load_models

if TYPE_CHECKING:
    from .diff import ChartDiff
    from .maturity import StructureReport
    from .render import HeatInput
    from .roadmap import Catalog, Constraints, Roadmap

ModelRef = MaturityModel | str | os.PathLike
"""A model object, a built-in model's id, or a model file's path."""


class Pipeline:
    """A chart with its facts, graph and assessments, each made once, on first use."""

    def __init__(self, chart: Chart, path: Path | None = None):
        self.chart = chart
        self.path = path
        self._assessed: dict[str, Assessment] = {}
        self._models: dict[str, MaturityModel] = {}

    @classmethod
    def load(cls, path: str | os.PathLike) -> Pipeline:
        """Read the chart at ``path`` through the store (located errors as ``load_chart`` raises them)."""
        return cls(load_chart(path), Path(path))

    @cached_property
    def facts(self) -> Facts:
        """The indexes every rule of every model reads; shared by all the assessments."""
        return Facts(self.chart)

    @cached_property
    def graph(self) -> Any:
        """The chart as :func:`planner.graph.build_graph` makes it, for the views that draw it."""
        from .graph import build_graph  # noqa: PLC0415  (only the views need it)

        return build_graph(self.chart)

    @cached_property
    def structure(self) -> StructureReport:
        """Structural findings (single points of failure, silos...), from the same facts."""
        from .maturity import analyze_structure  # noqa: PLC0415

        return analyze_structure(self.facts)

    @property
    def assessments(self) -> MappingProxyType[str, Assessment]:
        """Model id -> every assessment made so far, in the order they were made (read-only)."""
        return MappingProxyType(self._assessed)

    def assess(self, model: ModelRef = DEFAULT_MODEL) -> Assessment:
        """The chart's assessment on ``model``, made the first time it is asked for."""
        return self.assess_all([model])[load_model(model).id]

    def assess_all(self, models: Iterable[ModelRef] | None = None) -> dict[str, Assessment]:
        """Model id -> assessment for ``models`` (every built-in model when None), in that order.

        The models not yet assessed are assessed together, so they share rule results.
        """
        chosen = load_models(models)
        missing = [m for m in chosen if self._models.get(m.id) is not m]
        if missing:
            self._assessed.update(assess_all(self.facts, missing))
            self._models.update((m.id, m) for m in missing)
        return {m.id: self._assessed[m.id] for m in chosen}

    def heat(self, model: ModelRef = DEFAULT_MODEL) -> HeatInput:
        """What the heat map and the scorecard draw of the assessment on ``model``."""
        from .render import HeatInput  # noqa: PLC0415  (rendering is asked for, not assumed)

        return HeatInput.from_assessment(self.assess(model))

    def plan(self, model: ModelRef = DEFAULT_MODEL, target: str | int = "next",
             catalog: Catalog | str | os.PathLike | None = None,
             constraints: Constraints | None = None) -> Roadmap:
        """The roadmap to ``target`` on ``model``, planned from the kept assessment (built-in catalog when None)."""
        from .roadmap import plan  # noqa: PLC0415

        chosen = load_model(model)
        return plan(self.chart, chosen, target, load_catalog(catalog), constraints, assessment=self.assess(chosen))

    def diff(self, other: Pipeline, models: Iterable[ModelRef] | None = None, *, renames: bool = True) -> ChartDiff:
        """The changes from this chart to ``other``'s, with the maturity delta on ``models`` (every built-in one).

        Both sides are assessed through their own pipeline, so a chart that was
        assessed for a report is not assessed again for its delta.
        """
        from .diff import diff  # noqa: PLC0415

        chosen = load_models(models)
        old, new = self.assess_all(chosen), other.assess_all(chosen)
        return diff(self.chart, other.chart, renames=renames, maturity=chosen, assessments=(old, new))


__all__ = ["ModelRef", "Pipeline"]
