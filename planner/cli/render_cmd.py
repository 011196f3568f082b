"""``planner render CHART --view NAME [-o FILE]``: one diagram of a chart, thin over :mod:`planner.render`.

Each diagram is measured against the slide rule (:mod:`planner.render.slide`); one
that does not fit says so and names ``--split``, which writes one diagram per
part of the view.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import click

from ..errors import PlannerError
from ..graph import build_graph
from ..model import DEFAULT_MODEL
from ..render import COLLAPSE_CHOICES, DEFAULT_MAX_NODES, VIEWS, RenderOptions, build_scene
from ..render.output import FORMATS, GraphvizMissingError, format_for, render_bytes
from ..render.slide import Fit, better, measure, title_alone, without_note
from ..render.views import ASSESSED_VIEWS
from ..store import write_atomic
from ..store.diagrams import write_diagram
from ..textfmt import plural
from .app import chart_argument, cli, echo, shown
from .lenient import load_chart_or_lenient
from .mermaid_out import check_view, render_mermaid
from .render_input import heat_input, view_dot, with_input  # noqa: F401  (heat_input: imported from here)


def fitted(graph, view: str, options: RenderOptions, model: str) -> tuple[str, bytes, Fit | None]:
    """DOT text and its SVG, the legend placed where the picture fits a slide best (see :func:`placed`)."""
    return placed(graph, view, options, model)[1:]


def placed(graph, view: str, options: RenderOptions, model: str) -> tuple[RenderOptions, str, bytes, Fit | None]:
    """The options chosen, the DOT text, its SVG and its fit.

    The legend goes beside the title, or under it when that fits better: a small
    or very wide picture is widened by a legend beside its title. Both are laid
    out only when the view's own choice does not fit and moving the legend could
    make it fit (a poster far off the rule is not laid out twice for nothing).
    """
    dot_text = view_dot(graph, view, options, model)
    svg = render_bytes(dot_text, "svg")
    fit = measure(svg)
    if fit is None or fit.ok or not fit.within_reach or options.legend_below is not None:
        return options, dot_text, svg, fit
    flipped = replace(options, legend_below=not _legend_below(view))
    other_text = view_dot(graph, view, flipped, model)
    other_svg = render_bytes(other_text, "svg")
    other = measure(other_svg)
    if other is not None and better(other, fit) is other and other != fit:
        return flipped, other_text, other_svg, other
    return options, dot_text, svg, fit


def _legend_below(view: str) -> bool:
    """Where ``view`` puts its legend by default (tables: under the title; diagrams: beside it)."""
    return view in BELOW_BY_DEFAULT


BELOW_BY_DEFAULT = frozenset({"heatmap", "scorecard", "coe"})


def write_fitted(graph, view: str, output: Path, options: RenderOptions, model: str) -> tuple[Path, Fit | None]:
    """Write one view, measured against the slide rule when Graphviz is there to lay it out."""
    if format_for(output) == "dot":
        return write_diagram(view_dot(graph, view, options, model), output), None
    options = with_input(graph, view, options, model)
    splits = options.part is None and VIEWS[view].parts is not None
    noted = _noted_first(graph, view, options, model) if splits else None
    if noted is not None and noted[2] is not None:  # far too large: laid out once
        dot_text, svg, fit = noted
    else:
        chosen, dot_text, svg, fit = placed(graph, view, options, model)
        if fit is not None and not fit.ok and splits:  # the picture says it too, for whoever finds the file
            if noted is not None and chosen is options:
                dot_text, svg = noted[0], noted[1]
            else:
                dot_text = view_dot(graph, view, replace(chosen, note=_note(graph, view)), model)
                svg = render_bytes(dot_text, "svg")
    if output.suffix.lower() == ".svg":
        return write_atomic(output, svg, durable=False), fit
    return write_diagram(dot_text, output), fit


def _note(graph, view: str) -> str:
    return f"Too large for one slide; {_advice(graph, view)}."


def _noted_first(graph, view: str, options: RenderOptions, model: str) -> tuple[str, bytes, Fit | None] | None:
    """An aggregated view laid out with its footnote first: on a large chart it will not fit a slide.

    The fit of the picture without the note is told from the two title bands
    (:func:`~planner.render.slide.without_note`); it is None when that cannot be told,
    or when the picture might fit or its legend be moved: then :func:`placed` lays it
    out as it comes, and the footnoted layout is used if it is still the one wanted.
    """
    if not build_scene(graph, VIEWS[view], options).aggregated:
        return None
    dot_text = view_dot(graph, view, replace(options, note=_note(graph, view)), model)
    svg = render_bytes(dot_text, "svg")
    noted = measure(svg)
    titles = [measure(render_bytes(title_alone(t), "svg")) for t in (view_dot(graph, view, options, model), dot_text)]
    fit = without_note(noted, titles[0], titles[1]) if noted and titles[0] and titles[1] else None
    if fit is None or fit.ok or (fit.within_reach and options.legend_below is None):
        return dot_text, svg, None
    return dot_text, svg, fit


def default_output(chart: Path, view: str) -> Path:
    """``CHART-VIEW.svg`` beside the chart: where someone looks for it after ``render`` without ``-o``."""
    return chart.with_name(f"{chart.stem}-{view}.svg")


def numbered(output: Path, n: int) -> Path:
    """``NAME-n.EXT``: the n-th diagram of ``--split``."""
    return output.with_name(f"{output.stem}-{n}{output.suffix}")


@cli.command()
@chart_argument()
@click.option("--view", "view", type=click.Choice(sorted(VIEWS) + ["roadmap"]), required=True,
              help="Which diagram to draw (roadmap: with --format mermaid).")
@click.option("--format", "fmt", type=click.Choice(["graphviz", "mermaid"]), default="graphviz", show_default=True,
              help="mermaid: text for GitHub/GitLab Markdown (org, coe, data, roadmap); printed, or -o FILE.mmd|.md.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help=f"File to write; the format follows the extension ({', '.join(s for s in FORMATS if s != '.gv')}). "
                   "Default: CHART-VIEW.svg beside the chart.")
@click.option("--focus", metavar="ID", help="Only what lies within --depth links of this element "
              "(flows: a workflow shows all its hand-offs, a step its own).")
@click.option("--depth", type=click.IntRange(min=0), default=1, show_default=True, help="Links around --focus.")
@click.option("--only", metavar="KIND,...", help="Keep only these element kinds (person, team, org, system...).")
@click.option("--collapse", type=click.Choice(COLLAPSE_CHOICES), help="Draw each team (or CoE) as one node.")
@click.option("--split", is_flag=True, help="One diagram per area (capabilities), department (org) or workflow "
              "(flows), written as NAME-1.svg, NAME-2.svg...: for charts too large for one slide.")
@click.option("--model", default=DEFAULT_MODEL, show_default=True, metavar="NAME|PATH",
              help="Maturity model of the heat map.")
@click.option("--max-nodes", type=click.IntRange(min=10), default=DEFAULT_MAX_NODES, show_default=True,
              help="Aggregate the view into groups with counts above this many nodes.")
@click.option("--title", help="Title instead of the chart's name.")
@click.option("--lenient", is_flag=True, help="Draw a chart that has errors: the broken elements are left out "
              "and listed.")
def render(chart: Path, view: str, output: Path | None, focus: str | None, depth: int, only: str | None,
           collapse: str | None, split: bool, model: str, max_nodes: int, title: str | None, lenient: bool,
           fmt: str = "graphviz") -> None:
    """Draw one view of a chart as SVG, PNG, PDF or DOT.

    \b
    Views: org, capabilities, flows, data, heatmap, scorecard, coe, units (see docs/render.md).
    Example, a slide of one capability and its people, partners and systems:
      planner render --view capabilities --focus cap-email-marketing -o email.svg
    Every diagram is measured against a 16:9 slide (1:1 to 3:1, text at least
    11 px high at 1920 px wide); one that does not fit says so and how to split it.
    """
    check_view(view, fmt)
    if fmt == "mermaid":
        return render_mermaid(chart, view, output, model, bool(focus or only or collapse))
    if model != DEFAULT_MODEL and view not in ASSESSED_VIEWS | {"units"}:
        echo(f"planner: note: --model only applies to --view heatmap and scorecard; ignored for {view}", err=True)
    output = output or default_output(chart, view)
    format_for(output)  # fail on a bad extension before any work
    options = RenderOptions(focus=focus, depth=depth, only=tuple(only.split(",")) if only else (),
                            collapse=collapse, max_nodes=max_nodes, title=title)
    graph = build_graph(load_chart_or_lenient(chart, lenient))
    if split:
        _render_split(graph, view, output, options, model)
        return
    written, fit = write_fitted(graph, view, output, options, model)
    echo(f"wrote {shown(written)}" + (f" ({fit.describe()})" if fit else ""))
    if fit is not None and not fit.ok:
        echo(f"planner: note: too large for one slide ({fit.why_not()}); {_advice(graph, view)}", err=True)


def _advice(graph, view: str) -> str:
    """How to get slides out of a view that does not fit one."""
    chosen = VIEWS[view]
    if chosen.parts is not None:
        count = len(chosen.parts(graph))
        per = {"capabilities": "area", "org": "department", "flows": "workflow"}.get(view, "part")
        return f"--split writes one diagram per {per} ({count} {plural(count, 'diagram')})"
    return "--focus ID, --only KIND,... or --collapse teams draw a part of it"


def _render_split(graph, view: str, output: Path, options: RenderOptions, model: str) -> None:
    """``--split``: NAME-1, NAME-2... one per part of the view, each measured."""
    chosen = VIEWS[view]
    if chosen.parts is None:
        raise PlannerError(f"--split: the {view} view has no parts; it is drawn whole (leave out --split)")
    for n, (part, label) in enumerate(chosen.parts(graph), start=1):
        written, fit = write_fitted(graph, view, numbered(output, n), replace(options, part=part), model)
        echo(f"wrote {shown(written)}: {label}" + (f" ({fit.describe()})" if fit else ""))
        if fit is not None and not fit.ok:
            echo(f"planner: note: {shown(written)} is still too large for one slide ({fit.why_not()}); "
                 f"--focus ID draws a part of it", err=True)


def step_render(demo) -> None:
    """Every view of both shipped charts, as SVG (as DOT when Graphviz is missing), in ``OUT/views/``.

    A view too large for one slide is also split (``STATE-VIEW-1.svg``...), as ``--split`` does.
    The heat map and the scorecard draw the assessment the demo's pipeline already holds.
    """
    demo.heading("Render every view of the shipped charts")
    folder = demo.out / "views"
    folder.mkdir(exist_ok=True)
    suffix = ".svg"
    for state, run in demo.runs():
        graph = run.graph
        split = []
        for view in VIEWS:
            target = folder / f"{state}-{view}{suffix}"
            base = RenderOptions(heat=run.heat(DEFAULT_MODEL) if view in ASSESSED_VIEWS else None)
            try:
                path, fit = write_fitted(graph, view, target, base, DEFAULT_MODEL)
            except GraphvizMissingError:
                echo("note: Graphviz 'dot' was not found, writing .dot files instead "
                     "(Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz)", err=True)
                suffix = ".dot"
                path, fit = write_fitted(graph, view, folder / f"{state}-{view}{suffix}", base, DEFAULT_MODEL)
            demo.written.append(path)
            if fit is not None and not fit.ok and VIEWS[view].parts is not None:
                for n, (part, _) in enumerate(VIEWS[view].parts(graph), start=1):
                    demo.written.append(write_fitted(graph, view, numbered(target, n),
                                                     replace(base, part=part), DEFAULT_MODEL)[0])
                split.append(f"{view} ({len(VIEWS[view].parts(graph))})")
        echo(f"{state}: {', '.join(VIEWS)} -> {shown(folder)}/{state}-VIEW{suffix}")
        if split:
            echo(f"{state}: too large for one slide, also split into {state}-VIEW-N{suffix}: {', '.join(split)}")
