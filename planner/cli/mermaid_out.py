"""``planner render --format mermaid``: Mermaid text for GitHub and GitLab, thin over :mod:`planner.render.mermaid`."""

from __future__ import annotations

from pathlib import Path

import click

from ..render.mermaid import MERMAID_VIEWS, to_mermaid
from ..store import load_chart, write_atomic
from .app import echo, shown


def check_view(view: str, fmt: str) -> None:
    """``roadmap`` exists only as a Mermaid gantt; every Graphviz view has its own diagram."""
    if view == "roadmap" and fmt != "mermaid":
        raise click.UsageError("--view roadmap is the Mermaid gantt (add --format mermaid); the Graphviz roadmap "
                               "diagram is 'planner roadmap -o FILE.svg'")


def render_mermaid(chart: Path, view: str, output: Path | None, model: str, narrowed: bool) -> None:
    """Print (or write with ``-o``) the Mermaid text of one view."""
    if view not in MERMAID_VIEWS:
        raise click.UsageError(f"--format mermaid draws {', '.join(MERMAID_VIEWS)}; the {view} view needs Graphviz")
    if narrowed:
        echo("planner: note: --focus, --only and --collapse apply to Graphviz views; the Mermaid text is whole",
             err=True)
    loaded = load_chart(chart)
    roadmap = None
    if view == "roadmap":
        from ..roadmap import plan
        from ..store.library import load_catalog, load_model

        roadmap = plan(loaded, load_model(model), "next", load_catalog())
    text = to_mermaid(view, loaded, roadmap)
    if output is None:
        echo(text, nl=False)
        return
    if output.suffix.lower() == ".md":
        text = f"```mermaid\n{text}```\n"
    write_atomic(output, text.encode("utf-8"))
    echo(f"wrote {shown(output)}")
