"""Articulation points of the work network, and what each cuts off, in O(V + E).

Two flat passes instead of a recursive Hopcroft-Tarjan: an iterative DFS
(:func:`_walk`), then, in reverse preorder, each node hands its low point and
its subtree's weight to its parent. A node's parent is its earlier neighbour (in
preorder) with the highest number, and its own low point starts at the least of
its number and its neighbours' numbers; both are read off the neighbour lists in
one pass before the loop (:func:`_earlier`), so the loop itself touches only flat
lists indexed by preorder number. On big networks the pass after the DFS is done
with numpy instead (:func:`.cut_arrays.cut_weights`): a subtree is a range of
preorder numbers, so what the loop hands up is a range minimum and a sum.

Which nodes are cut vertices does not depend on the DFS; the weight a non-root cut
vertex cuts off does depend on the root (the side holding it is "the rest"), and
each component's root is its lowest-numbered node whatever the order of the walk.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import compress, pairwise

ARRAYS_FROM = 200_000
"""Networks with this many nodes plus edge ends or more are climbed with numpy: about where the array
pass saves what importing numpy costs (a 100,000-element chart has 210,000)."""


def _preorder(adj: list[list[int]]) -> tuple[list[int], list[int], list[bool]]:
    """(nodes in DFS preorder, each node's preorder number, whether it is a root) by an iterative DFS."""
    order, roots = _walk(adj)
    pre = [-1] * len(adj)
    for pv, v in enumerate(order):
        pre[v] = pv
    is_root = [False] * len(adj)
    for root in roots:
        is_root[root] = True
    return order, pre, is_root


def _walk(adj: list[list[int]]) -> tuple[list[int], list[int]]:
    """(nodes in DFS preorder, the root of each tree) by an iterative DFS.

    A node pops off the stack and pushes its neighbours, so the entry that reaches a
    node is the one pushed last, by its most recently visited neighbour, which is
    therefore its tree parent (a true DFS tree: every other edge joins an ancestor and
    a descendant). Every neighbour is pushed, visited or not, by one ``extend`` done in
    C: an entry already visited is skipped when it pops, where a filter on the way in
    would have dropped it, so the order is the same for less Python work. Visits are
    marked in a ``bytearray``: reading a byte makes no integer object, where a list of
    preorder numbers is a list of 45,000 separate objects to reach (about a third
    faster on a 100,000-element chart); the numbers are filled in afterwards.
    """
    n = len(adj)
    seen = bytearray(n)
    order: list[int] = []
    roots: list[int] = []
    visit = order.append
    for root in range(n):
        if seen[root]:
            continue
        roots.append(root)
        stack = [root]
        pop, push = stack.pop, stack.extend
        while stack:
            v = pop()
            if seen[v]:
                continue
            seen[v] = 1
            visit(v)
            push(adj[v])
    return order, roots


def _walk_flat(flat: list[int], ends: list[int]) -> list[int]:
    """Nodes in the DFS preorder of :func:`_walk`, read off a network's arrays as lists (node ``v``'s
    neighbours are ``flat[ends[v]:ends[v + 1]]``): slicing as the walk goes costs less than making
    every neighbour list first (about a fifth less on a 100,000-element chart).

    The same loop as :func:`_walk` but for the one line that reads the neighbours, on
    purpose: laying lists end to end to walk them here takes twice as long on the
    list-built networks of charts under 100,000 elements.
    """
    n = len(ends) - 1
    seen = bytearray(n)
    order: list[int] = []
    visit = order.append
    for root in range(n):
        if seen[root]:
            continue
        stack = [root]
        pop, push = stack.pop, stack.extend
        while stack:
            v = pop()
            if seen[v]:
                continue
            seen[v] = 1
            visit(v)
            push(flat[ends[v]:ends[v + 1]])
    return order


def neighbour_lists(indptr, indices) -> list[list[int]]:
    """The neighbour lists of a network given as arrays."""
    flat, ends = indices.tolist(), indptr.tolist()
    return [flat[a:b] for a, b in pairwise(ends)]


def cut_vertices(adj: list[list[int]]) -> list[int]:
    """Articulation points of a simple undirected graph given as neighbour lists, in number order.

    A non-root node is a cut vertex when a child's low point does not reach above it;
    a root, when it has two children. Neighbour lists must hold no duplicates.
    """
    return list(cut_vertex_weights(adj, [0] * len(adj)))


def cut_vertex_weights(adj: list[list[int]] | None, weight: Sequence[int], csr: tuple | None = None) -> dict[int, int]:
    """Articulation points (in number order) with the weight each cuts off (the smaller side).

    Sums ``weight`` (say 1 per capability) over DFS subtrees on the way up: a non-root
    cut vertex cuts off the subtrees of its children whose low point does not reach
    above it, and the value kept is the lighter of that and the rest of its component;
    a root keeps all but its heaviest subtree.

    ``csr``: the network's (indptr, indices) arrays when it has them (then ``adj``
    may be None: the walk reads the arrays); on big networks the climb is done by
    :func:`.cut_arrays.cut_weights`.
    """
    arrays = _arrays(len(weight) + (len(csr[1]) if csr is not None else sum(map(len, adj or ()))))
    if arrays is not None:
        indptr, indices = csr if csr is not None else arrays.csr(adj)[:2]
        order = _walk(adj)[0] if adj is not None else _walk_flat(indices.tolist(), indptr.tolist())
        return arrays.cut_weights(indptr, indices, order, weight)
    if adj is None:
        adj = neighbour_lists(*csr)  # type: ignore[misc]  # csr is given when adj is not
    order, pre, _ = _preorder(adj)
    parent, low = _earlier(adj, order, pre)
    mine = [weight[v] for v in order]  # everything below is indexed by preorder number
    sub, separated, heaviest, cut, children = _climb(parent, low, list(mine))
    roots = [pv for pv, pp in enumerate(parent) if pp < 0]
    found = {}
    for pv in sorted(compress(range(len(order)), cut), key=order.__getitem__):
        total = sub[roots[bisect_right(roots, pv) - 1]]
        if parent[pv] < 0:
            if children[pv] > 1:
                found[order[pv]] = total - mine[pv] - heaviest[pv]
        else:
            found[order[pv]] = min(separated[pv], total - separated[pv] - mine[pv])
    return found


def _climb(parent: list[int], low: list[int], sub: list[int]):
    """In reverse preorder, each node hands its low point and subtree weight to its parent.

    Returns, per preorder number: the subtree weight, the weight of the children's
    subtrees it cuts off, the heaviest child subtree (roots), whether it is a cut
    candidate (a cut vertex, or a root with a child) and its number of children (roots).
    """
    n = len(parent)
    separated = [0] * n
    heaviest = [0] * n
    cut = [False] * n
    children = [0] * n
    for pv in range(n - 1, -1, -1):
        pp = parent[pv]
        if pp < 0:
            continue
        lv = low[pv]
        if lv < low[pp]:
            low[pp] = lv
        sv = sub[pv]
        sub[pp] += sv
        if parent[pp] < 0:  # a root: every child's subtree is cut off but the heaviest
            children[pp] += 1
            cut[pp] = True
            if sv > heaviest[pp]:
                heaviest[pp] = sv
        elif lv >= pp:
            cut[pp] = True
            separated[pp] += sv
    return sub, separated, heaviest, cut, children


def _earlier(adj: list[list[int]], order: list[int], pre: list[int]) -> tuple[list[int], list[int]]:
    """Per preorder number: the parent's preorder number (-1 for a root) and the first low point.

    The parent is the highest-numbered earlier neighbour; the low point starts at the
    least of the node's own number and its neighbours' numbers (an earlier one, when
    any is lower).
    """
    number = pre.__getitem__
    parent: list[int] = []
    low: list[int] = []
    for pv, v in enumerate(order):
        nums = list(map(number, adj[v]))  # in C: no comprehension frame per node
        least = min(nums, default=pv)
        if least < pv:
            parent.append(max(filter(pv.__gt__, nums)))
            low.append(least)
        else:  # no earlier neighbour: a root
            parent.append(-1)
            low.append(pv)
    return parent, low


def _arrays(size: int):
    """:mod:`.cut_arrays` for networks of ``ARRAYS_FROM`` nodes plus edge ends or more, else None
    (also where numpy is not installed: the loops give the same)."""
    if size < ARRAYS_FROM:
        return None
    try:
        from . import cut_arrays  # noqa: PLC0415 - numpy only for big networks
    except ImportError:
        return None
    return cut_arrays

