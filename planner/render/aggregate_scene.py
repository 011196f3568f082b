"""A scene too large to draw element by element, made into groups with counted links.

:func:`aggregate_scene` groups the selected nodes (see :mod:`.aggregate`) and merges
the links between groups. A view that keeps every node of its kinds and draws
only some relations between groups (the org view: the team structure) is
grouped by :func:`counted_scene` without building the edges it leaves out: they
are counted for the note that says so, which on a 100,000-element chart is the
140,000 reporting and membership links of the people.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..graph import REFERENCE_RELATIONS, SOURCE_KINDS, ChartGraph
from .aggregate import aggregate_map, describe
from .scene import Link, Scene, edges_between, merge

if TYPE_CHECKING:
    from .options import RenderOptions
    from .views import View

AGGREGATE_LINKS_PER_NODE = 1.5
AGGREGATE_MIN_LINKS = 60
"""An aggregated view keeps at most max(60, 1.5 x nodes) links, the heaviest ones."""


def counted_scene(graph: ChartGraph, view: View, options: RenderOptions, kinds: set[str],
                  relations: set[str]) -> Scene | None:
    """The aggregated scene of a view that keeps every node of its kinds, when it has more than
    ``max_nodes`` of them: the links it draws between groups built, the others only counted.

    None when the view draws every relation between groups, may leave a node out, or leaves
    out links that are not references (:func:`aggregate_scene` then gets every edge).
    """
    drawn = view.aggregate_relations
    if drawn is None or not kinds <= view.core or not (relations - drawn) <= set(REFERENCE_RELATIONS):
        return None
    nodes = {n: d for n, d in graph.nodes.items() if d["kind"] in kinds}
    if len(nodes) <= options.max_nodes:
        return None
    left = relations - drawn
    sources = frozenset().union(*(SOURCE_KINDS[r] for r in left)) & kinds
    counts = graph.count_references(sources, left, nodes)
    return aggregate_scene(graph, view, options, nodes, edges_between(graph, nodes, kinds, relations & drawn),
                           {}, [], counts)


def aggregate_scene(graph: ChartGraph, view: View, options: RenderOptions, nodes: dict, edges: list,
                    rep: dict[str, str], notes: list[str], left_out: Counter[str] | None = None) -> Scene:
    """``nodes`` (``rep``: those already merged) in groups, and the links between groups.

    ``edges`` are every edge of the view, or (``left_out``: relation -> links not built)
    only those it draws between groups.
    """
    kept = {n: d for n, d in nodes.items() if n not in rep}
    keys = view.group_keys
    ladder = (lambda g, n, d: keys(g, n, d, options)) if keys else None
    groups, labels = aggregate_map(graph, kept, options.aggregate_target, ladder)
    final = {n: groups.get(rep.get(n, n), rep.get(n, n)) for n in nodes}
    kept_edges = edges
    if view.aggregate_relations is not None:
        kept_edges = [e for e in edges if e[2] in view.aggregate_relations]
    if left_out is None:
        left_out = Counter(e[2] for e in edges if e[2] not in (view.aggregate_relations or ()))
    items, links = merge(graph, nodes, kept_edges, final, labels)
    links = _one_link_per_pair(links)
    scene = Scene(graph, items, links, list(notes), final, aggregated=True)
    scene.notes.append(describe(items, len(nodes)))
    most = max(AGGREGATE_MIN_LINKS, int(len(items) * AGGREGATE_LINKS_PER_NODE))
    if len(links) > most:  # dense group graphs are unreadable, and dot's time explodes on them
        scene.links = sorted(links, key=lambda link: (-link.count, link.tail, link.head))[:most]
        scene.notes.append(f"Showing the {most:,} strongest of {len(links):,} links between groups.")
    if view.aggregate_relations is not None and left_out.total():
        names = sorted(r.replace("_", " ") for r, count in left_out.items() if count)
        scene.notes.append(f"Between groups only the team structure is drawn; {left_out.total():,} "
                           f"links ({', '.join(names)}) are left out.")
    return scene


def _one_link_per_pair(links: list[Link]) -> list[Link]:
    """Between two groups, one line: its relation if all agree, else ``aggregate``; counts add up."""
    pairs: dict[tuple[str, str], Link] = {}
    for link in links:
        found = pairs.get((link.tail, link.head))
        if found is None:
            pairs[(link.tail, link.head)] = Link(link.tail, link.head, link.relation, link.count, link.data[:2])
        else:
            found.count += link.count
            if found.relation != link.relation:
                found.relation = "aggregate"
    return list(pairs.values())
