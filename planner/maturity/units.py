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
from typing import Iterable, Iterator, Literal

from ..model import SECTIONS, Chart, iter_refs, ref_fields
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
    """The sub-chart of ``unit``: its capabilities and everything they reference (no re-validation).

    The result is referentially whole, as a valid chart is (the roadmap applies its
    changes to it and checks it): what kept elements refer to is kept too (a
    manager, a parent team, a system's provider), except capabilities, workflows
    and chains outside the unit and another line's data, whose references are left out.
    """
    by_id = {e.id: e for section in SECTIONS for e in getattr(chart, section)}
    caps = scope_capabilities(chart, unit, shared)
    workflows = [w for w in chart.workflows if w.capability in caps]
    coes = {c.id for c in chart.coes if any(x in caps for x in c.capabilities)}
    ids = set(caps) | {w.id for w in workflows} | coes
    ids.update(a.by for a in chart.answers.values() if a.by)
    if unit.kind == "lob":
        ids.update(d.id for d in chart.data if d.lob == unit.id)
    _close(ids, by_id, unit, [by_id[i] for i in ids if i in by_id])
    _feeders(chart, ids, by_id, unit)
    kept_coes = {c.id for c in chart.coes if c.id in ids}
    chains = [v for v in chart.chains if sum(x in kept_coes for x in v.coes) >= 2]
    ids.update(v.id for v in chains)
    info = chart.chart.model_copy(update={"name": f"{chart.chart.name} / {KIND_WORDS[unit.kind]} {unit.name}"})
    sections = {name: [_prune(e, ids) for e in getattr(chart, name) if e.id in ids] for name in SECTIONS}
    return Chart.model_construct(version=chart.version, chart=info, **sections, answers=chart.answers, targets={})


PRUNED_KINDS = frozenset({"capability", "workflow", "chain"})
"""Kinds a reference never pulls into a unit's sub-chart: the unit's own are chosen by its scope."""


def _close(ids: set[str], by_id: dict, unit: Unit, todo: list) -> None:
    """Add to ``ids`` everything the elements in ``todo`` refer to, transitively (see :func:`unit_chart`)."""
    while todo:
        element = todo.pop()
        for field, target in _refs(element):
            if target in ids:
                continue
            other = by_id.get(target)
            if other is None or other.KIND in PRUNED_KINDS or not _same_line(other, unit, field):
                continue
            ids.add(target)
            todo.append(other)


def _same_line(element, unit: Unit, field: str) -> bool:
    """Data reached through ``feeds`` stays in the unit only if it is the line's own or shared."""
    return field != "feeds" or unit.kind != "lob" or element.lob in ("", unit.id)


def _feeders(chart: Chart, ids: set[str], by_id: dict, unit: Unit) -> None:
    """Data sources (the line's own or shared) that feed the unit's data, with what they need in turn."""
    fed_by: dict[str, list] = {}
    for d in chart.data:
        for target in d.feeds:
            fed_by.setdefault(target, []).append(d)
    todo = [i for i in ids if i in fed_by]
    while todo:
        for source in fed_by.get(todo.pop(), ()):
            if source.id not in ids and _same_line(source, unit, "feeds"):
                ids.add(source.id)
                todo.append(source.id)
                _close(ids, by_id, unit, [source])


def _refs(element) -> Iterator[tuple[str, str]]:
    """(field name, id) of every reference of an element and of its nested elements."""
    for field, _, target in iter_refs(element):
        yield field.name, target
    for _, _, child in element.children():
        for field, _, target in iter_refs(child):
            yield field.name, target


def _prune(element, kept: set[str]):
    """``element`` without its references to what the sub-chart does not hold (a copy only when needed)."""
    update: dict = {}
    for field in ref_fields(type(element)):
        value = getattr(element, field.name)
        if field.many:
            if any(x not in kept for x in value):
                update[field.name] = [x for x in value if x in kept]
        elif value is not None and value not in kept:
            update[field.name] = None
    for name, j, child in element.children():
        new = _prune(child, kept)
        if new is not child:
            update.setdefault(name, list(getattr(element, name)))[j] = new
    return element.model_copy(update=update) if update else element


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
