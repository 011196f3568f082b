"""The work network as numbered nodes, with the two graph algorithms the engine needs.

Who works with what: capabilities linked to their accountable, responsible and
contributing people, teams, organizations and systems; performers linked to the
receivers of their hand-offs; people in it linked to their team. Reporting lines
are left out on purpose: every manager would otherwise be a cut vertex of the
tree, and the question is who the *work* depends on.

The network is built straight from the chart (not from the 250,000-edge
MultiDiGraph of ``build_graph``) as lists of integer neighbours, because the
algorithms below are pure-Python loops and run two to three times faster on list
indexes than on dictionaries of strings or on a networkx graph:

- :func:`cut_vertices`: articulation points, O(V + E);
- :func:`betweenness`: Brandes' algorithm from given sources, O(S·(V + E)), which
  gives exactly what ``networkx.betweenness_centrality(normalized=True)`` gives
  (the same arithmetic in the same order), sampled sources included: a fixed-seed
  ``random.Random(seed).sample`` over the node numbers picks the same nodes as
  networkx picks from the node list.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Chart


class WorkNetwork:
    """Undirected work network: ``nodes[i]`` is an element id, ``adj[i]`` its neighbours' numbers.

    Node numbers follow the first appearance of each id (capabilities in chart
    order, each followed by its accountable, responsible, contributors and systems;
    then performers and receivers of hand-offs; then teams of the people in it),
    which is the node order the sampling of betweenness sources depends on.
    Neighbour lists hold no duplicates and no self-loops' twins.
    """

    __slots__ = ("_cut", "adj", "index", "nodes")

    def __init__(self, nodes: list[str], index: dict[str, int], adj: list[list[int]]):
        self.nodes = nodes
        self.index = index
        self.adj = adj
        self._cut: list[int] | None = None

    @classmethod
    def from_chart(cls, chart: Chart, team_of: Mapping[str, str | None] | None = None) -> WorkNetwork:
        """The network of ``chart``, by the fast path when the chart allows it.

        ``team_of`` (person id -> team id or None), when the caller has it already,
        saves the fast path a pass over every person.
        """
        return _numbered(chart, team_of) or cls.from_sets(_adjacency_sets(chart))

    @classmethod
    def from_sets(cls, links: dict[str, set[str]]) -> WorkNetwork:
        """Number a network given as ``{id: set of neighbour ids}`` (keys in node order).

        Neighbours are listed by number, not in a set's order (which changes with the
        hash seed), so betweenness sums and the findings are the same in every process.
        """
        nodes = list(links)
        index = {node: i for i, node in enumerate(nodes)}
        number = index.__getitem__
        return cls(nodes, index, [sorted(map(number, near)) for near in links.values()])

    def __len__(self) -> int:
        return len(self.nodes)

    def number_of_edges(self) -> int:
        loops = sum(1 for i, ns in enumerate(self.adj) if i in ns)
        return (sum(map(len, self.adj)) + loops) // 2

    def neighbours(self, element_id: str) -> list[str]:
        i = self.index.get(element_id)
        return [] if i is None else [self.nodes[j] for j in self.adj[i]]

    def degree(self, element_id: str) -> int:
        i = self.index.get(element_id)
        return 0 if i is None else len(self.adj[i])

    def cut_vertices(self) -> list[str]:
        """Articulation points (computed once per network)."""
        if self._cut is None:
            self._cut = cut_vertices(self.adj)
        return [self.nodes[i] for i in self._cut]

    def essential_cut_vertices(self, anchors: frozenset[str], least: int = 1) -> list[str]:
        """Articulation points whose loss cuts at least ``least`` anchors (capabilities) off the rest.

        A team, system or organization that hangs on one person makes that person a cut
        vertex without anything depending on them but the hanging node: a person who is
        the only member of the team they lead is not a single point of failure of the
        *work*. Weighing the anchors (:func:`cut_vertex_weights`) sets those aside in the
        same linear pass: what such a cut separates weighs nothing.
        """
        nodes = self.nodes
        weight = [1 if n in anchors else 0 for n in nodes]
        return [nodes[i] for i, cut_off in cut_vertex_weights(self.adj, weight).items() if cut_off >= least]

    def as_sets(self) -> dict[str, set[str]]:
        """The network as ``{id: set of neighbour ids}``."""
        nodes = self.nodes
        return {nodes[i]: {nodes[j] for j in ns} for i, ns in enumerate(self.adj)}


def _adjacency_sets(chart: Chart) -> dict[str, set[str]]:
    """The straightforward construction: adjacency sets keyed by id, in node order.

    It is the reference for :func:`_numbered` and the path taken for charts the
    fast path does not handle (references that break the chart's kinds).
    """
    links: dict[str, set[str]] = defaultdict(set)
    for cap in chart.capabilities:
        mine = links[cap.id]
        others = [cap.accountable] if cap.accountable else []
        for other in others + cap.responsible + cap.contributors + cap.systems:
            mine.add(other)
            links[other].add(cap.id)
    for wf in chart.workflows:
        for s in wf.steps:
            if s.to and s.by != s.to:
                links[s.by].add(s.to)
                links[s.to].add(s.by)
    team_of = _teams(chart)
    for person, team in [(n, team_of[n]) for n in links if n in team_of]:
        links[person].add(team)
        links[team].add(person)
    return links


def _numbered(chart: Chart, team_of: Mapping[str, str | None] | None = None) -> WorkNetwork | None:
    """The same network as ``from_sets(_adjacency_sets(...))``, numbered as it is built.

    Three to five times faster: no sets per node, no second numbering pass. Edges
    between a capability and its resources are distinct by construction (each
    capability is visited once, its references deduplicated), as long as no
    capability is referenced as a resource; only the resource-to-resource edges
    (hand-offs, team membership) need a check for duplicates. Returns ``None``
    when two capabilities share an id, a capability is referenced as a resource or
    a person is their own team (a chart with reference errors), for the caller to
    take the general path. ``team_of``: person id -> team (or None), else read from the chart.
    """
    index: dict[str, int] = {}
    adj: list[list[int]] = []
    get = index.get
    caps = {c.id for c in chart.capabilities}
    if len(caps) != len(chart.capabilities):  # duplicate ids
        return None
    for cap in chart.capabilities:
        # a new number: ids are unique and, checked below, never referenced as a resource
        c = index[cap.id] = len(adj)
        mine: list[int] = []
        adj.append(mine)
        refs = dict.fromkeys(([cap.accountable] if cap.accountable else []) + cap.responsible
                             + cap.contributors + cap.systems)
        if not caps.isdisjoint(refs):
            return None
        for other in refs:
            o = get(other)
            if o is None:
                o = index[other] = len(adj)
                adj.append([c])
            else:
                adj[o].append(c)
            mine.append(o)
    pairs: set[tuple[int, int]] = set()
    for wf in chart.workflows:
        for s in wf.steps:
            by, to = s.by, s.to
            if not to or by == to:
                continue
            if by in caps or to in caps:
                return None
            a = get(by)
            if a is None:
                a = index[by] = len(adj)
                adj.append([])
            b = get(to)
            if b is None:
                b = index[to] = len(adj)
                adj.append([])
            pair = (a, b) if a < b else (b, a)
            if pair not in pairs:
                pairs.add(pair)
                adj[a].append(b)
                adj[b].append(a)
    nodes = list(index)
    if team_of is None:
        team_of = _teams(chart)
    members = [(i, team) for i, n in enumerate(nodes) if (team := team_of.get(n))]
    handing = {a for pair in pairs for a in pair}
    for a, team in members:
        if team == nodes[a] or team in caps:
            return None
        t = get(team)
        if t is None:
            t = index[team] = len(adj)
            adj.append([])
            nodes.append(team)
        if a in handing and ((a, t) if a < t else (t, a)) in pairs:
            continue  # also a hand-off between the person and their team
        adj[a].append(t)
        adj[t].append(a)
    return WorkNetwork(nodes, index, adj)


def _teams(chart: Chart) -> dict[str, str]:
    return {p.id: p.team for p in chart.people if p.team}


def _preorder(adj: list[list[int]]) -> tuple[list[int], list[int], list[bool]]:
    """(nodes in DFS preorder, each node's preorder number, whether it is a root) by an iterative DFS.

    A node pops off the stack and pushes its neighbours, so the entry that reaches a
    node is the one pushed last, by its most recently visited neighbour, which is
    therefore its tree parent (a true DFS tree: every other edge joins an ancestor and
    a descendant). Every neighbour is pushed, visited or not, by one ``extend`` done in
    C: an entry already visited is skipped when it pops, where a filter on the way in
    would have dropped it, so the order is the same for less Python work.
    """
    n = len(adj)
    pre = [-1] * n
    order: list[int] = []
    visit = order.append
    is_root = [False] * n
    for root in range(n):
        if pre[root] >= 0:
            continue
        is_root[root] = True
        stack = [root]
        pop, push = stack.pop, stack.extend
        while stack:
            v = pop()
            if pre[v] >= 0:
                continue
            pre[v] = len(order)
            visit(v)
            push(adj[v])
    return order, pre, is_root


def cut_vertices(adj: list[list[int]]) -> list[int]:
    """Articulation points of a simple undirected graph given as neighbour lists, O(V + E).

    Two flat passes instead of a recursive Hopcroft-Tarjan: :func:`_preorder`, then,
    in reverse preorder, each node finds its parent again as the earlier neighbour
    with the highest number, and its low point as the least of its own number, its
    other earlier neighbours' numbers and its children's low points. A non-root
    parent is a cut vertex when a child's low point does not reach above it; a root,
    when it has two children. Neighbour lists must hold no duplicates.
    """
    order, pre, is_root = _preorder(adj)
    n = len(adj)
    low = pre[:]
    children = [0] * n
    cut = [False] * n
    number = pre.__getitem__
    for pv in range(n - 1, -1, -1):
        v = order[pv]
        earlier = list(filter(pv.__gt__, map(number, adj[v])))  # in C: no comprehension frame per node
        if not earlier:  # a root
            continue
        pp = max(earlier)
        lv = low[v]
        if len(earlier) > 1:
            back = min(earlier)
            if back < lv:
                lv = back
        p = order[pp]
        if lv < low[p]:
            low[p] = lv
        if is_root[p]:
            children[p] += 1
        elif lv >= pp:
            cut[p] = True
    return [v for v in range(n) if cut[v] or children[v] > 1]


def cut_vertex_weights(adj: list[list[int]], weight: list[int]) -> dict[int, int]:
    """Articulation points with the weight each cuts off (the smaller side), O(V + E).

    The same passes as :func:`cut_vertices`, summing ``weight`` (say 1 per capability)
    over DFS subtrees on the way up: a non-root cut vertex cuts off the subtrees of
    its children whose low point does not reach above it, and the value kept is the
    lighter of that and the rest of its component; a root keeps all but its heaviest
    subtree.
    """
    order, pre, is_root = _preorder(adj)
    n = len(adj)
    low = pre[:]
    children = [0] * n
    sub = list(weight)
    separated = [0] * n
    heaviest = [0] * n
    cut = [False] * n
    number = pre.__getitem__
    for pv in range(n - 1, -1, -1):
        v = order[pv]
        earlier = list(filter(pv.__gt__, map(number, adj[v])))  # in C: no comprehension frame per node
        if not earlier:  # a root
            continue
        pp = max(earlier)
        lv = low[v]
        if len(earlier) > 1:
            back = min(earlier)
            if back < lv:
                lv = back
        p = order[pp]
        if lv < low[p]:
            low[p] = lv
        sv = sub[v]
        sub[p] += sv
        if is_root[p]:
            children[p] += 1
            if sv > heaviest[p]:
                heaviest[p] = sv
        elif lv >= pp:
            cut[p] = True
            separated[p] += sv
    total = [0] * n
    current = 0
    for v in order:  # a root comes first in its component's preorder
        if is_root[v]:
            current = sub[v]
        total[v] = current
    found = {}
    for v in range(n):
        if is_root[v]:
            if children[v] > 1:
                found[v] = total[v] - weight[v] - heaviest[v]
        elif cut[v]:
            found[v] = min(separated[v], total[v] - separated[v] - weight[v])
    return found


def sample_sources(n: int, k: int | None, seed: int = 0) -> list[int]:
    """Source numbers for betweenness: all nodes (``k`` None or ``n``), else a fixed-seed sample.

    ``random.Random(seed).sample(range(n), k)`` draws the same positions as networkx's
    ``seed.sample(list(G), k)`` for ``seed=0``: sampling depends only on the length.
    """
    if k is None or k >= n:
        return list(range(n))
    return random.Random(seed).sample(range(n), k)


def betweenness(adj: list[list[int]], sources: Iterable[int], normalized: bool = True) -> list[float]:
    """Betweenness centrality from ``sources`` (Brandes, unweighted, endpoints excluded).

    The arithmetic is that of ``networkx.betweenness_centrality``: floating path
    counts, dependencies accumulated in reverse breadth-first order, then the same
    rescaling (sampled sources are scaled by ``1/((k-1)(n-2))``, the others by
    ``1/(k(n-2))``). See :func:`_dependencies` for how one source is walked.
    """
    n = len(adj)
    sources = list(sources)
    bc = [0.0] * n
    for s in sources:
        _dependencies(adj, s, bc)
    return _rescale(bc, n, sources, normalized)


def _dependencies(adj: list[list[int]], s: int, bc: list[float]) -> None:
    """Add to ``bc`` every node's dependency on source ``s`` (one breadth-first walk and back).

    Predecessors are kept cheaply: the one that found a node (its parent), and, only
    for the fewer nodes reached by several shortest paths, a list of the others. The
    way back then visits predecessors only, instead of testing every neighbour's
    distance; each node's dependency still receives its children's shares one by one
    in reverse breadth-first order, so every sum is the same float as before.
    """
    n = len(adj)
    sigma = [0.0] * n
    dist = [-1] * n
    parent = [0] * n
    others: dict[int, list[int]] = {}  # node -> predecessors other than its parent
    others_of = others.get
    sigma[s] = 1.0
    dist[s] = 0
    seen = [s]
    push = seen.append
    for v in seen:  # grows while it is read: breadth-first order
        dv = dist[v] + 1
        sv = sigma[v]
        for w in adj[v]:
            dw = dist[w]
            if dw < 0:
                dist[w] = dv
                push(w)
                sigma[w] = sv
                parent[w] = v
            elif dw == dv:
                sigma[w] += sv
                more = others_of(w)
                if more is None:
                    others[w] = [v]
                else:
                    more.append(v)
    delta = [0.0] * n
    for i in range(len(seen) - 1, 0, -1):  # every node but the source, last found first
        w = seen[i]
        dep = delta[w]
        coeff = (1 + dep) / sigma[w]
        v = parent[w]
        delta[v] += sigma[v] * coeff
        more = others_of(w)
        if more is not None:
            for v in more:
                delta[v] += sigma[v] * coeff
        bc[w] += dep


def _rescale(bc: list[float], n: int, sources: list[int], normalized: bool) -> list[float]:
    """networkx's ``_rescale`` for undirected graphs without endpoints."""
    big_n = n - 1
    if big_n < 2:
        return bc
    k = len(sources)
    if k == n:  # every node a source: no sampling adjustment
        scale = 1 / (big_n * (big_n - 1)) if normalized else big_n / (big_n * 2)
        return [b * scale for b in bc] if scale != 1 else bc
    if normalized:
        source_scale = 1 / ((k - 1) * (big_n - 1)) if k > 1 else float("nan")
        other_scale = 1 / (k * (big_n - 1))
    else:
        source_scale = big_n / ((k - 1) * 2) if k > 1 else float("nan")
        other_scale = big_n / (k * 2)
    out = [b * other_scale for b in bc]
    for s in set(sources):
        out[s] = bc[s] * source_scale
    return out
