"""The ``org`` view: reporting lines, with teams (nested) and CoEs as clusters.

People sit inside the box of their team, teams inside their parent team; the
reporting line runs from manager down to report. Centers of Excellence sit in
their own band at the top with dashed lines to their members, drawn without
layout constraint so that the reporting tree keeps its shape. With
``--collapse teams`` every team becomes one node counting its people.
"""

from __future__ import annotations

from .dot import Block, font, text
from .draw import chart_subtitle, draw_item, draw_link, finish, new_dot, title
from .legend import Legend
from .scene import Item, Scene
from .theme import Theme
from .views import RenderOptions, View, register

LEAD_BORDER = 2.6
STACK_ABOVE = 2
"""Managers with more reports than this who manage no one get them stacked."""
STACK_ROWS = 4


def _structure(scene: Scene):
    """Which teams draw as clusters, the children of each, and the people in each."""
    items = scene.items
    clustered = {i.id for i in items.values() if i.kind == "team" and not i.members}
    children: dict[str | None, list[Item]] = {}
    for item in items.values():
        if item.kind == "person":
            team = item.element.team if item.element is not None else None
            children.setdefault(team if team in clustered else None, []).append(item)
        elif item.kind == "team" and item.element is not None:
            parent = item.element.parent
            children.setdefault(parent if parent in clustered else None, []).append(item)
        elif item.kind == "team":
            children.setdefault(None, []).append(item)
    return clustered, children


def _draw_team(block: Block, team: Item, scene, theme, clustered, children, leads, legend, badges) -> None:
    kids = children.get(team.id, [])
    if not kids:
        draw_item(block, team, theme)
        legend.kind("team")
        return
    heading = font(text(team.label, wrap=40), bold=True)
    if team.element is not None and team.element.function:
        heading += font(text("\n" + team.element.function), size=8, color="#57606a")
    with block.cluster(heading, **theme.cluster) as box:
        _draw_members(box, kids, scene, theme, clustered, children, leads, legend, badges)


def _draw_members(block, kids, scene, theme, clustered, children, leads, legend, badges) -> None:
    for item in kids:
        if item.id in clustered:
            _draw_team(block, item, scene, theme, clustered, children, leads, legend, badges)
        else:
            extra = {"penwidth": LEAD_BORDER} if item.id in leads else {}
            draw_item(block, item, theme, extra_label=badges.get(item.id, ""), **extra)
            legend.kind(item.kind)


def _coe_badges(scene: Scene) -> dict[str, str]:
    """Person id -> ``CoE: name`` line; membership shows on the person, not as lines across the chart."""
    badges: dict[str, list[str]] = {}
    for item in scene.items.values():
        if item.kind == "coe" and item.element is not None:
            for member in dict.fromkeys([item.element.lead, *item.element.members]):
                if member:
                    badges.setdefault(member, []).append(item.label)
    return {person: "\u25c6 " + ", ".join(names) for person, names in badges.items()}


def _stack_leaves(dot: Block, scene: Scene) -> None:
    """Stack a manager's reports who manage no one into short columns, so the chart is not a ribbon."""
    reports: dict[str, list[str]] = {}
    for link in scene.links:
        if link.relation == "reports_to":
            reports.setdefault(link.head, []).append(link.tail)
    for manager, team in reports.items():
        leaves = [p for p in team if p not in reports]
        by_team: dict = {}
        for person in leaves:
            element = scene.items[person].element
            by_team.setdefault(getattr(element, "team", None), []).append(person)
        for group in by_team.values():
            if len(group) <= STACK_ABOVE:
                continue
            columns = -(-len(group) // STACK_ROWS)
            for upper, lower in zip(group, group[columns:]):
                dot.edge(upper, lower, style="invis", weight=2)


def draw(scene: Scene, theme: Theme, options: RenderOptions) -> str:
    dot = new_dot(theme, rankdir="TB", ranksep=0.35, nodesep=0.18)
    legend = Legend()
    clustered, children = _structure(scene)
    leads = {i.element.lead for i in scene.items.values() if i.kind == "team" and i.element is not None}
    badges = _coe_badges(scene)
    if clustered:
        legend.notes.append("Boxes are teams, nested as in the chart; a thick border marks the team lead.")
    if badges:
        legend.notes.append("\u25c6 names the Centers of Excellence a person belongs to.")
    _draw_members(dot, children.get(None, []), scene, theme, clustered, children, leads, legend, badges)
    coes = [i for i in scene.items.values() if i.kind == "coe"]
    if coes:
        with dot.cluster(font("Centers of Excellence", bold=True), **{**theme.cluster, "fillcolor": "#fffbf0"}) as band:
            for coe in coes:
                extra = ""
                if coe.element is not None:
                    lead = scene.graph.nodes[coe.element.lead]["label"] if coe.element.lead in scene.graph else "none"
                    extra = f"lead: {lead}, {len(coe.element.members)} members"
                draw_item(band, coe, theme, extra_label=extra)
        legend.kind("coe")
    for link in scene.links:
        tail, head = scene.items[link.tail], scene.items[link.head]
        if link.relation in ("member_of", "part_of") and (head.id in clustered or tail.id in clustered):
            continue  # shown by the cluster boxes
        if link.relation == "led_by" and tail.kind == "team":
            continue  # shown by the lead's border
        if tail.kind == "coe" and link.relation in ("has_member", "led_by"):
            continue  # shown by the badges
        draw_link(dot, link, theme, reverse=link.relation in ("reports_to", "part_of", "member_of"))
        legend.relation(link.relation)
    _stack_leaves(dot, scene)
    heading = title(options.title or scene.graph.graph.get("name", "Chart"),
                    chart_subtitle(scene.graph, "Organization: reporting lines, teams and Centers of Excellence"),
                    scene.notes)
    return finish(dot, theme, legend, heading)


VIEW = register(View(
    name="org",
    title="Organization",
    description="reporting lines, teams and CoEs as clusters",
    kinds=frozenset({"person", "team", "coe"}),
    relations=frozenset({"reports_to", "member_of", "part_of", "has_member", "led_by"}),
    core=frozenset({"person", "team", "coe"}),
    draw=draw,
    rankdir="TB",
    reverse=frozenset({"reports_to", "part_of", "member_of"}),
    aggregate_relations=frozenset({"part_of"}),
))
