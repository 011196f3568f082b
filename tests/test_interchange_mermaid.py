"""``render --format mermaid``: org, CoE, data and the roadmap gantt; refused past GitHub's limits."""

from __future__ import annotations

import pytest

from planner.cli import cli
from planner.model import Chart
from planner.render.mermaid import MermaidTooLarge, label, to_mermaid
from planner.store import load_chart
from planner.synthetic import synthetic_chart_data


def test_labels_cannot_break_out():
    # a Cyrillic letter on purpose: text beyond ASCII passes through unescaped
    assert label('a "b" <c> #d\nе') == '"a #quot;b#quot; #lt;c#gt; #35;d е"'  # noqa: RUF001
    assert len(label("x" * 500)) == 82


@pytest.mark.parametrize("view,first", [("org", "flowchart TD"), ("coe", "flowchart LR"), ("data", "flowchart LR")])
def test_views_of_the_shipped_chart(future_path, view, first):
    chart = load_chart(future_path)
    text = to_mermaid(view, chart)
    assert text.splitlines()[0] == first
    names = {"org": [p.name for p in chart.people], "coe": [c.name for c in chart.coes],
             "data": [d.name for d in chart.data]}[view]
    assert all(name in text for name in names)
    assert not any(e.id in text for e in chart.people), "node ids are synthetic, never chart ids"


def test_org_edges_are_reporting_lines(small_chart_path):
    chart = load_chart(small_chart_path)
    text = to_mermaid("org", chart)
    assert text.count("-->") == sum(1 for p in chart.people if p.reports_to)
    assert text.count("subgraph") == len({p.team for p in chart.people if p.team})


def test_too_large_for_github_is_refused():
    chart = Chart.model_validate(synthetic_chart_data(2000))
    with pytest.raises(MermaidTooLarge, match="at most 50,000 characters and 500 edges"):
        to_mermaid("org", chart)


def test_cli_roadmap_gantt(runner, current_path):
    result = runner.invoke(cli, ["render", str(current_path), "--view", "roadmap", "--format", "mermaid"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "gantt" and "  section Phase 1" in lines
    assert any(line.strip().startswith("Tiered loyalty rewards :") and line.endswith("d") for line in lines)


def test_cli_markdown_file_is_fenced(runner, current_path, tmp_path):
    out = tmp_path / "org.md"
    result = runner.invoke(cli, ["render", str(current_path), "--view", "coe", "--format", "mermaid", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("```mermaid\nflowchart LR\n") and text.endswith("```\n")


@pytest.mark.parametrize("args,message", [
    (["--view", "heatmap", "--format", "mermaid"], "the heatmap view needs Graphviz"),
    (["--view", "roadmap", "-o", "x.svg"], "add --format mermaid"),
])
def test_cli_refusals(runner, current_path, args, message):
    result = runner.invoke(cli, ["render", str(current_path), *args])
    assert result.exit_code == 2 and message in result.output
