"""Facts: indexes over one chart, computed once and shared by every rule and model.

Rules are pure functions of a :class:`Facts`; each index is a cached property, so a
rule pays only for what it reads and nothing is computed twice when all built-in
models run on the same chart. Every index is one pass over the chart (linear). The
indexes live in three mixins by what they read: :mod:`.facts_base` (elements by id,
the capabilities' ids), :mod:`.facts_caps` (capabilities) and :mod:`.facts_chart`
(data, organizations, people); this module adds the capability scopes and the work
network.

A :class:`Facts` is a snapshot: it must not outlive changes to its chart (callers
that edit a chart make new facts, as :func:`Facts.of` does for every chart).
"""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property
from itertools import chain, compress, islice
from operator import not_
from typing import TYPE_CHECKING

from ..model import Capability, Chart
from .facts_base import ID
from .facts_caps import CapabilityIndexes
from .facts_chart import ChartIndexes
from .network import WorkNetwork

if TYPE_CHECKING:  # networkx is imported only by the one index that builds a networkx graph:
    import networkx as nx  # importing it costs a third of a second that the rules never need


class Facts(CapabilityIndexes, ChartIndexes):
    """Read-only indexes over a chart."""

    def __init__(self, chart: Chart):
        super().__init__(chart)

    @classmethod
    def of(cls, source: Chart | Facts) -> Facts:
        """Facts for a chart, or the facts already built (shared, with what they have computed).

        The analyses read the chart itself, never a diagram's graph: a graph passed by
        an older caller is refused with a message that says what to pass instead.
        """
        if isinstance(source, Facts):
            return source
        if isinstance(source, Chart):
            return cls(source)
        raise TypeError(f"the maturity engine takes a Chart or its Facts, not {type(source).__name__}: "
                        "pass the chart itself (a diagram's graph is render's input)")

    # -- scopes -----------------------------------------------------------------

    def in_chart_order(self, ids: set[str] | frozenset[str], areas=()) -> list[Capability]:
        """The capabilities with these ids, in chart order; all of them lie in the scope of ``areas``.

        Sorting the ids' positions is cheaper than filtering the scope while they are
        fewer than a third of it (sorting small integers is quick; each id is hashed
        once either way, and the scope holds more); past that, a filtering pass done in
        C (``compress``) is. With unique ids both give the same; a chart whose ids
        repeat keeps the choice it always had (the two differ on repeated ids).
        """
        caps = self.capabilities
        few = len(ids) * 3 < len(self.scope(areas)[0]) if self.caps_unique else len(ids) * 8 < len(caps)
        if few:
            return list(map(caps.__getitem__, sorted(map(self.cap_pos.__getitem__, ids))))
        return list(compress(self.scope(areas)[0], map(ids.__contains__, self.scope_ids(areas))))

    def first_not_in(self, ids: set[str] | frozenset[str], areas, most: int) -> tuple[list[Capability], list[str]]:
        """The first ``most`` capabilities of the scope of ``areas`` whose ids are not in ``ids`` (chart order), and their ids."""
        scope, scope_ids = self.scope(areas)[0], self.scope_ids(areas)
        if not ids:  # nothing to skip (most criteria a big chart fails match nothing): the head of the scope
            return scope[:most], scope_ids[:most]
        # positions found lazily, in C: the scan stops at the ``most``-th capability outside ``ids``
        picked = list(islice(compress(range(len(scope_ids)), map(not_, map(ids.__contains__, scope_ids))), most))
        return list(map(scope.__getitem__, picked)), list(map(scope_ids.__getitem__, picked))

    def scope(self, areas) -> tuple[list[Capability], frozenset[str]]:
        """Capabilities in the given areas (all when empty) in chart order, and their ids; cached per area set."""
        key = frozenset(areas)
        found = self._scopes.get(key)
        if found is None:
            found = self._scopes[key] = self._scope(key)
        return found

    def _scope(self, key: frozenset[str]) -> tuple[list[Capability], frozenset[str]]:
        """:meth:`scope`, computed.

        With unique ids a capability is in scope exactly when its area is one of ``key``,
        so the scope and its ids are read at the positions of those areas' capabilities
        (:attr:`_area_rows`, the areas compared once for every scope; an area set's
        positions merged by one sort of a few sorted runs), without hashing an id: the 15
        area sets of the five models in about 6 ms instead of 8.5 ms at 10,000 capabilities.
        Repeated ids keep one capability per id, at its last position. The areas' id sets
        are those of :attr:`word_index`, so a scope does not make the practices be judged.
        """
        if not key:
            self._scope_ids[key] = self.cap_id_list
            return self.capabilities, self.cap_ids
        by_area = self.word_index["area"]
        ids = frozenset().union(*(by_area.get(a, ()) for a in key))
        caps, pos = self.capabilities, self.cap_pos
        if self.caps_unique:
            rows = [self._area_rows[a] for a in key if a in self._area_rows]
            at = rows[0] if len(rows) == 1 else sorted(chain.from_iterable(rows))
            self._scope_ids[key] = list(map(self.cap_id_list.__getitem__, at))
            return list(map(caps.__getitem__, at)), ids
        return [caps[i] for i in sorted([pos[x] for x in ids])], ids

    @cached_property
    def _area_rows(self) -> dict[str, list[int]]:
        """Area -> positions of its capabilities, in chart order (one pass; each scope reads the few it needs)."""
        rows: dict[str, list[int]] = defaultdict(list)
        for i, area in enumerate(self.cap_areas):
            rows[area].append(i)
        return rows

    def scope_ids(self, areas) -> list[str]:
        """Ids of :meth:`scope`, in the same order; cached per area set."""
        key = frozenset(areas)
        ids = self._scope_ids.get(key)
        if ids is None:
            scope = self.scope(key)[0]  # with unique ids, cuts the ids too
            ids = self._scope_ids.get(key)
            if ids is None:
                ids = self._scope_ids[key] = list(map(ID, scope))
        return ids

    def scope_verdict(self, areas, matched: set[str]) -> dict[str, bool]:
        """``{capability id: id in matched}`` over the scope of ``areas``, in chart order (built in C)."""
        verdict = dict.fromkeys(self.scope_ids(areas), False)
        verdict.update(dict.fromkeys(matched, True))
        return verdict

    # -- networks ---------------------------------------------------------------

    @cached_property
    def work(self) -> WorkNetwork:
        """The work network (who works with what), numbered, for articulation points and betweenness."""
        return WorkNetwork.from_chart(self.chart, self.team_of)

    @cached_property
    def data_graph(self) -> nx.Graph:
        """Data sources linked by ``feeds`` (undirected), as a networkx graph (the engine uses :attr:`data_components`)."""
        import networkx as nx  # noqa: PLC0415 - see the top of the module

        g: nx.Graph[str] = nx.Graph()
        g.add_nodes_from(self.data_kind)
        known = self.data_kind
        g.add_edges_from((d.id, t) for d in self.chart.data for t in d.feeds if t in known)
        return g
