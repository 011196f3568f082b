"""The numpy passes over the work network, for networks big enough to repay importing numpy.

numpy is imported only here, and only for networks big enough that the array
passes repay the import (about a tenth of a second): small charts never load it.
Every function gives what the pure-Python pass beside it gives, exactly
(``tests/test_maturity_exact.py`` checks both ways against plain loops).

The cut points' passes are in :mod:`.cut_arrays`.

Brandes' dependencies (:func:`dependency_sums`): the plain loop
(:func:`planner.maturity.betweenness._dependencies`) walks one node at a time;
here a whole breadth-first level is one batch of array operations, and several
sources are walked side by side (source ``b`` owns the numbers ``b*n .. b*n+n-1``).
The results are the same floats, not close ones, because every float is made by
the same operations from the same operands in the same order:

- A level's edges are listed frontier node by frontier node (in discovery order),
  each node's neighbours in adjacency order: the order in which the plain loop
  meets them. A node is discovered by its first occurrence among the edges to
  undiscovered nodes (``np.minimum.at`` of the positions: a minimum does not depend
  on the order it is taken in), so levels list nodes in the plain discovery order.
- Path counts: every edge to a node of the new level comes from its predecessor,
  and ``np.bincount(..., weights=...)`` adds the weights into a zero in array
  order, one after the other, as the plain loop adds ``sigma[v]`` to ``sigma[w]``.
- On the way back the plain loop takes children in reverse discovery order and
  adds ``sigma[v] * (1 + delta[w]) / sigma[w]`` to each predecessor ``v``: the
  level's (predecessor, child) pairs are sorted by the child's reverse discovery
  rank (a child's pairs reach different predecessors, so their order among
  themselves does not matter), the products made element by element, and bincount
  sums them per predecessor in that order.
- A source's dependencies are added to the totals source after source, as the
  plain loop adds them; adding the 0.0 of a node not reached leaves a total as it is.
"""

from __future__ import annotations

from itertools import chain

import numpy as np

BATCH_BUDGET = 250_000
"""Sources walked side by side fill about this many array slots (nodes plus edge ends per source):
enough to share each level's fixed cost on small networks, small enough to stay in cache."""
_NONE = np.iinfo(np.intp).max


def csr(adj: list[list[int]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(indptr, indices, degrees): node ``v``'s neighbours are ``indices[indptr[v]:indptr[v + 1]]``, in list order."""
    n = len(adj)
    deg = np.fromiter(map(len, adj), dtype=np.intp, count=n)
    indptr = np.zeros(n + 1, dtype=np.intp)
    np.cumsum(deg, out=indptr[1:])
    indices = np.fromiter(chain.from_iterable(adj), dtype=np.intp, count=int(indptr[-1]))
    return indptr, indices, deg


def dependency_sums(adj: list[list[int]] | None, sources: list[int], arrays: tuple | None = None) -> list[float]:
    """Every node's summed dependency on ``sources`` (unscaled), as the plain loop sums them.

    ``arrays``: the network's own (indptr, indices), else they are made from ``adj``.
    """
    if arrays is None:
        indptr, indices, deg = csr(adj)  # type: ignore[arg-type]  # one of them is given
    else:
        indptr, indices = arrays
        deg = np.diff(indptr)
    n = len(deg)
    graph = (indptr, indices, deg, n)
    bc = np.zeros(n)
    step = max(1, BATCH_BUDGET // max(1, n + int(indptr[-1])))
    for i in range(0, len(sources), step):
        chunk = sources[i:i + step]
        for row in _walk(graph, chunk).reshape(len(chunk), n):  # source after source
            bc += row
    return bc.tolist()


def _walk(graph: tuple, chunk: list[int]) -> np.ndarray:
    """The dependencies of every node on each source of ``chunk`` (0.0 for a source itself), flat."""
    sigma, rank, levels, pairs = _forward(graph, chunk)
    delta = np.zeros(sigma.size)
    for d in range(len(levels) - 1, 1, -1):  # the sources' own dependencies are never used
        found, (v, w) = levels[d], pairs[d - 1]
        coeff = (1.0 + delta[found]) / sigma[found]
        child = rank[w]
        order = _descending(child, found.size)
        v = v[order]
        up = levels[d - 1]
        delta[up] = np.bincount(rank[v], weights=sigma[v] * coeff[child[order]], minlength=up.size)
    return delta


def _forward(graph: tuple, chunk: list[int]) -> tuple[np.ndarray, np.ndarray, list, list]:
    """Breadth-first levels from each source of ``chunk`` with path counts.

    Returns (sigma, each node's rank in its level, the levels, each level's
    (predecessor, child) pairs in the plain loop's order).
    """
    indptr, indices, deg, n = graph
    size = len(chunk) * n
    front = np.arange(len(chunk), dtype=np.intp) * n + np.asarray(chunk, dtype=np.intp)
    seen = np.zeros(size, dtype=np.bool_)
    sigma = np.zeros(size)
    rank = np.zeros(size, dtype=np.intp)
    first = np.full(size, _NONE, dtype=np.intp)
    seen[front] = True
    sigma[front] = 1.0
    rank[front] = np.arange(front.size)
    levels: list[np.ndarray] = [front]
    pairs: list[tuple[np.ndarray, np.ndarray]] = []
    while True:
        node = front % n if len(chunk) > 1 else front
        lens = deg[node]
        ends = np.cumsum(lens)
        pos = np.repeat(indptr[node] - (ends - lens), lens) + np.arange(ends[-1])
        w = indices[pos]
        if len(chunk) > 1:
            w += np.repeat(front - node, lens)
        at = np.flatnonzero(~seen[w])  # edges to nodes not yet reached: all lead to the new level
        if at.size == 0:
            return sigma, rank, levels, pairs
        w = w[at]
        v = np.repeat(front, lens)[at]
        np.minimum.at(first, w, at)
        front = w[first[w] == at]  # each new node where it first occurs: discovery order
        first[w] = _NONE
        seen[front] = True
        rank[front] = np.arange(front.size)
        sigma[front] = np.bincount(rank[w], weights=sigma[v], minlength=front.size)
        levels.append(front)
        pairs.append((v, w))


def _descending(rank: np.ndarray, size: int) -> np.ndarray:
    """Positions that order ``rank`` (values below ``size``) from the highest down (stably)."""
    return ascending(size - 1 - rank, size)


def ascending(key: np.ndarray, size: int) -> np.ndarray:
    """Positions that order ``key`` (values from 0 to ``size - 1``) from the lowest up, stably.

    Radix passes on 16-bit keys, about ten times faster than numpy's stable sort of
    64-bit integers.
    """
    if size <= 1 << 16:
        return np.argsort(key.astype(np.uint16), kind="stable")
    low = np.argsort((key & 0xFFFF).astype(np.uint16), kind="stable")
    high = (key >> 16)[low]
    if size <= 1 << 32:
        return low[np.argsort(high.astype(np.uint16), kind="stable")]
    return low[np.argsort(high, kind="stable")]
