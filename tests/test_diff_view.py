"""The diff diagram: the union of both charts coloured by change, drawn with the render machinery."""

from __future__ import annotations

import re

import pytest

from planner.cli import cli
from planner.diff import diff
from planner.render.diff_view import DIFF_THEME, FILLS, diff_to_dot
from planner.store import load_chart, parse_chart


@pytest.fixture
def pair(small_chart_path):
    text = small_chart_path.read_text(encoding="utf-8")
    changed = (text.replace("team: mkt, reports_to: ann, fte: 0.5", "team: web, reports_to: ann, fte: 0.5")
               .replace("  - {id: crm, name: Operational CRM, kind: operational_crm}\n", "")
               .replace("feeds: [crm]", "feeds: []")
               .replace("people:\n", "people:\n  - {id: dee, name: Dee Fox, team: web}\n"))
    a, b = load_chart(small_chart_path), parse_chart(changed).chart
    assert b is not None
    return a, b, diff(a, b)


def node_with(dot: str, name: str) -> str:
    line = next(line for line in dot.splitlines() if f">{name}<" in line or f">{name} <" in line)
    return line


def test_colours_by_status(pair):
    a, b, result = pair
    dot = diff_to_dot(result, a, b)
    assert f'"{FILLS["added"]}"' in node_with(dot, "Dee Fox")
    removed = node_with(dot, "Operational CRM")
    assert f'"{FILLS["removed"]}"' in removed and "dashed" in removed
    assert DIFF_THEME.diff["changed"] in node_with(dot, "Cy Park")
    assert DIFF_THEME.diff["unchanged"] in node_with(dot, "Bob Stone")
    moved = [line for line in dot.splitlines() if "member of team" in line]
    assert any(DIFF_THEME.diff["added"] in line for line in moved)
    assert any(DIFF_THEME.diff["removed"] in line and "dashed" in line for line in moved)


def test_unchanged_regions_collapse_on_big_charts(pair):
    a, b, result = pair
    dot = diff_to_dot(result, a, b, max_nodes=5)
    assert re.search(r"\d+ unchanged (systems|system)", dot)
    assert "Web CMS" not in dot and "Cy Park" in dot


@pytest.mark.needs_dot
def test_cli_writes_svg_and_png(runner, current_path, future_path, tmp_path):
    for name in ("diff.svg", "diff.png"):
        result = runner.invoke(cli, ["diff", str(current_path), str(future_path), "-o", str(tmp_path / name)])
        assert result.exit_code == 1, result.output
        assert (tmp_path / name).stat().st_size > 1000
    assert "<svg" in (tmp_path / "diff.svg").read_text(encoding="utf-8")


def test_cli_writes_dot_without_graphviz(runner, small_chart_path, tmp_path):
    out = tmp_path / "same.dot"
    result = runner.invoke(cli, ["diff", str(small_chart_path), str(small_chart_path), "-o", str(out)])
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("digraph")


def test_shipped_diff_folds_what_no_changed_relation_touches(current_path, future_path):
    a, b = load_chart(current_path), load_chart(future_path)
    dot = diff_to_dot(diff(a, b), a, b)
    assert re.search(r"\d+ unchanged people", dot)
    assert re.search(r"\d+ people changed", dot)
    assert re.search(r"\d+ data sources changed", dot) and "\u00d7" in dot  # a fan of feeds into one system
    assert len(re.findall(r"^\s*n\d+ \[", dot, re.M)) < 100
