"""``planner report CHART``: one self-contained HTML file with the assessment, diagrams, roadmap and diff."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..model import DEFAULT_MODEL
from ..pipeline import Pipeline
from ..store import load_chart, write_atomic
from .app import chart_argument, cli, echo, shown
from .history_cmd import report_views

VIEW_CAPTIONS = {"heatmap": "Maturity heat map", "scorecard": "Scorecard", "capabilities": "Capabilities",
                 "org": "Organization", "flows": "Workflow hand-offs", "data": "Data sources", "coe": "Centers of Excellence"}


@cli.command()
@chart_argument()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("report.html"),
              show_default=True, help="The HTML file to write.")
@click.option("--against", type=click.Path(dir_okay=False, path_type=Path),
              help="A future-state chart: add the changes from CHART to it.")
@click.option("--model", default=DEFAULT_MODEL, show_default=True, help="Model of the heat map and the roadmap.")
@click.option("--no-roadmap", is_flag=True, help="Leave out the roadmap to the next level.")
def report(chart: Path, output: Path, against: Path | None, model: str, no_roadmap: bool) -> None:
    """Write one HTML file to mail: the assessment, the heat map and other views, the roadmap, the diff.

    Everything is inside the file (inline SVG and CSS); nothing is fetched when
    it is opened, and it prints one section per page.
    """
    loaded = load_chart(chart)
    future = Pipeline.load(against) if against is not None else None
    data = build_report(Pipeline(loaded, chart), future, model, roadmap=not no_roadmap,
                        labels=(chart.name, against.name if against else ""))
    data.views += report_views(chart, loaded, model)  # maturity over time (git) and per line of business
    from ..interchange.report_html import report_html

    write_atomic(output, report_html(data).encode("utf-8"))
    echo(f"wrote {shown(output)}: {len(data.assessments)} models, {len(data.views)} diagrams"
         f"{', roadmap' if data.roadmap is not None else ''}{', changes' if data.diff_lines is not None else ''}",
         err=True)


def build_report(run: Pipeline, future: Pipeline | None, model: str, roadmap: bool = True,
                 labels: tuple[str, str] = ("a", "b")):
    """Everything the report shows, assessed (once per model, through the pipelines), planned and drawn."""
    from ..interchange.report_html import ReportInput

    info = run.chart.chart
    subtitle = f"{info.state} state" + (f" as of {info.as_of}" if info.as_of else "") + \
        f"; report written {dt.date.today()}"
    data = ReportInput(info.name, subtitle, run.assess_all())
    data.views, missing = _views(run, model)
    if missing:
        data.notes.append("Graphviz is not installed: the diagrams are left out.")
    if roadmap:
        data.roadmap = _roadmap(run, model, data.notes)
    if future is not None:
        _add_diff(data, run, future, labels, missing)
    return data


def _views(run: Pipeline, model: str) -> tuple[list[tuple[str, str]], bool]:
    from ..render import VIEWS, RenderOptions, to_dot
    from ..render.output import GraphvizMissingError, render_bytes
    from ..render.views import ASSESSED_VIEWS

    views = []
    for view in VIEW_CAPTIONS:
        if view not in VIEWS:
            continue
        options = RenderOptions(heat=run.heat(model) if view in ASSESSED_VIEWS else None)
        try:
            svg = render_bytes(to_dot(run.graph, view, options), "svg").decode("utf-8")
        except GraphvizMissingError:
            return [], True
        views.append((VIEW_CAPTIONS[view], svg))
    return views, False


def _roadmap(run: Pipeline, model: str, notes: list[str]):
    from ..errors import PlannerError

    try:
        return run.plan(model, "next")
    except PlannerError as exc:
        notes.append(f"No roadmap: {exc}")
        return None


def _add_diff(data, run: Pipeline, future: Pipeline, labels, missing: bool) -> None:
    from ..diff.report import text_lines

    result = run.diff(future)
    data.diff_lines = text_lines(result, a_label=labels[0], b_label=labels[1])
    data.diff_label = f"{labels[0]} -> {labels[1]}"
    if not missing:
        from ..render.diff_view import diff_to_dot
        from ..render.output import render_bytes

        data.diff_svg = render_bytes(diff_to_dot(result, run.chart, future.chart), "svg").decode("utf-8")


def step_report(demo) -> None:
    """Demo step: the HTML report of the current chart, with the changes to the future one."""
    from ..interchange.report_html import report_html

    demo.heading("HTML report")
    data = build_report(demo.current_run, demo.future_run, DEFAULT_MODEL,
                        labels=(demo.current_path.name, demo.future_path.name))
    path = demo.out / "report.html"
    write_atomic(path, report_html(data).encode("utf-8"))
    demo.written.append(path)
    echo(f"{len(data.assessments)} models, {len(data.views)} diagrams, roadmap and changes -> {shown(path)}")
