"""``planner roadmap CHART --target LEVEL``: the sequenced roadmap of entry-point solutions."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from ..errors import PlannerError
from ..maturity.units import chart_for_unit
from ..model import DEFAULT_MODEL
from ..render.output import format_for
from ..roadmap import Constraints, TargetReachedError, apply, plan
from ..roadmap.report import to_markdown, to_text
from ..roadmap.tjp import to_tjp
from ..store import load_chart, write_atomic
from ..store.library import load_model
from .app import chart_argument, cli, echo, format_option
from .catalog_checks import load_checked_catalog

YAML_SUFFIXES = (".yaml", ".yml")
"""What ``--future-state`` may be called: the chart is written as YAML, whatever the name says."""


def _date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2025-04-01") from None


@cli.command()
@chart_argument()
@click.option("--target", "-t", default="next", show_default=True,
              help="Level number or name, 'next', or per dimension: data=4,programs=adaptive.")
@click.option("--model", "-m", default=DEFAULT_MODEL, show_default=True, help="Maturity model: built-in name or file.")
@click.option("--catalog", type=click.Path(dir_okay=False, path_type=Path), help="Solution catalog file (default: built-in).")
@click.option("--capacity", type=click.FloatRange(min=0, min_open=True), default=4.0, show_default=True,
              help="People available for roadmap work at once.")
@click.option("--budget", type=click.FloatRange(min=0), help="Spend allowed per phase (default: no limit).")
@click.option("--phase-weeks", type=click.IntRange(min=1), default=13, show_default=True, help="Length of a phase.")
@click.option("--start", callback=_date, help="First day of the plan, YYYY-MM-DD (default: the chart's as-of date).")
@click.option("--objective", type=click.Choice(["cost", "effort"]), default="cost", show_default=True,
              help="What the chosen solutions minimise.")
@format_option("text", "md", "json", "tjp", "xlsx")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Also draw the roadmap: .svg, .png, .pdf or .dot.")
@click.option("--future-state", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the projected chart after the last phase (YAML); never over the input chart unless --force.")
@click.option("--force", is_flag=True, help="Let --future-state replace the input chart (its old text kept as NAME.bak).")
@click.option("--unit", metavar="[lob:|team:]NAME", help="Plan for one line of business or team (its part of the chart).")
def roadmap(chart: Path, target: str, model: str, catalog: Path | None, capacity: float, budget: float | None,
            phase_weeks: int, start: dt.date | None, objective: str, fmt: str, output: Path | None,
            future_state: Path | None, unit: str | None, force: bool = False) -> None:
    """Plan the entry-point solutions that take CHART to the target level.

    Lists the unmet criteria, the solutions that close them at least cost with
    their prerequisites, and a schedule in phases under the team capacity and the
    budget per phase, with the makespan beside its lower bound.
    """
    if output is not None:
        format_for(output)  # refuse -o roadmap.jpg before planning and printing, not after
    if future_state is not None and future_state.suffix.lower() not in YAML_SUFFIXES:
        raise PlannerError(f"{future_state}: --future-state writes a chart in YAML; name it .yaml or .yml")
    if future_state is not None and chart is not None and _same_file(future_state, chart) and not force:
        raise PlannerError(f"{future_state}: --future-state would overwrite the input chart (its comments and layout "
                           f"would be lost); choose another file, or add --force to replace it and keep "
                           f"{future_state.name}.bak")
    current = load_chart(chart)
    if unit:  # maturity per unit: planner/maturity/units.py
        current = chart_for_unit(current, unit)
    constraints = Constraints(capacity=capacity, budget=budget, phase_weeks=phase_weeks, start=start,
                              objective=objective)
    try:
        checked = load_checked_catalog(catalog, model)
        result = plan(current, load_model(model), target, checked, constraints)
    except TargetReachedError as exc:
        if str(target).strip().lower() != "next" or "top level" not in str(exc):
            raise
        echo(f"{chart or 'the chart'}: already at {exc.current}: no next level to plan")  # not an error
        return
    if fmt == "json":
        echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False), json=True)
    elif fmt == "md":
        echo(to_markdown(result), nl=False)
    elif fmt == "tjp":
        echo(to_tjp(result), nl=False)
    elif fmt == "xlsx":  # phases, a sheet per phase, gaps; to standard output
        from ..interchange.sheets import roadmap_sheets
        from .xlsx_out import write_workbook_to_stdout

        write_workbook_to_stdout(roadmap_sheets(result.to_dict()), "> roadmap.xlsx")
    else:
        echo(to_text(result), nl=False)
    if output is not None:
        from ..store.diagrams import draw

        draw("roadmap", output, result)
        echo(f"wrote {output}", err=True)
    if future_state is not None:
        _write_future(current, result, future_state, chart)


def _same_file(a: Path, b) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False


def _write_future(current, result, path: Path, source: Path) -> None:
    from ..store.charts import save_projection

    future = apply(current, result)
    try:
        if source is not None and _same_file(path, source):
            backup = path.with_name(path.name + ".bak")
            write_atomic(backup, path.read_bytes())
            echo(f"kept the input chart as {backup}", err=True)
        save_projection(future, path, source, f"Projected by planner roadmap: {result.target_name} on {result.model_name}.")
    except OSError as exc:
        raise PlannerError(f"{path}: {exc.strerror or exc}") from exc
    echo(f"wrote {path}", err=True)


def step_roadmap(demo) -> None:
    """Demo step: the roadmap from the shipped current chart to its next level, with its diagram."""
    from ..render.output import GraphvizMissingError
    from ..store.diagrams import draw

    demo.heading("Roadmap to the next engagement level")
    result = demo.current_run.plan(DEFAULT_MODEL, "next")  # planned from the assessment step_assess made
    echo(to_text(result), nl=False)
    folder = demo.out / "roadmap"
    folder.mkdir(parents=True, exist_ok=True)
    try:
        diagram = draw("roadmap", folder / "roadmap.svg", result)
    except GraphvizMissingError:
        diagram = draw("roadmap", folder / "roadmap.dot", result)
    markdown, project, future = folder / "roadmap.md", folder / "roadmap.tjp", folder / "projected-future.yaml"
    write_atomic(markdown, to_markdown(result).encode("utf-8"))
    write_atomic(project, to_tjp(result).encode("utf-8"))
    from ..store.charts import save_projection

    save_projection(apply(demo.current, result), future, demo.current_path,
                    f"Projected by planner roadmap: {result.target_name} on {result.model_name}.")
    demo.written += [diagram, markdown, project, future]
