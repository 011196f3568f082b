"""What a view will draw: the chart graph cut down by the view and the user's filters.

A :class:`Scene` is built in one pass over the graph's nodes and one over its
edges (when the view draws any), so it stays fast on 100,000-element charts. Steps, in order:

1. keep the view's node kinds (narrowed by ``--only``) and relations; nodes of
   kinds that are not the view's *core* are kept only when an edge reaches them
   (the capabilities view shows the people who answer for a capability, not
   everyone on the payroll);
2. ``--focus ID --depth N``: the nodes within N links of ID, links taken either way;
3. ``--collapse teams|coes``: each person stands in for nothing and their team (or
   CoE) stands in for them; edges are re-pointed and counted;
4. above ``max_nodes`` the scene is aggregated (see :mod:`.aggregate`).
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..errors import PlannerError, UnknownNameError
from ..graph import NODE_KINDS, SOURCE_KINDS, ChartGraph

COLLAPSE_CHOICES = ("teams", "coes")


@dataclass
class Item:
    """A node to draw: one element, or several merged into one (``members`` counts them by kind)."""

    id: str
    kind: str
    label: str
    element: Any = None
    members: Counter = field(default_factory=Counter)
    aggregate: bool = False

    @property
    def size(self) -> int:
        return sum(self.members.values())


@dataclass
class Link:
    """An edge to draw: ``count`` parallel edges merged, ``data`` of the first few kept."""

    tail: str
    head: str
    relation: str
    count: int = 1
    data: list[dict] = field(default_factory=list)


@dataclass
class Scene:
    """Nodes and edges of one view, with the notes the title must carry."""

    graph: ChartGraph
    items: dict[str, Item]
    links: list[Link]
    notes: list[str] = field(default_factory=list)
    rep: dict[str, str] = field(default_factory=dict)
    """Element id -> id of the item standing for it, for elements merged away."""
    aggregated: bool = False

    def item_of(self, element_id: str) -> Item | None:
        """The item drawing ``element_id``, itself or the one it was merged into."""
        return self.items.get(self.rep.get(element_id, element_id))


def select(graph: ChartGraph, kinds: set[str], relations: set[str], core: set[str], extra: Iterable = ()):
    """Node ids and edges (u, v, relation, data) of the view, pruning unreached non-core nodes.

    ``extra`` edges are derived by the view (not in the graph) and pass the same filters.
    A view that draws no edge and keeps no node unreached (the unit and scorecard grids)
    selects nothing, without reading the chart.
    """
    if not relations and not kinds & core:
        return {}, []
    nodes = {n: d for n, d in graph.nodes.items() if d["kind"] in kinds}
    edges = edges_between(graph, nodes, kinds, relations) if relations else []
    edges += [(u, v, k, d) for u, v, k, d in extra if k in relations and u in nodes and v in nodes]
    if kinds <= core:  # every node is kept anyway
        return nodes, edges
    reached = {n for n, d in nodes.items() if d["kind"] in core}
    for u, v, _, _ in edges:
        reached.add(u)
        reached.add(v)
    return {n: d for n, d in nodes.items() if n in reached}, edges


def edges_between(graph: ChartGraph, nodes: dict, kinds: set[str], relations: set[str]) -> list[tuple]:
    """The graph's edges of ``relations`` between ``nodes``, by source in chart order.

    The adjacency is built only here, only from the kinds the relations start from
    (:data:`~planner.graph.SOURCE_KINDS`) among the view's, and of only the relations
    drawn when the graph can tell them apart (hand-offs: see :meth:`ChartGraph.edges_from`).
    """
    sources = frozenset().union(*(SOURCE_KINDS.get(r, NODE_KINDS) for r in relations)) & kinds
    adjacency = graph.edges_from(sources, relations)
    edges: list[tuple] = []
    append = edges.append
    for u in nodes:  # in graph order
        targets = adjacency.get(u)
        if targets is None or nodes[u]["kind"] not in sources:
            continue
        for v, keyed in targets.items():
            if v in nodes:
                for k, d in keyed.items():
                    if k in relations:
                        append((u, v, k, d))
    return edges


def focus(nodes: dict, edges: list, center: str, depth: int) -> tuple[dict, list]:
    """Nodes within ``depth`` links of ``center`` (either direction) and the edges among them."""
    adjacent: dict[str, set[str]] = {}
    for u, v, _, _ in edges:
        adjacent.setdefault(u, set()).add(v)
        adjacent.setdefault(v, set()).add(u)
    seen = {center: 0}
    queue = deque([center])
    while queue:
        node = queue.popleft()
        if seen[node] >= depth:
            continue
        for other in adjacent.get(node, ()):
            if other not in seen:
                seen[other] = seen[node] + 1
                queue.append(other)
    return ({n: d for n, d in nodes.items() if n in seen},
            [e for e in edges if e[0] in seen and e[1] in seen])


def collapse_map(graph: ChartGraph, nodes: dict, how: str) -> dict[str, str]:
    """Element id -> representative id for ``--collapse teams`` or ``--collapse coes``."""
    rep: dict[str, str] = {}
    if how == "teams":
        for node, data in nodes.items():
            if data["kind"] == "person" and data["element"].team in graph:
                rep[node] = data["element"].team
    elif how == "coes":
        for coe in (n for n, d in graph.nodes.items() if d["kind"] == "coe"):
            element = graph.nodes[coe]["element"]
            for member in [*element.members, *element.capabilities, element.lead]:
                if member and member in nodes and member not in rep:
                    rep[member] = coe
    else:
        raise UnknownNameError("collapse mode", how, list(COLLAPSE_CHOICES))
    return rep


def merge(graph: ChartGraph, nodes: dict, edges: Iterable, rep: dict[str, str],
          aggregate_labels: dict[str, tuple[str, str]] | None = None) -> tuple[dict[str, Item], list[Link]]:
    """Items and links after replacing each node by its representative; self-loops drop out.

    ``aggregate_labels`` names representatives that are not chart elements:
    id -> (kind, label).
    """
    items: dict[str, Item] = {}
    new_counter = Counter.__new__  # an empty Counter, without Counter.__init__'s generic update()
    gnodes = graph.nodes if nodes else {}  # an empty scene never builds the node table
    labels = aggregate_labels or {}
    for node, data in nodes.items():
        target = rep.get(node, node) if rep else node
        item = items.get(target) if rep else None
        if item is None:
            tdata = gnodes.get(target)
            if tdata is not None:
                item = Item(target, tdata["kind"], tdata["label"], tdata["element"], new_counter(Counter))
            else:
                kind, label = labels.get(target, (data["kind"], target))
                item = Item(target, kind, label, None, new_counter(Counter), aggregate=True)
            items[target] = item
        if target != node or item.aggregate:
            item.members[data["kind"]] += 1
    links: dict[tuple[str, str, str], Link] = {}
    for u, v, key, data in edges:
        if rep:
            u, v = rep.get(u, u), rep.get(v, v)
        if u == v:
            continue
        link = links.get((u, v, key))
        if link is None:
            links[(u, v, key)] = Link(u, v, key, 1, [data])
        else:
            link.count += 1
            if len(link.data) < 8:
                link.data.append(data)
    return items, list(links.values())


def check_kinds(only: Iterable[str], allowed: Iterable[str], view: str) -> set[str]:
    """``--only`` kinds, checked against the graph's kinds and the view's."""
    wanted = {k.strip() for k in only if k.strip()}
    for kind in wanted:
        if kind not in NODE_KINDS:
            raise UnknownNameError("element kind", kind, list(NODE_KINDS))
    kept = wanted & set(allowed)
    if not kept:
        raise PlannerError(f"--only {','.join(sorted(wanted))}: the {view} view shows only "
                           f"{', '.join(sorted(allowed))}")
    return kept
