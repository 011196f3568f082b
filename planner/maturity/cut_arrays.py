"""The numpy passes of the cut points, for networks big enough to repay importing numpy.

:func:`planner.maturity.cutpoints.cut_vertex_weights` climbs the DFS tree node by
node; here every node's subtree is a range of preorder numbers, so the low points
and weights of all nodes come at once from segment reductions over the neighbour
arrays, then range minima and prefix sums over the preorder. The results are the
loop's, exactly (``tests/test_maturity_exact.py``). Like :mod:`.network_arrays`,
imported only for big networks.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .network_arrays import csr

__all__ = ["csr", "cut_weights"]


def cut_weights(indptr: np.ndarray, indices: np.ndarray, order: list[int], weight: Sequence[int]) -> dict[int, int]:
    """What :func:`planner.maturity.cutpoints.cut_vertex_weights` gives, from the DFS preorder ``order``.

    The loop there climbs the DFS tree node by node; here every node's subtree is
    a range of preorder numbers, so its low point and weight are a range minimum
    and a difference of prefix sums, found for all nodes at once (:func:`_subtrees`).
    """
    n = len(order)
    if n == 0:
        return {}
    by_pre = np.fromiter(order, dtype=np.intp, count=n)  # a third of this function's time as np.asarray
    pre = np.empty(n, dtype=np.intp)
    pre[by_pre] = np.arange(n)
    parent, low = _earlier(indptr, indices, pre)
    parent, low = parent[by_pre], low[by_pre]
    mine = np.asarray(weight, dtype=np.int64)[by_pre]
    low, sub = _subtrees(parent, low, mine)
    pv, value = _cut_off(parent, low, sub, mine)
    nodes = by_pre[pv]
    rank = np.argsort(nodes, kind="stable")
    return dict(zip(nodes[rank].tolist(), value[rank].tolist()))


def _cut_off(parent: np.ndarray, low: np.ndarray, sub: np.ndarray, mine: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The cut vertices (preorder numbers) and what each cuts off, as the loop decides them.

    A non-root node cuts off the subtrees of its children that cannot climb above
    it, and keeps the lighter of that and the rest of its component; a root with
    two children or more keeps all but its heaviest child's subtree.
    """
    n = parent.size
    child = np.flatnonzero(parent >= 0)
    up = parent[child]
    at_root = parent[up] < 0
    hangs = ~at_root & (low[child] >= up)  # a subtree that cannot climb above its parent
    separated = np.zeros(n, dtype=np.int64)
    np.add.at(separated, up[hangs], sub[child[hangs]])
    children = np.bincount(up[at_root], minlength=n)
    heaviest = np.zeros(n, dtype=np.int64)
    np.maximum.at(heaviest, up[at_root], sub[child[at_root]])
    roots = np.flatnonzero(parent < 0)
    pv = np.union1d(up[hangs], np.flatnonzero(children > 1))
    total = sub[roots[np.searchsorted(roots, pv, side="right") - 1]]
    rest = total - mine[pv]
    value = np.where(parent[pv] < 0, rest - heaviest[pv], np.minimum(separated[pv], rest - separated[pv]))
    return pv, value


def _earlier(indptr: np.ndarray, indices: np.ndarray, pre: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per node: the parent's preorder number (-1 for a root) and the first low point.

    The parent is the highest-numbered earlier neighbour; the low point starts at the
    least of the node's own number and its neighbours' numbers (segment reductions).
    """
    deg = np.diff(indptr)
    theirs = pre[indices]
    parent = np.full(pre.size, -1, dtype=np.intp)
    low = pre.copy()
    some = np.flatnonzero(deg)  # reduceat needs non-empty segments: one per node with neighbours
    if some.size:
        starts = indptr[some]
        parent[some] = np.maximum.reduceat(np.where(theirs < np.repeat(pre, deg), theirs, -1), starts)
        low[some] = np.minimum(pre[some], np.minimum.reduceat(theirs, starts))
    return parent, low


def _subtrees(parent: np.ndarray, low: np.ndarray, mine: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per preorder number: its subtree's low point and weight.

    A subtree is the range from the node to the first later node whose parent comes
    before it; that end is found by a descent over a sparse table of range minima of
    the parents (powers of two, from the longest down), and the low point is the
    minimum over the range from a sparse table of the first low points.
    """
    n = parent.size
    me = np.arange(n)
    end = me + 1
    for k, table in reversed(list(enumerate(_sparse(parent)))):
        step = 1 << k
        ok = end <= n - step  # the window fits, and no parent in it comes before the node
        ok &= table[np.minimum(end, n - step)] >= me
        end += step * ok
    span = end - me
    k = np.log2(span).astype(np.intp)  # exact for the powers of two: the spans are below 2**52
    k[(1 << k) > span] -= 1
    lows = np.full((k.max() + 1, n), n, dtype=low.dtype)  # the tables padded into one array
    for j, table in enumerate(_sparse(low)[:len(lows)]):
        lows[j, :table.size] = table
    got = np.minimum(lows[k, me], lows[k, end - (1 << k)])
    cum = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(mine, out=cum[1:])
    return got, cum[end] - cum[me]


def _sparse(values: np.ndarray) -> list[np.ndarray]:
    """Range minima over every power-of-two window: ``tables[k][i] = min(values[i:i + 2**k])``."""
    tables = [values]
    while (2 << len(tables) - 1) <= values.size:
        prev, half = tables[-1], 1 << len(tables) - 1
        tables.append(np.minimum(prev[:-half], prev[half:]))
    return tables
