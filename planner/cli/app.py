"""The ``planner`` command group and what every command shares: errors, exit codes, defaults.

Exit codes: 0 success, 1 "found something" (problems for ``check``, differences
for ``diff``), 2 usage, I/O or invalid-input errors, always with a message and
never with a traceback for a user's mistake.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import click

from ..charts import shipped_chart
from ..errors import ChartError, PlannerError

EXIT_OK, EXIT_FOUND, EXIT_ERROR = 0, 1, 2


COMMAND_MODULES: dict[str, str] = {
    "check": "check_cmd",
    "schema": "schema_cmd",
    "models": "assess_cmd",
    "assess": "assess_cmd",
    "roadmap": "roadmap_cmd",
    "render": "render_cmd",
    "diff": "diff_cmd",
    "git-diff": "git_diff_cmd",
    "edit": "edit_cmd",
    "demo": "demo_cmd",
    "vocab": "vocab_cmd",
}
"""Command name -> the module in this package that defines it (imported on first use)."""


class PlannerGroup(click.Group):
    """Loads a command's module only when the command runs, and reports errors in one line.

    Importing every command up front (maturity engine, networkx, roadmap, Textual)
    cost half a second before ``planner check`` could start; now a command pays
    only for what it uses. :class:`PlannerError` becomes a located message and
    exit code 2.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(COMMAND_MODULES) | set(self.commands))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands and name in COMMAND_MODULES:
            importlib.import_module(f"{__package__}.{COMMAND_MODULES[name]}")
        return self.commands.get(name)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ChartError as exc:
            errors = [p for p in exc.problems if p.severity == "error"]
            for problem in errors:
                click.echo(problem.format(), err=True)
            if not errors:
                click.echo(f"planner: error: {exc}", err=True)
            sys.exit(EXIT_ERROR)
        except PlannerError as exc:
            click.echo(f"planner: error: {exc}", err=True)
            sys.exit(EXIT_ERROR)
        except OSError as exc:  # an I/O failure outside the store: still one line, no traceback
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"planner: error: {where}{exc.strerror or exc}", err=True)
            sys.exit(EXIT_ERROR)
        except KeyboardInterrupt:
            click.echo("planner: interrupted", err=True)
            sys.exit(130)


@click.group(cls=PlannerGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="capability-planner", prog_name="planner")
def cli() -> None:
    """Capability-resource charts of marketing operations: check, assess, plan, render, diff, edit."""


def chart_argument(required: bool = False):
    """A CHART argument that defaults to the shipped current chart."""
    return click.argument(
        "chart",
        required=required,
        type=click.Path(dir_okay=False, path_type=Path),
        default=None if required else shipped_chart("current"),
    )


FORMAT_CHOICES = click.Choice(["text", "md", "json"])


def format_option(*choices: str):
    """``--format`` with the given choices, the first being the default."""
    return click.option(
        "--format", "fmt", type=click.Choice(list(choices)), default=choices[0], show_default=True,
        help="Output format.",
    )


def shown(path: Path) -> str:
    """A path as the user would type it: relative to the current folder when inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
