"""``planner check CHART...``: every problem of every file, one located line each."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import PlannerError
from ..store import read_chart
from ..textfmt import count
from .app import EXIT_ERROR, EXIT_FOUND, EXIT_OK, cli, echo, format_option


@cli.command()
@click.argument("charts", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@format_option("text", "json")
@click.option("--strict", is_flag=True, help="Treat warnings (unknown practice or channel words) as errors.")
@click.option("-q", "--quiet", is_flag=True, help="Print problems only, no per-file summary.")
def check(charts: tuple[Path, ...], fmt: str, strict: bool, quiet: bool) -> None:
    """Validate chart files: YAML, fields, ids, references, accountability, cycles.

    Exit 0 when every file is valid, 1 when problems were found, 2 when a file
    cannot be read.
    """
    results, status = [], EXIT_OK
    for path in charts:
        try:
            report = read_chart(path)
        except PlannerError as exc:
            results.append({"path": str(path), "valid": False, "read_error": str(exc), "problems": []})
            status = EXIT_ERROR
            if fmt == "text":
                echo(f"{path}: error: {getattr(exc, 'reason', exc)}", err=True)
            continue
        failing = [p for p in report.problems if p.severity == "error" or strict]
        if failing and status == EXIT_OK:
            status = EXIT_FOUND
        counts = dict(report.chart.counts()) if report.chart else {}
        results.append(
            {
                "path": str(path),
                "valid": not failing,
                "elements": sum(counts.values()),
                "counts": counts,
                "problems": [p.to_dict() for p in report.problems],
            }
        )
        if fmt == "text":
            for problem in report.problems:
                echo(problem.format())
            if not quiet and not failing:
                echo(f"{path}: ok, {count(sum(counts.values()), 'element')}", err=True)
    if fmt == "json":
        echo(json.dumps({"files": results, "valid": status == EXIT_OK}, indent=2, default=str), json=True)
    raise SystemExit(status)
