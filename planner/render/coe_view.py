"""The ``coe`` view: Centers of Excellence with their SLA tables, linked by the digital value chain.

Each CoE is one node holding a table ("Customer Engagement: III-IV"'s CoE traits): scope and
provider, lead, the capabilities it delivers, its SLA rows with target and
measured value (green when met, red when missed), its plan horizon and
improvement commitments, and whether an independent observer validated it.
Value chains run left to right, one color per chain.
"""

from __future__ import annotations

from typing import Any

from .dot import Html, cell, font, row, table, text
from .draw import chart_subtitle, draw_item, draw_link, finish, new_dot, title
from .legend import Legend
from .scene import Item, Scene
from .theme import CATEGORICAL, INK, MIN_FONT, STATUS_COLORS, Theme
from .views import RenderOptions, View, register

MAX_SLA_ROWS = 6


def _name(scene: Scene, element_id: str | None) -> str:
    if element_id and element_id in scene.graph:
        return scene.graph.nodes[element_id]["label"]
    return element_id or ""


def _sla_rows(coe) -> list[Html]:
    rows = []
    for metric in coe.sla[:MAX_SLA_ROWS]:
        met = metric.is_met()
        status = "unknown" if met is None else ("met" if met else "missed")
        sign = "\u2265" if metric.direction == "higher" else "\u2264"
        measured = "\u2014" if metric.measured is None else f"{metric.measured:g}"
        mark = {"met": " \u2714", "missed": " \u2718", "unknown": ""}[status]
        rows.append(row(cell(text(metric.metric, wrap=24), align="left"),
                        cell(text(f"{sign} {metric.target:g} {metric.unit}".strip()), align="right"),
                        cell(font(text(f"{measured}{mark}"), color=STATUS_COLORS[status], bold=status == "missed"),
                             align="right")))
    if len(coe.sla) > MAX_SLA_ROWS:
        rows.append(row(cell(font(f"+ {len(coe.sla) - MAX_SLA_ROWS} more SLA rows", size=MIN_FONT), colspan=3)))
    return rows


def coe_table(scene: Scene, item: Item) -> Html:
    """The HTML-like label of one CoE."""
    coe = item.element
    small: dict[str, Any] = {"size": MIN_FONT, "color": INK["detail"]}
    scope = coe.scope + (f", run by {_name(scene, coe.provider)}" if coe.provider else "")
    rows = [row(cell(font(text(item.label, wrap=34), size=11, bold=True), colspan=3)),
            row(cell(font(text(f"{scope} \u00b7 lead: {_name(scene, coe.lead) or 'none'}", wrap=44), **small),
                     colspan=3))]
    if coe.capabilities:
        delivers = ", ".join(_name(scene, c) for c in coe.capabilities)
        rows.append(row(cell(font(text("Delivers: " + delivers, wrap=44), **small), colspan=3, align="left")))
    if coe.sla:
        rows.append(row(cell(font("SLA", bold=True), align="left"), cell(font("target", **small), align="right"),
                        cell(font("measured", **small), align="right")))
        rows += _sla_rows(coe)
    else:
        rows.append(row(cell(font("No SLA defined", color=STATUS_COLORS["missed"], italic=True), colspan=3)))
    rows.append(row(cell(font(text(_plan_line(coe), wrap=44), **small), colspan=3, align="left")))
    return table(rows, cellpadding=2, cellspacing=0)


def _plan_line(coe) -> str:
    bits = [f"{coe.plan_years}-year plan" if coe.plan_years else "no multi-year plan"]
    if coe.pnl:
        bits.append(f"{len(coe.pnl)} P&L metrics")
    bits += [f"{i.kind.replace('_', ' ')} \u2212{i.target_pct:g}%/{i.per}" for i in coe.improvements]
    accepts = len(coe.inputs.acceptable) + len(coe.outputs.acceptable)
    refuses = len(coe.inputs.unacceptable) + len(coe.outputs.unacceptable)
    if accepts or refuses:
        bits.append(f"{accepts} acceptable / {refuses} unacceptable inputs-outputs defined")
    validation = coe.validation
    bits.append(f"validated by {validation.observer}" + (f" at level {validation.level}" if validation.level else "")
                if validation else "not independently validated")
    return " \u00b7 ".join(bits)


def draw(scene: Scene, theme: Theme, options: RenderOptions) -> str:
    dot = new_dot(theme, rankdir="LR", ranksep=0.9, nodesep=0.4)
    legend = Legend()
    for item in scene.items.values():
        if item.kind == "coe" and item.element is not None:
            dot.node(item.id, coe_table(scene, item), **theme.node("coe", margin="0.06,0.04"))
        else:
            draw_item(dot, item, theme)
        legend.kind(item.kind)
    chains = list(dict.fromkeys(d.get("chain") for link in scene.links for d in link.data if d.get("chain")))
    colors = {chain: CATEGORICAL[n % len(CATEGORICAL)] for n, chain in enumerate(chains)}
    for link in scene.links:
        if link.relation == "next":
            for data in link.data:
                color = colors.get(data.get("chain"), theme.edge("next")["color"])
                dot.edge(link.tail, link.head, **theme.edge("next", color=color))
        else:
            draw_link(dot, link, theme, constraint="false")
            legend.relation(link.relation)
    for chain in chains[:len(CATEGORICAL)]:
        legend.lines.append((colors[chain], "", f"value chain: {_name(scene, chain)}"))
    legend.swatch(STATUS_COLORS["met"], "SLA met (\u2714)").swatch(STATUS_COLORS["missed"], "SLA missed (\u2718)")
    heading = title(options.title or scene.graph.name,
                    chart_subtitle(scene.graph, "Centers of Excellence and the digital value chain"))
    return finish(dot, theme, legend, heading, scene.notes, below=options.legend_below is not False)


VIEW = register(View(
    name="coe",
    title="Centers of Excellence",
    description="CoEs with their SLA tables and the digital value chain",
    kinds=frozenset({"coe", "org"}),
    relations=frozenset({"next", "provided_by"}),
    core=frozenset({"coe"}),
    draw=draw,
    rankdir="LR",
))
