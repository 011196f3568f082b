"""The ``data`` view: data sources, how they feed each other, and the silos.

Sources that exchange data are boxed together, one box per integrated group
(the one around the marketing enterprise database first); sources that feed
nothing and are fed by nothing stand apart in a red dashed box: the information
silos of "Information maturities", and the case for one marketing database. Each source
shows its kind, the system holding it and its size.
"""

from __future__ import annotations

from .dot import font, text
from .draw import chart_subtitle, draw_item, draw_link, finish, new_dot, title
from .legend import Legend
from .scene import Item, Scene
from .theme import SILO_STYLE, Theme
from .views import RenderOptions, View, register

HUB_KIND = "enterprise_marketing_db"


def _groups(scene: Scene) -> list[list[Item]]:
    """Connected groups of data items along ``feeds`` links, biggest (or hub's) first."""
    parent = {item_id: item_id for item_id in scene.items}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for link in scene.links:
        parent[root(link.tail)] = root(link.head)
    groups: dict[str, list[Item]] = {}
    for item in scene.items.values():
        groups.setdefault(root(item.id), []).append(item)
    return sorted(groups.values(), key=lambda g: (not any(_is_hub(i) for i in g), -len(g)))


def _is_hub(item: Item) -> bool:
    return item.element is not None and item.element.kind == HUB_KIND


def _extra(scene: Scene, item: Item) -> str:
    element = item.element
    if element is None:
        return ""
    bits = []
    if element.system and element.system in scene.graph:
        bits.append(f"in {scene.graph.nodes[element.system]['label']}")
    if element.records:
        bits.append(f"{element.records:,} records")
    return " \u00b7 ".join(bits)


def draw(scene: Scene, theme: Theme, options: RenderOptions) -> str:
    dot = new_dot(theme, rankdir="LR", ranksep=0.9, nodesep=0.25)
    legend = Legend().kind("data")
    groups = _groups(scene)
    integrated = [g for g in groups if len(g) > 1]
    silos = [g[0] for g in groups if len(g) == 1]
    for n, group in enumerate(integrated, 1):
        hub = next((i for i in group if _is_hub(i)), None)
        name = (f"Integrated around {hub.label}" if hub else f"Integrated group {n}") + f" ({len(group)} sources)"
        with dot.cluster(font(text(name), bold=True), **{**theme.cluster, "fillcolor": theme.ink["data_band"]}) as box:
            for item in group:
                draw_item(box, item, theme, extra_label=_extra(scene, item),
                          **({"penwidth": 2.8} if _is_hub(item) else {}))
    if silos:
        label = f"Information silos: {len(silos)} source{'s' if len(silos) > 1 else ''} not integrated"
        with dot.cluster(font(text(label), bold=True), **{**theme.cluster, **SILO_STYLE}) as box:
            for item in silos:
                draw_item(box, item, theme, extra_label=_extra(scene, item))
        legend.swatch(SILO_STYLE["fillcolor"], "information silo: feeds nothing, fed by nothing")
    if any(_is_hub(i) for g in integrated for i in g):
        legend.notes.append("Thick border: the marketing enterprise database that integrates the other sources.")
    for link in scene.links:
        draw_link(dot, link, theme)
        legend.relation(link.relation)
    heading = title(options.title or scene.graph.name,
                    chart_subtitle(scene.graph, "Data sources and their integration"))
    return finish(dot, theme, legend, heading, scene.notes, below=bool(options.legend_below))


VIEW = register(View(
    name="data",
    title="Data sources",
    description="data sources and their integration, information silos apart",
    kinds=frozenset({"data"}),
    relations=frozenset({"feeds"}),
    core=frozenset({"data"}),
    draw=draw,
    rankdir="LR",
))
