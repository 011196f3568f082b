"""A unit's part of the chart: its capabilities (its scope) and everything they refer to.

See :mod:`planner.maturity.units` for what a unit is. The sub-chart is assembled
from the chart's own (already validated) elements, without validating again. The
references of every element are listed once per chart, by number
(:class:`~planner.maturity.unit_index.ChartIndex`), and shared by every unit.
"""

from __future__ import annotations

from itertools import compress
from typing import Any

from ..model import SECTIONS, Chart, ref_fields
from .unit_index import PRUNED_KINDS, UNSET, ChartIndex, Numbers, union
from .unit_kinds import KIND_WORDS, Unit, UnitKind

__all__ = ["PRUNED_KINDS", "ChartIndex", "scope_capabilities", "unit_chart", "units_of"]


def units_of(chart: Chart, by: UnitKind) -> list[Unit]:
    """Every unit of the chart, in chart order: lines of business as first named, or teams."""
    if by == "team":
        return [Unit("team", t.id, t.name) for t in chart.teams]
    names: dict[str, None] = {}
    for lob in [t.lob for t in chart.teams] + [w for c in chart.capabilities for w in c.lob] + [d.lob for d in chart.data]:
        if lob:
            names.setdefault(lob, None)
    return [Unit("lob", name, name) for name in names]


def _descendants(index: ChartIndex, root: str) -> set[str]:
    children = index.team_children
    found, todo = set(), [root]
    while todo:
        team = todo.pop()
        if team not in found:
            found.add(team)
            todo += children.get(team, ())
    return found


def scope_capabilities(chart: Chart, unit: Unit, shared: bool = True, index: ChartIndex | None = None) -> set[str]:
    """Ids of the capabilities in ``unit``'s scope (see the module's docstring)."""
    index = index or ChartIndex(chart)
    if unit.kind == "team":
        teams = _descendants(index, unit.id)
        members = {pid for pid, team in index.person_team.items() if team in teams} | teams
        return {c.id for c in chart.capabilities
                if c.accountable in members or any(r in members for r in c.responsible)}
    return {cid for cid, lobs in index.capability_lines if unit.id in lobs or (shared and lobs == [""])}


def unit_chart(chart: Chart, unit: Unit, shared: bool = True, index: ChartIndex | None = None) -> Chart:
    """The sub-chart of ``unit``: its capabilities and everything they reference (no re-validation).

    The result is referentially whole, as a valid chart is (the roadmap applies its
    changes to it and checks it): what kept elements refer to is kept too (a
    manager, a parent team, a system's provider), except capabilities, workflows
    and chains outside the unit and another line's data, whose references are left out.
    """
    index = index or ChartIndex(chart)
    caps = scope_capabilities(chart, unit, shared, index)
    numbers, kept = index.numbers, index.section_numbers
    ids = {UNSET, *map(numbers.__getitem__, caps)}
    ids.update(n for n, w in zip(kept["workflows"], chart.workflows) if w.capability in caps)
    ids.update(n for n, c in zip(kept["coes"], chart.coes) if any(x in caps for x in c.capabilities))
    ids.update(numbers[a.by] for a in chart.answers.values() if a.by)
    if unit.kind == "lob":
        ids.update(n for n, d in zip(kept["data"], chart.data) if d.lob == unit.id)
    _close(ids, index, index.line_data(unit))
    coes = {c.id for n, c in zip(kept["coes"], chart.coes) if n in ids}
    ids.update(n for n, v in zip(kept["chains"], chart.chains) if sum(x in coes for x in v.coes) >= 2)
    info = chart.chart.model_copy(update={"name": f"{chart.chart.name} / {KIND_WORDS[unit.kind]} {unit.name}"})
    return Chart.model_construct(version=chart.version, chart=info, **_sections(chart, ids, index),
                                 answers=chart.answers, targets={})


def _close(ids: set[int], index: ChartIndex, line_data: set[int]) -> None:
    """Add to ``ids`` what its elements refer to, and the data that feeds its data, until nothing is added.

    A reference pulls in what it names unless that is a capability, workflow or
    chain (:data:`PRUNED_KINDS`); ``feeds`` links, followed both ways (the data a
    source feeds, the sources that feed a data set), stay within ``line_data``.
    Each round takes one level of references at once, as set operations.

    Feeders are looked up for every data set added, however it was reached: looking
    only at the data first found, as before, made the result depend on the order a
    set was walked in, so a unit's size could change from one run to the next.
    """
    links, feeds, fed_by, pullable = index.links, index.feeds, index.fed_by, index.pullable
    todo = {n for n in ids if n >= 0}  # elements (an answer's author the chart lacks has a negative number)
    while todo:
        found = union(map(links.__getitem__, todo)) & pullable
        found |= union([*(feeds[n] for n in feeds.keys() & todo), *(fed_by[n] for n in fed_by.keys() & todo)]) \
            & line_data
        todo = found - ids
        ids |= todo


def _sections(chart: Chart, ids: set[int], index: ChartIndex) -> dict[str, Any]:
    """Each section's elements in ``ids``, in chart order; those referring to what ``ids`` lacks pruned.

    Only the few elements :attr:`ChartIndex.loose` lists can refer to what the
    sub-chart lacks; every other element is kept as it is, unchecked.
    """
    numbers = index.section_numbers
    kept = {name: list(compress(getattr(chart, name), map(ids.__contains__, numbers[name]))) for name in SECTIONS}
    loose = index.loose
    cut = {n for n in loose.keys() & ids if not ids.issuperset(loose[n])}
    if cut:
        holds = _Holds(index.numbers, ids)
        for name in SECTIONS:
            if index.repeated or any(n in index.spans[name] for n in cut):
                kept[name] = [_prune(e, holds) if n in cut else e
                              for n, e in zip(numbers[name], getattr(chart, name)) if n in ids]
    return kept


class _Holds:
    """``element_id in holds``: whether a unit's numbers hold that id (what :func:`_prune` asks)."""

    def __init__(self, numbers: Numbers, ids: set[int]):
        self.numbers, self.ids = numbers, ids

    def __contains__(self, element_id: object) -> bool:
        return self.numbers[element_id] in self.ids


def _prune(element, kept: _Holds):
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
