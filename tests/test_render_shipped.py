"""The shipped charts through the real ``dot``: every diagram renders without a Graphviz warning.

Graphviz does not fail on a misspelt HTML attribute (``POINT_SIZE`` for
``POINT-SIZE``) or an unknown node attribute: it warns on stderr and draws at
the default size. Warnings are how such slips show, so none is allowed.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from planner.cli.render_cmd import heat_input
from planner.diff import diff
from planner.graph import build_graph
from planner.render import VIEWS, RenderOptions, to_dot
from planner.render.diff_view import diff_to_dot
from planner.render.heatmap_view import default_model
from planner.render.roadmap_view import roadmap_to_dot
from planner.roadmap import plan
from planner.store import load_chart


def dot_warnings(source: str) -> str:
    """stderr of ``dot -Tpng`` on ``source`` (the exit status must be 0)."""
    done = subprocess.run([shutil.which("dot") or "dot", "-Tpng", "-o", "/dev/null"], input=source.encode("utf-8"),
                          capture_output=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    return done.stderr.decode("utf-8", "replace").strip()


@pytest.fixture(scope="module")
def graphs():
    from planner.charts import shipped_chart

    return {state: build_graph(load_chart(shipped_chart(state))) for state in ("current", "future")}


@pytest.mark.needs_dot
@pytest.mark.parametrize("state", ["current", "future"])
@pytest.mark.parametrize("view", sorted(VIEWS))
def test_every_view_of_the_shipped_charts_renders_without_warnings(graphs, state, view):
    graph = graphs[state]
    options = RenderOptions(heat=heat_input(graph, default_model())) if view == "heatmap" else RenderOptions()
    assert dot_warnings(to_dot(graph, view, options)) == ""


@pytest.mark.needs_dot
@pytest.mark.parametrize(("view", "options"), [
    ("org", RenderOptions(collapse="teams")),
    ("org", RenderOptions(focus="p-dana-reyes", depth=2)),
    ("capabilities", RenderOptions(collapse="teams")),
    ("capabilities", RenderOptions(focus="cap-email-marketing")),
], ids=["org-collapse-teams", "org-focus", "capabilities-collapse-teams", "capabilities-focus"])
def test_filtered_views_render_without_warnings(graphs, view, options):
    assert dot_warnings(to_dot(graphs["current"], view, options)) == ""


@pytest.mark.needs_dot
def test_diff_and_roadmap_diagrams_render_without_warnings(current_path, future_path, default_model, catalog):
    old, new = load_chart(current_path), load_chart(future_path)
    assert dot_warnings(diff_to_dot(diff(old, new), old, new)) == ""
    assert dot_warnings(roadmap_to_dot(plan(old, default_model, 3, catalog))) == ""


def layout(source: str) -> tuple[float, float, list[tuple[float, float, float, float]]]:
    """(width, height, node boxes (x, y, w, h)) of ``dot -Tplain``, in inches."""
    done = subprocess.run([shutil.which("dot") or "dot", "-Tplain"], input=source.encode("utf-8"),
                          capture_output=True, timeout=120, check=True)
    width = height = 0.0
    boxes = []
    for line in done.stdout.decode("utf-8").splitlines():
        parts = line.split()
        if parts[0] == "graph":
            width, height = float(parts[2]), float(parts[3])
        elif parts[0] == "node" and float(parts[4]) > 0.05:
            boxes.append(tuple(float(v) for v in parts[2:6]))
    return width, height, boxes


def overlapping(boxes) -> list:
    found = []
    for i, (x1, y1, w1, h1) in enumerate(boxes):
        for x2, y2, w2, h2 in boxes[i + 1:]:
            if abs(x1 - x2) * 2 < (w1 + w2) - 0.01 and abs(y1 - y2) * 2 < (h1 + h2) - 0.01:
                found.append(((x1, y1), (x2, y2)))
    return found


@pytest.mark.needs_dot
@pytest.mark.parametrize("state", ["current", "future"])
def test_org_view_of_the_shipped_charts_fits_a_slide(graphs, state):
    source = to_dot(graphs[state], "org")
    assert "Departments wrapped over" in source
    width, height, boxes = layout(source)
    assert width / height <= 2.5
    assert len(boxes) >= 45 and not overlapping(boxes)  # people and CoEs (the legend is in the title)
