"""Betweenness centrality of the work network: Brandes' algorithm from given sources.

O(S·(V + E)) for S sources; it gives exactly what
``networkx.betweenness_centrality(normalized=True)`` gives (the same arithmetic in
the same order), sampled sources included: a fixed-seed ``random.Random(seed).sample``
over the node numbers picks the same nodes as networkx picks from the node list.

Two walks give the same floats bit for bit: the node-by-node loop below, and the
level-by-level one in numpy (:mod:`planner.maturity.network_arrays`), taken
when the walk is big enough to repay importing numpy (about a tenth of a second).
"""

from __future__ import annotations

import random
from collections.abc import Iterable

from .cutpoints import neighbour_lists

ARRAYS_FROM = 200_000
"""Walks this long (sources × (nodes + edge ends)) or longer are done with numpy."""


def sample_sources(n: int, k: int | None, seed: int = 0) -> list[int]:
    """Source numbers for betweenness: all nodes (``k`` None or ``n``), else a fixed-seed sample.

    ``random.Random(seed).sample(range(n), k)`` draws the same positions as networkx's
    ``seed.sample(list(G), k)`` for ``seed=0``: sampling depends only on the length.
    """
    if k is None or k >= n:
        return list(range(n))
    return random.Random(seed).sample(range(n), k)


def betweenness(adj: list[list[int]] | None, sources: Iterable[int], normalized: bool = True,
                csr: tuple | None = None) -> list[float]:
    """Betweenness centrality from ``sources`` (Brandes, unweighted, endpoints excluded).

    The arithmetic is that of ``networkx.betweenness_centrality``: floating path
    counts, dependencies accumulated in reverse breadth-first order, then the same
    rescaling (sampled sources are scaled by ``1/((k-1)(n-2))``, the others by
    ``1/(k(n-2))``). See :func:`_dependencies` for how one source is walked.
    ``csr``: the network's (indptr, indices) arrays, when it has them, for the numpy walk
    (then ``adj`` may be None).
    """
    n = len(csr[0]) - 1 if csr is not None else len(adj)  # type: ignore[arg-type]  # one of them is given
    sources = list(sources)
    ends = len(csr[1]) if csr is not None else sum(map(len, adj))  # type: ignore[arg-type]
    if len(sources) * (n + ends) >= ARRAYS_FROM and (levels := _levels()) is not None:
        bc = levels.dependency_sums(adj, sources, csr)
    else:
        bc = dependency_sums(adj if adj is not None else neighbour_lists(*csr), sources)  # type: ignore[misc]
    return _rescale(bc, n, sources, normalized)


def _levels():
    """The numpy walk, or None where numpy is not installed (the loop gives the same numbers)."""
    try:
        from . import network_arrays  # noqa: PLC0415 - numpy is imported only for big walks
    except ImportError:
        return None
    return network_arrays


def dependency_sums(adj: list[list[int]], sources: list[int]) -> list[float]:
    """Every node's summed dependency on ``sources`` (unscaled), one source after another."""
    bc = [0.0] * len(adj)
    for s in sources:
        _dependencies(adj, s, bc)
    return bc


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
