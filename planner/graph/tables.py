"""How a :class:`planner.graph.ChartGraph` fills its adjacency: whole kinds, or hand-offs alone.

A source's edges are held in one order whichever way they were built: its
containment, its references (in field order), its hand-offs, then its value-chain
links, targets in the order they first appear. Diagrams drawn from them are
therefore the same on every run and whichever view came first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterator
from typing import Any

from ..model import NESTING, SECTIONS, Chart, ref_fields
from ..model.chart import NESTING_BY_SECTION

PART_OF = "part_of"
"""Containment: a contract is part of its organization, a step part of its workflow."""
HANDOFF = "handoff"
"""Derived from a workflow step with ``to``: performer -> receiver, attribute ``artifacts``."""
NEXT_COE = "next"
"""Derived from a value chain: each CoE -> the next one downstream, attribute ``chain``."""

Node = dict[str, Any]
"""``{"kind": ..., "label": ..., "element": ...}`` of one element."""
Adjacency = dict[str, dict[str, dict[str, dict[str, Any]]]]
"""Source id -> target id -> relation -> edge data, in chart order."""


def _ref_plan(cls: type) -> list[tuple[str, str, bool, dict[str, str]]]:
    """(field, relation, many, edge data) of each reference field of ``cls``; the data is shared, never mutated."""
    return [(f.name, f.ref.relation, f.many, {"field": f.name}) for f in ref_fields(cls)]


Plans = dict[type, list[tuple[str, str, bool, dict[str, str]]]]


def _references(element: Any, plans: Plans) -> Iterator[tuple[str, str, dict[str, str]]]:
    """(target, relation, data) of each reference ``element`` makes, in field order."""
    cls = type(element)
    plan = plans.get(cls)
    if plan is None:
        plan = plans[cls] = _ref_plan(cls)
    for name, relation, many, data in plan:
        value = getattr(element, name)
        if value:
            for target in (value if many else (value,)):
                yield target, relation, data


def _adder(adj: Adjacency, nodes: dict[str, Node]) -> Callable[[str, str, str, dict[str, Any]], None]:
    """``add(u, v, relation, data)``: one edge into ``adj`` unless ``v`` is unknown; a repeated edge merges its data."""

    def add(u: str, v: str, key: str, data: dict[str, Any]) -> None:
        if v not in nodes:
            return
        targets = adj.get(u)
        if targets is None:
            targets = adj[u] = {}
        keyed = targets.get(v)
        if keyed is None:
            targets[v] = {key: data}
        elif key in keyed:
            keyed[key] = {**keyed[key], **data}
        else:
            keyed[key] = data

    return add


def add_kinds(chart: Chart, nodes: dict[str, Node], kinds: frozenset[str], adj: Adjacency) -> None:
    """Add to ``adj`` the edges from the elements of ``kinds``, each source's in the order a graph
    built element by element holds them (its containment, its references, then its hand-offs and
    value-chain links), so that diagrams are the same whichever kinds were built first."""
    add = _adder(adj, nodes)
    plans: Plans = {}
    for section, cls in SECTIONS.items():
        child = NESTING.get(NESTING_BY_SECTION.get(section, ""))
        for element in getattr(chart, section):
            if cls.KIND in kinds:
                for target, relation, data in _references(element, plans):
                    add(element.id, target, relation, data)
            if child is not None and child.child_kind in kinds:
                for nested in getattr(element, child.field):
                    add(nested.id, element.id, PART_OF, {})
                    for target, relation, data in _references(nested, plans):
                        add(nested.id, target, relation, data)
    _handoff_edges(chart, nodes, kinds, add)
    for chain in chart.chains:
        for upstream, downstream in zip(chain.coes, chain.coes[1:]):
            if nodes.get(upstream, {}).get("kind") in kinds:
                add(upstream, downstream, NEXT_COE, {"chain": chain.id})


def _handoff_edges(chart: Chart, nodes: dict[str, Node], kinds: Collection[str], add: Callable[..., None]) -> None:
    """``add(performer, receiver, HANDOFF, data)`` for each step with a receiver, by performers of ``kinds``."""
    unknown: Node = {}
    for workflow in chart.workflows:
        for step in workflow.steps:
            if step.to and nodes.get(step.by, unknown).get("kind") in kinds:
                add(step.by, step.to, HANDOFF, {"artifacts": tuple(step.outputs), "workflow": workflow.id, "step": step.id})


def handoffs_alone(chart: Chart, nodes: dict[str, Node], kinds: frozenset[str]) -> Adjacency:
    """The hand-offs of the performers of ``kinds`` alone, each performer's targets in the order of the
    whole table: those it also references first (a table built whole adds references before
    hand-offs), in the order of its references, then the others in step order."""
    found: Adjacency = {}
    _handoff_edges(chart, nodes, kinds, _adder(found, nodes))
    plans: Plans = {}
    for u, targets in found.items():
        if len(targets) > 1:
            first = [v for v, _, _ in _references(nodes[u]["element"], plans) if v in targets]
            if first:
                found[u] = {**{v: targets[v] for v in first}, **targets}
    return found


def count_references(chart: Chart, among: dict, kinds: Collection[str], relations: Collection[str]) -> Counter[str]:
    """Relation -> the distinct references of ``relations`` from elements of ``kinds`` to elements of
    ``among`` (both ends in it): the edges :func:`add_kinds` would hold, counted without holding them."""
    found: dict[str, set[tuple[str, str]]] = {}
    plans: Plans = {}

    def count(element: Any) -> None:
        if element.id in among:
            pairs = {(target, relation) for target, relation, _ in _references(element, plans)
                     if relation in relations and target in among}
            if pairs:
                found.setdefault(element.id, set()).update(pairs)

    for section, cls in SECTIONS.items():
        child = NESTING.get(NESTING_BY_SECTION.get(section, ""))
        nested = child is not None and child.child_kind in kinds
        if cls.KIND in kinds or nested:
            for element in getattr(chart, section):
                if cls.KIND in kinds:
                    count(element)
                for inner in (getattr(element, child.field) if nested and child is not None else ()):
                    count(inner)
    return Counter(relation for pairs in found.values() for _, relation in pairs)
