"""A unit's part of the chart: its capabilities (its scope) and everything they refer to.

See :mod:`planner.maturity.units` for what a unit is. The sub-chart is assembled
from the chart's own (already validated) elements, without validating again. The
references of every element are listed once per chart (:class:`ChartIndex`), so
assembling the sub-charts of every unit costs one pass over the chart each.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from ..model import SECTIONS, Chart, Team, iter_refs, ref_fields
from .unit_kinds import KIND_WORDS, Unit, UnitKind


def _team_lobs(chart: Chart) -> dict[str, str]:
    """Team id -> its line of business, inherited from the nearest parent that has one."""
    teams = {t.id: t for t in chart.teams}
    found: dict[str, str] = {}
    for team in chart.teams:
        seen: set[str] = set()
        current: Team | None = team
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
        lobs = c.lob or [team_lob.get(person_team.get(c.accountable or "") or "", "")]
        if unit.id in lobs or (shared and lobs == [""]):
            found.add(c.id)
    return found


class ChartIndex:
    """What assembling sub-charts reads, computed once per chart and shared by all its units."""

    def __init__(self, chart: Chart):
        self.chart = chart

    @cached_property
    def by_id(self) -> dict:
        return {e.id: e for section in SECTIONS for e in getattr(self.chart, section)}

    @cached_property
    def refs(self) -> dict[str, tuple[tuple[str, str], ...]]:
        """Element id -> (field name, id) of each reference it and its nested elements make."""
        found = {}
        for section in SECTIONS:
            for e in getattr(self.chart, section):
                pairs = [(f.name, t) for f, _, t in iter_refs(e)]
                for _, _, child in e.children():
                    pairs += [(f.name, t) for f, _, t in iter_refs(child)]
                found[e.id] = tuple(pairs)
        return found

    @cached_property
    def targets(self) -> dict[str, frozenset[str]]:
        """Element id -> the ids it and its nested elements refer to: whether a sub-chart holds
        them all is then one set comparison, shared by every unit."""
        return {eid: frozenset([t for _, t in pairs]) for eid, pairs in self.refs.items()}

    @cached_property
    def pullable(self) -> dict:
        """Id -> element, for the elements a reference may pull into a sub-chart (not :data:`PRUNED_KINDS`)."""
        return {i: e for i, e in self.by_id.items() if e.KIND not in PRUNED_KINDS}

    @cached_property
    def fed_by(self) -> dict[str, list]:
        found: dict[str, list] = {}
        for d in self.chart.data:
            for target in d.feeds:
                found.setdefault(target, []).append(d)
        return found


def unit_chart(chart: Chart, unit: Unit, shared: bool = True, index: ChartIndex | None = None) -> Chart:
    """The sub-chart of ``unit``: its capabilities and everything they reference (no re-validation).

    The result is referentially whole, as a valid chart is (the roadmap applies its
    changes to it and checks it): what kept elements refer to is kept too (a
    manager, a parent team, a system's provider), except capabilities, workflows
    and chains outside the unit and another line's data, whose references are left out.
    """
    index = index or ChartIndex(chart)
    by_id = index.by_id
    caps = scope_capabilities(chart, unit, shared)
    workflows = [w for w in chart.workflows if w.capability in caps]
    coes = {c.id for c in chart.coes if any(x in caps for x in c.capabilities)}
    ids = set(caps) | {w.id for w in workflows} | coes
    ids.update(a.by for a in chart.answers.values() if a.by)
    if unit.kind == "lob":
        ids.update(d.id for d in chart.data if d.lob == unit.id)
    _close(ids, index, unit, [i for i in ids if i in by_id])
    _feeders(ids, index, unit)
    kept_coes = {c.id for c in chart.coes if c.id in ids}
    chains = [v for v in chart.chains if sum(x in kept_coes for x in v.coes) >= 2]
    ids.update(v.id for v in chains)
    info = chart.chart.model_copy(update={"name": f"{chart.chart.name} / {KIND_WORDS[unit.kind]} {unit.name}"})
    whole = ids.issuperset
    targets = index.targets
    values: dict[str, Any] = {name: [e if whole(targets[e.id]) else _prune(e, ids)
                                     for e in getattr(chart, name) if e.id in ids] for name in SECTIONS}
    return Chart.model_construct(version=chart.version, chart=info, **values, answers=chart.answers, targets={})


PRUNED_KINDS = frozenset({"capability", "workflow", "chain"})
"""Kinds a reference never pulls into a unit's sub-chart: the unit's own are chosen by its scope."""


def _close(ids: set[str], index: ChartIndex, unit: Unit, todo: list[str]) -> None:
    """Add to ``ids`` everything the elements in ``todo`` refer to, transitively (see :func:`unit_chart`)."""
    pullable, refs = index.pullable, index.refs
    while todo:
        for field, target in refs[todo.pop()]:
            if target in ids:
                continue
            other = pullable.get(target)
            if other is None or (field == "feeds" and not _same_line(other, unit, field)):
                continue
            ids.add(target)
            todo.append(target)


def _same_line(element, unit: Unit, field: str) -> bool:
    """Data reached through ``feeds`` stays in the unit only if it is the line's own or shared."""
    return field != "feeds" or unit.kind != "lob" or element.lob in ("", unit.id)


def _feeders(ids: set[str], index: ChartIndex, unit: Unit) -> None:
    """Data sources (the line's own or shared) that feed the unit's data, with what they need in turn.

    Repeated until nothing is added: a feeder's references can bring in more data
    (a shared source it also feeds), whose own feeders belong to the unit too. Looking
    only at the data first found, as before, made the result depend on the order a
    set was walked in, so a unit's size could change from one run to the next.
    """
    fed_by = index.fed_by
    done: set[str] = set()
    while todo := [i for i in ids if i in fed_by and i not in done]:
        done.update(todo)
        for target in todo:
            for source in fed_by[target]:
                if source.id not in ids and _same_line(source, unit, "feeds"):
                    ids.add(source.id)
                    _close(ids, index, unit, [source.id])


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
