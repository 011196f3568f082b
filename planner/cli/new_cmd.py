"""``planner new [FILE]``: a first chart of one's own operation, valid and ready to edit.

At a terminal it asks a handful of questions (name, template, lines of business,
size, teams, systems); with ``--template``, or when standard input is not a
terminal (a script, CI), it asks nothing and writes the template. The templates
are package data (``planner/data/templates/*.yaml``): small, valid charts with
comments saying what to replace, so the first ``planner check`` passes and the
first ``planner assess`` has something to read.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import click

from ..errors import PlannerError
from ..store import parse_chart, write_atomic
from ..store.charts import schema_modeline
from ..textfmt import count
from .app import cli, echo, shown

TEMPLATES_DIR = Path(__file__).resolve().parents[1] / "data" / "templates"
TEMPLATES: dict[str, str] = {
    "small-brand": "a brand with a small marketing team, an agency and rented email and web platforms",
    "b2b": "business-to-business: demand generation, marketing automation and a sales team with a CRM",
    "retailer": "a retailer with stores and a web store: loyalty program, promotions, customer care",
    "outsourced": "an operation run mostly through partners: an agency, a BPO contact center, managed IT",
}
"""Template name -> what it starts from (``planner new --template NAME``)."""
DEFAULT_TEMPLATE = "small-brand"


@dataclass
class Answers:
    """What the questions found out; the defaults are what a non-interactive run uses."""

    name: str
    template: str = DEFAULT_TEMPLATE
    lobs: list[str] = field(default_factory=lambda: ["consumer"])
    size: int | None = None
    teams: list[str] = field(default_factory=list)
    systems: list[str] = field(default_factory=list)


def name_from(path: Path) -> str:
    """``acme-outdoor.yaml`` -> ``Acme outdoor operation``; ``my-operation.yaml`` -> ``My operation``."""
    stem = re.sub(r"[-_]+", " ", path.stem).strip()
    name = stem[:1].upper() + stem[1:] if stem else "New"
    return name if name.lower().endswith("operation") else name + " operation"


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


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def _fresh_id(prefix: str, name: str, taken: set[str]) -> str:
    """``t-web-team``, or ``t-web-team-2`` when the template (or an earlier answer) has it."""
    base = f"{prefix}-{_slug(name)}"
    ident, n = base, 1
    while ident in taken:
        n += 1
        ident = f"{base}-{n}"
    taken.add(ident)
    return ident


def fill(text: str, answers: Answers, path: Path) -> str:
    """The template's text with the answers in: names quoted as YAML strings, ids fresh."""
    taken = set(re.findall(r"\bid: ([\w.-]+)", text))
    lob = answers.lobs[0]
    teams = "".join(f"  - {{id: {_fresh_id('t', t, taken)}, name: {json.dumps(t)}, parent: t-marketing, "
                    f"lob: {json.dumps(lob)}}}\n" for t in answers.teams)
    systems = "".join(f"  - {{id: {_fresh_id('s', s, taken)}, name: {json.dumps(s)}, sourcing: buy}}\n"
                      for s in answers.systems)
    about = [f"About {count(answers.size, 'person')} in marketing, sales and service." if answers.size else "",
             f"Lines of business: {', '.join(answers.lobs)}."]
    text = text.replace("# yaml-language-server: $schema=__SCHEMA__\n", schema_modeline(path))
    text = text.replace("name: __NAME__", "name: " + json.dumps(answers.name))  # the chart's name, quoted
    for key, value in {"__NAME__": answers.name, "__TODAY__": dt.date.today().isoformat(),
                       "__FILE__": shown(path)}.items():  # in comments
        text = text.replace(key, value)
    text = text.replace("lob: __LOB__", f"lob: {json.dumps(lob)}")
    text = text.replace("description: __DESCRIPTION__", "description: " + json.dumps(" ".join(a for a in about if a)))
    text = text.replace("  # __TEAMS__\n", teams).replace("  # __SYSTEMS__\n", systems)
    return text


def interactive() -> bool:
    """Questions only at a terminal: a script or CI piping nothing in gets the default template."""
    return sys.stdin.isatty()


def default_path() -> Path:
    """``my-operation.yaml`` in the current folder, numbered so that nothing is overwritten."""
    candidate, n = Path("my-operation.yaml"), 1
    while candidate.exists():
        n += 1
        candidate = Path(f"my-operation-{n}.yaml")
    return candidate


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
    text = fill((TEMPLATES_DIR / f"{answers.template}.yaml").read_text(encoding="utf-8"), answers, path)
    report = parse_chart(text, str(path))
    if not report.ok:  # a template or an answer the chart cannot hold: never write a broken first chart
        raise PlannerError(f"the new chart would not be valid: {report.errors[0].format()}")
    write_atomic(path, text.encode("utf-8"))
    elements = report.chart.size()
    echo(f"wrote {shown(path)}: {answers.name}, template {answers.template}, {count(elements, 'element')}, valid")
    echo(f"next: planner check {shown(path)}  |  planner edit {shown(path)}  |  planner assess {shown(path)}")
