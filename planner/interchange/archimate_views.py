"""Diagrams for the exchange file: one view per capability area, laid out in bands.

Archi opens a model without diagrams as a bare tree; one view per area (the
capabilities of that area, their accountable and responsible parties, the
systems and data they use) makes the file open with pictures. The layout is
a plain grid in four bands (parties, capabilities, systems, data) that Archi's
users rearrange anyway; connections are the model's relationships between
elements on the view.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Chart
from .archimate import AModel, xml_id

W, H, GAP, PER_ROW = 160, 55, 20, 8
BANDS = ("party", "capability", "system", "data")
MAX_NODES = 400
"""Nodes per view at most: a view past that is unreadable, and the model tree holds everything anyway."""


@dataclass
class ANode:
    id: str
    element: str
    x: int
    y: int
    w: int = W
    h: int = H


@dataclass
class AView:
    id: str
    name: str
    nodes: list[ANode] = field(default_factory=list)
    connections: list[tuple[str, str, str, str]] = field(default_factory=list)
    """(connection id, relationship id, source node id, target node id)."""


def area_views(chart: Chart, model: AModel) -> list[AView]:
    """One view per capability area that has capabilities, in the order areas first appear."""
    areas: dict[str, list] = {}
    for cap in chart.capabilities:
        areas.setdefault(cap.area, []).append(cap)
    return [_view(area, caps, model, n) for n, (area, caps) in enumerate(areas.items(), start=1)]


def _view(area: str, caps: list, model: AModel, number: int) -> AView:
    bands: dict[str, list[str]] = {band: [] for band in BANDS}
    for cap in caps:
        bands["capability"].append(cap.id)
        bands["party"] += [p for p in [cap.accountable, *cap.responsible, *cap.contributors] if p]
        bands["system"] += cap.systems
        bands["data"] += cap.data
    view = AView(f"view-{number}", f"{area.capitalize()} capabilities")
    placed: dict[str, str] = {}
    y = GAP
    for band in BANDS:
        ids = [i for i in dict.fromkeys(bands[band]) if xml_id(i) not in placed]
        room = MAX_NODES - len(placed)
        for k, ident in enumerate(ids[:max(room, 0)]):
            node = ANode(f"{view.id}-n{len(placed) + 1}", xml_id(ident), GAP + (k % PER_ROW) * (W + GAP),
                         y + (k // PER_ROW) * (H + GAP))
            view.nodes.append(node)
            placed[node.element] = node.id
        rows = (min(len(ids), max(room, 0)) + PER_ROW - 1) // PER_ROW
        y += rows * (H + GAP) + (2 * GAP if rows else 0)
    for rel in model.relations:
        if rel.source in placed and rel.target in placed:
            view.connections.append((f"{view.id}-c{len(view.connections) + 1}", rel.id,
                                     placed[rel.source], placed[rel.target]))
    return view
