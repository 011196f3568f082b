"""``planner new [FILE]``: a first chart of one's own operation, valid and ready to edit.

At a terminal it asks a handful of questions (name, template, lines of business,
size, teams, systems); with ``--template``, or when standard input is not a
terminal (a script, CI), it asks nothing and writes the template. The templates
are package data (``planner/data/templates/*.yaml``): small, valid charts with
comments saying what to replace, so the first ``planner check`` passes and the
first ``planner assess`` has something to read.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import PlannerError
from ..store import parse_chart, write_atomic
from ..store.templates import DEFAULT_TEMPLATE, TEMPLATES, Answers, default_path, name_from, template_text
from ..textfmt import count
from .app import cli, echo, shown


def _words(text: str) -> list[str]:
    """A comma-separated answer as a list, blanks dropped."""
    return [w.strip() for w in text.split(",") if w.strip()]


def ask(path: Path) -> Answers:
    """The questions, each with a default that Enter accepts."""
    echo("A new chart in a few questions; Enter accepts the [default]. Everything can be changed later.")
    name = click.prompt("Name of the operation", default=name_from(path)).strip()
    echo("Templates:")
    for key, what in TEMPLATES.items():
        echo(f"  {key:<12} {what}")
    template = click.prompt("Closest template", default=DEFAULT_TEMPLATE, type=click.Choice(list(TEMPLATES)),
                            show_choices=False)
    lobs = _words(click.prompt("Lines of business, comma-separated", default="consumer"))
    size = click.prompt("Roughly how many people work in marketing, sales and service", default=10,
                        type=click.IntRange(min=1))
    teams = _words(click.prompt("Teams besides those of the template, comma-separated (Enter: none)", default="",
                                show_default=False))
    systems = _words(click.prompt("Main systems, comma-separated (Enter: none)", default="", show_default=False))
    return Answers(name or name_from(path), template, lobs or ["consumer"], size, teams, systems)


def interactive() -> bool:
    """Questions only at a terminal: a script or CI piping nothing in gets the default template."""
    return sys.stdin.isatty()


@cli.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--template", type=click.Choice(list(TEMPLATES)),
              help="Start from this template without asking anything: " + "; ".join(
                  f"{k}: {v}" for k, v in TEMPLATES.items()) + ".")
@click.option("--name", help="Name of the operation (default: from the file name).")
@click.option("--force", is_flag=True, help="Replace FILE if it exists.")
def new(file: Path | None, template: str | None, name: str | None, force: bool) -> None:
    """Start a chart of your own operation: a valid file with the schema modeline, ready to edit.

    \b
    At a terminal it asks a few questions (name, closest template, lines of
    business, size, teams, main systems). With --template, or when standard
    input is not a terminal, it asks nothing and writes the template
    (default: small-brand). FILE defaults to my-operation.yaml. Next steps:
      planner check FILE; planner edit FILE; planner assess FILE (docs/tutorial.md)
    """
    path = file or default_path()
    if path.exists() and not force:
        raise PlannerError(f"{path}: already exists; give another name, or --force to replace it")
    if template is None and interactive():
        answers = ask(path)
    else:
        answers = Answers(name or name_from(path), template or DEFAULT_TEMPLATE)
    if name:
        answers.name = name
    text = template_text(answers.template, answers, path)
    report = parse_chart(text, str(path))
    if not report.ok:  # a template or an answer the chart cannot hold: never write a broken first chart
        raise PlannerError(f"the new chart would not be valid: {report.errors[0].format()}")
    write_atomic(path, text.encode("utf-8"))
    elements = report.chart.size()
    echo(f"wrote {shown(path)}: {answers.name}, template {answers.template}, {count(elements, 'element')}, valid")
    echo(f"next: planner check {shown(path)}  |  planner edit {shown(path)}  |  planner assess {shown(path)}")
