"""``planner edit [CHART]``: the Textual editor (a new chart from a template when CHART does not exist)."""

from __future__ import annotations

from pathlib import Path

import click

from .app import cli, real_streams
from .new_cmd import ask, interactive


@cli.command()
@click.argument("chart", required=False, type=click.Path(dir_okay=False, path_type=Path))
def edit(chart: Path | None) -> None:
    """Edit a chart in the terminal: navigator, detail form, live problems and maturity.

    Without CHART, or when CHART does not exist, a new chart is started from a
    template and written on the first save (ctrl+s): at a terminal the
    questions of `planner new` choose and fill it first; otherwise the default
    template is used. Press ? in the editor for the keys.
    """
    from ..tui import run_editor  # Textual is imported only when the editor runs

    if chart is not None and chart.exists() and not chart.is_file():  # a FIFO or a device: before the screen opens
        from ..errors import NotRegularFileError
        from ..store.limits import kind_of

        raise NotRegularFileError(str(chart), f"is a {kind_of(chart.stat().st_mode)}, not a regular file; "
                                              "only regular files are read")

    answers = None
    if (chart is None or not chart.exists()) and interactive():  # planner new's questions, then the editor
        from ..store.templates import default_path

        answers = ask(chart or default_path())
    with real_streams():  # Textual draws with escape sequences: not through the printable net
        code = run_editor(chart, new_answers=answers)
    if code:
        raise SystemExit(code)  # a chart that cannot be opened: exit 2, as every command
