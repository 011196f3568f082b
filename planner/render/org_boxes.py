"""How the ``org`` view draws its boxes: teams nested in teams, their people, leads and CoE badges.

:func:`.org_view.draw` decides what is shown as a line; the helpers here decide
what is shown otherwise: membership by the cluster boxes, a team lead by a thick
border, CoE membership by a badge on the person, a manager's many reports that
manage no one by short stacked columns, and reporting lines across rows of
departments by a line of text on the person.
"""

from __future__ import annotations

from dataclasses import dataclass

from .dot import Block, font, text
from .draw import draw_item
from .legend import Legend
from .org_wrap import Plan, draw_rows
from .scene import Item, Scene
from .theme import INK, MIN_FONT, Theme

LEAD_BORDER = 2.6
STACK_ABOVE = 2
"""Managers with more reports than this who manage no one get them stacked."""
STACK_ROWS = 4
COES_PER_ROW = 2
"""Centers of Excellence per row of their band beside a wrapped chart."""
REVERSED = frozenset({"reports_to", "part_of", "member_of"})
"""Relations drawn from the referenced element down to its holder (manager above report)."""


def structure(scene: Scene):
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
class Ctx:
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


def _draw_team(block: Block, team: Item, ctx: Ctx) -> None:
    kids = ctx.children.get(team.id, [])
    if not kids:
        draw_item(block, team, ctx.theme)
        ctx.legend.kind("team")
        return
    heading = font(text(team.label, wrap=40), bold=True)
    if team.element is not None and team.element.function:
        heading += font(text("\n" + team.element.function), size=MIN_FONT, color=INK["muted"])
    with block.cluster(heading, **ctx.theme.cluster) as box:
        draw_members(box, kids, ctx)
        if ctx.wrap is not None and ctx.wrap.level == team.id:
            draw_rows(box, ctx.wrap, ctx.edges)


def draw_members(block, kids, ctx: Ctx) -> None:
    for item in kids:
        if item.id in ctx.clustered:
            _draw_team(block, item, ctx)
        else:
            extra = {"penwidth": LEAD_BORDER} if item.id in ctx.leads else {}
            draw_item(block, item, ctx.theme, extra_label=ctx.badges.get(item.id, ""), **extra)
            ctx.legend.kind(item.kind)


def coe_badges(scene: Scene) -> dict[str, str]:
    """Person id -> ``CoE: name`` line; membership shows on the person, not as lines across the chart."""
    badges: dict[str, list[str]] = {}
    for item in scene.items.values():
        if item.kind == "coe" and item.element is not None:
            for member in dict.fromkeys([item.element.lead, *item.element.members]):
                if member:
                    badges.setdefault(member, []).append(item.label)
    return {person: "\u25c6 " + ", ".join(names) for person, names in badges.items()}


def stack_leaves(scene: Scene) -> list[tuple[str, str]]:
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


def far_lines(links: list, wrap: Plan | None, scene: Scene) -> list:
    """Reporting lines from a department below the first row to a manager outside it.

    Drawn, they loop round the whole picture to reach the top team; written on
    the person they say the same in one line.
    """
    if wrap is None or len(wrap.rows) < 2:
        return []
    home = {node: dept for row in wrap.rows[1:] for dept in row for node in wrap.members.get(dept, ())}
    return [link for link in links if link.relation == "reports_to" and link.tail in home
            and link.head not in wrap.members.get(home[link.tail], ())]


def shown(link, scene: Scene, clustered: set) -> bool:
    """Whether a link is drawn as a line (some are shown by boxes, borders or badges instead)."""
    tail, head = scene.items[link.tail], scene.items[link.head]
    if link.relation in ("member_of", "part_of") and (head.id in clustered or tail.id in clustered):
        return False  # shown by the cluster boxes
    if link.relation == "led_by" and tail.kind == "team":
        return False  # shown by the lead's border
    return not (tail.kind == "coe" and link.relation in ("has_member", "led_by"))  # shown by the badges


def draw_coes(dot: Block, coes: list[Item], scene: Scene, theme: Theme, wrap: Plan | None) -> None:
    """The Centers of Excellence in their own band, each with its lead and its number of members."""
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
