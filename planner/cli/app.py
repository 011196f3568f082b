"""The ``planner`` command group and what every command shares: errors, exit codes, output, defaults.

Exit codes: 0 success, 1 "found something" (problems for ``check``, differences
for ``diff``), 2 usage, I/O or invalid-input errors, always with a message and
never with a traceback for a user's mistake. Anything unexpected is a one-line
"internal error" with a pointer to report it (exit 2); ``--debug`` (or
``PLANNER_DEBUG=1``) adds the traceback.

Every command writes through :func:`echo` / :func:`echo_styled` (defined in
:mod:`planner.cli.output` and named here with everything else a command shares).
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

import click

from ..charts import shipped_chart
from ..errors import ChartError, PlannerError
from ..textfmt import as_typed
from .output import echo, printable_streams
from .output import echo_styled as echo_styled  # re-exported, as is everything a command shares
from .output import real_streams as real_streams

REPORT_HINT = ("this is a bug in planner; please report it with the command line and the file that caused it "
               "(run again with --debug for the traceback)")

EXIT_OK, EXIT_FOUND, EXIT_ERROR = 0, 1, 2
EXIT_PIPE = 141
"""A closed pipe on standard output, as a shell reports a process killed by SIGPIPE."""


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
    "new": "new_cmd",
    "history": "history_cmd",
    "import": "import_cmd",
    "export": "export_cmd",
    "raci": "raci_cmd",
    "report": "report_cmd",
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
            with printable_streams():
                return super().invoke(ctx)
        except ChartError as exc:
            errors = [p for p in exc.problems if p.severity == "error"]
            for problem in errors:
                echo(problem.format(), err=True)
            if not errors:
                echo(f"planner: error: {exc}", err=True)
            sys.exit(EXIT_ERROR)
        except PlannerError as exc:
            echo(f"planner: error: {exc}", err=True)
            sys.exit(EXIT_ERROR)
        except BrokenPipeError:  # planner ... | head: the reader has what it wanted
            _silence_stdout()
            sys.exit(EXIT_PIPE)
        except OSError as exc:  # an I/O failure outside the store: still one line, no traceback
            where = f"{exc.filename}: " if exc.filename else ""
            echo(f"planner: error: {where}{exc.strerror or exc}", err=True)
            sys.exit(EXIT_ERROR)
        except KeyboardInterrupt:
            echo("planner: interrupted", err=True)
            sys.exit(130)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise  # usage errors and exits: click says them its own way
        except Exception as exc:  # noqa: BLE001  (last resort: an internal error, said without a traceback)
            internal_error(exc, debug=bool(ctx.params.get("debug")))


def _silence_stdout() -> None:
    """Point standard output at the null device: flushing into the closed pipe would fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (a test runner's buffer)
        pass


def debug_wanted(argv: list[str] | None = None) -> bool:
    """``--debug`` before the command, or ``PLANNER_DEBUG`` set to anything but 0 or empty."""
    args = sys.argv[1:] if argv is None else argv
    return "--debug" in args or os.environ.get("PLANNER_DEBUG", "0") not in ("", "0")


def internal_error(exc: BaseException, debug: bool = False) -> None:
    """Anything unexpected: one line and exit 2; the traceback only when debugging."""
    if debug or debug_wanted():
        import traceback  # noqa: PLC0415  (only when debugging: every command starts without it)

        echo("".join(traceback.format_exception(exc)).rstrip(), err=True)
    if isinstance(exc, MemoryError):
        echo("planner: error: out of memory: the input is too large for this machine "
             "(see the input limits in the README)", err=True)
    else:
        first = (str(exc).strip().splitlines() or [""])[0][:300]
        echo(f"planner: internal error: {type(exc).__name__}{': ' + first if first else ''}; {REPORT_HINT}",
             err=True)
    sys.exit(EXIT_ERROR)


def _limits_option(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    """``--max-file-size``: checked at once, then read by the store like the environment variable."""
    if value is None:
        return
    from ..store.limits import ENV, parse_size

    try:
        size = parse_size(value, "--max-file-size")
    except PlannerError as exc:
        raise click.BadParameter(str(exc).split(": ", 1)[-1]) from None
    name, before = ENV["max_file_size"], os.environ.get(ENV["max_file_size"])
    os.environ[name] = str(size)
    ctx.call_on_close(lambda: os.environ.pop(name) if before is None else os.environ.update({name: before}))


@click.group(cls=PlannerGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="capability-planner", prog_name="planner")
@click.option("--debug", is_flag=True, help="Show the traceback of an internal error (also PLANNER_DEBUG=1).")
@click.option("--max-file-size", metavar="SIZE", callback=_limits_option, expose_value=False, is_eager=True,
              help="Largest input file read, e.g. 500MB (default 200MB; also PLANNER_MAX_FILE_SIZE).")
def cli(debug: bool) -> None:
    """Capability-resource charts of marketing operations: check, assess, plan, render, diff, edit.

    Input limits (file size, nesting depth, text length, digits, element count)
    are listed in the README; each has a PLANNER_MAX_* environment variable.
    """
    from ..store.limits import Limits

    Limits.from_env()  # a bad PLANNER_MAX_* setting is said once, before any file is read


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
    return as_typed(path)
