"""The work network's fast algorithms give bit for bit what the straightforward ones give.

``tests/test_maturity_fastpaths.py`` compares them with networkx within 1e-12; the
reports print betweenness rounded and rank nodes by it, so a different order of
float additions could still swap two nodes or change a rounded digit. Here the
reference versions are written out plainly (every neighbour tested, predecessors
found again on the way back, unvisited neighbours filtered on the way into the
stack) and the results must be equal, not close: same floats, same DFS, same cuts.
"""

from __future__ import annotations

import networkx as nx
import pytest

from planner.maturity.network import _preorder, _rescale, betweenness, cut_vertex_weights, sample_sources


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


def graphs():
    """Random graphs dense enough for many equal shortest paths, sparse ones with several components."""
    for seed in range(10):
        yield nx.gnm_random_graph(60, 50 + seed * 20, seed=seed)
    yield nx.grid_2d_graph(7, 8)  # many shortest paths of equal length between most pairs
    yield nx.disjoint_union(nx.cycle_graph(9), nx.path_graph(6))


def numbered(g: nx.Graph) -> list[list[int]]:
    index = {v: i for i, v in enumerate(g)}
    return [[index[w] for w in g[v]] for v in g]


@pytest.mark.parametrize("g", list(graphs()))
def test_betweenness_is_the_plain_one_bit_for_bit(g):
    adj = numbered(g)
    n = len(adj)
    for sources in (sample_sources(n, None), sample_sources(n, 9, 0)):
        for normalized in (True, False):
            assert betweenness(adj, sources, normalized) == _rescale(plain_betweenness(adj, sources), n, sources,
                                                                     normalized)


@pytest.mark.parametrize("g", list(graphs()))
def test_dfs_and_cut_weights_are_the_plain_ones(g):
    adj = numbered(g)
    assert _preorder(adj) == plain_preorder(adj)
    found = cut_vertex_weights(adj, [int(i % 3 == 0) for i in range(len(adj))])
    nodes = list(g)
    assert {nodes[v] for v in found} == set(nx.articulation_points(g))
