"""A chart as a networkx ``MultiDiGraph``: the shape every analysis and view works on.

Nodes are element ids with attributes ``kind`` (one of :data:`NODE_KINDS`),
``label`` and ``element`` (the pydantic object). Edges run from the element that
holds a reference to the element it names, keyed by the relation name declared
on the model field (see :mod:`planner.model.base`), plus three structural
relations below. ``graph.graph["chart"]`` keeps the chart itself, for what is not
a node or edge (metadata, self-assessment answers). Nothing is lost: every element is a node and every reference,
containment and hand-off is an edge.
"""

from __future__ import annotations

import networkx as nx

from .model import ELEMENT_CLASSES, Chart, iter_refs, ref_fields
from .perf import paused_gc

NODE_KINDS: tuple[str, ...] = tuple(ELEMENT_CLASSES)
"""``team``, ``person``, ``org``, ``contract``, ``system``, ``data``, ``capability``,
``workflow``, ``step``, ``coe``, ``chain``."""

PART_OF = "part_of"
"""Containment: a contract is part of its organization, a step part of its workflow."""
HANDOFF = "handoff"
"""Derived from a workflow step with ``to``: performer -> receiver, attribute ``artifacts``."""
NEXT_COE = "next"
"""Derived from a value chain: each CoE -> the next one downstream, attribute ``chain``."""

def _reference_relations() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    found: dict[str, tuple[set[str], set[str]]] = {}
    for kind, cls in ELEMENT_CLASSES.items():
        for field in ref_fields(cls):
            sources, targets = found.setdefault(field.ref.relation, (set(), set()))
            sources.add(kind)
            targets.update(field.ref.kinds)
    return {name: (frozenset(s), frozenset(t)) for name, (s, t) in found.items()}


REFERENCE_RELATIONS: dict[str, tuple[frozenset[str], frozenset[str]]] = _reference_relations()
"""Relation name -> (kinds of source nodes, kinds of target nodes), read from the model's
``Ref`` declarations (``owned_by`` runs from systems and data sources, for instance)."""

RELATIONS: tuple[str, ...] = tuple(sorted(set(REFERENCE_RELATIONS) | {PART_OF, HANDOFF, NEXT_COE}))
"""Every edge key the graph may hold."""


def build_graph(chart: Chart) -> nx.MultiDiGraph:
    """The chart as a graph. Dangling references are skipped (``check`` reports them)."""
    with paused_gc():
        return _build(chart)


def _build(chart: Chart) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph(name=chart.chart.name, state=chart.chart.state, chart=chart)
    nodes, edges = [], []
    for loc, element in chart.iter_elements():
        nodes.append((element.id, {"kind": element.KIND, "label": element.name, "element": element}))
        if len(loc) > 2:  # nested: contracts, steps
            parent = getattr(chart, loc[0])[loc[1]]
            edges.append((element.id, parent.id, PART_OF, {}))
        for field, index, target in iter_refs(element):
            edges.append((element.id, target, field.ref.relation, {"field": field.name}))
    for workflow in chart.workflows:
        for step in workflow.steps:
            if step.to:
                data = {"artifacts": tuple(step.outputs), "workflow": workflow.id, "step": step.id}
                edges.append((step.by, step.to, HANDOFF, data))
    for chain in chart.chains:
        for upstream, downstream in zip(chain.coes, chain.coes[1:]):
            edges.append((upstream, downstream, NEXT_COE, {"chain": chain.id}))
    graph.add_nodes_from(nodes)
    known = graph._node
    graph.add_edges_from(e for e in edges if e[0] in known and e[1] in known)
    return graph


def nodes_of_kind(graph: nx.MultiDiGraph, kind: str) -> list[str]:
    """Ids of the nodes of one kind, in chart order."""
    return [node for node, data in graph.nodes(data=True) if data["kind"] == kind]


def subgraph_of_kinds(graph: nx.MultiDiGraph, kinds: set[str], relations: set[str] | None = None) -> nx.MultiDiGraph:
    """A view restricted to some node kinds and, optionally, some relations."""
    view = nx.subgraph_view(graph, filter_node=lambda n: graph.nodes[n]["kind"] in kinds)
    if relations is None:
        return view
    return nx.subgraph_view(view, filter_edge=lambda u, v, k: k in relations)
