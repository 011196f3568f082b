"""The work network's fast algorithms give bit for bit what the straightforward ones give.

``tests/test_maturity_fastpaths.py`` compares them with networkx within 1e-12; the
reports print betweenness rounded and rank nodes by it, so a different order of
float additions could still swap two nodes or change a rounded digit. Here the
reference versions are written out plainly (every neighbour tested, predecessors
found again on the way back, unvisited neighbours filtered on the way into the
stack, a cut vertex's sides summed by a search of the graph without it) and the
results must be equal, not close: same floats, same DFS, same cuts. Each fast
algorithm has two ways, a pure-Python loop and numpy arrays for big networks;
both are checked, whatever size the graph.
"""

from __future__ import annotations

import heapq
import sys

import networkx as nx
import numpy as np
import pytest

from planner.maturity import betweenness as bw
from planner.maturity import cutpoints, network_arrays
from planner.maturity.network import _preorder, _rescale, betweenness, cut_vertex_weights, cut_vertices, sample_sources
from planner.maturity.structure import RESOURCE_KINDS, _best_pairs, _highest


def plain_betweenness(adj: list[list[int]], sources: list[int]) -> list[float]:
    """Brandes as first written: no predecessor lists, every neighbour's distance tested on the way back."""
    n = len(adj)
    bc = [0.0] * n
    for s in sources:
        sigma, dist = [0.0] * n, [-1] * n
        sigma[s], dist[s] = 1.0, 0
        seen = [s]
        for v in seen:
            for w in adj[v]:
                if dist[w] < 0:
                    dist[w] = dist[v] + 1
                    seen.append(w)
                if dist[w] == dist[v] + 1:
                    sigma[w] += sigma[v]
        delta = [0.0] * n
        for w in reversed(seen):
            coeff = (1 + delta[w]) / sigma[w]
            for v in adj[w]:
                if dist[v] == dist[w] - 1:
                    delta[v] += sigma[v] * coeff
            if w != s:
                bc[w] += delta[w]
    return bc


def plain_preorder(adj: list[list[int]]) -> tuple[list[int], list[int], list[bool]]:
    """The iterative DFS that pushes only unvisited neighbours."""
    pre, order, is_root = [-1] * len(adj), [], [False] * len(adj)
    for root in range(len(adj)):
        if pre[root] >= 0:
            continue
        is_root[root] = True
        stack = [root]
        while stack:
            v = stack.pop()
            if pre[v] >= 0:
                continue
            pre[v] = len(order)
            order.append(v)
            stack += [w for w in adj[v] if pre[w] < 0]
    return order, pre, is_root


def plain_cut_weights(adj: list[list[int]], weight: list[int]) -> dict[int, int]:
    """Each cut vertex, in number order, with the lighter of what it cuts off and the rest.

    Found by definition: remove the node, search its component again. What it cuts
    off is every part of the component that does not hold the component's root (its
    lowest-numbered node), or, for the root itself, all but the heaviest part.
    """
    found = {}
    for v in range(len(adj)):
        comp = _reach(adj, v, None)
        parts, seen = [], {v}
        for w in sorted(comp - {v}):
            if w not in seen:
                part = _reach(adj, w, v)
                seen |= part
                parts.append(part)
        if len(parts) < 2:
            continue
        root = min(comp)
        sums = [sum(weight[x] for x in part) for part in parts]
        total = sum(weight[x] for x in comp)
        if v == root:
            found[v] = total - weight[v] - max(sums)
        else:
            off = sum(s for s, part in zip(sums, parts) if root not in part)
            found[v] = min(off, total - off - weight[v])
    return found


def _reach(adj: list[list[int]], start: int, without: int | None) -> set[int]:
    seen, todo = {start}, [start]
    while todo:
        for w in adj[todo.pop()]:
            if w != without and w not in seen:
                seen.add(w)
                todo.append(w)
    return seen


def graphs():
    """Random graphs dense enough for many equal shortest paths, sparse ones with several components."""
    for seed in range(10):
        yield nx.gnm_random_graph(60, 50 + seed * 20, seed=seed)
    for seed in range(10, 16):  # sparse: trees, isolated nodes and several components
        yield nx.gnm_random_graph(70, 40 + seed, seed=seed)
    yield nx.grid_2d_graph(7, 8)  # many shortest paths of equal length between most pairs
    yield nx.disjoint_union(nx.cycle_graph(9), nx.path_graph(6))
    yield nx.complete_bipartite_graph(4, 9)  # every node of a side reached by all of the other
    yield nx.star_graph(12)
    yield nx.barbell_graph(6, 3)
    yield nx.empty_graph(4)


def numbered(g: nx.Graph) -> list[list[int]]:
    index = {v: i for i, v in enumerate(g)}
    return [[index[w] for w in g[v]] for v in g]


def shuffled(adj: list[list[int]], seed: int) -> list[list[int]]:
    """The same graph with each neighbour list in another order (the walks follow list order)."""
    rnd = np.random.default_rng(seed)
    return [[ns[i] for i in rnd.permutation(len(ns))] for ns in adj]


def source_sets(n: int):
    yield sample_sources(n, None)
    yield sample_sources(n, min(n, 9), 0)
    yield sample_sources(n, min(n, 3), 5)


@pytest.mark.parametrize("g", list(graphs()))
def test_betweenness_is_the_plain_one_bit_for_bit(g, monkeypatch):
    for adj in (numbered(g), shuffled(numbered(g), 1)):
        n = len(adj)
        for sources in source_sets(n):
            plain = plain_betweenness(adj, sources)
            assert bw.dependency_sums(adj, sources) == plain
            assert network_arrays.dependency_sums(adj, sources) == plain
            monkeypatch.setattr(network_arrays, "BATCH_BUDGET", 1)  # one source at a time
            assert network_arrays.dependency_sums(adj, sources) == plain
            monkeypatch.setattr(network_arrays, "BATCH_BUDGET", 3 * (n + sum(map(len, adj))))  # three at a time
            assert network_arrays.dependency_sums(adj, sources) == plain
            monkeypatch.undo()
            for normalized in (True, False):
                assert betweenness(adj, sources, normalized) == _rescale(plain, n, sources, normalized)


@pytest.mark.parametrize("arrays_from", [0, 10**12])
def test_betweenness_takes_either_way_to_the_same_floats(arrays_from, monkeypatch):
    monkeypatch.setattr(bw, "ARRAYS_FROM", arrays_from)
    g = nx.gnm_random_graph(120, 260, seed=3)
    adj = numbered(g)
    sources = sample_sources(120, 20, 0)
    assert betweenness(adj, sources) == _rescale(plain_betweenness(adj, sources), 120, sources, True)


def test_numpy_walk_is_exact_on_wide_levels():
    """Levels wider than 2**16 nodes: the back pass sorts them in two radix passes."""
    g = nx.star_graph(70_000)  # from a leaf: the centre, then 69,999 leaves in one level
    g.add_edges_from((i, i + 1) for i in range(1, 3000, 2))  # some leaves reached by two shortest paths
    adj = shuffled(numbered(g), 2)
    sources = [5, 70_000, 17]
    assert network_arrays.dependency_sums(adj, sources) == plain_betweenness(adj, sources)


def test_numpy_walk_takes_empty_networks_and_no_sources():
    assert network_arrays.dependency_sums([], []) == []
    assert network_arrays.dependency_sums([[1], [0], []], []) == [0.0, 0.0, 0.0]
    assert network_arrays.dependency_sums([[], []], [0, 1]) == [0.0, 0.0]


def test_descending_orders_wide_levels():
    rnd = np.random.default_rng(0)
    for size in (5, 1 << 16, (1 << 16) + 7, 300_000):
        rank = rnd.integers(0, size, 50_000)
        order = network_arrays._descending(rank, size)
        assert np.array_equal(rank[order], np.sort(rank)[::-1])


@pytest.mark.parametrize("g", list(graphs()))
@pytest.mark.parametrize("arrays_from", [0, 10**12])
def test_dfs_and_cut_weights_are_the_plain_ones(g, arrays_from, monkeypatch):
    monkeypatch.setattr(cutpoints, "ARRAYS_FROM", arrays_from)
    for adj in (numbered(g), shuffled(numbered(g), 3)):
        assert _preorder(adj) == plain_preorder(adj)
        for weight in ([int(i % 3 == 0) for i in range(len(adj))], [1] * len(adj), [0] * len(adj)):
            found = cut_vertex_weights(adj, weight)
            expected = plain_cut_weights(adj, weight)
            assert found == expected and list(found) == list(expected)  # the same values, in number order
        nodes = list(g)
        assert {nodes[v] for v in cut_vertices(adj)} == set(nx.articulation_points(g))


class _Element:
    def __init__(self, kind: str):
        self.KIND = kind


@pytest.mark.parametrize("top", [-3, 0, 1, 5, 40])
def test_bottlenecks_are_the_plain_ranking(top):
    """The highest-scored resources, drawn from the top of a heap, are those of the plain sort: ties
    (equal scores) broken by the greater id, non-resources, unknown ids and zero scores left out."""
    rnd = np.random.default_rng(top + 10)
    n = 3000
    nodes = [f"n{i}" for i in range(n)]
    kinds = ["capability"] * 40 + ["person", "team", "org", "system", "coe"]  # too few resources at the heap top
    by_id = {node: _Element(kinds[int(rnd.integers(len(kinds)))]) for node in nodes[:-50]}
    scores = [round(float(x), 2) if x > 0.3 else 0.0 for x in rnd.random(n)]  # many ties, many zeros
    ranked = sorted((s, node) for node, s in zip(nodes, scores)
                    if s > 0 and getattr(by_id.get(node), "KIND", None) in RESOURCE_KINDS)
    assert _highest(scores, nodes, by_id, top) == [(node, s) for s, node in reversed(ranked[-top:])]


def test_without_numpy_the_loops_give_the_same(monkeypatch):
    """numpy is a dependency, but where it cannot be imported the plain loops take over."""
    monkeypatch.setitem(sys.modules, "numpy", None)  # import numpy raises ImportError
    for name in ("network_arrays", "cut_arrays"):
        monkeypatch.delitem(sys.modules, f"planner.maturity.{name}", raising=False)
        monkeypatch.delattr(sys.modules["planner.maturity"], name, raising=False)
    assert bw._levels() is None
    monkeypatch.setattr(bw, "ARRAYS_FROM", 0)
    monkeypatch.setattr(cutpoints, "ARRAYS_FROM", 0)
    adj = numbered(nx.gnm_random_graph(80, 150, seed=8))
    sources = sample_sources(80, 9, 0)
    assert betweenness(adj, sources) == _rescale(plain_betweenness(adj, sources), 80, sources, True)
    weight = [1] * 80
    assert cut_vertex_weights(adj, weight) == plain_cut_weights(adj, weight)


def test_best_pairs_are_the_highest_pairs():
    """The pairs drawn from the highest scores alone are those ``heapq.nlargest`` draws from every pair, ties
    (equal scores, broken by the greater id) across the cut included."""
    rnd = np.random.default_rng(4)
    for n in (1, 5, 200, 3000):
        nodes = [f"n{i:05d}" for i in rnd.permutation(n)]
        scores = [round(float(x), 1) for x in rnd.random(n)]  # few distinct scores: ties everywhere
        for want in (1, 3, 36, n - 1, n, n + 4):
            if want > 0:
                assert _best_pairs(scores, nodes, want) == heapq.nlargest(want, zip(scores, nodes))
