"""Maturity per unit: a line of business or a team, judged on the part of the chart in its scope.

A unit's scope is its capabilities: for a line of business, those that name it in
``lob`` or, naming none, whose accountable person's team serves it (a team's line
of business is inherited from its parent team); capabilities that serve no line
of business at all are the operation's shared services and belong to every line
(``shared=False`` leaves them out). For a team, the capabilities its members (or
its sub-teams') are accountable or responsible for. The unit's sub-chart is
those capabilities with everything they reference: their people and teams,
systems and providers, data sources (and the data that feeds them or that they
feed, within the line of business), the workflows that realize them, the CoEs
that deliver them (holding only these capabilities) and the chains between those
CoEs. Attested answers concern the operation as a whole, so every unit keeps them.

The sub-chart is assembled from the chart's own (already validated) elements,
without validating again, and judged by the same engine as the whole chart: a unit
is at the level its own evidence supports.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import Chart
from ..perf import paused_gc
from .assess import Assessment
from .load import require_models
from .spec import MaturityModel
from .unit_chart import ChartIndex, scope_capabilities, unit_chart, units_of
from .unit_kinds import KIND_WORDS, Unit, UnitKind

__all__ = ["KIND_WORDS", "Unit", "UnitKind", "UnitMatrix", "UnitResult", "assess_units", "chart_for_unit",
           "scope_capabilities", "unit_chart", "units_of"]


@dataclass
class UnitResult:
    """One unit: its sub-chart's size and its assessment per model, with the targets that apply."""

    unit: Unit
    elements: int
    capabilities: int
    assessments: dict[str, Assessment]
    targets: dict[str, int] = field(default_factory=dict)
    """``model`` or ``model.dimension`` -> target level, as the chart states them."""

    def target(self, model_id: str, dimension: str | None = None) -> int | None:
        """The target of a model (or of one of its dimensions, falling back to the model's)."""
        if dimension is not None and f"{model_id}.{dimension}" in self.targets:
            return self.targets[f"{model_id}.{dimension}"]
        return self.targets.get(model_id)

    def below_target(self, model_id: str, dimension: str | None = None) -> bool:
        target, a = self.target(model_id, dimension), self.assessments[model_id]
        level = a.level if dimension is None else a.dimension_levels.get(dimension, 1)
        return target is not None and level < target


@dataclass
class UnitMatrix:
    """Every unit of one kind against every model: ``assess --by`` and the unit heat map."""

    by: UnitKind
    chart_name: str
    units: list[UnitResult]
    shared: bool = True
    notes: list[str] = field(default_factory=list)


def assess_units(chart: Chart, by: UnitKind, models: Iterable[MaturityModel], shared: bool = True,
                 only: Iterable[str] = ()) -> UnitMatrix:
    """Assess each unit's sub-chart with ``models`` (objects: the store's ``load_models()`` for every built-in one).

    ``only`` picks unit ids.
    """
    from . import assess_all  # noqa: PLC0415  (the package imports this module's callers, not the reverse)

    models = require_models(models, "assess_units()")
    units = units_of(chart, by)
    notes = _target_notes(chart, by, units)
    wanted = set(only)
    results = []
    index = ChartIndex(chart)
    with paused_gc():  # one pause for every unit: many small objects and no cycles
        for unit in units:
            if wanted and unit.id not in wanted:
                continue
            sub = unit_chart(chart, unit, shared, index)
            results.append(UnitResult(unit, sub.size(), len(sub.capabilities), assess_all(sub, models),
                                      dict(chart.targets.get(by, {}).get(unit.id, {}))))
    return UnitMatrix(by, chart.chart.name, results, shared, notes)


def _target_notes(chart: Chart, by: UnitKind, units: list[Unit]) -> list[str]:
    """Targets naming a unit the chart does not have (a typo would silently never be checked)."""
    known = {u.id for u in units}
    return [f"targets: {by} {name!r} is not a {KIND_WORDS[by]} of this chart"
            for name in chart.targets.get(by, {}) if name not in known]


def chart_for_unit(chart: Chart, spec: str) -> Chart:
    """The sub-chart of the unit named by ``spec``: ``lob:NAME``, ``team:ID``, or a bare line of business or team.

    A bare name is looked up among the lines of business first, then the team ids
    (a line of business and a team often share a name, ``cards`` for instance).
    This is what ``planner roadmap --unit`` plans for.
    """
    from ..errors import UnknownNameError  # noqa: PLC0415

    kind, _, name = spec.rpartition(":")
    kinds: tuple[UnitKind, ...] = (kind,) if kind in ("lob", "team") else ("lob", "team")  # type: ignore[assignment]
    name = name if kind in ("lob", "team") else spec
    for by in kinds:
        for unit in units_of(chart, by):
            if unit.id == name:
                return unit_chart(chart, unit)
    choices = [f"{u.kind}:{u.id}" for by in kinds for u in units_of(chart, by)]
    raise UnknownNameError("unit", spec, choices)
