"""Fuzz: every command's core entry point, on any valid chart, fails only with a PlannerError.

The charts are generated from the model's own fields (see ``charts.py``): names
with escape sequences and 250 characters, NaN and infinite figures, dates in
year 1 and 9999, answers to criteria that do not exist. Each is checked, then
assessed (every built-in model, the structure, three report formats), planned
(text, Markdown, TaskJuggler, JSON, projected chart), drawn (every view) and
diffed, as the commands do. Only ``PlannerError`` (a user's mistake, said in
one line) may come out.
"""

from __future__ import annotations

import functools
import json

from hypothesis import given

from charts import budget, chart_data
from planner.diff import diff
from planner.diff.report import text_lines
from planner.errors import PlannerError
from planner.graph import build_graph
from planner.maturity import analyze_structure, assess, assess_all
from planner.maturity.facts import Facts
from planner.maturity.report import json_report, md_report, report_title, text_report
from planner.model import Chart, ChartInfo
from planner.render import VIEWS, HeatInput, RenderOptions, to_dot
from planner.roadmap import apply, plan
from planner.roadmap.report import to_markdown, to_text
from planner.roadmap.tjp import to_tjp
from planner.store import chart_to_text, parse_chart
from planner.store.emit import emit
from planner.store.library import load_catalog, load_model, load_models
from planner.textfmt import printable


def tolerating_planner_errors(step):
    """Run one command's core; a PlannerError is a fine answer, anything else fails the test."""
    try:
        return step()
    except PlannerError as exc:
        assert "\n" not in str(exc).strip(), str(exc)
        return None


def assessed(chart: Chart) -> None:
    facts = Facts(chart)
    results = assess_all(facts, load_models())
    structure = analyze_structure(facts)
    title = report_title(chart.chart)
    for text in (text_report(title, results, structure, facts), md_report(title, results, structure, facts)):
        assert "\x1b" not in printable(text)
    json.dumps(json_report("fuzz.yaml", facts, results, structure))


def planned(chart: Chart) -> None:
    result = plan(chart, load_model("engagement"), "next", load_catalog())
    for text in (to_text(result), to_markdown(result), to_tjp(result)):
        assert "\x1b" not in printable(text)
    json.dumps(result.to_dict())
    projected = chart_to_text(apply(chart, result))
    assert parse_chart(projected).chart is not None


def drawn(chart: Chart) -> None:
    graph = build_graph(chart)
    heat = HeatInput.from_assessment(assess(chart, load_model("engagement")))
    for view in VIEWS:
        source = to_dot(graph, view, RenderOptions(heat=heat))
        assert source.startswith("digraph") and "\x1b" not in source


def diffed(chart: Chart) -> None:
    empty = Chart(chart=ChartInfo(name="(no chart)"))
    result = diff(empty, chart, maturity=load_models())
    text_lines(result)
    json.dumps(result.to_dict())
    assert diff(chart, chart, maturity=False).equal


@budget(300)
@given(chart_data())
def test_every_command_core_takes_any_valid_chart(data):
    report = parse_chart(emit(data), "fuzz.yaml")
    if not report.ok:
        return  # the commands refuse it (the loader fuzz covers the refusal)
    for step in (assessed, planned, drawn, diffed):
        tolerating_planner_errors(functools.partial(step, report.chart))
