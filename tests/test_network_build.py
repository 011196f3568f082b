"""The work network built by the fast path is the plain one, to the order of every neighbour list.

The node order fixes which sources betweenness samples, and the order of each
neighbour list the order of every walk (hence every float summed): both are part of
the result. The plain construction is written out below as one loop per kind of
link; the fast one links teams with C-level passes and must come out the same, on
the shipped charts, a big synthetic one and charts made to hit its corner cases.
"""

from __future__ import annotations

import pytest

from planner.maturity.network import WorkNetwork, _adjacency_sets, _numbered
from planner.model import Chart
from planner.store import load_chart
from planner.synthetic import synthetic_chart_data


def plain_numbered(chart: Chart) -> tuple[list[str], list[list[int]]] | None:
    """Number each id at its first appearance and append each link as it is met."""
    index: dict[str, int] = {}
    adj: list[list[int]] = []
    caps = [c.id for c in chart.capabilities]
    if len(set(caps)) != len(caps):
        return None

    def number(i: str) -> int:
        if i not in index:
            index[i] = len(adj)
            adj.append([])
        return index[i]

    for cap in chart.capabilities:
        c = number(cap.id)
        refs = dict.fromkeys(([cap.accountable] if cap.accountable else []) + cap.responsible
                             + cap.contributors + cap.systems)
        if any(r in caps for r in refs):
            return None
        for other in refs:
            o = number(other)
            adj[o].append(c)
            adj[c].append(o)
    pairs = set()
    for s in (s for wf in chart.workflows for s in wf.steps):
        if not s.to or s.by == s.to:
            continue
        if s.by in caps or s.to in caps:
            return None
        a, b = number(s.by), number(s.to)
        if (min(a, b), max(a, b)) not in pairs:
            pairs.add((min(a, b), max(a, b)))
            adj[a].append(b)
            adj[b].append(a)
    team_of = {p.id: p.team for p in chart.people if p.team}
    for a, node in enumerate(list(index)):
        team = team_of.get(node)
        if not team:
            continue
        if team == node or team in caps:
            return None
        t = number(team)
        if (min(a, t), max(a, t)) not in pairs:
            adj[a].append(t)
            adj[t].append(a)
    return list(index), adj


def synthetic(size: int, seed: int, change=None) -> Chart:
    data = synthetic_chart_data(size, seed=seed)
    if change:
        change(data)
    return Chart.model_validate(data)


def hand_off_to_own_team(data) -> None:
    """Hand-offs between people and their own team: the membership link is there already."""
    steps = [s for wf in data["workflows"] for s in wf["steps"]]
    for person, step in zip(data["people"][:40:3], steps):
        step["by"], step["to"] = person["id"], person["team"]
    steps[-1]["by"], steps[-1]["to"] = data["people"][7]["team"], data["people"][7]["id"]


def person_named_as_a_team(data) -> None:
    """A team id that is also a person's (a chart with reference errors): one list holds both kinds of link."""
    people = data["people"]
    data["teams"].append({"id": people[1]["id"], "name": "Shadow"})
    for p in people[2:30]:
        p["team"] = people[1]["id"]


def team_outside_the_network(data) -> None:
    """People whose team nothing else names: the team becomes a node of its own, after the others."""
    data["teams"].append({"id": "tnew", "name": "New"})
    for p in data["people"][::9]:
        p["team"] = "tnew"


def _working(data) -> dict:
    """A person some capability names (so a node of the network)."""
    named = {r for c in data["capabilities"] for r in c.get("responsible", [])}
    return next(p for p in data["people"] if p["id"] in named)


def own_team(data) -> None:
    person = _working(data)
    person["team"] = person["id"]


def capability_as_team(data) -> None:
    _working(data)["team"] = data["capabilities"][0]["id"]


CHANGES = [None, hand_off_to_own_team, person_named_as_a_team, team_outside_the_network, own_team,
           capability_as_team]


@pytest.mark.parametrize("change", CHANGES, ids=lambda c: c.__name__ if c else "as-made")
@pytest.mark.parametrize("size", [300, 3000])
def test_numbered_is_the_plain_network(size, change):
    chart = synthetic(size, size, change)
    plain = plain_numbered(chart)
    fast = _numbered(chart)
    if plain is None:
        assert fast is None
        assert WorkNetwork.from_chart(chart).as_sets() == {k: set(v) for k, v in _adjacency_sets(chart).items()}
        return
    assert fast is not None
    assert (fast.nodes, fast.adj) == plain
    assert fast.index == {node: i for i, node in enumerate(plain[0])}


def test_shipped_charts_are_numbered_as_the_plain_network(current_path, future_path):
    for path in (current_path, future_path):
        chart = load_chart(path)
        fast = _numbered(chart)
        assert fast is not None
        assert (fast.nodes, fast.adj) == plain_numbered(chart)


def test_number_of_edges_counts_a_self_loop_once():
    links = {"a": {"b", "a"}, "b": {"a", "c"}, "c": {"b", "c"}, "d": set()}
    assert WorkNetwork.from_sets(links).number_of_edges() == 4  # a-b, b-c and two loops
