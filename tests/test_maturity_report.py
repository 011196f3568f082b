"""The assessment report lives in the core (planner.maturity.report): text, Markdown, JSON, one title.

The structure section is built from the StructureReport fields for both text and
Markdown, and an empty list reads "none" rather than leaving a heading with nothing under it.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import sys

from planner.cli import cli
from planner.maturity import Finding, StructureReport, analyze_structure, assess_all
from planner.maturity.facts import Facts
from planner.maturity.report import json_report, md_report, report_title, text_report
from planner.model import Chart
from planner.store import load_chart
from planner.store.library import load_model, load_models
from planner.textfmt import md_escape


def test_report_module_is_pure_core():
    code = ("import sys, planner.maturity.report, planner.textfmt;"
            "print(','.join(m for m in ('click', 'textual', 'planner.cli', 'planner.tui') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_one_title_for_the_command_and_the_demo(runner, current_path, tmp_path):
    info = load_chart(current_path).chart
    title = report_title(info)
    assert title == f"Maturity assessment: {info.name} ({info.state} state, as of {info.as_of})"
    printed = runner.invoke(cli, ["assess", str(current_path), "--no-structure"])
    assert printed.output.splitlines()[0] == title
    demo = runner.invoke(cli, ["demo", "--out", str(tmp_path)])
    assert demo.exit_code == 0, demo.output
    written = (tmp_path / "assessment-current.md").read_text(encoding="utf-8")
    assert written.splitlines()[0] == "# " + md_escape(title)


def test_cli_prints_the_core_reports(runner, current_path):
    facts = Facts(load_chart(current_path))
    results = assess_all(facts, load_models())
    structure = analyze_structure(facts)
    title = report_title(facts.chart.chart)
    for fmt, expected in (("text", text_report(title, results, structure, facts)),
                          ("md", md_report(title, results, structure, facts))):
        assert runner.invoke(cli, ["assess", str(current_path), "--format", fmt]).output == expected
    out = json.loads(runner.invoke(cli, ["assess", str(current_path), "--format", "json"]).output)
    assert out == json.loads(json.dumps(json_report(current_path, facts, results, structure)))


def test_roadmap_and_maturity_share_one_markdown_escape():
    from planner.roadmap import report as roadmap_report

    assert roadmap_report._md is md_escape
    assert md_escape("a | b") == "a \\| b"


def test_text_report_without_structure_needs_no_facts(current_path):
    result = assess_all(load_chart(current_path), [load_model("engagement")])
    text = text_report("T", result)
    assert text.startswith("T\n") and "To reach level 3 Predictive" in text and "Structure" not in text


# -- the structure section, from the fields ---------------------------------------------------


def empty_facts() -> Facts:
    return Facts(Chart.model_validate({"chart": {"name": "X"}}))


def test_empty_lists_read_none_in_text_and_markdown():
    facts = empty_facts()
    s = analyze_structure(facts)
    text = text_report("T", {}, s, facts)
    md = md_report("T", {}, s, facts)
    assert "   Bottlenecks (betweenness in the work network, exact over 0 nodes): none" in text.splitlines()
    assert "- Bottlenecks (betweenness in the work network, exact over 0 nodes): none" in md.splitlines()
    for line in text.splitlines() + md.splitlines():
        assert not line.rstrip().endswith(":"), line
    assert "   Capabilities without systems: none" in text.splitlines()
    assert "- External organizations without SLA: none" in md.splitlines()


def test_markdown_structure_is_built_from_the_fields_not_the_text():
    facts = empty_facts()
    long = "a finding | with a pipe " + "and a long tail " * 10
    s = StructureReport(single_points_of_failure=[Finding(long, ("p",))], bottlenecks=[("sys-a", 0.25)], work_nodes=3,
                        betweenness_sources=3, missing_inputs=[Finding("'brief' is produced by no step")])
    md = md_report("T", {}, s, facts).splitlines()
    text = text_report("T", {}, s, facts).splitlines()
    assert "  - " + md_escape(long) in md  # whole, escaped: not a clipped line of the text report
    assert any(line.endswith("...") and "a finding | with a pipe" in line for line in text)
    assert "- Single points of failure: 1" in md
    assert "- Bottlenecks (betweenness in the work network, exact over 3 nodes):" in md  # items follow
    assert "  - sys-a (None): 0.250" in md and "     - sys-a (None): 0.250" in text
    assert "- Workflow integrity: 1 missing input, 0 orphan outputs" in md


def test_no_heading_is_left_empty_on_the_command_line(runner, small_chart_path, tmp_path):
    empty = tmp_path / "empty.yaml"
    empty.write_text("chart: {name: X}\n")
    for path in (small_chart_path, empty):
        out = runner.invoke(cli, ["assess", str(path)]).output
        section = out.split("== Structure of the operation", 1)[1].splitlines()
        for i, line in enumerate(section):
            if line.rstrip().endswith(":"):
                assert i + 1 < len(section) and section[i + 1].startswith("     - "), line
    assert "   Bottlenecks (betweenness in the work network, exact over 0 nodes): none" in out.splitlines()
    md = runner.invoke(cli, ["assess", str(empty), "--format", "md"]).output
    assert "- Bottlenecks (betweenness in the work network, exact over 0 nodes): none" in md.splitlines()


# -- the editor's report screen ------------------------------------------------------------------


def test_editor_report_screen_shows_the_core_text_report(tmp_path, small_chart_path):
    from planner.maturity import assess
    from planner.tui.app import EditorApp
    from planner.tui.screens.report import ReportScreen

    chart_file = tmp_path / "small.yaml"
    shutil.copy(small_chart_path, chart_file)

    async def run() -> str:
        app = EditorApp(chart_file)
        async with app.run_test(size=(120, 40)) as pilot:
            while not app.ready or app.live_state is None:
                await pilot.pause(0.02)
            await pilot.press("f2")
            for _ in range(500):
                if isinstance(app.screen, ReportScreen):
                    break
                await pilot.pause(0.02)
            assert isinstance(app.screen, ReportScreen)
            return app.screen.text

    shown = asyncio.run(run())
    chart = load_chart(chart_file)
    result = assess(chart, load_model("engagement"))
    assert shown == text_report(report_title(chart.chart), {result.model_id: result}, width=None)  # the pane wraps it


def test_a_levels_limitations_read_as_sentences(runner, tmp_path):
    """A level-1 chart: its limitations are whole sentences, run together, never ".;" between them."""
    path = tmp_path / "mine.yaml"
    assert runner.invoke(cli, ["new", str(path), "--template", "small-brand"]).exit_code == 0
    results = assess_all(Facts(load_chart(path)), [load_model("engagement")])
    text = text_report("Mine", results)
    line = next(x for x in text.splitlines() if "also describes" in x)
    assert results["engagement"].level == 1 and "pervasive. All customers" in line and ".;" not in line
