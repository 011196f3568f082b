"""``planner diff A B``: what changes from one chart to another, as diff(1) reports it.

Exit 0 when the charts are equal, 1 when they differ, 2 on an error. Colour on
a terminal, plain text when piped (``--color`` forces either way).
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..diff import diff as chart_diff
from ..diff.report import text_lines
from ..render.output import format_for
from ..store import load_chart
from ..store.library import load_models
from .app import EXIT_FOUND, EXIT_OK, cli, echo, echo_styled, format_option, shown

COLORS = {"title": {"bold": True}, "heading": {"bold": True}, "add": {"fg": "green"},
          "remove": {"fg": "red"}, "change": {"fg": "yellow"}, "move": {"fg": "yellow", "bold": True},
          "rename": {"fg": "cyan"}, "dim": {"dim": True}}
"""Style names of :mod:`planner.diff.report` -> click.style arguments."""


@cli.command("diff")
@click.argument("a", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("b", type=click.Path(dir_okay=False, path_type=Path))
@format_option("text", "json", "xlsx")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Also draw the union of both charts: FILE.svg, .png, .pdf or .dot.")
@click.option("--renames/--no-renames", default=True, show_default=True,
              help="Report an id that changed while the content stayed the same as a rename.")
@click.option("--maturity/--no-maturity", default=True, show_default=True,
              help="Assess both charts with the built-in maturity models and show the delta.")
@click.option("--relations", is_flag=True, help="List every relation added and removed (text format).")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour the text output.")
@click.option("--split", is_flag=True, help="With -o: one diagram per group that changed (people and teams, "
              "organizations, capabilities, systems and data, CoEs) as NAME-1.svg...: slides, not a poster.")
def diff_command(a: Path, b: Path, fmt: str, output: Path | None, renames: bool, maturity: bool,
                 relations: bool, color: str, split: bool = False) -> None:
    """Compare chart A (e.g. current state) with chart B (e.g. future state).

    Elements are matched by id, so reordering or reformatting a file shows no
    difference. Exit 0 when equal, 1 when different, 2 on an error.
    """
    if output is not None:
        format_for(output)  # the render package's own check, before any work
    old, new = load_chart(a), load_chart(b)
    result = chart_diff(old, new, renames=renames, maturity=load_models() if maturity else False)
    if fmt == "json":
        data = {"a_path": str(a), "b_path": str(b), **result.to_dict()}
        echo(json.dumps(data, indent=2, ensure_ascii=False), json=True)
    elif fmt == "xlsx":  # summary, elements, moves, relations, maturity sheets; to standard output
        from ..interchange.sheets import diff_sheets
        from .xlsx_out import write_workbook_to_stdout

        write_workbook_to_stdout(diff_sheets(result.to_dict()), "> diff.xlsx")
    else:
        echo_lines(text_lines(result, relations=relations, a_label=str(a), b_label=str(b)), color)
    if output is not None and split:
        from ..store.diagrams import write_diff_parts

        for written, label in write_diff_parts(result, old, new, output):
            echo(f"wrote {written}: {label}", err=True)
    elif output is not None:
        written = draw(result, old, new, output)
        echo(f"wrote {written}", err=True)
    raise SystemExit(EXIT_OK if result.equal else EXIT_FOUND)


def color_flag(color: str) -> bool | None:
    """``--color`` as click's ``color=`` argument: forced on or off, or None to ask the terminal."""
    return {"always": True, "never": False}.get(color)


def echo_lines(lines, color: str) -> None:
    """Print styled lines; click drops the styles when stdout is not a terminal."""
    force = color_flag(color)
    for line in lines:
        echo_styled(((t, COLORS[s] if s else None) for t, s in line), color=force)


def draw(result, old, new, output: Path) -> Path:
    """Write the diagram of the union: the render package draws it, the store writes the file."""
    from ..store.diagrams import draw as draw_diagram

    return draw_diagram("diff", output, result, old, new)


def step_diff(demo) -> None:
    """Demo step: the shipped current versus future chart, as text, JSON and a diagram."""
    from ..diff.report import plain, stat_lines
    from ..render.output import GraphvizMissingError
    from ..store import write_atomic

    demo.heading("Diff: current state -> future state")
    result = demo.current_run.diff(demo.future_run)  # the delta reuses the assessments of step_assess
    lines = text_lines(result, a_label=demo.current_path.name, b_label=demo.future_path.name)
    echo_lines(stat_lines(result), "auto")
    for move in result.moves:
        echo(f"  > {move.summary}")
    for m in (result.maturity.models if result.maturity else ()):
        echo(f"  {m.model_id}: level {m.old_level} -> {m.new_level}, "
                   f"{len(m.newly_met)} criteria newly met, {len(m.newly_lost)} lost")
    text_path, json_path = demo.out / "diff.txt", demo.out / "diff.json"
    write_atomic(text_path, plain(lines).encode("utf-8"))
    write_atomic(json_path, json.dumps(result.to_dict(), indent=2, ensure_ascii=False).encode("utf-8"))
    demo.written += [text_path, json_path]
    try:
        demo.written.append(draw(result, demo.current, demo.future, demo.out / "diff.svg"))
    except GraphvizMissingError:
        demo.written.append(draw(result, demo.current, demo.future, demo.out / "diff.dot"))
    echo(f"Full change list in {shown(text_path)}; the diagram of the union in {shown(demo.written[-1])}.")
