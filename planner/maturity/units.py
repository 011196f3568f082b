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

from dataclasses import dataclass, field
from typing import Iterable, Literal

from ..model import Chart
from .assess import Assessment

UnitKind = Literal["lob", "team"]
KIND_WORDS = {"lob": "line of business", "team": "team"}


@dataclass(frozen=True)
class Unit:
    """A line of business (id = its name in the chart) or a team (id = the team's id)."""

    kind: UnitKind
    id: str
    name: str


def _team_lobs(chart: Chart) -> dict[str, str]:
    """Team id -> its line of business, inherited from the nearest parent that has one."""
    teams = {t.id: t for t in chart.teams}
    found: dict[str, str] = {}
    for team in chart.teams:
        seen, current = set(), team
        while current is not None and not current.lob and current.id not in seen:
            seen.add(current.id)
            current = teams.get(current.parent) if current.parent else None
        found[team.id] = current.lob if current is not None else ""
    return found


def units_of(chart: Chart, by: UnitKind) -> list[Unit]:
    """Every unit of the chart, in chart order: lines of business as first named, or teams."""
    if by == "team":
        return [Unit("team", t.id, t.name) for t in chart.teams]
    names: dict[str, None] = {}
    for lob in [t.lob for t in chart.teams] + [w for c in chart.capabilities for w in c.lob] + [d.lob for d in chart.data]:
        if lob:
            names.setdefault(lob, None)
    return [Unit("lob", name, name) for name in names]


def _descendants(chart: Chart, root: str) -> set[str]:
    children: dict[str, list[str]] = {}
    for t in chart.teams:
        if t.parent:
            children.setdefault(t.parent, []).append(t.id)
    found, todo = set(), [root]
    while todo:
        team = todo.pop()
        if team not in found:
            found.add(team)
            todo += children.get(team, ())
    return found


def scope_capabilities(chart: Chart, unit: Unit, shared: bool = True) -> set[str]:
    """Ids of the capabilities in ``unit``'s scope (see the module's docstring)."""
    person_team = {p.id: p.team for p in chart.people}
    if unit.kind == "team":
        teams = _descendants(chart, unit.id)
        members = {pid for pid, team in person_team.items() if team in teams} | teams
        return {c.id for c in chart.capabilities
                if c.accountable in members or any(r in members for r in c.responsible)}
    team_lob = _team_lobs(chart)
    found = set()
    for c in chart.capabilities:
        lobs = c.lob or [team_lob.get(person_team.get(c.accountable) or "", "")]
        if unit.id in lobs or (shared and lobs == [""]):
            found.add(c.id)
    return found


def unit_chart(chart: Chart, unit: Unit, shared: bool = True) -> Chart:
    """The sub-chart of ``unit``: its capabilities and everything they reference (no re-validation)."""
    caps = scope_capabilities(chart, unit, shared)
    keep = _Keep(chart, caps)
    keep.collect(unit)
    return keep.build(unit)


class _Keep:
    """The ids kept in a sub-chart, gathered section by section from the capabilities outwards."""

    def __init__(self, chart: Chart, caps: set[str]):
        self.chart, self.caps, self.ids = chart, caps, set(caps)

    def collect(self, unit: Unit) -> None:
        chart, ids = self.chart, self.ids
        self.capabilities = [c for c in chart.capabilities if c.id in self.caps]
        self.workflows = [w for w in chart.workflows if w.capability in self.caps]
        self.coes = [c.model_copy(update={"capabilities": [x for x in c.capabilities if x in self.caps]})
                     for c in chart.coes if any(x in self.caps for x in c.capabilities)]
        for c in self.capabilities:
            ids.update(c.systems, c.data, c.responsible, c.consulted, c.informed, c.contributors)
            ids.add(c.accountable)
        for w in self.workflows:
            ids.update(x for s in w.steps for x in (s.by, s.to))
        for c in self.coes:
            ids.update(c.members)
            ids.update((c.lead, c.provider))
        if unit.kind == "lob":
            ids.update(d.id for d in chart.data if d.lob == unit.id)
        self._data(unit)
        ids.update(x for s in chart.systems if s.id in ids for x in (s.provider, s.owner))
        ids.update(p.team for p in chart.people if p.id in ids)
        kept = {c.id for c in self.coes}
        self.chains = [v.model_copy(update={"coes": [x for x in v.coes if x in kept]})
                       for v in chart.chains if sum(x in kept for x in v.coes) >= 2]

    def _data(self, unit: Unit) -> None:
        """Data sources in use, with what they feed and what feeds them (not another line's data)."""
        data = {d.id: d for d in self.chart.data}
        fed_by: dict[str, list[str]] = {}
        for d in self.chart.data:
            for target in d.feeds:
                fed_by.setdefault(target, []).append(d.id)
        todo = [i for i in self.ids if i in data]
        while todo:
            d = data[todo.pop()]
            for other in list(d.feeds) + fed_by.get(d.id, []):
                source = data.get(other)
                if source is None or other in self.ids or (unit.kind == "lob" and source.lob not in ("", unit.id)):
                    continue
                self.ids.add(other)
                todo.append(other)
        self.ids.update(data[i].system for i in list(self.ids) if i in data)

    def build(self, unit: Unit) -> Chart:
        chart, ids = self.chart, self.ids
        info = chart.chart.model_copy(update={"name": f"{chart.chart.name} / {KIND_WORDS[unit.kind]} {unit.name}"})
        return Chart.model_construct(
            version=chart.version, chart=info,
            teams=[t for t in chart.teams if t.id in ids], people=[p for p in chart.people if p.id in ids],
            orgs=[o for o in chart.orgs if o.id in ids], systems=[s for s in chart.systems if s.id in ids],
            data=[d for d in chart.data if d.id in ids], capabilities=self.capabilities,
            workflows=self.workflows, coes=self.coes, chains=self.chains, answers=chart.answers, targets={},
        )


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


def assess_units(chart: Chart, by: UnitKind, models: Iterable | None = None, shared: bool = True,
                 only: Iterable[str] = ()) -> UnitMatrix:
    """Assess each unit's sub-chart with ``models`` (every built-in one by default); ``only`` picks unit ids."""
    from . import assess_all  # noqa: PLC0415  (the package imports this module's callers, not the reverse)

    models = None if models is None else list(models)
    units = units_of(chart, by)
    notes = _target_notes(chart, by, units)
    wanted = set(only)
    results = []
    for unit in units:
        if wanted and unit.id not in wanted:
            continue
        sub = unit_chart(chart, unit, shared)
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
