"""The work network built as arrays (big charts) is the plain one, to the order of every neighbour list.

The array construction lists the links and groups them by a stable sort; the
plain one (``tests/test_network_build.py``) appends them one by one. Both must
give the same node order and the same lists, and refuse the same charts; the
network's algorithms must then give the same cut points and betweenness from
the arrays as from the lists.
"""

from __future__ import annotations

import numpy as np
import pytest

from planner.maturity import network
from planner.maturity.facts import Facts
from planner.maturity.network import WorkNetwork, _adjacency_sets, _numbered, betweenness
from planner.maturity.network_arrays import ascending
from planner.maturity.network_build import teams
from planner.maturity.network_flat import _teams, flat_network
from planner.store import load_chart
from tests.test_network_build import CHANGES, plain_numbered, synthetic


def duplicate_capability(data) -> None:
    data["capabilities"].append(dict(data["capabilities"][5]))


def capability_as_resource(data) -> None:
    data["capabilities"][9].setdefault("responsible", []).append(data["capabilities"][3]["id"])


def capability_hands_off(data) -> None:
    steps = [s for wf in data["workflows"] for s in wf["steps"] if s.get("to")]
    steps[2]["to"] = data["capabilities"][0]["id"]


REFUSED = [duplicate_capability, capability_as_resource, capability_hands_off]


def capability_named_as_a_person(data) -> None:
    """A person with a capability's id (ids not unique): the capability's node is linked to the person's team."""
    data["people"][4]["id"] = data["capabilities"][2]["id"]


def unknown_references(data) -> None:
    """References to ids the chart does not hold: nodes of their own, weighing nothing."""
    for cap in data["capabilities"][::7]:
        cap.setdefault("responsible", []).append("nobody-" + cap["id"])
        cap.setdefault("systems", []).append("no-system")


def no_capabilities(data) -> None:
    data["capabilities"] = []


def people_without_a_team(data) -> None:
    for p in data["people"][::3]:
        p["team"] = None


ODD = [capability_named_as_a_person, unknown_references, no_capabilities, people_without_a_team]


def flat(chart) -> WorkNetwork | None:
    built = flat_network(chart, teams(chart))
    if built is None:
        return None
    nodes, where, indptr, indices, caps = built
    return WorkNetwork(nodes, where, None, (indptr, indices), caps)


@pytest.mark.parametrize("change", CHANGES + REFUSED + ODD, ids=lambda c: c.__name__ if c else "as-made")
@pytest.mark.parametrize("size", [300, 3000])
def test_flat_network_is_the_plain_network(size, change):
    chart = synthetic(size, size, change)
    plain = plain_numbered(chart)
    fast = flat(chart)
    if plain is None:
        assert fast is None
        return
    assert fast is not None
    assert (fast.nodes, fast.adj) == plain
    assert fast.index == {node: i for i, node in enumerate(plain[0])}


def test_shipped_charts_are_built_flat_as_the_plain_network(current_path, future_path):
    for path in (current_path, future_path):
        chart = load_chart(path)
        fast = flat(chart)
        assert fast is not None
        assert (fast.nodes, fast.adj) == plain_numbered(chart)


def test_refused_charts_take_the_general_path(monkeypatch):
    """A chart the array construction refuses is built by the list or set construction instead."""
    monkeypatch.setattr(network, "FLAT_FROM", 0)
    for change in CHANGES + REFUSED:
        chart = synthetic(300, 4, change)
        built = WorkNetwork.from_chart(chart)
        assert (built.csr is not None) == (plain_numbered(chart) is not None)
        assert built.as_sets() == {k: set(v) for k, v in _adjacency_sets(chart).items()}


@pytest.mark.parametrize("arrays_from", [0, 10**12])
def test_flat_network_gives_the_same_cuts_and_betweenness(arrays_from, monkeypatch):
    """From the arrays or from the lists, whichever way the cut points are climbed."""
    monkeypatch.setattr("planner.maturity.cutpoints.ARRAYS_FROM", arrays_from)
    monkeypatch.setattr("planner.maturity.betweenness.ARRAYS_FROM", arrays_from)
    chart = synthetic(3000, 11)
    facts = Facts(chart)
    fast = flat(chart)
    plain = _numbered(chart)
    assert fast is not None and plain is not None
    for least in (0, 1, 3):  # walked over the arrays, or over lists made from them
        assert fast.essential_cut_vertices(facts.cap_ids, least) == plain.essential_cut_vertices(facts.cap_ids, least)
    sources = list(range(0, len(fast), 7))
    assert fast.betweenness(sources) == betweenness(plain.adj, sources)
    some = plain.nodes[::5]
    assert [fast.neighbours(x) for x in some] == [plain.neighbours(x) for x in some]
    assert [fast.degree(x) for x in some] == [plain.degree(x) for x in some]
    assert fast.number_of_edges() == plain.number_of_edges()
    assert fast.cut_vertices() == plain.cut_vertices()  # from the lists, made when first read
    assert fast.betweenness(sources) == betweenness(plain.adj, sources)


def test_ascending_is_a_stable_sort():
    rnd = np.random.default_rng(1)
    for size in (3, 1 << 16, (1 << 16) + 5, 200_000):
        key = rnd.integers(0, size, 30_000)
        assert np.array_equal(ascending(key, size), np.argsort(key, kind="stable"))


@pytest.mark.parametrize("change", CHANGES + REFUSED + ODD, ids=lambda c: c.__name__ if c else "as-made")
@pytest.mark.parametrize(("flat_from", "arrays_from"), [(0, 0), (0, 10**12), (10**12, 0), (10**12, 10**12)])
def test_capability_numbers_weigh_as_the_anchor_set(change, flat_from, arrays_from, monkeypatch):
    """The cut points weighed by the capabilities' numbers (kept by the construction) are those weighed by
    looking every node up in the set of capability ids, and an id's number found through ``where`` is its
    place in ``nodes``: on charts built flat, as lists or as sets, sound or broken."""
    monkeypatch.setattr(network, "FLAT_FROM", flat_from)
    monkeypatch.setattr("planner.maturity.cutpoints.ARRAYS_FROM", arrays_from)
    chart = synthetic(300, 5, change)
    facts = Facts(chart)
    work = WorkNetwork.from_chart(chart, facts.team_of)
    assert list(work._weights(None)) == [int(node in facts.cap_ids) for node in work.nodes]
    for least in (0, 1, 3):
        assert work.essential_cut_vertices(None, least) == work.essential_cut_vertices(facts.cap_ids, least)
    index = {node: i for i, node in enumerate(work.nodes)}
    for x in [*work.nodes, "nobody", *(p.id for p in chart.people[:50])]:
        assert work.where.get(x) == index.get(x)
        assert work.degree(x) == (len(work.adj[index[x]]) if x in index else 0)
    assert work.index == index


def test_a_network_without_a_chart_asks_for_its_anchors():
    work = WorkNetwork.from_sets({"a": {"b"}, "b": {"a"}})
    assert work.essential_cut_vertices(frozenset({"a"})) == []
    with pytest.raises(ValueError, match="name the anchors"):
        work.essential_cut_vertices(None)


def test_members_and_their_teams_are_those_of_a_lookup_per_node():
    """Teams told apart among the distinct values are each member's own team, None and empty names left out."""
    nodes = [f"n{i}" for i in range(40)]
    team_of: dict[str, str | None] = {n: [None, "", "t1", "t2", "n3", "t1"][i % 6] for i, n in enumerate(nodes) if i % 7}
    members, member_team, teams = _teams(nodes, team_of)
    named = [(i, team_of.get(n)) for i, n in enumerate(nodes) if team_of.get(n)]
    assert members.tolist() == [i for i, _ in named]
    assert [teams[t] for t in member_team.tolist()] == [t for _, t in named]
    assert teams == list(dict.fromkeys(t for _, t in named))
    assert [len(x) for x in _teams([], team_of)] == [0, 0, 0]
