"""``planner schema``: the JSON Schema of a chart file."""

from __future__ import annotations

import json

import click

from ..model.schema import chart_json_schema
from .app import cli


@cli.command()
def schema() -> None:
    """Print the JSON Schema of a chart file (for editors and validators)."""
    click.echo(json.dumps(chart_json_schema(), indent=2, ensure_ascii=False))
