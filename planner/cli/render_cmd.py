"""``planner render CHART --view NAME -o FILE``: one diagram of a chart, thin over :mod:`planner.render`."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import click

from ..graph import build_graph
from ..render import COLLAPSE_CHOICES, DEFAULT_MAX_NODES, VIEWS, HeatInput, RenderOptions, to_dot, write_diagram
from ..render.views import ASSESSED_VIEWS
from ..render.heatmap_view import default_model
from ..render.output import FORMATS, GraphvizMissingError, format_for
from ..store import load_chart
from .app import chart_argument, cli, shown
from .mermaid_out import check_view, render_mermaid

DEFAULT_MODEL = default_model()


def heat_input(graph, model: str) -> HeatInput:
    """Assess the chart with ``model`` and keep what the heat map draws."""
    from ..maturity import assess  # noqa: PLC0415  (only the heat map needs the engine)

    return HeatInput.from_assessment(assess(graph, model))


def render_view(chart_path: Path, view: str, output: Path, options: RenderOptions, model: str) -> Path:
    """Load, build, (assess,) draw and write."""
    format_for(output)  # fail on a bad extension before any work
    return render_graph(build_graph(load_chart(chart_path)), view, output, options, model)


def render_graph(graph, view: str, output: Path, options: RenderOptions, model: str = DEFAULT_MODEL) -> Path:
    """Draw and write one view of a built graph; shared by the command and the demo."""
    if view in ASSESSED_VIEWS:
        options = replace(options, heat=heat_input(graph, model))
    return write_diagram(to_dot(graph, view, options), output)


@cli.command()
@chart_argument()
@click.option("--view", "view", type=click.Choice(sorted(VIEWS) + ["roadmap"]), required=True,
              help="Which diagram to draw (roadmap: with --format mermaid).")
@click.option("--format", "fmt", type=click.Choice(["graphviz", "mermaid"]), default="graphviz", show_default=True,
              help="mermaid: text for GitHub/GitLab Markdown (org, coe, data, roadmap); printed, or -o FILE.mmd|.md.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help=f"File to write; the format follows the extension ({', '.join(s for s in FORMATS if s != '.gv')}).")
@click.option("--focus", metavar="ID", help="Only what lies within --depth links of this element.")
@click.option("--depth", type=click.IntRange(min=0), default=1, show_default=True, help="Links around --focus.")
@click.option("--only", metavar="KIND,...", help="Keep only these element kinds (person, team, org, system...).")
@click.option("--collapse", type=click.Choice(COLLAPSE_CHOICES), help="Draw each team (or CoE) as one node.")
@click.option("--model", default=DEFAULT_MODEL, show_default=True, metavar="NAME|PATH",
              help="Maturity model of the heat map.")
@click.option("--max-nodes", type=click.IntRange(min=10), default=DEFAULT_MAX_NODES, show_default=True,
              help="Aggregate the view into groups with counts above this many nodes.")
@click.option("--title", help="Title instead of the chart's name.")
def render(chart: Path, view: str, output: Path, focus: str | None, depth: int, only: str | None,
           collapse: str | None, model: str, max_nodes: int, title: str | None, fmt: str = "graphviz") -> None:
    """Draw one view of a chart as SVG, PNG, PDF or DOT.

    \b
    Views: org, capabilities, flows, data, heatmap, scorecard, coe (see docs/render.md).
    Example, a slide of one capability and its people, partners and systems:
      planner render --view capabilities --focus cap-email-marketing -o email.svg
    """
    check_view(view, fmt)
    if fmt == "mermaid":
        return render_mermaid(chart, view, output, model, bool(focus or only or collapse))
    if model != DEFAULT_MODEL and view not in ASSESSED_VIEWS:
        click.echo(f"planner: note: --model only applies to --view heatmap and scorecard; ignored for {view}", err=True)
    options = RenderOptions(focus=focus, depth=depth, only=tuple(only.split(",")) if only else (),
                            collapse=collapse, max_nodes=max_nodes, title=title)
    written = render_view(chart, view, output, options, model)
    click.echo(f"wrote {written}")


def step_render(demo) -> None:
    """Every view of both shipped charts, as SVG (as DOT when Graphviz is missing), in ``OUT/views/``."""
    demo.heading("Render every view of the shipped charts")
    folder = demo.out / "views"
    folder.mkdir(exist_ok=True)
    suffix = ".svg"
    for state, chart in (("current", demo.current), ("future", demo.future)):
        graph = build_graph(chart)
        for view in VIEWS:
            try:
                path = render_graph(graph, view, folder / f"{state}-{view}{suffix}", RenderOptions())
            except GraphvizMissingError:
                click.echo("note: Graphviz 'dot' was not found, writing .dot files instead "
                           "(Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz)", err=True)
                suffix = ".dot"
                path = render_graph(graph, view, folder / f"{state}-{view}{suffix}", RenderOptions())
            demo.written.append(path)
        click.echo(f"{state}: {', '.join(VIEWS)} -> {shown(folder)}/{state}-VIEW{suffix}")
