"""``build_graph``: every element is a node, every reference, containment and hand-off an edge."""

from __future__ import annotations

from planner.graph import (
    HANDOFF,
    NEXT_COE,
    NODE_KINDS,
    PART_OF,
    REFERENCE_RELATIONS,
    RELATIONS,
    ChartGraph,
    build_graph,
)
from planner.model import Chart, iter_refs
from planner.store import load_chart
from planner.synthetic import synthetic_chart_data


def test_every_element_is_a_node_with_its_kind(small_chart_path):
    chart = load_chart(small_chart_path)
    graph = build_graph(chart)
    elements = list(chart.iter_elements())
    assert len(graph) == len(elements)
    assert list(graph.nodes) == [element.id for _, element in elements]
    for _, element in elements:
        assert graph.nodes[element.id]["kind"] == element.KIND
        assert graph.nodes[element.id]["element"] is element
    assert set(NODE_KINDS) == {data["kind"] for data in graph.nodes.values()}


def test_every_reference_is_an_edge_keyed_by_its_relation(small_chart_path):
    chart = load_chart(small_chart_path)
    graph = build_graph(chart)
    for _, element in chart.iter_elements():
        for field, _, target in iter_refs(element):
            assert graph.has_edge(element.id, target, field.ref.relation), (element.id, field.name, target)
    assert graph.has_edge("cy", "mkt", "member_of")
    assert graph.has_edge("email", "cy", "accountable")


def test_structural_edges(small_chart_path):
    graph = build_graph(load_chart(small_chart_path))
    assert graph.has_edge("agency-msa", "agency", PART_OF)
    assert graph.has_edge("design", "launch", PART_OF)
    assert graph.adjacency["cy"]["agency"][HANDOFF]["artifacts"] == ("creative brief",)
    assert graph.adjacency["coe-mkt"]["coe-web"][NEXT_COE]["chain"] == "chain"


def test_dangling_references_are_left_out():
    data = synthetic_chart_data(200, seed=2)
    data["people"][0]["reports_to"] = "nobody-by-this-id"
    graph = ChartGraph(Chart.model_validate(data))
    assert all(v in graph for _, v, _, _ in graph.edges())


def test_relations_are_documented_constants():
    assert {"reports_to", "accountable", "feeds", "handoff", "part_of"} <= set(RELATIONS)
    assert REFERENCE_RELATIONS["reports_to"] == ({"person"}, {"person"})
    assert REFERENCE_RELATIONS["owned_by"] == ({"system", "data"}, {"person", "team"})


def test_graph_keeps_the_chart_for_answers(small_chart_path):
    chart = load_chart(small_chart_path)
    assert build_graph(chart).chart is chart
    assert build_graph(chart).graph["chart"] is chart  # copied to a networkx graph by to_networkx


def test_nothing_is_built_until_asked_for(small_chart_path):
    """The heat map and the scorecard draw no edge: a graph they get never builds its adjacency;
    the org view reads the edges of people, teams and CoEs, not those of capabilities."""
    graph = build_graph(load_chart(small_chart_path))
    assert "nodes" not in vars(graph) and not graph._built
    assert "cy" in graph
    assert "nodes" in vars(graph) and not graph._built
    from_people = graph.edges_from({"person"})
    assert graph._built == {"person"} and "email" not in from_people  # a capability's RACI edges: not yet
    assert from_people["cy"] == graph.adjacency["cy"]  # the same edges, in the same order, as the whole table


def test_edges_are_the_same_whichever_kinds_come_first():
    chart = Chart.model_validate(synthetic_chart_data(400, seed=6))
    whole = list(ChartGraph(chart).edges())
    piecemeal = ChartGraph(chart)
    for kind in reversed(NODE_KINDS):
        piecemeal.edges_from({kind})
    assert list(piecemeal.edges()) == whole


def test_networkx_form_has_the_same_nodes_and_edges(small_chart_path):
    graph = build_graph(load_chart(small_chart_path))
    nx_graph = graph.to_networkx()
    assert list(nx_graph.nodes) == list(graph.nodes)
    assert sorted((u, v, k) for u, v, k in nx_graph.edges(keys=True)) == sorted((u, v, k) for u, v, k, _ in graph.edges())
    assert nx_graph.graph["chart"] is graph.chart
