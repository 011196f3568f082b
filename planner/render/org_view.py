"""The ``org`` view: reporting lines, with teams (nested) and CoEs as clusters.

People sit inside the box of their team, teams inside their parent team; the
reporting line runs from manager down to report. Centers of Excellence sit in
their own band at the top with dashed lines to their members, drawn without
layout constraint so that the reporting tree keeps its shape. With
``--collapse teams`` every team becomes one node counting its people.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

from .dot import Block, font, text
from .draw import chart_subtitle, draw_item, draw_link, finish, new_dot, title
from .legend import Legend
from .org_wrap import Plan, draw_rows, plan_rows
from .scene import Item, Scene
from .theme import INK, MIN_FONT, Theme
from .views import RenderOptions, View, register

LEAD_BORDER = 2.6
STACK_ABOVE = 2
"""Managers with more reports than this who manage no one get them stacked."""
STACK_ROWS = 4
COES_PER_ROW = 2
"""Centers of Excellence per row of their band beside a wrapped chart."""
REVERSED = frozenset({"reports_to", "part_of", "member_of"})
"""Relations drawn from the referenced element down to its holder (manager above report)."""


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


@dataclass
class _Ctx:
    """What drawing the nested team boxes needs, passed down the recursion."""

    scene: Scene
    theme: Theme
    clustered: set
    children: dict
    leads: set
    legend: Legend
    badges: dict
    wrap: Plan | None
    edges: list


def _draw_team(block: Block, team: Item, ctx: _Ctx) -> None:
    kids = ctx.children.get(team.id, [])
    if not kids:
        draw_item(block, team, ctx.theme)
        ctx.legend.kind("team")
        return
    heading = font(text(team.label, wrap=40), bold=True)
    if team.element is not None and team.element.function:
        heading += font(text("\n" + team.element.function), size=MIN_FONT, color=INK["muted"])
    with block.cluster(heading, **ctx.theme.cluster) as box:
        _draw_members(box, kids, ctx)
        if ctx.wrap is not None and ctx.wrap.level == team.id:
            draw_rows(box, ctx.wrap, ctx.edges)


def _draw_members(block, kids, ctx: _Ctx) -> None:
    for item in kids:
        if item.id in ctx.clustered:
            _draw_team(block, item, ctx)
        else:
            extra = {"penwidth": LEAD_BORDER} if item.id in ctx.leads else {}
            draw_item(block, item, ctx.theme, extra_label=ctx.badges.get(item.id, ""), **extra)
            ctx.legend.kind(item.kind)


def _coe_badges(scene: Scene) -> dict[str, str]:
    """Person id -> ``CoE: name`` line; membership shows on the person, not as lines across the chart."""
    badges: dict[str, list[str]] = {}
    for item in scene.items.values():
        if item.kind == "coe" and item.element is not None:
            for member in dict.fromkeys([item.element.lead, *item.element.members]):
                if member:
                    badges.setdefault(member, []).append(item.label)
    return {person: "\u25c6 " + ", ".join(names) for person, names in badges.items()}


def _stack_leaves(scene: Scene) -> list[tuple[str, str]]:
    """Stack a manager's reports who manage no one into short columns, so the chart is not a ribbon.

    Returns the (upper, lower) pairs to join by invisible edges.
    """
    pairs: list[tuple[str, str]] = []
    reports: dict[str, list[str]] = {}
    for link in scene.links:
        if link.relation == "reports_to":
            reports.setdefault(link.head, []).append(link.tail)
    for team in reports.values():
        leaves = [p for p in team if p not in reports]
        by_team: dict = {}
        for person in leaves:
            element = scene.items[person].element
            by_team.setdefault(getattr(element, "team", None), []).append(person)
        for group in by_team.values():
            if len(group) <= STACK_ABOVE:
                continue
            columns = -(-len(group) // STACK_ROWS)
            pairs += zip(group, group[columns:])
    return pairs


def _far_lines(links: list, wrap: Plan | None, scene: Scene) -> list:
    """Reporting lines from a department below the first row to a manager outside it.

    Drawn, they loop round the whole picture to reach the top team; written on
    the person they say the same in one line.
    """
    if wrap is None or len(wrap.rows) < 2:
        return []
    home = {node: dept for row in wrap.rows[1:] for dept in row for node in wrap.members.get(dept, ())}
    return [link for link in links if link.relation == "reports_to" and link.tail in home
            and link.head not in wrap.members.get(home[link.tail], ())]


def _shown(link, scene: Scene, clustered: set) -> bool:
    """Whether a link is drawn as a line (some are shown by boxes, borders or badges instead)."""
    tail, head = scene.items[link.tail], scene.items[link.head]
    if link.relation in ("member_of", "part_of") and (head.id in clustered or tail.id in clustered):
        return False  # shown by the cluster boxes
    if link.relation == "led_by" and tail.kind == "team":
        return False  # shown by the lead's border
    return not (tail.kind == "coe" and link.relation in ("has_member", "led_by"))  # shown by the badges


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
    links = [link for link in scene.links if _shown(link, scene, clustered)]
    stacked = _stack_leaves(scene)
    edges: list[tuple[Hashable, Hashable, bool]] = [
        *((link.head, link.tail, False) if link.relation in REVERSED else (link.tail, link.head, False) for link in links),
        *((upper, lower, True) for upper, lower in stacked)]
    coes = [i for i in scene.items.values() if i.kind == "coe"]
    wrap = plan_rows(children, clustered, edges, coes=len(coes), coes_per_row=COES_PER_ROW)
    far = _far_lines(links, wrap, scene)
    if far:
        links = [link for link in links if link not in far]
        for link in far:
            line = f"\u2191 reports to {scene.items[link.head].label}"
            badges[link.tail] = f"{badges[link.tail]}\n{line}" if link.tail in badges else line
        legend.notes.append("\u2191 reports to: a reporting line to someone in another row of departments, "
                            "written on the person instead of a line round the picture.")
    ctx = _Ctx(scene, theme, clustered, children, leads, legend, badges, wrap, edges)
    _draw_members(dot, children.get(None, []), ctx)
    if wrap is not None and wrap.level is None:
        draw_rows(dot, wrap, edges)
    if coes:
        band_style = {**theme.cluster, "fillcolor": theme.ink["coe_band"]}
        with dot.cluster(font("Centers of Excellence", bold=True), **band_style) as band:
            for coe in coes:
                extra = ""
                if coe.element is not None:
                    lead = scene.graph.nodes[coe.element.lead]["label"] if coe.element.lead in scene.graph else "none"
                    extra = f"lead: {lead}, {len(coe.element.members)} members"
                draw_item(band, coe, theme, extra_label=extra)
            if wrap is not None:  # beside a tall chart: a narrow grid, the legend below it
                for above, below in zip(coes, coes[COES_PER_ROW:]):
                    band.edge(above.id, below.id, style="invis")
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
