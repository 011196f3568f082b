"""The ``heatmap`` view: capabilities colored by their assessed maturity level, grouped by area.

Pure: the levels come in as :class:`~.views.HeatInput` (from
``planner.maturity.assess``), so this module never runs an assessment. A
capability's level is the highest level of a criterion the operation meets with
that capability's evidence (``Assessment.capability_levels``), grey when it
evidences none; the legend says so. Each area is a table of its capabilities, red
(level 1) to green (top level); areas sit in a grid of two columns (three made a strip wider than 3:1). The grid is one
HTML-like table, so it looks the same whatever the layout engine would do.
Aggregated, each area shows one cell per level with the number of capabilities.
"""

from __future__ import annotations

from .dot import Html, cell, font, row, table, text
from .draw import WRAP, chart_subtitle, counts_line, finish, new_dot, title
from .legend import Legend
from .scene import Item, Scene
from .theme import MIN_FONT, Theme, level_color
from .views import HeatInput, RenderOptions, View, register

COLUMNS = 3


def default_model() -> str:
    """The maturity model the heat map uses unless told: :data:`planner.model.DEFAULT_MODEL`, the one
    default of every command (first in the built-in models' display order)."""
    from ..model import DEFAULT_MODEL  # noqa: PLC0415

    return DEFAULT_MODEL

"""Capabilities per row inside an area box."""
AREA_COLUMNS = 2
"""Area boxes per row of the diagram."""
AREA_ORDER = ("creation", "delivery", "measurement", "service", "sales", "management")


def _level_name(heat: HeatInput, level: int | None) -> str:
    if level is None:
        return "not assessed"
    name = heat.level_names.get(level, "")
    return f"Level {level}" + (f" \u00b7 {name}" if name else "")


def group_keys(graph, node, data, options: RenderOptions):
    """Aggregate capabilities by (area, level), then by area."""
    if data["kind"] != "capability":
        return None
    heat = options.heat or HeatInput({})
    area, level = data["element"].area, heat.levels.get(node)
    return [(f"heat:{area}:{level}", f"{area.capitalize()}: {_level_name(heat, level)}"),
            (f"area:{area}", f"{area.capitalize()} capabilities")]


def _levels(scene: Scene, heat: HeatInput) -> dict[str, int | None]:
    """Level of each item. An aggregate holds one level by construction; a collapsed
    group (a CoE) shows its weakest capability, the level it can be relied on at."""
    found: dict[str, int | None] = {i: heat.levels.get(i) for i in scene.items}
    for element_id, item_id in scene.rep.items():
        if item_id not in scene.items or item_id == element_id:
            continue
        level = heat.levels.get(element_id)
        if scene.items[item_id].aggregate:
            found[item_id] = level
        elif level is not None:
            current = found.get(item_id)
            found[item_id] = level if current is None else min(current, level)
    return found


def _area(scene: Scene, item: Item) -> str:
    """A capability's area; a group (a collapsed CoE, an aggregate) takes its first member's."""
    area = getattr(item.element, "area", None)
    if area:
        return area
    members = (scene.graph.nodes[e]["element"] for e, i in scene.rep.items() if i == item.id)
    return next((m.area for m in members if getattr(m, "area", None)), "other")


def _cell(item: Item, level: int | None, heat: HeatInput, theme: Theme) -> Html:
    fill, ink = level_color(level, heat.max_level)
    lines = [font(text(item.label, wrap=WRAP), bold=True, color=ink),
             font(text(_level_name(heat, level)), size=MIN_FONT, color=ink)]
    if item.members:
        lines.append(font(text(counts_line(item)), size=MIN_FONT, color=ink))
    border = theme.node("capability").get("color", theme.ink["ink"])
    return cell(Html("<BR/>".join(lines)), bgcolor=fill, color=border, border=1, width=150, height=44,
                style="rounded")


def _area_table(area: str, items: list[Item], levels, heat: HeatInput, theme: Theme, height: int) -> Html:
    """One area: a title row, then ``height`` rows of COLUMNS cells (blank-padded so boxes line up)."""
    assessed = [levels[i.id] for i in items if levels[i.id] is not None]
    mean = f" \u00b7 mean level {sum(assessed) / len(assessed):.1f}" if assessed else ""
    rows = [row(cell(font(text(area.capitalize() + mean), bold=True, size=11), colspan=COLUMNS, align="left"))]
    for start in range(0, height * COLUMNS, COLUMNS):
        chunk = [_cell(i, levels[i.id], heat, theme) for i in items[start:start + COLUMNS]]
        chunk += [cell(" ", width=150, height=44)] * (COLUMNS - len(chunk))
        rows.append(row(*chunk))
    return table(rows, cellspacing=4, cellpadding=4, bgcolor=theme.cluster.get("fillcolor"),
                 color=theme.cluster.get("color"), border=1, style="rounded")


def draw(scene: Scene, theme: Theme, options: RenderOptions) -> str:
    """One table of area tables: a real grid, laid out the same way whatever dot would do."""
    heat = options.heat or HeatInput({})
    dot = new_dot(theme, rankdir="LR")
    legend = Legend()
    levels = _levels(scene, heat)
    by_area: dict[str, list[Item]] = {}
    for item in scene.items.values():
        by_area.setdefault(_area(scene, item), []).append(item)
    ordered = sorted(by_area, key=lambda a: AREA_ORDER.index(a) if a in AREA_ORDER else 99)
    heights = [-(-len(by_area[a]) // COLUMNS) for a in ordered]
    tables = []
    for n, area in enumerate(ordered):
        start = n - n % AREA_COLUMNS
        height = max(heights[start:start + AREA_COLUMNS])
        items = sorted(by_area[area], key=lambda i: (-(levels[i.id] or 0), i.label.lower()))
        tables.append(_area_table(area, items, levels, heat, theme, height))
    grid = [row(*(cell(t, valign="top") for t in tables[n:n + AREA_COLUMNS]))
            for n in range(0, len(tables), AREA_COLUMNS)]
    if grid:
        dot.node(("heatmap",), table(grid, cellspacing=6), shape="plain", style="")
    for level in range(1, heat.max_level + 1):
        legend.swatch(level_color(level, heat.max_level)[0], _level_name(heat, level))
    legend.swatch(level_color(None)[0], "not assessed")
    legend.notes.append("Colour: the highest level a capability evidences (grey: none). "
                        "Overall: the highest level with no gap at or below it.")
    sub = chart_subtitle(scene.graph, "Maturity heat map",
                         [f"model {heat.model}"] if heat.model else [])
    notes = list(scene.notes)
    if heat.overall is not None:
        score = f" \u00b7 score {heat.score:.2f} of {heat.max_level}" if heat.score is not None else ""
        notes.insert(0, f"Overall: {_level_name(heat, heat.overall)}{score}")
    if not heat.levels:
        notes.append("No assessment given: every capability is shown as not assessed.")
    heading = title(options.title or scene.graph.name, sub)
    return finish(dot, theme, legend, heading, notes, below=options.legend_below is not False)


VIEW = register(View(
    name="heatmap",
    title="Maturity heat map",
    description="capabilities colored by assessed level (--model), grouped by area",
    kinds=frozenset({"capability"}),
    relations=frozenset(),
    core=frozenset({"capability"}),
    draw=draw,
    rankdir="TB",
    group_keys=group_keys,
    draw_aggregate=draw,
))
