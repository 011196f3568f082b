"""The ``org`` view: reporting lines, with teams (nested) and CoEs as clusters.

People sit inside the box of their team, teams inside their parent team; the
reporting line runs from manager down to report. Centers of Excellence sit in
their own band at the top with dashed lines to their members, drawn without
layout constraint so that the reporting tree keeps its shape. With
``--collapse teams`` every team becomes one node counting its people. The boxes,
badges and the CoE band are drawn by :mod:`.org_boxes`; wide charts wrap by :mod:`.org_wrap`.
"""

from __future__ import annotations

from collections.abc import Hashable

from .draw import chart_subtitle, draw_link, finish, new_dot, title
from .legend import Legend
from .org_boxes import (
    COES_PER_ROW,
    REVERSED,
    Ctx,
    coe_badges,
    draw_coes,
    draw_members,
    far_lines,
    shown,
    stack_leaves,
    structure,
)
from .org_wrap import draw_rows, plan_rows
from .scene import Scene
from .theme import Theme
from .views import RenderOptions, View, register


def draw(scene: Scene, theme: Theme, options: RenderOptions) -> str:
    dot = new_dot(theme, rankdir="TB", ranksep=0.35, nodesep=0.18)
    legend = Legend()
    clustered, children = structure(scene)
    leads = {i.element.lead for i in scene.items.values() if i.kind == "team" and i.element is not None}
    badges = coe_badges(scene)
    if clustered:
        legend.notes.append("Boxes are teams, nested as in the chart; a thick border marks the team lead.")
    if badges:
        legend.notes.append("\u25c6 names the Centers of Excellence a person belongs to.")
    links = [link for link in scene.links if shown(link, scene, clustered)]
    stacked = stack_leaves(scene)
    edges: list[tuple[Hashable, Hashable, bool]] = [
        *((link.head, link.tail, False) if link.relation in REVERSED else (link.tail, link.head, False) for link in links),
        *((upper, lower, True) for upper, lower in stacked)]
    coes = [i for i in scene.items.values() if i.kind == "coe"]
    wrap = plan_rows(children, clustered, edges, coes=len(coes), coes_per_row=COES_PER_ROW)
    far = far_lines(links, wrap, scene)
    if far:
        links = [link for link in links if link not in far]
        for link in far:
            line = f"\u2191 reports to {scene.items[link.head].label}"
            badges[link.tail] = f"{badges[link.tail]}\n{line}" if link.tail in badges else line
        legend.notes.append("\u2191 reports to: a reporting line to someone in another row of departments, "
                            "written on the person instead of a line round the picture.")
    ctx = Ctx(scene, theme, clustered, children, leads, legend, badges, wrap, edges)
    draw_members(dot, children.get(None, []), ctx)
    if wrap is not None and wrap.level is None:
        draw_rows(dot, wrap, edges)
    if coes:
        draw_coes(dot, coes, scene, theme, wrap)
        legend.kind("coe")
    for link in links:
        draw_link(dot, link, theme, reverse=link.relation in REVERSED)
        legend.relation(link.relation)
    for upper, lower in stacked:
        dot.edge(upper, lower, style="invis", weight=2)
    notes = [*scene.notes, *([f"Departments wrapped over {len(wrap.rows)} rows."] if wrap is not None else [])]
    heading = title(options.title or scene.graph.name,
                    chart_subtitle(scene.graph, "Organization: reporting lines, teams and Centers of Excellence"))
    return finish(dot, theme, legend, heading, notes, below=bool(options.legend_below))


def _top_team(graph):
    """The one team at the top of the chart (None when there are several or none), and all teams."""
    chart = graph.chart
    teams = [t for t in (chart.teams if chart is not None else ()) if t.id in graph]
    roots = [t for t in teams if not t.parent or t.parent not in graph]
    return (roots[0] if len(roots) == 1 else None), roots, teams


def parts(graph) -> list[tuple[str, str]]:
    """One slide per department (``--split``): the top team's own people and CoEs, then each team under it.

    With several top teams, each top team is a department.
    """
    top, roots, teams = _top_team(graph)
    if top is None:
        return [(t.id, t.name) for t in roots]
    return [(top.id, f"{top.name}: leadership and CoEs")] + [(t.id, t.name) for t in teams if t.parent == top.id]


def cut(graph, nodes: dict, edges: list, team: str) -> tuple[dict, list, str]:
    """One department: its teams (nested), their people; the top team's part adds the CoEs."""
    top, _, teams = _top_team(graph)
    alone = top is not None and team == top.id
    under = {team}
    while not alone:  # the department's nested teams, to any depth
        grown = under | {t.id for t in teams if t.parent in under}
        if grown == under:
            break
        under = grown
    keep = {n for n, d in nodes.items()
            if (d["kind"] == "team" and n in under) or (d["kind"] == "person" and d["element"].team in under)
            or (d["kind"] == "coe" and alone)}
    kept = [e for e in edges if e[0] in keep and e[1] in keep]
    outside = [f"{graph.nodes[n]['label']} reports to {graph.nodes[m]['label']}."
               for n in keep if graph.nodes[n]["kind"] == "person"
               for m in [graph.nodes[n]["element"].reports_to] if m and m in graph and m not in keep]
    name = graph.nodes[team]["label"]
    return {n: d for n, d in nodes.items() if n in keep}, kept, " ".join([f"{name} only.", *outside])


VIEW = register(View(
    name="org",
    title="Organization",
    description="reporting lines, teams and CoEs as clusters",
    kinds=frozenset({"person", "team", "coe"}),
    relations=frozenset({"reports_to", "member_of", "part_of", "has_member", "led_by"}),
    core=frozenset({"person", "team", "coe"}),
    draw=draw,
    rankdir="TB",
    reverse=REVERSED,
    aggregate_relations=frozenset({"part_of"}),
    parts=parts,
    cut=cut,
))
