"""The ``heatmap`` view: capabilities colored by their assessed maturity level, grouped by area.

Pure: the levels come in as :class:`~.views.HeatInput` (from
``planner.maturity.assess``), so this module never runs an assessment. Each
area is a box holding its capabilities in a grid, red (level 1) to green (top
level); grey means not assessed. Aggregated, each area shows one node per level
with the number of capabilities at that level.
"""

from __future__ import annotations

from .dot import font, text
from .draw import chart_subtitle, draw_item, finish, new_dot, title
from .legend import Legend
from .scene import Item, Scene
from .theme import Theme, level_color
from .views import HeatInput, RenderOptions, View, register

COLUMNS = 4
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
    """Level of each item; an aggregate takes its members' (one level per group by construction)."""
    found: dict[str, int | None] = {i: heat.levels.get(i) for i in scene.items}
    for element_id, item_id in scene.rep.items():
        if item_id in scene.items and scene.items[item_id].aggregate:
            found[item_id] = heat.levels.get(element_id)
    return found


def _area(scene: Scene, item: Item) -> str:
    if item.element is not None:
        return item.element.area
    member = next((e for e, i in scene.rep.items() if i == item.id), None)
    return scene.graph.nodes[member]["element"].area if member else "other"


def draw(scene: Scene, theme: Theme, options: RenderOptions) -> str:
    heat = options.heat or HeatInput({})
    dot = new_dot(theme, rankdir="TB", ranksep=0.25, nodesep=0.2)
    legend = Legend()
    levels = _levels(scene, heat)
    by_area: dict[str, list[Item]] = {}
    for item in scene.items.values():
        by_area.setdefault(_area(scene, item), []).append(item)
    for area in sorted(by_area, key=lambda a: AREA_ORDER.index(a) if a in AREA_ORDER else 99):
        items = sorted(by_area[area], key=lambda i: (-(levels[i.id] or 0), i.label.lower()))
        assessed = [levels[i.id] for i in items if levels[i.id] is not None and not i.aggregate]
        mean = f" \u00b7 mean level {sum(assessed) / len(assessed):.1f}" if assessed else ""
        with dot.cluster(font(text(area.capitalize() + mean), bold=True), **theme.cluster) as box:
            for item in items:
                fill, ink = level_color(levels[item.id], heat.max_level)
                draw_item(box, item, theme, extra_label=_level_name(heat, levels[item.id]),
                          fillcolor=fill, fontcolor=ink, width=2.3)
            for upper, lower in zip(items, items[COLUMNS:]):
                box.edge(upper.id, lower.id, style="invis")
    legend.kind("capability")
    for level in range(1, heat.max_level + 1):
        legend.swatch(level_color(level, heat.max_level)[0], _level_name(heat, level))
    legend.swatch(level_color(None)[0], "not assessed")
    sub = chart_subtitle(scene.graph, "Maturity heat map",
                         [f"model {heat.model}"] if heat.model else [])
    notes = list(scene.notes)
    if heat.overall is not None:
        notes.insert(0, f"Overall: {_level_name(heat, heat.overall)}")
    if not heat.levels:
        notes.append("No assessment given: every capability is shown as not assessed.")
    heading = title(options.title or scene.graph.graph.get("name", "Chart"), sub, notes)
    return finish(dot, theme, legend, heading)


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
