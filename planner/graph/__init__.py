"""The chart as a graph of elements and relations: the input every diagram is drawn from.

What this module is for: :mod:`planner.render` draws from a :class:`ChartGraph`.
The analyses do not: maturity rules read :class:`planner.maturity.Facts` (indexes
of the chart itself) and the diff its own per-element index
(:mod:`planner.diff.index`); they share with the diagrams only the vocabulary
below (node kinds and relation names), so an edge means the same everywhere.

A :class:`ChartGraph` costs what a view uses. Making one costs nothing; the
node table (id -> kind, label, element) is built on first use, and the
adjacency (every reference, containment, hand-off and value-chain link as a
keyed edge) only when a view draws edges: on a 100,000-element chart the
heat map and the scorecard never build it, and no view builds a networkx graph
(that took 1.2 s of the 3.5 s a render took), and a view drawing hand-offs alone
builds no reference (:mod:`planner.graph.tables` fills the tables).
:meth:`ChartGraph.to_networkx` makes one for callers who want networkx's
algorithms; it holds the same nodes and edges.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Iterator
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ..model import ELEMENT_CLASSES, SECTIONS, Chart, ref_fields
from ..perf import paused_gc
from .tables import HANDOFF, NEXT_COE, PART_OF, Adjacency, Node, add_kinds, count_references, handoffs_alone

if TYPE_CHECKING:
    import networkx as nx

NODE_KINDS: tuple[str, ...] = tuple(ELEMENT_CLASSES)
"""``team``, ``person``, ``org``, ``contract``, ``system``, ``data``, ``capability``,
``workflow``, ``step``, ``coe``, ``chain``."""

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


def _source_kinds() -> dict[str, frozenset[str]]:
    step = ELEMENT_CLASSES["step"]
    performers = next(f.ref.kinds for f in ref_fields(step) if f.name == "by")
    nested = set(ELEMENT_CLASSES) - {cls.KIND for cls in SECTIONS.values()}
    found = {name: sources for name, (sources, _) in REFERENCE_RELATIONS.items()}
    containers = found.get(PART_OF, frozenset())  # a team's parent is a reference named part_of too
    return {**found, PART_OF: frozenset(nested) | containers, HANDOFF: frozenset(performers),
            NEXT_COE: frozenset({"coe"})}


SOURCE_KINDS: dict[str, frozenset[str]] = _source_kinds()
"""Relation -> the kinds of node its edges start from: a view drawing only some relations
reads the edges of those kinds alone."""

class ChartGraph:
    """A chart's elements as nodes and its relations as keyed edges, each table made on first use.

    Nodes are element ids with ``kind`` (one of :data:`NODE_KINDS`), ``label``
    and ``element``; edges run from the element holding a reference to the one
    it names, keyed by the relation declared on the model field, plus
    :data:`PART_OF`, :data:`HANDOFF` and :data:`NEXT_COE`. Dangling references
    are left out (``check`` reports them). Orders are the chart's, so a diagram
    is the same on every run. A snapshot: make a new one after editing the chart.
    """

    def __init__(self, chart: Chart):
        self.chart = chart
        self.name = chart.chart.name
        self.graph = {"name": chart.chart.name, "state": chart.chart.state, "chart": chart}
        """Chart-wide attributes, under the names networkx graphs use (``to_networkx`` copies them)."""
        self._adjacency: Adjacency = {}
        self._built: set[str] = set()
        self._handoffs: dict[frozenset[str], Adjacency] = {}
        """Kinds -> the hand-offs alone of their performers, for a view that draws no other edge of them."""
        self.memo: dict[Hashable, Any] = {}
        """What a consumer derives from this snapshot and reuses (the render keeps its scenes here)."""

    @cached_property
    def nodes(self) -> dict[str, Node]:
        """Id -> node, in chart order (a duplicate id keeps its first place and its last element)."""
        found: dict[str, Node] = {}
        with paused_gc():  # 100,000 small dicts and no cycle among them
            for section, cls in SECTIONS.items():  # Chart.iter_elements' order, without its locations
                nested = cls.CHILDREN
                for element in getattr(self.chart, section):
                    found[element.id] = {"kind": element.KIND, "label": element.name, "element": element}
                    if nested:
                        for child in getattr(element, nested):
                            found[child.id] = {"kind": child.KIND, "label": child.name, "element": child}
        return found

    def __contains__(self, element_id: object) -> bool:
        return element_id in self.nodes

    def __len__(self) -> int:
        return len(self.nodes)

    @property
    def adjacency(self) -> Adjacency:
        """Every edge between known nodes, by source in chart order; one per (source, target, relation)."""
        found = self.edges_from(NODE_KINDS)
        return {n: found.get(n, {}) for n in self.nodes}

    def edges_from(self, kinds: Iterable[str], relations: Iterable[str] | None = None) -> Adjacency:
        """The adjacency of the sources of ``kinds`` (at least): built a kind at a time, on first use.

        A view reads the edges of the kinds its relations start from (:data:`SOURCE_KINDS`):
        the org view never builds the 50,000 RACI edges of the capabilities. ``relations``
        (None: all) may narrow what is built: a view drawing hand-offs alone (the flows view)
        gets them without the references of the 65,000 people of a 100,000-element chart.
        Each source's edges keep the order of the whole table either way.
        """
        if relations is not None and set(relations) & set(RELATIONS) <= {HANDOFF}:
            return self._handoffs_from(kinds)
        missing = [k for k in kinds if k not in self._built]
        if missing:
            with paused_gc():
                add_kinds(self.chart, self.nodes, frozenset(missing), self._adjacency)
            self._built.update(missing)
        return self._adjacency

    def _handoffs_from(self, kinds: Iterable[str]) -> Adjacency:
        """The hand-offs from performers of ``kinds`` (at least): from the whole table for a kind
        already built there, else built alone (see :func:`~planner.graph.tables.handoffs_alone`)."""
        alone = frozenset(k for k in kinds if k not in self._built)
        if not alone:
            return self._adjacency
        if alone not in self._handoffs:
            with paused_gc():
                self._handoffs[alone] = handoffs_alone(self.chart, self.nodes, alone)
        # the sources of kinds built whole and those of kinds built alone are different elements
        return {**self._adjacency, **self._handoffs[alone]} if self._adjacency else self._handoffs[alone]

    def count_references(self, kinds: Iterable[str], relations: Iterable[str], among: dict[str, Node]) -> Counter[str]:
        """Relation -> references of ``relations`` from ``kinds`` between ``among``'s nodes, counted
        without building them: what an aggregated view leaves out (see :func:`~planner.graph.tables.count_references`)."""
        return count_references(self.chart, among, frozenset(kinds), frozenset(relations))

    def edges(self) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
        """(source, target, relation, data) of every edge."""
        for u, targets in self.adjacency.items():
            for v, keyed in targets.items():
                for relation, data in keyed.items():
                    yield u, v, relation, data

    def has_edge(self, source: str, target: str, relation: str) -> bool:
        return relation in self.adjacency.get(source, {}).get(target, {})

    def to_networkx(self) -> nx.MultiDiGraph:
        """The same nodes and edges as a networkx ``MultiDiGraph`` (``graph.graph["chart"]`` is the chart)."""
        import networkx as nx  # noqa: PLC0415  (only callers of networkx's algorithms pay for it)

        graph: nx.MultiDiGraph = nx.MultiDiGraph()
        graph.graph.update(self.graph)
        graph.add_nodes_from(self.nodes.items())
        graph.add_edges_from(self.edges())  # type: ignore[arg-type]  # the stubs omit (u, v, key, data) edges
        return graph


def build_graph(chart: Chart) -> ChartGraph:
    """The :class:`ChartGraph` of ``chart``: what :func:`planner.render.to_dot` draws."""
    return ChartGraph(chart)
