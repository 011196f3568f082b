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
STARTS = "starts"
"""Derived relation: a workflow -> the performer of its first step (carries the inputs)."""


ENDS = "ends"
"""Derived relation: the last performer (or receiver) of a workflow -> the workflow (carries the outputs)."""


def derived_edges(graph):
    """``starts`` and ``ends`` edges of each workflow with steps, so its first and last resources are shown."""
    chart = graph.graph.get("chart")
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
    dot = new_dot(theme, rankdir="LR", ranksep=0.8, nodesep=0.35)
    legend = Legend()
    workflows = [i for i in scene.items.values() if i.kind == "workflow"]
    colors = {w.id: CATEGORICAL[n % len(CATEGORICAL)] for n, w in enumerate(workflows)}
    numbers = _step_numbers(scene)
    for item in scene.items.values():
        draw_item(dot, item, theme)
        legend.kind(item.kind)
    for link in scene.links:
        if link.relation == ENDS:
            _draw_end(dot, link, theme, colors.get(link.head, "#757575"))
            continue
        for data in link.data:
            color = colors.get(data.get("workflow"), theme.edge(link.relation).get("color"))
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
    heading = title(options.title or scene.graph.graph.get("name", "Chart"),
                    chart_subtitle(scene.graph, "Workflows: hand-offs between resources"), scene.notes)
    return finish(dot, theme, legend, heading)


def _draw_end(dot, link, theme: Theme, color: str) -> None:
    """The deliverables leaving a workflow, as a note after the resource that hands them over."""
    end = keyed("end", link.head, link.tail)
    outputs = ", ".join(link.data[0].get("artifacts", ())) if link.data else ""
    dot.node(end, font(text("out: " + outputs, wrap=24), size=9, color=color),
             shape="note", style="filled", fillcolor="white", color=color)
    dot.edge(link.tail, end, **theme.edge("handoff", color=color, style="dashed"))


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
))
