"""``planner import hris|archi-csv``: bring an operation in from an HR export or an Archi model.

Nothing is written when any row is bad: every bad row is listed as
``FILE:ROW:COLUMN: error: ...`` and the chart stays as it was.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..errors import ChartError
from ..model import Chart, check_integrity
from ..store import load_chart, save_chart
from .app import EXIT_ERROR, cli, echo, shown

MODELINE = "# yaml-language-server: $schema=https://capability-planner.example/schema/chart-1.json\n"


@cli.group("import")
def import_group() -> None:
    """Bring people or architecture models in from other tools."""


@import_group.command("hris")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--map", "map_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Mapping of our fields to the export's column names (YAML); see docs/interchange.md.")
@click.option("--into", type=click.Path(dir_okay=False, path_type=Path),
              help="Chart to update (created when it does not exist); without it the chart is printed.")
@click.option("--prune", is_flag=True, help="Remove people who are no longer in the export.")
@click.option("--dry-run", is_flag=True, help="Say what would change; write nothing.")
def import_hris(file: Path, map_path: Path | None, into: Path | None, prune: bool, dry_run: bool) -> None:
    """Import people, titles, departments, managers and contractors from an HR export (CSV).

    Re-importing into a chart updates people by employee id and keeps
    everything added by hand (capabilities, accountabilities, workflows).
    """
    from ..interchange.hris import check_ids, check_managers, find_columns, parse_rows
    from ..interchange.hris_merge import merge_people
    from ..store.hris import load_hr_map, read_csv_rows

    hrmap = load_hr_map(map_path)
    header, rows = read_csv_rows(file)
    columns, problems = find_columns(header, hrmap, str(file))
    if problems:
        raise ChartError(problems, str(file))
    chart = _target(into, file)
    kinds = {e.id: e.KIND for _, e in chart.iter_elements()}
    records, problems = parse_rows(rows, columns, hrmap, str(file))
    known = {k for k, kind in kinds.items() if kind == "person"}
    problems += check_managers(records, known, columns, str(file)) + check_ids(records, kinds, columns, str(file))
    if problems:
        raise ChartError(sorted(problems, key=lambda p: (p.line or 0, p.col or 0)), str(file))
    result = merge_people(chart, records, set(columns), prune)
    _refuse_if_broken(result.chart, into or file)
    _summary(result, len(records))
    if dry_run:
        return
    if into is None:
        from ..store import chart_to_text

        echo(chart_to_text(result.chart, MODELINE), nl=False)
    elif result.changed or not into.exists():
        save_chart(result.chart, into, header=None if into.exists() else MODELINE)
        echo(f"wrote {shown(into)}", err=True)


def _target(into: Path | None, source: Path) -> Chart:
    from ..interchange.hris_merge import new_chart

    if into is not None and into.exists():
        return load_chart(into)
    return new_chart(f"Operation imported from {source.name}", dt.date.today())


def _refuse_if_broken(chart: Chart, path: Path) -> None:
    """After the merge the chart must still be valid (a pruned person still accountable, say)."""
    errors = [p for p in check_integrity(chart) if p.severity == "error"]
    for problem in errors:
        echo(f"{path}: error: after the import: {problem.message}", err=True)
    if errors:
        echo("planner: nothing written", err=True)
        raise SystemExit(EXIT_ERROR)


def _summary(result, rows: int) -> None:
    fields: dict[str, int] = {}
    for changed in result.updated.values():
        for name in changed:
            fields[name] = fields.get(name, 0) + 1
    detail = ", ".join(f"{n} {f}" for f, n in sorted(fields.items()))
    echo(f"{rows} rows: {len(result.added)} people added, {len(result.updated)} updated"
         f"{' (' + detail + ')' if detail else ''}, {rows - len(result.added) - len(result.updated)} unchanged; "
         f"{len(result.teams_added)} teams and {len(result.orgs_added)} organizations added", err=True)
    if result.left and not result.removed:
        shown_ids = ", ".join(result.left[:20]) + (" ..." if len(result.left) > 20 else "")
        echo(f"{len(result.left)} people are no longer in the export (kept; --prune removes them): {shown_ids}",
             err=True)
    if result.removed:
        echo(f"{len(result.removed)} people removed (--prune)", err=True)


@import_group.command("archi-csv")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--into", type=click.Path(dir_okay=False, path_type=Path),
              help="Chart to update by id (created when it does not exist); without it the chart is printed.")
def import_archi_csv(folder: Path, into: Path | None) -> None:
    """Import elements and relations from Archi's CSV export (elements.csv, relations.csv, properties.csv).

    Types with no place in a chart are reported as warnings with their file and
    row. Elements already in the chart are updated by id; fields the CSV files
    do not carry (SLAs, answers) stay as they were.
    """
    from pydantic import ValidationError

    from ..interchange.archi_import import from_archi
    from ..interchange.merge import merge_sections
    from ..store.archi_csv import read_archi_csv

    imported = from_archi(read_archi_csv(folder))
    for warning in imported.warnings:
        echo(warning.format() if warning.path else f"{folder}: warning: {warning.message}", err=True)
    existing = load_chart(into) if into is not None and into.exists() else None
    data, added, updated = merge_sections(existing, imported.name, imported.sections)
    try:
        chart = Chart.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors()[:50]:
            where = ".".join(map(str, err["loc"]))
            echo(f"{folder}: error: {where}: {err['msg']}", err=True)
        echo("planner: nothing written", err=True)
        raise SystemExit(EXIT_ERROR) from None
    _refuse_if_broken(chart, into or folder)
    echo(f"{imported.elements} elements and {imported.relations} relations read: {added} elements added, "
         f"{updated} updated; {len(imported.warnings)} warnings", err=True)
    if into is None:
        from ..store import chart_to_text

        echo(chart_to_text(chart, MODELINE), nl=False)
    else:
        save_chart(chart, into, header=None if into.exists() else MODELINE)
        echo(f"wrote {shown(into)}", err=True)


def step_import(demo) -> None:
    """Demo step: a 2,000-person HR export (synthetic) imported into a new chart, then re-imported."""
    import time

    from ..interchange.hris import HrMap, check_managers, find_columns, parse_rows
    from ..interchange.hris_merge import merge_people, new_chart
    from ..store import write_atomic
    from ..store.hris import read_csv_rows
    from ..synthetic_hr import hr_export_text

    demo.heading("Import people from an HR export (2,000 people)")
    folder = demo.out / "hr"
    folder.mkdir(parents=True, exist_ok=True)
    export, chart_path = folder / "hr-export.csv", folder / "imported.yaml"
    write_atomic(export, hr_export_text(2000).encode("utf-8"))
    start = time.perf_counter()
    header, rows = read_csv_rows(export)
    columns, _ = find_columns(header, HrMap(), str(export))
    records, problems = parse_rows(rows, columns, HrMap(), str(export))
    problems += check_managers(records, set(), columns, str(export))
    result = merge_people(new_chart(f"Operation imported from {export.name}", dt.date.today()), records, set(columns))
    save_chart(result.chart, chart_path, header=MODELINE)
    took = time.perf_counter() - start
    echo(f"{len(records)} rows, {len(problems)} bad: {len(result.added)} people, {len(result.teams_added)} teams, "
         f"{len(result.orgs_added)} contractor firms in {took:.2f} s -> {shown(chart_path)}")
    echo(f"(same as: planner import hris {shown(export)} --into {shown(chart_path)})")
    demo.written += [export, chart_path]
