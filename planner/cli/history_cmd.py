"""``planner history CHART``: maturity at every commit that changed the chart, from git, and its trend."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import click

from ..errors import PlannerError
from ..history import HistoryRow, HistoryTable
from ..render.output import format_for
from ..store.git_history import chart_history
from ..store.library import builtin_models, load_model
from .app import chart_argument, cli, echo, format_option


def _date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2026-01-31") from None


@cli.command()
@chart_argument()
@click.option("--since", callback=_date, metavar="DATE", help="Only commits on or after this day (YYYY-MM-DD).")
@click.option("--model", "models", multiple=True, metavar="NAME|PATH",
              help="A built-in model or a model file; repeat for several. Default: every built-in model.")
@format_option("text", "json")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Also draw levels over time per model and dimension: .svg, .png, .pdf or .dot.")
@click.option("--roadmap", "with_roadmap", is_flag=True,
              help="In the drawing, add the roadmap's projected phases to the next level, dotted after today.")
@click.option("--workers", type=click.IntRange(min=1), help="Processes that assess revisions (default: one per core).")
@click.option("--no-cache", "no_cache", is_flag=True,
              help="Assess every revision again: neither read nor write the cache in .git/planner-cache.")
def history(chart: Path, since: dt.date | None, models: tuple[str, ...], fmt: str, output: Path | None,
            with_roadmap: bool, workers: int | None, no_cache: bool = False) -> None:
    """Assess CHART at every commit that changed it, following renames; read from git, nothing checked out.

    Prints levels and continuous scores per model at each commit, and the criteria
    met or lost at each step. A commit where the chart was invalid is shown as a
    gap with the reason. Verdicts are kept per blob in .git/planner-cache/history
    (safe to delete), so a second run assesses only the new commits.
    """
    if output is not None:
        format_for(output)
    chosen = [load_model(m) for m in (models or builtin_models())]
    table = chart_history(chart, chosen, since, workers, on_disk=not no_cache)
    if fmt == "json":
        echo(json.dumps(table.to_dict(), indent=2, ensure_ascii=False), json=True)
    else:
        echo("\n".join(text_lines(table)))
    if output is not None:
        _draw(table, chart, chosen, output, with_roadmap)


def _draw(table: HistoryTable, chart: Path, models: list, output: Path, with_roadmap: bool) -> None:
    from ..render.trend_view import TrendInput, trend_dot  # noqa: PLC0415
    from ..store.diagrams import write_diagram  # noqa: PLC0415

    projected, notes = _projection(chart, models) if with_roadmap else ({}, [])
    for note in notes:
        echo(f"planner: note: {note}", err=True)
    data = TrendInput.of(table, projected, dt.date.today())
    write_diagram(trend_dot(replace(data, notes=tuple(notes))), output)
    echo(f"wrote {output}", err=True)


def _projection(chart: Path, models: list) -> tuple[dict, list[str]]:
    """Per model id, [(phase end date, level, dimension levels)] of the roadmap to the next level from today;
    and, for each model the roadmap cannot plan for, why (the trend is drawn without its projection)."""
    from ..roadmap import Constraints, plan  # noqa: PLC0415
    from ..store import load_chart  # noqa: PLC0415
    from ..store.library import load_catalog  # noqa: PLC0415

    current, catalog = load_chart(chart), load_catalog()
    found, notes = {}, []
    for model in models:
        try:
            result = plan(current, model, "next", catalog, Constraints(start=dt.date.today()))
        except PlannerError as exc:
            notes.append(f"no roadmap projection for {model.id}: {exc}")
            continue
        ends = {p.number: p.end_date for p in result.phases}
        found[model.id] = [(ends[p.phase], p.level, dict(p.dimension_levels))
                           for p in result.trajectory if ends.get(p.phase)]
    return found, notes


def text_lines(table: HistoryTable) -> list[str]:
    """The table for a terminal: a line per revision, then what it gained, lost and moved."""
    rows = table.rows
    gaps = sum(1 for r in rows if not r.ok)
    span = f"{rows[0].revision.date.date()} .. {rows[-1].revision.date.date()}" if rows else "no commits"
    lines = [f"History of {table.path}: {len(rows)} commits, {span}"
             + (f"; {gaps} without a valid chart" if gaps else "")]
    models = list(table.models)
    lines.append(f"{'date':<11} {'commit':<9}" + "".join(f"{m[:12]:>13}" for m in models) + "  subject")
    before = None
    for row in rows:
        lines += _row_lines(row, models, before)
        before = row.states if row.ok else before
    return lines


def _moves(before, after) -> list[str]:
    """``= engagement 1 -> 2 Managed; data 1 -> 2``: levels that changed since the last valid commit."""
    out = []
    for key, state in after.items():
        old = before.get(key) if before else None
        if old is None:
            continue
        dims = [f"{d} {old.dimensions[d]} -> {v}" for d, v in state.dimensions.items()
                if d in old.dimensions and old.dimensions[d] != v]
        if old.level != state.level or dims:
            head = f"{key} {old.level} -> {state.level} {state.level_name}" if old.level != state.level else key
            out.append(f"{'':<21}= {head}" + (f"; {', '.join(dims)}" if dims else ""))
    return out


def _row_lines(row: HistoryRow, models: list[str], before) -> list[str]:
    r = row.revision
    head = f"{r.date.date()!s:<11} {r.short:<9}"
    subject = r.subject if len(r.subject) <= 60 else r.subject[:57] + "..."
    if not row.ok:
        return [head + f"(no valid chart) {subject}", f"{'':<21}! {row.error}"]
    cells = "".join(f"{_cell(row, m):>13}" for m in models)
    out = [head + cells + "  " + subject]
    if row.renamed_from:
        out.append(f"{'':<21}> renamed from {row.renamed_from}")
    out += _moves(before, row.states)
    for change in row.changes:
        sign = "+" if change.gained else "-"
        out.append(f"{'':<21}{sign} {change.criterion_id}")
    return out


def _cell(row: HistoryRow, model_id: str) -> str:
    state = row.states.get(model_id)
    if state is None:
        return "-"
    return f"{state.level} ({state.score:.2f})"


def report_views(path: Path, chart, model: str) -> list[tuple[str, str]]:
    """For ``planner report``: the trend of the chart's git history and the unit heat map, as (caption, SVG).

    Either is left out when it has nothing to show: a file outside git (or never
    committed), a chart that names no line of business, no Graphviz.
    """
    from ..maturity.units import assess_units  # noqa: PLC0415
    from ..render.output import GraphvizMissingError, render_bytes  # noqa: PLC0415
    from ..render.trend_view import TrendInput, trend_dot  # noqa: PLC0415
    from ..render.units_view import UnitsInput, units_dot  # noqa: PLC0415

    chosen = [load_model(model)]
    found = []
    try:
        table = chart_history(path, chosen, workers=1)
        found.append(("Maturity over time", trend_dot(TrendInput.of(table))))
    except PlannerError:
        pass
    matrix = assess_units(chart, "lob", chosen)
    if matrix.units:
        found.append(("Maturity per line of business", units_dot(UnitsInput.of(matrix))))
    try:
        return [(caption, render_bytes(dot, "svg").decode("utf-8")) for caption, dot in found]
    except GraphvizMissingError:
        return []
