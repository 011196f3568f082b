"""The engine's fast paths give what the straightforward computations give.

The numbered work network, its cut vertices and betweenness, the data-source
components, the capability scopes and orderings, and the shared rule cache are all
faster ways to the same answers; each is checked here against the plain version
(networkx, or a comprehension over every capability).
"""

from __future__ import annotations

import random

import networkx as nx
import pytest

from planner.maturity import analyze_structure
from planner.maturity.assess import run_rule
from planner.maturity.facts import Facts
from planner.maturity.network import WorkNetwork, _adjacency_sets, _numbered, betweenness, cut_vertices, sample_sources
from planner.maturity.rules.structure import work_graph
from planner.maturity.structure import EXACT_LIMIT, RESOURCE_KINDS, SAMPLE_BUDGET
from planner.model import Chart
from planner.store import load_chart
from planner.synthetic import synthetic_chart_data


@pytest.fixture(scope="module")
def big() -> Chart:
    """A synthetic chart whose work network is above EXACT_LIMIT (betweenness sampled)."""
    return Chart.model_validate(synthetic_chart_data(6000, seed=3))


def numbered(g: nx.Graph) -> tuple[list, list[list[int]]]:
    nodes = list(g)
    index = {v: i for i, v in enumerate(nodes)}
    return nodes, [[index[w] for w in g[v]] for v in nodes]


@pytest.mark.parametrize("seed", range(12))
def test_cut_vertices_and_betweenness_match_networkx(seed):
    g = nx.gnm_random_graph(50, 45 + seed * 6, seed=seed)
    nodes, adj = numbered(g)
    assert {nodes[i] for i in cut_vertices(adj)} == set(nx.articulation_points(g))
    exact = nx.betweenness_centrality(g, normalized=True)
    assert betweenness(adj, sample_sources(len(nodes), None)) == pytest.approx([exact[v] for v in nodes], abs=1e-12)
    sampled = nx.betweenness_centrality(g, k=9, seed=0, normalized=True)
    assert betweenness(adj, sample_sources(len(nodes), 9, 0)) == pytest.approx([sampled[v] for v in nodes], abs=1e-12)


def test_sampled_sources_are_networkx_sources():
    for n, k in ((40, 8), (5000, 8), (5000, 60)):
        assert sample_sources(n, k, 0) == random.Random(0).sample(list(range(n)), k)


def test_fast_work_network_is_the_straightforward_one(current_path, future_path, big):
    for chart in (load_chart(current_path), load_chart(future_path), big):
        fast = _numbered(chart)
        assert fast is not None
        plain = _adjacency_sets(chart)
        assert fast.nodes == list(plain)  # same node order: the sampled sources depend on it
        assert fast.as_sets() == {k: set(v) for k, v in plain.items()}
        assert all(len(ns) == len(set(ns)) for ns in fast.adj)


def test_work_network_falls_back_on_broken_references():
    data = synthetic_chart_data(300, seed=1)
    caps = data["capabilities"]
    caps[0]["responsible"] = [*caps[0].get("responsible", []), caps[1]["id"]]  # a capability as a resource
    chart = Chart.model_validate(data)
    assert _numbered(chart) is None
    assert WorkNetwork.from_chart(chart).as_sets() == {k: set(v) for k, v in _adjacency_sets(chart).items()}


def test_bottlenecks_and_spof_match_networkx(big):
    facts = Facts(big)
    report = analyze_structure(facts)
    g = work_graph(facts)
    n, m = g.number_of_nodes(), g.number_of_edges()
    assert n > EXACT_LIMIT and report.betweenness_sampled and report.work_nodes == n
    k = max(8, min(n, SAMPLE_BUDGET // (n + m)))
    assert report.betweenness_sources == k
    scores = nx.betweenness_centrality(g, k=k, seed=0, normalized=True)
    ranked = sorted((s, v) for v, s in scores.items() if s > 0 and facts.kind(v) in RESOURCE_KINDS)
    expected = [(v, s) for s, v in reversed(ranked[-5:])]
    assert [v for v, _ in report.bottlenecks] == [v for v, _ in expected]
    assert [s for _, s in report.bottlenecks] == pytest.approx([s for _, s in expected], abs=1e-12)
    assert set(facts.work.cut_vertices()) == set(nx.articulation_points(g))


def test_data_components_are_networkx_components(current_path, big):
    for chart in (load_chart(current_path), big):
        facts = Facts(chart)
        assert facts.data_components == list(nx.connected_components(facts.data_graph))


def test_capability_scopes_and_orders(big):
    facts = Facts(big)
    rnd = random.Random(4)
    areas_sets = [(), ("creation",), ("service", "sales"), ("delivery", "measurement", "creation")]
    for areas in areas_sets:
        scope, ids = facts.scope(areas)
        plain = [c for c in facts.capabilities if not areas or c.area in areas]
        assert scope == plain and ids == {c.id for c in plain}
        assert facts.scope_ids(areas) == [c.id for c in plain]
        for size in (0, 3, len(plain) // 20, len(plain) // 2, len(plain)):  # both branches of in_chart_order
            chosen = set(rnd.sample(sorted(ids), size))
            assert facts.in_chart_order(chosen, areas) == [c for c in plain if c.id in chosen]
            assert facts.scope_verdict(areas, chosen) == {c.id: c.id in chosen for c in plain}
            rest = [c for c in plain if c.id not in chosen][:50]
            assert facts.first_not_in(chosen, areas, 50) == (rest, [c.id for c in rest])


def test_lifecycle_verdicts_are_per_capability_stages(big):
    facts = Facts(big)
    stages = {"I": 1, "II": 2, "III": 3}
    for phase in ("suspect", "known", "customerized"):
        for stage in ("I", "II", "III"):
            r = run_rule(facts, "lifecycle", {"phase": phase, "stage": stage})
            assert r.per_capability == {c.id: stages[c.phases[phase]] >= stages[stage]
                                        for c in facts.capabilities if phase in c.phases}


def test_rule_cache_shares_equal_parameters_only(big):
    facts = Facts(big)
    a = run_rule(facts, "single_points_of_failure", {})
    assert run_rule(facts, "single_points_of_failure", {"max_sole_capabilities": 2}) is a
    assert run_rule(facts, "single_points_of_failure", {"max_sole_capabilities": 3}) is not a
    fresh = run_rule(Facts(big), "single_points_of_failure", {"max_sole_capabilities": 3})
    assert run_rule(facts, "single_points_of_failure", {"max_sole_capabilities": 3}) == fresh
