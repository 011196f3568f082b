"""The ``flows`` view: workflow inputs and outputs handed between resources.

Nodes are the people, teams, organizations, systems and CoEs that perform
workflow steps; each hand-off is an edge labelled with its step number and the
artifacts passed, colored per workflow. A workflow node marks where its inputs
enter, a note where its deliverables leave.
"""

from __future__ import annotations

from .dot import font, text
from .draw import chart_subtitle, draw_item, finish, keyed, new_dot, title
from .legend import Legend
from .scene import Scene
from .theme import CATEGORICAL, Theme
from .views import RenderOptions, View, register

RESOURCES = ("person", "team", "org", "system", "coe")
SHORT = 2
"""A workflow with more nodes than this is drawn top to bottom: left to right it is a 4:1 strip."""
STARTS = "starts"
"""Derived relation: a workflow -> the performer of its first step (carries the inputs)."""


ENDS = "ends"
"""Derived relation: the last performer (or receiver) of a workflow -> the workflow (carries the outputs)."""


def derived_edges(graph):
    """``starts`` and ``ends`` edges of each workflow with steps, so its first and last resources are shown."""
    chart = graph.chart
    for workflow in (chart.workflows if chart is not None else ()):
        if not workflow.steps or workflow.id not in graph:
            continue
        first, last = workflow.steps[0].by, workflow.steps[-1].to or workflow.steps[-1].by
        if first in graph:
            yield workflow.id, first, STARTS, {"artifacts": tuple(workflow.inputs), "workflow": workflow.id}
        if last in graph and workflow.outputs:
            yield last, workflow.id, ENDS, {"artifacts": tuple(workflow.outputs), "workflow": workflow.id}


def _step_numbers(scene: Scene) -> dict[str, tuple[int, float | None]]:
    numbers = {}
    for item in scene.items.values():
        if item.kind == "workflow" and item.element is not None:
            for i, step in enumerate(item.element.steps, 1):
                numbers[step.id] = (i, step.days)
    return numbers


def _artifact_label(data: dict, numbers) -> str:
    artifacts = ", ".join(data.get("artifacts", ())) or "(nothing named)"
    number, days = numbers.get(data.get("step"), (None, None))
    prefix = f"{number}. " if number else ""
    suffix = f" ({days:g}\u00a0d)" if days else ""
    return prefix + artifacts + suffix


def draw(scene: Scene, theme: Theme, options: RenderOptions) -> str:
    workflows = [i for i in scene.items.values() if i.kind == "workflow"]
    single = len(workflows) <= 1 and len(scene.items) > SHORT  # one long chain: top to bottom fits a slide
    dot = new_dot(theme, rankdir="TB" if single else "LR", ranksep=0.45 if single else 0.8, nodesep=0.35)
    legend = Legend()
    order = {w: n for n, (w, _) in enumerate(parts(scene.graph))}  # a workflow keeps its color in every part
    colors = {w.id: CATEGORICAL[order.get(w.id, n) % len(CATEGORICAL)] for n, w in enumerate(workflows)}
    numbers = _step_numbers(scene)
    for item in scene.items.values():
        draw_item(dot, item, theme)
        legend.kind(item.kind)
    for link in scene.links:
        if link.relation == ENDS:
            _draw_end(dot, link, theme, colors.get(link.head, theme.ink["neutral"]))
            continue
        for data in link.data:
            color = colors.get(data.get("workflow", ""), theme.edge(link.relation).get("color"))
            label = _artifact_label(data, numbers)
            if link.relation == STARTS:
                label = "in: " + (", ".join(data.get("artifacts", ())) or "(no inputs named)")
            dot.edge(link.tail, link.head, text(label, wrap=28),
                     **theme.edge(link.relation, color=color, fontcolor=color))
        legend.relation(link.relation)
    for workflow in workflows:
        if len(workflows) <= len(CATEGORICAL):
            legend.lines.append((colors[workflow.id], "", workflow.label))
    legend.notes.append("Edge labels: step number, artifacts handed over, typical days.")
    heading = title(options.title or scene.graph.name,
                    chart_subtitle(scene.graph, "Workflows: hand-offs between resources"))
    return finish(dot, theme, legend, heading, scene.notes, below=bool(options.legend_below))


def _draw_end(dot, link, theme: Theme, color: str) -> None:
    """The deliverables leaving a workflow, as a note after the resource that hands them over."""
    end = keyed("end", link.head, link.tail)
    outputs = ", ".join(link.data[0].get("artifacts", ())) if link.data else ""
    dot.node(end, font(text("out: " + outputs, wrap=24), size=9, color=color),
             shape="note", style="filled", fillcolor=theme.ink["paper"], color=color)
    dot.edge(link.tail, end, **theme.edge("handoff", color=color, style="dashed"))


def parts(graph) -> list[tuple[str, str]]:
    """One slide per workflow with steps (``--split``), in chart order."""
    chart = graph.chart
    return [(w.id, w.name) for w in (chart.workflows if chart is not None else ()) if w.steps and w.id in graph]


def cut(graph, nodes: dict, edges: list, workflow: str) -> tuple[dict, list, str]:
    """Every hand-off of one workflow, its inputs and deliverables, and who performs them."""
    kept = [e for e in edges if e[3].get("workflow") == workflow]
    ends = {workflow} | {e[0] for e in kept} | {e[1] for e in kept}
    return {n: d for n, d in nodes.items() if n in ends}, kept, f"Workflow {graph.nodes[workflow]['label']}: every hand-off."


def focus_on(graph, nodes: dict, edges: list, center: str, depth: int):
    """``--focus WORKFLOW``: all its hand-offs; ``--focus STEP``: that hand-off and ``depth`` steps either side."""
    kind = graph.nodes[center]["kind"]
    if kind == "workflow":
        return cut(graph, nodes, edges, center)
    if kind != "step":
        return None
    step = graph.nodes[center]["element"]
    owner = next((w for w in graph.chart.workflows if any(s.id == center for s in w.steps)), None)
    if owner is None:
        return None
    ids = [s.id for s in owner.steps]
    at = ids.index(center)
    near = set(ids[max(0, at - depth):at + depth + 1])
    kept = [e for e in edges if e[3].get("workflow") == owner.id
            and (e[3].get("step") in near or (e[2] == STARTS and ids[0] in near) or (e[2] == ENDS and ids[-1] in near))]
    ends = {e[0] for e in kept} | {e[1] for e in kept} | {step.by, step.to}
    note = f"Step {at + 1} of {len(ids)} of {owner.name}" + (f", with {depth} step(s) either side." if depth else ".")
    return {n: d for n, d in nodes.items() if n in ends}, kept, note


VIEW = register(View(
    name="flows",
    title="Workflows",
    description="workflow inputs and outputs handed between resources, artifacts on the edges",
    kinds=frozenset({*RESOURCES, "workflow"}),
    relations=frozenset({"handoff", STARTS, ENDS}),
    core=frozenset({"workflow"}),
    draw=draw,
    rankdir="LR",
    derived=derived_edges,
    parts=parts,
    cut=cut,
    focus_on=focus_on,
))
