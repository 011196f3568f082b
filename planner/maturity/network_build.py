"""Building the work network straight from the chart, numbered as it is built.

Not from the 250,000-edge MultiDiGraph of ``build_graph``: as lists of integer
neighbours, because the algorithms that read it are loops over list indexes.

Node numbers follow the first appearance of each id: capabilities in chart order,
each followed by its accountable, responsible, contributors and systems; then
performers and receivers of hand-offs; then teams of the people in it. The
sampling of betweenness sources depends on that order, and the order of each
neighbour list fixes the order of the walks, hence every float they sum: both are
part of the result, and :func:`adjacency_sets` (sorted neighbours) is the
reference only for which links exist.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Mapping
from itertools import compress
from operator import eq, not_
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Chart

Numbered = tuple[dict[str, int], list[list[int]]]


def adjacency_sets(chart: Chart) -> dict[str, set[str]]:
    """The straightforward construction: adjacency sets keyed by id, in node order.

    It is the reference for :func:`numbered` and the path taken for charts the
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
    team_of = teams(chart)
    for person, team in [(n, team_of[n]) for n in links if n in team_of]:
        links[person].add(team)
        links[team].add(person)
    return links


def teams(chart: Chart) -> dict[str, str]:
    return {p.id: p.team for p in chart.people if p.team}


def numbered(chart: Chart, team_of: Mapping[str, str | None] | None = None) -> tuple[list[str], Numbered] | None:
    """(node ids, (id -> number, neighbour lists)): the network of :func:`adjacency_sets`, numbered as built.

    Three to five times faster: no sets per node, no second numbering pass. Edges
    between a capability and its resources are distinct by construction (each
    capability is visited once, its references deduplicated), as long as no
    capability is referenced as a resource; only the resource-to-resource edges
    (hand-offs, team membership) need a check for duplicates. Returns ``None``
    when two capabilities share an id, a capability is referenced as a resource or
    a person is their own team (a chart with reference errors), for the caller to
    take the general path. ``team_of``: person id -> team (or None), else read from the chart.
    """
    caps = {c.id for c in chart.capabilities}
    if len(caps) != len(chart.capabilities):  # duplicate ids
        return None
    net: Numbered = ({}, [])
    if not _link_capabilities(chart, caps, net):
        return None
    pairs = _link_handoffs(chart, caps, net)
    if pairs is None:
        return None
    nodes = list(net[0])
    if not _link_teams(nodes, team_of if team_of is not None else teams(chart), caps, pairs, net):
        return None
    return nodes, net


def _link_capabilities(chart: Chart, caps: set[str], net: Numbered) -> bool:
    """Each capability, then each of its resources new so far, takes the next number; False when a
    capability is referenced as a resource."""
    index, adj = net
    get = index.get
    new = adj.append
    for cap in chart.capabilities:
        # a new number: ids are unique and, checked below, never referenced as a resource
        c = index[cap.id] = len(adj)
        mine: list[int] = []
        new(mine)
        refs = dict.fromkeys(([cap.accountable] if cap.accountable else []) + cap.responsible
                             + cap.contributors + cap.systems)
        if not caps.isdisjoint(refs):
            return False
        for other in refs:
            o = get(other)
            if o is None:
                o = index[other] = len(adj)
                new([c])
            else:
                adj[o].append(c)
            mine.append(o)
    return True


def _link_handoffs(chart: Chart, caps: set[str], net: Numbered) -> set[tuple[int, int]] | None:
    """Performers and receivers of hand-offs, linked once per pair; the pairs (lower number first),
    or None when a capability hands off or receives."""
    index, adj = net
    get = index.get
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
    return pairs


def _link_teams(nodes: list[str], team_of: Mapping[str, str | None], caps: set[str],
                pairs: set[tuple[int, int]], net: Numbered) -> bool:
    """Each person in the network to their team (a new node when the team is not in yet), in node
    order; False when a person is their own team or a team is a capability.

    The loops run in C (``map``, ``compress``): every person's team is looked up at
    once, new teams numbered in order of first appearance, then the links appended
    member by member, as one loop would append them, unless a person is also a team
    (then one list receives both kinds of link and the one loop is kept).
    """
    index, adj = net
    teams_of = list(map(team_of.get, nodes))
    members = list(compress(range(len(nodes)), teams_of))
    named: list[str] = list(compress(teams_of, teams_of))  # type: ignore[arg-type]  # the Nones are left out
    if any(map(eq, named, map(nodes.__getitem__, members))) or not caps.isdisjoint(named):
        return False
    for team in dict.fromkeys(named):
        if team not in index:
            index[team] = len(adj)
            adj.append([])
            nodes.append(team)
    tnum = list(map(index.__getitem__, named))
    suspects = {a for pair in pairs for a in pair}.intersection(members)
    if suspects:  # a link that is also a hand-off is there already
        team_num = dict(zip(members, tnum))
        drop = {a for a in suspects if ((a, t) if a < (t := team_num[a]) else (t, a)) in pairs}
        if drop:
            keep = list(map(not_, map(drop.__contains__, members)))
            members, tnum = list(compress(members, keep)), list(compress(tnum, keep))
    if not set(members).isdisjoint(tnum):
        for a, t in zip(members, tnum):
            adj[a].append(t)
            adj[t].append(a)
        return True
    lists = adj.__getitem__
    deque(map(list.append, map(lists, members), tnum), maxlen=0)
    deque(map(list.append, map(lists, tnum), members), maxlen=0)
    return True
