"""The work network as numbered nodes, and where its graph algorithms live.

Who works with what: capabilities linked to their accountable, responsible and
contributing people, teams, organizations and systems; performers linked to the
receivers of their hand-offs; people in it linked to their team. Reporting lines
are left out on purpose: every manager would otherwise be a cut vertex of the
tree, and the question is who the *work* depends on.

The network is built once per chart (:attr:`planner.maturity.facts.Facts.work`)
and read by the rules (single points of failure) and the structural analysis
(bottlenecks). Its pieces:

- :mod:`.network_build`: the chart to numbered neighbour lists;
- :mod:`.network_flat`: the same network as arrays (CSR) for big charts, built with
  numpy, the neighbour lists made from them;
- :mod:`.cutpoints`: articulation points and what each cuts off, O(V + E);
- :mod:`.betweenness`: Brandes' algorithm from given sources, O(S·(V + E)),
  exactly networkx's numbers; :mod:`.network_arrays` walks big networks
  level by level in numpy, to the same bits.

The names below stay importable from here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from operator import attrgetter
from typing import TYPE_CHECKING

from .betweenness import _dependencies, _rescale, betweenness, sample_sources
from .cutpoints import _preorder, cut_vertex_weights, cut_vertices, neighbour_lists
from .network_build import adjacency_sets as _adjacency_sets
from .network_build import numbered, teams

if TYPE_CHECKING:
    from ..model import Chart
    from .network_flat import Where

_ID = attrgetter("id")
FLAT_FROM = 70_000
"""Charts with this many capabilities and people or more build the network as arrays (numpy): about
where the cut points are climbed with numpy too (``cutpoints.ARRAYS_FROM``; a 100,000-element chart
has 75,500), so a chart that imports numpy for one uses it for both."""


class WorkNetwork:
    """Undirected work network: ``nodes[i]`` is an element id, ``adj[i]`` its neighbours' numbers.

    Node numbers follow the first appearance of each id (see :mod:`.network_build`),
    which is the node order the sampling of betweenness sources depends on.
    Neighbour lists hold no duplicates and no self-loops' twins. A network built
    flat (:mod:`.network_flat`, big charts) keeps its arrays in ``csr`` for the numpy
    passes and makes the neighbour lists when they are first read; it finds an id's
    number through ``where`` and makes the plain ``index`` only when it is read.
    ``caps``: the capabilities' node numbers, when the construction knows them.
    """

    __slots__ = ("_adj", "_cut", "_index", "caps", "csr", "nodes", "where")

    def __init__(self, nodes: list[str], index: dict[str, int] | Where | None, adj: list[list[int]] | None,
                 csr: tuple | None = None, caps: Sequence[int] | None = None):
        self.nodes = nodes
        self._index = index if isinstance(index, dict) else None
        self.where: dict[str, int] | Where = index if index is not None else self.index
        self._adj = adj
        self.csr = csr
        self.caps = caps
        self._cut: list[int] | None = None

    @property
    def index(self) -> dict[str, int]:
        """Id -> node number, as a dictionary (made when first read on a network built flat)."""
        if self._index is None:
            self._index = dict(zip(self.nodes, range(len(self.nodes))))
        return self._index

    @property
    def adj(self) -> list[list[int]]:
        """Each node's neighbours' numbers."""
        if self._adj is None:
            self._adj = neighbour_lists(*self.csr)  # type: ignore[misc]  # a network is given lists or arrays
        return self._adj

    def _near(self, i: int) -> list[int]:
        """Node ``i``'s neighbours, from the arrays when the lists are not made."""
        if self._adj is None and self.csr is not None:
            indptr, indices = self.csr
            return indices[indptr[i]:indptr[i + 1]].tolist()
        return self.adj[i]

    @classmethod
    def from_chart(cls, chart: Chart, team_of: Mapping[str, str | None] | None = None) -> WorkNetwork:
        """The network of ``chart``, by the fast path when the chart allows it.

        ``team_of`` (person id -> team id or None), when the caller has it already,
        saves the fast path a pass over every person.
        """
        built = _flat(chart, team_of) or _numbered(chart, team_of) or cls.from_sets(_adjacency_sets(chart))
        if built.caps is None:
            built.caps = list(map(built.where.__getitem__, map(_ID, chart.capabilities)))
        return built

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
        if self._adj is None and self.csr is not None:  # built as arrays: no self-loops
            return len(self.csr[1]) // 2
        adj = self.adj
        loops = sum(map(list.__contains__, adj, range(len(adj))))  # in C: node i in its own list
        return (sum(map(len, adj)) + loops) // 2

    def neighbours(self, element_id: str) -> list[str]:
        i = self.where.get(element_id)
        return [] if i is None else [self.nodes[j] for j in self._near(i)]

    def degree(self, element_id: str) -> int:
        i = self.where.get(element_id)
        return 0 if i is None else len(self._near(i))

    def cut_vertices(self) -> list[str]:
        """Articulation points (computed once per network)."""
        if self._cut is None:
            self._cut = cut_vertices(self.adj)
        return [self.nodes[i] for i in self._cut]

    def essential_cut_vertices(self, anchors: frozenset[str] | None = None, least: int = 1) -> list[str]:
        """Articulation points whose loss cuts at least ``least`` anchors (capabilities) off the rest.

        A team, system or organization that hangs on one person makes that person a cut
        vertex without anything depending on them but the hanging node: a person who is
        the only member of the team they lead is not a single point of failure of the
        *work*. Weighing the anchors (:func:`cut_vertex_weights`) sets those aside in the
        same linear pass: what such a cut separates weighs nothing.

        ``anchors`` None: the capabilities of the chart the network was built from, by
        the numbers the construction gave them, where weighing every node by a set lookup
        took 7 ms on a 100,000-element chart (a tenth of the cut points' time).
        """
        nodes = self.nodes
        weight = self._weights(anchors)
        found = cut_vertex_weights(self._adj if self.csr is not None else self.adj, weight, self.csr)
        return [nodes[i] for i, cut_off in found.items() if cut_off >= least]

    def _weights(self, anchors: frozenset[str] | None) -> Sequence[int]:
        """1 for each anchor node, else 0."""
        if anchors is not None:
            return list(map(anchors.__contains__, self.nodes))  # True counts 1
        if self.caps is None:
            raise ValueError("a network not built from a chart knows no capabilities: name the anchors")
        weight = bytearray(len(self.nodes))
        for c in self.caps:
            weight[c] = 1
        return weight

    def betweenness(self, sources: list[int]) -> list[float]:
        """Normalized betweenness from ``sources`` (see :func:`.betweenness.betweenness`)."""
        return betweenness(self._adj if self.csr is not None else self.adj, sources, csr=self.csr)

    def as_sets(self) -> dict[str, set[str]]:
        """The network as ``{id: set of neighbour ids}``."""
        nodes = self.nodes
        return {nodes[i]: {nodes[j] for j in ns} for i, ns in enumerate(self.adj)}


def _flat(chart: Chart, team_of: Mapping[str, str | None] | None) -> WorkNetwork | None:
    """The network built as arrays (:mod:`.network_flat`) for charts of ``FLAT_FROM`` capabilities and
    people or more; None for smaller ones, without numpy, or for a chart the fast paths leave."""
    if len(chart.capabilities) + len(chart.people) < FLAT_FROM:
        return None
    try:
        from .network_flat import flat_network  # noqa: PLC0415 - numpy only for big charts
    except ImportError:
        return None
    built = flat_network(chart, team_of if team_of is not None else teams(chart))
    if built is None:
        return None
    nodes, where, indptr, indices, caps = built
    return WorkNetwork(nodes, where, None, (indptr, indices), caps)


def _numbered(chart: Chart, team_of: Mapping[str, str | None] | None = None) -> WorkNetwork | None:
    """The network of ``_adjacency_sets(chart)`` numbered as it is built, or None for a chart the
    fast path leaves to the general one (see :func:`.network_build.numbered`)."""
    built = numbered(chart, team_of)
    if built is None:
        return None
    nodes, (index, adj) = built
    return WorkNetwork(nodes, index, adj)


_teams = teams

__all__ = [
    "WorkNetwork",
    "_adjacency_sets",
    "_dependencies",
    "_numbered",
    "_preorder",
    "_rescale",
    "_teams",
    "betweenness",
    "cut_vertex_weights",
    "cut_vertices",
    "sample_sources",
]
