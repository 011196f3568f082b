"""A view pays for the edges it draws: hand-offs alone, and few sources visited, give the same edges."""

from __future__ import annotations

import pytest

from planner.charts import shipped_chart
from planner.graph import HANDOFF, SOURCE_KINDS, ChartGraph
from planner.model import Chart
from planner.render import RenderOptions, build_scene, get_view, to_dot
from planner.store import load_chart
from planner.synthetic import synthetic_chart_data

PERFORMERS = SOURCE_KINDS[HANDOFF]


def _handoffs(adjacency: dict, sources) -> list[tuple[str, str, dict]]:
    return [(u, v, keyed[HANDOFF]) for u in sources for v, keyed in adjacency.get(u, {}).items() if HANDOFF in keyed]


@pytest.fixture(params=["current", "future", "synthetic"])
def chart(request) -> Chart:
    if request.param == "synthetic":
        return Chart.model_validate(synthetic_chart_data(600, seed=4))
    return load_chart(shipped_chart(request.param))


def test_handoffs_alone_are_those_of_the_whole_table_in_its_order(chart):
    """A performer that also refers to whom it hands over (its manager, its team) keeps the
    whole table's order: the shipped charts have such performers."""
    whole = ChartGraph(chart)
    alone = ChartGraph(chart)
    sources = [n for n, d in whole.nodes.items() if d["kind"] in PERFORMERS]
    handed = alone.edges_from(PERFORMERS, {HANDOFF})
    assert not alone._built  # no reference of anyone was built for it
    assert _handoffs(handed, sources) == _handoffs(whole.adjacency, sources)
    assert _handoffs(handed, sources)  # the charts do hand things over


def test_handoffs_after_a_whole_kind_come_from_the_whole_table(chart):
    graph = ChartGraph(chart)
    graph.edges_from({"person"})
    handed = graph.edges_from(PERFORMERS, {HANDOFF})
    sources = [n for n, d in graph.nodes.items() if d["kind"] in PERFORMERS]
    assert _handoffs(handed, sources) == _handoffs(ChartGraph(chart).adjacency, sources)


def test_team_parents_count_as_sources_of_part_of():
    """A team's parent is a reference named part_of, as a contract's organization is a containment."""
    assert {"team", "contract", "step"} <= SOURCE_KINDS["part_of"]


@pytest.mark.parametrize("view", ["flows", "org", "coe", "data", "capabilities"])
def test_a_view_draws_the_same_whichever_view_came_first(chart, view):
    """The flows view reads hand-offs alone; drawn after another view built whole kinds, the same text."""
    fresh = to_dot(ChartGraph(chart), view)
    graph = ChartGraph(chart)
    for other in ("org", "capabilities", "flows", "coe"):
        to_dot(graph, other)
    assert to_dot(graph, view) == fresh


def test_grids_select_nothing_and_build_no_node_table(small_chart_path):
    graph = ChartGraph(load_chart(small_chart_path))
    for view in ("units", "scorecard"):
        scene = build_scene(graph, get_view(view), RenderOptions())
        assert not scene.items and not scene.links
    assert "nodes" not in vars(graph)
