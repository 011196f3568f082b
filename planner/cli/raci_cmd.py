"""``planner raci CHART``: the RACI matrix derived from the chart, as Markdown, CSV or Excel."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import PlannerError
from ..interchange.raci import raci_csv, raci_markdown, raci_matrix, raci_sheets
from ..store import load_chart, write_atomic
from .app import EXIT_FOUND, chart_argument, cli, echo, format_option, shown


@cli.command()
@chart_argument()
@format_option("md", "csv", "xlsx")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (needed for xlsx); standard output otherwise.")
@click.option("--no-steps", is_flag=True, help="Capabilities only, without the workflow steps.")
def raci(chart: Path, fmt: str, output: Path | None, no_steps: bool) -> None:
    """The RACI matrix: capabilities and workflow steps against people, teams and organizations.

    A is the accountable person, R who does the work (responsible parties and
    contributing organizations; a step's performer), C consulted, I informed (a
    step's receiver). Every row must have exactly one A: rows that do not are
    listed on standard error and the exit code is 1.
    """
    if fmt == "xlsx" and output is None:
        raise PlannerError("--format xlsx writes a file: give it with -o FILE.xlsx")
    matrix = raci_matrix(load_chart(chart), steps=not no_steps)
    if fmt == "xlsx":
        from ..store.xlsx import save_workbook

        save_workbook(raci_sheets(matrix), output)
    else:
        text = raci_markdown(matrix) if fmt == "md" else raci_csv(matrix)
        if output is None:
            echo(text, nl=False)
        else:
            write_atomic(output, text.encode("utf-8"))
    if output is not None:
        echo(f"wrote {shown(output)}: {len(matrix.rows)} rows, {len(matrix.parties)} parties", err=True)
    problems = matrix.problems()
    for problem in problems:
        echo(f"planner: warning: {problem}", err=True)
    if problems:
        raise SystemExit(EXIT_FOUND)


def step_raci(demo) -> None:
    """Demo step: the RACI matrix of the shipped current chart as Markdown, CSV and Excel."""
    from ..store.xlsx import save_workbook

    demo.heading("RACI matrix of the current chart")
    matrix = raci_matrix(demo.current)
    folder = demo.out / "raci"
    folder.mkdir(parents=True, exist_ok=True)
    md, csv_path, xlsx = folder / "raci.md", folder / "raci.csv", folder / "raci.xlsx"
    write_atomic(md, raci_markdown(matrix).encode("utf-8"))
    write_atomic(csv_path, raci_csv(matrix).encode("utf-8"))
    save_workbook(raci_sheets(matrix), xlsx)
    caps = sum(1 for row in matrix.rows if row.kind == "capability")
    echo(f"{caps} capabilities and {len(matrix.rows) - caps} workflow steps against {len(matrix.parties)} "
         f"people, teams and organizations; rows without exactly one A: {len(matrix.problems())}")
    demo.written += [md, csv_path, xlsx]
