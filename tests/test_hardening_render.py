"""Names of thousands of characters: shortened in every view with an ellipsis, whole in the tooltip."""

from __future__ import annotations

import re

import pytest

from planner.graph import build_graph
from planner.render import VIEWS, RenderOptions, to_dot
from planner.render.dot import MAX_LABEL, MAX_TOOLTIP, Dot, text
from planner.store import parse_chart
from planner.store.diagrams import write_diagram

LONG = "Northwind" + "x" * 12_000
"""Over 10,000 characters, the size that broke the org and CoE views."""
CHART = f"""\
version: 1
chart: {{name: T}}
teams:
  - {{id: mkt, name: {LONG}}}
people:
  - {{id: ann, name: {LONG}, team: mkt}}
  - {{id: bob, name: Bob, team: mkt, reports_to: ann}}
capabilities:
  - {{id: c1, name: {LONG}, area: delivery, accountable: ann}}
coes:
  - {{id: e1, name: {LONG}, lead: ann, members: [ann, bob], capabilities: [c1]}}
"""


@pytest.fixture(scope="module")
def graph():
    report = parse_chart(CHART)
    assert report.ok, report.problems
    return build_graph(report.chart)


def test_a_long_text_is_cut_with_an_ellipsis_and_kept_for_the_tooltip():
    dot = Dot()
    dot.node("a", text(LONG))
    line = dot.source().splitlines()[1]
    label = re.search(r"label=<([^>]*)>", line).group(1)
    assert len(label) == MAX_LABEL and label.endswith("\u2026") and label.startswith("Northwind")
    assert f'tooltip="{LONG}"' in line


def test_a_tooltip_stops_at_what_graphviz_reads():
    dot = Dot()
    dot.node("a", text("y" * 40_000))
    tooltip = re.search(r'tooltip="([^"]*)"', dot.source()).group(1)
    assert len(tooltip) == MAX_TOOLTIP and tooltip.endswith("\u2026")


def test_a_short_text_has_no_tooltip_added():
    dot = Dot()
    dot.node("a", text("Ann Lee"))
    assert "tooltip" not in dot.source()


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_every_view_shortens_long_names(graph, view):
    source = to_dot(graph, view, RenderOptions())
    shown = re.sub(r'tooltip="[^"]*"', "", source)
    assert max((len(run) for run in re.findall(r"x+", shown)), default=0) < MAX_LABEL
    if "Northwind" in shown:  # the view shows one of the long names: its tooltip holds all of it
        assert f'tooltip="{LONG}' in source


@pytest.mark.needs_dot
@pytest.mark.parametrize("view", ["org", "coe", "capabilities"])
def test_views_with_names_over_10000_characters_draw(graph, view, tmp_path):
    written = write_diagram(to_dot(graph, view, RenderOptions()), tmp_path / f"{view}.svg")
    svg = written.read_text(encoding="utf-8")
    assert "Northwind" in svg and "\u2026" in svg and LONG in svg  # shortened on the page, whole in the tooltip
