"""The ``capabilities`` view: "Customer Engagement: III-IV"'s capability-resource chart.

Left to right: the people and teams who answer for each capability (RACI) and
the vendors, agencies and BPO providers contributing to it; the capabilities in
the middle, boxed by area; the systems and data sources they use on the right.
Edges carry the RACI letter; systems are filled by sourcing (build, buy, rent).
Consulted and informed (C, I) links appear only in a focused view (``--focus``):
on a whole chart they double the lines and hide the accountabilities.
"""

from __future__ import annotations

from .dot import font, text
from .draw import chart_subtitle, draw_item, draw_link, finish, new_dot, title
from .legend import Legend
from .scene import Scene
from .theme import Theme
from .views import RenderOptions, View, register

RESOURCE_RELATIONS = ("accountable", "responsible", "consulted", "informed", "contributor")
USE_RELATIONS = ("uses_system", "uses_data")
AREA_ORDER = ("creation", "delivery", "measurement", "service", "sales", "management")


def area_of(item) -> str | None:
    return getattr(item.element, "area", None) if item.kind == "capability" else None


def draw(scene: Scene, theme: Theme, options: RenderOptions) -> str:
    dot = new_dot(theme, rankdir="LR", ranksep=1.1, nodesep=0.18)
    legend = Legend()
    by_area: dict[str | None, list] = {}
    for item in scene.items.values():
        if item.kind == "capability":
            by_area.setdefault(area_of(item), []).append(item)
        else:
            draw_item(dot, item, theme)
            legend.kind(item.kind)
            if item.kind == "system" and item.element is not None:
                legend.swatch(theme.sourcing[item.element.sourcing], f"system: {item.element.sourcing}")
    for area in sorted(by_area, key=lambda a: AREA_ORDER.index(a) if a in AREA_ORDER else 99):
        caps = by_area[area]
        if area is None:
            for cap in caps:
                draw_item(dot, cap, theme)
            continue
        with dot.cluster(font(text(area.capitalize()), bold=True), **theme.cluster) as box:
            for cap in caps:
                draw_item(box, cap, theme)
        legend.kind("capability")
    for link in sorted(scene.links, key=lambda link: RELATION_RANK.get(link.relation, 9)):
        reverse = link.relation in RESOURCE_RELATIONS
        draw_link(dot, link, theme, reverse=reverse)
        legend.relation(link.relation)
    legend.notes.append("Capabilities are boxed by area; people, teams and partners on the left, "
                        "systems and data they use on the right.")
    heading = title(options.title or scene.graph.name,
                    chart_subtitle(scene.graph, "Capability-resource chart"))
    return finish(dot, theme, legend, heading, scene.notes, below=bool(options.legend_below))


RELATION_RANK = {r: i for i, r in enumerate(RESOURCE_RELATIONS + USE_RELATIONS)}

PER_SLIDE = 4
"""Capabilities on one slide of ``--split``: with their people, partners, systems and data, more make
a picture taller than wide. A larger area is cut into balanced slides (``delivery-1``, ``delivery-2``)."""


def _chunks(graph) -> dict[str, tuple[str, list[str]]]:
    """Part id -> (label, capability ids), areas in :data:`AREA_ORDER`, each cut into balanced slides."""
    chart = graph.chart
    by_area: dict[str, list[str]] = {}
    for cap in (chart.capabilities if chart is not None else ()):
        by_area.setdefault(cap.area, []).append(cap.id)
    found = {}
    for area in sorted(by_area, key=lambda a: AREA_ORDER.index(a) if a in AREA_ORDER else 99):
        caps = by_area[area]
        count = -(-len(caps) // PER_SLIDE)
        for n in range(count):
            share = caps[n * len(caps) // count:(n + 1) * len(caps) // count]
            key, label = ((area, area.capitalize()) if count == 1
                          else (f"{area}-{n + 1}", f"{area.capitalize()} ({n + 1} of {count})"))
            found[key] = (label, share)
    return found


def parts(graph) -> list[tuple[str, str]]:
    """One slide per area (``--split``), in :data:`AREA_ORDER`; a large area over several."""
    return [(key, label) for key, (label, _) in _chunks(graph).items()]


def cut(graph, nodes: dict, edges: list, part: str) -> tuple[dict, list, str]:
    """The capabilities of one part with everyone and everything they use or answer to."""
    label, share = _chunks(graph)[part]
    caps = set(share) & set(nodes)
    kept = [e for e in edges if e[0] in caps or e[1] in caps]
    ends = caps | {e[0] for e in kept} | {e[1] for e in kept}
    return {n: d for n, d in nodes.items() if n in ends}, kept, f"Area {label} only."


VIEW = register(View(
    name="capabilities",
    title="Capability-resource chart",
    description="each capability with its RACI people, contributing organizations, systems and data",
    kinds=frozenset({"capability", "person", "team", "org", "system", "data"}),
    relations=frozenset(RESOURCE_RELATIONS + USE_RELATIONS),
    core=frozenset({"capability"}),
    draw=draw,
    rankdir="LR",
    reverse=frozenset(RESOURCE_RELATIONS),
    focus_only=frozenset({"consulted", "informed"}),
    parts=parts,
    cut=cut,
))
