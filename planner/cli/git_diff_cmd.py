"""``planner git-diff``: the semantic diff as a git diff driver.

Set up once per repository (see docs/diff.md)::

    git config diff.planner.command "planner git-diff"
    echo 'charts/*.yaml diff=planner' >> .gitattributes

Git then calls ``planner git-diff PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX
NEW-MODE`` for every changed chart, with ``/dev/null`` for the missing side of
an added or deleted file. Git stops at a driver that exits non-zero, so this
command always exits 0; a revision that is not a valid chart falls back to a
line diff, with a note saying why.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import click

from ..diff import diff as chart_diff
from ..diff.report import text_lines
from ..errors import PlannerError
from ..model import Chart, ChartInfo
from ..store import load_chart, read_text
from ..store.library import load_models
from .app import cli, echo, echo_styled
from .diff_cmd import color_flag, echo_lines

NULL = "/dev/null"


@cli.command("git-diff", context_settings={"ignore_unknown_options": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour the output (git's pager usually needs 'always').")
@click.option("--maturity/--no-maturity", default=True, show_default=True, help="Show the maturity delta.")
def git_diff(args: tuple[str, ...], color: str, maturity: bool) -> None:
    """Git diff driver: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE [...].

    Configure with ``git config diff.planner.command "planner git-diff"`` and a
    ``diff=planner`` line in .gitattributes.
    """
    if len(args) < 7:
        raise click.UsageError("expects the 7 arguments git passes to a diff driver (see docs/diff.md)")
    path, old_file, new_file = args[0], args[1], args[4]
    new_path = args[7] if len(args) >= 9 else path  # git adds new path and similarity on renames
    echo_styled([(f"planner diff a/{path} b/{new_path}", {"bold": True})], color=color_flag(color))
    try:
        old, new = _side(old_file), _side(new_file)
    except PlannerError as exc:
        echo(f"(not a valid chart on one side: {exc}; showing a line diff)")
        echo(_line_diff(old_file, new_file, path, new_path), nl=False)
        return
    result = chart_diff(old, new, maturity=load_models() if maturity else False)
    lines = text_lines(result, a_label=f"a/{path}", b_label=f"b/{new_path}")
    echo_lines(lines[1:], color)  # the header above already names both sides


def _side(file: str) -> Chart:
    """The chart in ``file``; an empty chart for the missing side of an added or deleted file."""
    if file == NULL:
        return Chart(chart=ChartInfo(name="(no chart)"))
    return load_chart(Path(file))


def _line_diff(old_file: str, new_file: str, path: str, new_path: str) -> str:
    def lines(file: str) -> list[str]:
        if file == NULL:
            return []
        try:
            return read_text(file).splitlines(keepends=True)
        except PlannerError:
            return []

    return "".join(difflib.unified_diff(lines(old_file), lines(new_file), f"a/{path}", f"b/{new_path}"))
