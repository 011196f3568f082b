"""``build_graph``: every element is a node, every reference, containment and hand-off an edge."""

from __future__ import annotations

from planner.graph import HANDOFF, NEXT_COE, NODE_KINDS, PART_OF, REFERENCE_RELATIONS, RELATIONS, build_graph
from planner.model import iter_refs
from planner.store import load_chart


def test_every_element_is_a_node_with_its_kind(small_chart_path):
    chart = load_chart(small_chart_path)
    graph = build_graph(chart)
    elements = list(chart.iter_elements())
    assert graph.number_of_nodes() == len(elements)
    for _, element in elements:
        assert graph.nodes[element.id]["kind"] == element.KIND
        assert graph.nodes[element.id]["element"] is element
    assert set(NODE_KINDS) == {data["kind"] for _, data in graph.nodes(data=True)}


def test_every_reference_is_an_edge_keyed_by_its_relation(small_chart_path):
    chart = load_chart(small_chart_path)
    graph = build_graph(chart)
    for _, element in chart.iter_elements():
        for field, _, target in iter_refs(element):
            assert graph.has_edge(element.id, target, key=field.ref.relation), (element.id, field.name, target)
    assert graph.has_edge("cy", "mkt", key="member_of")
    assert graph.has_edge("email", "cy", key="accountable")


def test_structural_edges(small_chart_path):
    graph = build_graph(load_chart(small_chart_path))
    assert graph.has_edge("agency-msa", "agency", key=PART_OF)
    assert graph.has_edge("design", "launch", key=PART_OF)
    assert graph.edges["cy", "agency", HANDOFF]["artifacts"] == ("creative brief",)
    assert graph.edges["coe-mkt", "coe-web", NEXT_COE]["chain"] == "chain"


def test_relations_are_documented_constants():
    assert {"reports_to", "accountable", "feeds", "handoff", "part_of"} <= set(RELATIONS)
    assert REFERENCE_RELATIONS["reports_to"] == ({"person"}, {"person"})
    assert REFERENCE_RELATIONS["owned_by"] == ({"system", "data"}, {"person", "team"})


def test_graph_keeps_the_chart_for_answers(small_chart_path):
    chart = load_chart(small_chart_path)
    assert build_graph(chart).graph["chart"] is chart
