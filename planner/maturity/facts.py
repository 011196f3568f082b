"""Facts: indexes over one chart, computed once and shared by every rule and model.

Rules are pure functions of a :class:`Facts`; each index is a cached property, so a
rule pays only for what it reads and nothing is computed twice when all built-in
models run on the same chart. Every index is one pass over the chart (linear).

A :class:`Facts` is a snapshot: it must not outlive changes to its chart (callers
that edit a chart make new facts, as :func:`Facts.of` does for every graph or chart).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import cached_property
from itertools import compress, islice
from operator import not_
from typing import TYPE_CHECKING, Any

from ..model import SECTIONS, Capability, Chart
from ..model.vocabulary import MOBILE_CHANNELS
from .evidence import BACKING
from .network import WorkNetwork

if TYPE_CHECKING:  # networkx is imported only by the one index that builds a networkx graph:
    import networkx as nx  # importing it costs a third of a second that the rules never need


class Facts:
    """Read-only indexes over a chart (and its graph, when one was built)."""

    def __init__(self, chart: Chart, graph: nx.MultiDiGraph | None = None):
        self.chart = chart
        self.graph = graph
        self.rule_cache: dict[tuple[str, str], Any] = {}
        self._scopes: dict[frozenset[str], tuple[list[Capability], frozenset[str]]] = {}
        self._scope_ids: dict[frozenset[str], list[str]] = {}

    @classmethod
    def of(cls, source: nx.MultiDiGraph | Chart | Facts) -> Facts:
        """Facts for a graph from ``build_graph``, a chart, or facts already built."""
        if isinstance(source, Facts):
            return source
        if isinstance(source, Chart):
            return cls(source)
        chart = source.graph.get("chart")
        if chart is None:
            raise TypeError("the graph has no chart: build it with planner.graph.build_graph(chart)")
        return cls(chart, source)

    # -- elements ---------------------------------------------------------------

    @cached_property
    def by_id(self) -> dict[str, Any]:
        """Id -> element, built with comprehensions (twice as fast as ``iter_elements``); ids are unique in a valid chart."""
        chart = self.chart
        found: dict[str, Any] = {e.id: e for section in SECTIONS for e in getattr(chart, section)}
        found.update((k.id, k) for org in chart.orgs for k in org.contracts)
        found.update((s.id, s) for wf in chart.workflows for s in wf.steps)
        return found

    def name(self, element_id: str) -> str:
        """The display name of an element, or its id when unknown."""
        element = self.by_id.get(element_id)
        return element.name if element is not None else element_id

    def names(self, ids) -> list[str]:
        return [self.name(i) for i in ids]

    def kind(self, element_id: str) -> str | None:
        element = self.by_id.get(element_id)
        return element.KIND if element is not None else None

    @property
    def capabilities(self) -> list[Capability]:
        return self.chart.capabilities

    def who(self, cap: Capability) -> str:
        """``Email campaigns (accountable: Cy Park)``: how findings name a capability."""
        if cap.accountable:
            return f"{cap.name} (accountable: {self.name(cap.accountable)})"
        return cap.name

    # -- capabilities -----------------------------------------------------------

    @cached_property
    def practices(self) -> dict[str, frozenset[str]]:
        """Capability id -> its *evidenced* practices: the tags its structure backs (see :mod:`.evidence`).

        Rules read only these; a tag without its backing is in :attr:`claims`.
        """
        claims = self.claims
        return {c.id: frozenset(c.practices).difference(claims[c.id]) if c.id in claims else frozenset(c.practices)
                for c in self.capabilities}

    @cached_property
    def claims(self) -> dict[str, dict[str, list[str]]]:
        """Capability id -> {practice claimed by a tag: what the capability lacks to evidence it}."""
        has_wf, kinds_of, channels = self.workflows_of_cap, self.data_kinds_of_cap, self.channels
        found: dict[str, dict[str, list[str]]] = {}
        seen: dict[tuple, list[str]] = {}  # capabilities share few structural shapes: judge each shape once
        for c in self.capabilities:
            backed = [w for w in c.practices if w in BACKING]
            if not backed:
                continue
            shape = (bool(c.systems), c.id in has_wf, bool(c.contributors), kinds_of[c.id], channels[c.id])
            for word in backed:
                key = (word, *shape)
                lacks = seen.get(key)
                if lacks is None:
                    lacks = seen[key] = BACKING[word].missing(*shape)
                if lacks:
                    found.setdefault(c.id, {})[word] = lacks
        return found

    @cached_property
    def claims_by_word(self) -> dict[str, list[tuple[int, str, list[str]]]]:
        """Practice word -> (chart position, capability id, what it lacks) of every unevidenced claim of it."""
        found: dict[str, list[tuple[int, str, list[str]]]] = defaultdict(list)
        pos = self.cap_pos
        for cid, words in self.claims.items():
            for word, lacks in words.items():
                found[word].append((pos[cid], cid, lacks))
        return found

    def claimed_by(self, words) -> list[tuple[Capability, str, list[str]]]:
        """(capability, word, what it lacks) for every unevidenced claim of one of ``words``, chart order."""
        index, by_id = self.claims_by_word, self.by_id
        hits = sorted((pos, cid, w, lacks) for w in dict.fromkeys(words) for pos, cid, lacks in index.get(w, ()))
        return [(by_id[cid], w, lacks) for _, cid, w, lacks in hits]

    @cached_property
    def channels(self) -> dict[str, frozenset[str]]:
        return {c.id: frozenset(c.channels) for c in self.capabilities}

    @cached_property
    def data_kinds_of_cap(self) -> dict[str, frozenset[str]]:
        kind = self.data_kind
        return {c.id: frozenset(kind[d] for d in c.data if d in kind) for c in self.capabilities}

    @cached_property
    def cap_ids(self) -> frozenset[str]:
        return frozenset(c.id for c in self.capabilities)

    @cached_property
    def caps_by(self) -> dict[str, dict[str, set[str]]]:
        """Inverted indexes: ``area``/``practice``/``channel``/``data`` -> word -> capability ids.

        Rules select capabilities with set operations on these instead of testing each
        capability in Python (about ten times faster on 10,000 capabilities).
        """
        index: dict[str, dict[str, set[str]]] = {"area": defaultdict(set), "practice": defaultdict(set),
                                                 "channel": defaultdict(set), "data": defaultdict(set)}
        area, practice, channel, data = (index[k] for k in ("area", "practice", "channel", "data"))
        kinds, evidenced = self.data_kinds_of_cap, self.practices
        for c in self.capabilities:
            area[c.area].add(c.id)
            for word in evidenced[c.id]:
                practice[word].add(c.id)
            for word in c.channels:
                channel[word].add(c.id)
            for word in kinds[c.id]:
                data[word].add(c.id)
        return index

    @cached_property
    def all_channels(self) -> frozenset[str]:
        return frozenset().union(*self.channels.values()) if self.channels else frozenset()

    @cached_property
    def has_mobile(self) -> bool:
        return bool(self.all_channels & MOBILE_CHANNELS)

    @cached_property
    def caps_in_phase(self) -> dict[str, list[Capability]]:
        """Lifecycle phase -> capabilities covering it, in chart order."""
        found: dict[str, list[Capability]] = defaultdict(list)
        for c in self.capabilities:
            for phase in c.phases:
                found[phase].append(c)
        return found

    @cached_property
    def workflows_of_cap(self) -> dict[str, list[str]]:
        """Capability id -> its workflows; a plain dict, so its keys are exactly the capabilities that have one."""
        found: dict[str, list[str]] = defaultdict(list)
        for wf in self.chart.workflows:
            if wf.capability:
                found[wf.capability].append(wf.id)
        return dict(found)

    @cached_property
    def team_lob(self) -> dict[str, str]:
        return {t.id: t.lob for t in self.chart.teams if t.lob}

    def lobs_of_cap(self, cap: Capability) -> set[str]:
        """Lines of business a capability serves: its own list, else its accountable's team's."""
        return set(self.cap_lobs[cap.id])

    @cached_property
    def cap_lobs(self) -> dict[str, frozenset[str]]:
        """Capability id -> lines of business it serves (see :meth:`lobs_of_cap`), computed once."""
        by_id, team_lob = self.by_id, self.team_lob
        none: frozenset[str] = frozenset()
        found: dict[str, frozenset[str]] = {}
        for cap in self.capabilities:
            if cap.lob:
                found[cap.id] = frozenset(cap.lob)
                continue
            person = by_id.get(cap.accountable) if cap.accountable else None
            lob = team_lob.get(getattr(person, "team", None) or "")
            found[cap.id] = frozenset((lob,)) if lob else none
        return found

    @cached_property
    def caps_with_systems(self) -> frozenset[str]:
        """Ids of the capabilities that run on at least one system."""
        return frozenset(c.id for c in self.capabilities if c.systems)

    @cached_property
    def cap_functions(self) -> dict[str, frozenset[str]]:
        """Capability id -> business functions (lower case) of the accountable person's team and responsible teams."""
        by_id = self.by_id
        function = {t.id: t.function.lower() for t in self.chart.teams if t.function}
        found = {}
        for cap in self.capabilities:
            person = by_id.get(cap.accountable) if cap.accountable else None
            teams = [getattr(person, "team", None)] + [r for r in cap.responsible if r in function]
            found[cap.id] = frozenset(function[t] for t in teams if t in function)
        return found

    @cached_property
    def cap_pos(self) -> dict[str, int]:
        """Capability id -> position in the chart, to put a set of ids back in chart order."""
        return {c.id: i for i, c in enumerate(self.capabilities)}

    def in_chart_order(self, ids: set[str] | frozenset[str], areas=()) -> list[Capability]:
        """The capabilities with these ids, in chart order; all of them lie in the scope of ``areas``.

        Sorting a few ids by position is cheaper than filtering the scope; for large
        sets, a filtering pass done in C (``compress``) is. Same result either way.
        """
        caps = self.capabilities
        if len(ids) * 8 < len(caps):
            pos = self.cap_pos
            return [caps[i] for i in sorted([pos[x] for x in ids])]
        return list(compress(self.scope(areas)[0], map(ids.__contains__, self.scope_ids(areas))))

    def first_not_in(self, ids: set[str] | frozenset[str], areas, most: int) -> tuple[list[Capability], list[str]]:
        """The first ``most`` capabilities of the scope of ``areas`` whose ids are not in ``ids`` (chart order), and their ids."""
        scope_ids = self.scope_ids(areas)
        # positions found lazily, in C: the scan stops at the ``most``-th capability outside ``ids``
        picked = list(islice(compress(range(len(scope_ids)), map(not_, map(ids.__contains__, scope_ids))), most))
        return list(map(self.scope(areas)[0].__getitem__, picked)), list(map(scope_ids.__getitem__, picked))

    def scope(self, areas) -> tuple[list[Capability], frozenset[str]]:
        """Capabilities in the given areas (all when empty) in chart order, and their ids; cached per area set."""
        key = frozenset(areas)
        found = self._scopes.get(key)
        if found is None:
            if key:
                by_area = self.caps_by["area"]
                ids = frozenset().union(*(by_area.get(a, ()) for a in key))
                pos, caps = self.cap_pos, self.capabilities
                found = ([caps[i] for i in sorted([pos[x] for x in ids])], ids)
            else:
                found = (self.capabilities, self.cap_ids)
            self._scopes[key] = found
        return found

    def scope_ids(self, areas) -> list[str]:
        """Ids of :meth:`scope`, in the same order; cached per area set."""
        key = frozenset(areas)
        ids = self._scope_ids.get(key)
        if ids is None:
            ids = self._scope_ids[key] = [c.id for c in self.scope(key)[0]]
        return ids

    def scope_verdict(self, areas, matched: set[str]) -> dict[str, bool]:
        """``{capability id: id in matched}`` over the scope of ``areas``, in chart order (built in C)."""
        verdict = dict.fromkeys(self.scope_ids(areas), False)
        verdict.update(dict.fromkeys(matched, True))
        return verdict

    # -- data, systems ----------------------------------------------------------

    @cached_property
    def data_kind(self) -> dict[str, str]:
        return {d.id: d.kind for d in self.chart.data}

    @cached_property
    def data_users(self) -> dict[str, list[str]]:
        """Data source id -> ids of the capabilities using it."""
        users: dict[str, list[str]] = defaultdict(list)
        for cap in self.capabilities:
            for d in cap.data:
                users[d].append(cap.id)
        return users

    @cached_property
    def data_components(self) -> list[set[str]]:
        """Groups of data sources linked by ``feeds`` (either way): the silos.

        Found by breadth-first search over plain adjacency sets, in the order
        ``networkx.connected_components(self.data_graph)`` gives them (by each group's
        first source in chart order), without building a networkx graph.
        """
        known = self.data_kind
        links: dict[str, set[str]] = {d: set() for d in known}
        for d in self.chart.data:
            for t in d.feeds:
                if t in known:
                    links[d.id].add(t)
                    links[t].add(d.id)
        parts: list[set[str]] = []
        seen: set[str] = set()
        for start in links:
            if start in seen:
                continue
            part = {start}
            frontier = {start}
            while frontier:
                nxt = {t for d in frontier for t in links[d] if t not in part}
                part.update(nxt)
                frontier = nxt
            seen |= part
            parts.append(part)
        return parts

    @cached_property
    def work(self) -> WorkNetwork:
        """The work network (who works with what), numbered, for articulation points and betweenness."""
        return WorkNetwork.from_chart(self.chart, self.team_of)

    @cached_property
    def team_of(self) -> dict[str, str | None]:
        """Person id -> their team (None when they have none): every person, one pass shared by the
        work network and the single-points-of-failure rule (its keys are the staff)."""
        return {p.id: p.team for p in self.chart.people}

    @cached_property
    def data_graph(self) -> nx.Graph:
        """Data sources linked by ``feeds`` (undirected), as a networkx graph (the engine uses :attr:`data_components`)."""
        import networkx as nx  # noqa: PLC0415 - see the top of the module

        g: nx.Graph[str] = nx.Graph()
        g.add_nodes_from(self.data_kind)
        known = self.data_kind
        g.add_edges_from((d.id, t) for d in self.chart.data for t in d.feeds if t in known)
        return g

    @cached_property
    def feeders(self) -> dict[str, list[str]]:
        """Data source id -> sources that feed it directly."""
        into: dict[str, list[str]] = defaultdict(list)
        for d in self.chart.data:
            for t in d.feeds:
                into[t].append(d.id)
        return into

    # -- organizations, SLAs ----------------------------------------------------

    @cached_property
    def org_ids(self) -> frozenset[str]:
        return frozenset(o.id for o in self.chart.orgs)

    @cached_property
    def orgs_with_sla(self) -> frozenset[str]:
        return frozenset(o.id for o in self.chart.orgs if o.has_sla())

    @cached_property
    def sla_covered(self) -> frozenset[str]:
        """Ids (capabilities, workflows, systems, CoEs) named by a contract that has SLA rows."""
        return frozenset(i for o in self.chart.orgs for k in o.contracts if k.sla for i in k.covers)

    # -- people and hand-offs ---------------------------------------------------

    @cached_property
    def direct_reports(self) -> Counter[str]:
        return Counter(p.reports_to for p in self.chart.people if p.reports_to)

    @cached_property
    def handoffs(self) -> list[tuple[str, str, str, str]]:
        """(performer, receiver, workflow id, step id) for every step with ``to``."""
        return [(s.by, s.to, wf.id, s.id) for wf in self.chart.workflows for s in wf.steps if s.to]

    @cached_property
    def handoff_parties(self) -> frozenset[str]:
        """Ids of everyone who performs or receives a hand-off."""
        return frozenset(x for by, to, _, _ in self.handoffs for x in (by, to))

    @cached_property
    def carried_by(self) -> dict[str, list[str]]:
        """Person id -> capabilities whose accountable person is also their only doer.

        ``responsible`` empty, or only that person: nobody else knows the work.
        """
        alone: dict[str, list[str]] = defaultdict(list)
        for cap in self.capabilities:
            acc = cap.accountable
            if acc and all(r == acc for r in cap.responsible):
                alone[acc].append(cap.id)
        return alone
