"""The look of every diagram: one shape and color per element kind, one line style per relation.

Every view draws a person, a system or an ``accountable`` edge with the same
attributes, taken from here, so a reader learns the legend once. Callers change
the look with :meth:`Theme.override` (or by building their own :class:`Theme`);
views never hard-code a color.

Colors are chosen to print well and to stay apart for common color-vision
deficiencies: kinds use soft fills with a darker border of the same hue; the
level scale runs red -> amber -> green with rising lightness steps; diff colors
pair a hue with a line style (added solid, removed dashed) so they survive grey
printing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from ..model import ELEMENT_CLASSES

FONT = "Helvetica"
MIN_FONT = 9
"""The smallest text of any diagram, in points. A slide is 1920 px wide: a diagram at most
1,570 pt wide then shows 9 pt text at least 11 px high (the slide rule, docs/render.md)."""

GRAPH_STYLE: Mapping[str, Any] = MappingProxyType({
    "fontname": FONT, "fontsize": 11, "bgcolor": "white", "pad": 0.3, "nodesep": 0.3, "ranksep": 0.55,
    "newrank": True, "labelloc": "t", "labeljust": "l", "outputorder": "edgesfirst", "compound": True,
})
"""Graph-wide defaults. ``newrank`` lets ``rank=same`` work across clusters (MEASURED.md)."""

NODE_DEFAULT: Mapping[str, Any] = MappingProxyType({
    "fontname": FONT, "fontsize": 10, "style": "filled", "penwidth": 1.2, "margin": "0.12,0.06",
})
EDGE_DEFAULT: Mapping[str, Any] = MappingProxyType({
    "fontname": FONT, "fontsize": MIN_FONT, "color": "#5f6b7a", "fontcolor": "#3d4653", "arrowsize": 0.7,
})
CLUSTER_STYLE: Mapping[str, Any] = MappingProxyType({
    "style": "rounded,filled", "fillcolor": "#f6f8fa", "color": "#c9d1d9", "fontname": FONT,
    "fontsize": 11, "fontcolor": "#24292f", "penwidth": 1, "margin": 10,
})
"""Teams, areas, workflows: light boxes that group without shouting."""

NODE_STYLE: Mapping[str, Mapping[str, Any]] = MappingProxyType({
    "team":       MappingProxyType({"shape": "tab", "fillcolor": "#e8eaf6", "color": "#3949ab"}),
    "person":     MappingProxyType({"shape": "box", "style": "rounded,filled", "fillcolor": "#e3f2fd", "color": "#1565c0"}),
    "org":        MappingProxyType({"shape": "house", "fillcolor": "#fff3e0", "color": "#e65100"}),
    "contract":   MappingProxyType({"shape": "note", "fillcolor": "#fffde7", "color": "#9e9d24"}),
    "system":     MappingProxyType({"shape": "component", "fillcolor": "#eceff1", "color": "#455a64"}),
    "data":       MappingProxyType({"shape": "cylinder", "fillcolor": "#e0f2f1", "color": "#00695c"}),
    "capability": MappingProxyType({"shape": "box", "style": "rounded,filled,bold", "fillcolor": "#f3e5f5", "color": "#6a1b9a"}),
    "workflow":   MappingProxyType({"shape": "cds", "fillcolor": "#fce4ec", "color": "#ad1457"}),
    "step":       MappingProxyType({"shape": "box", "fillcolor": "#fafafa", "color": "#757575"}),
    "coe":        MappingProxyType({"shape": "box3d", "fillcolor": "#fff8e1", "color": "#ff8f00"}),
    "chain":      MappingProxyType({"shape": "rarrow", "fillcolor": "#fff8e1", "color": "#ff8f00"}),
})
"""Attributes per node kind of :data:`planner.graph.NODE_KINDS`."""

KIND_LABELS: Mapping[str, str] = MappingProxyType({kind: cls.LABEL for kind, cls in ELEMENT_CLASSES.items()})
"""How the legend names each kind (the model classes' ``LABEL``)."""

KIND_PLURALS: Mapping[str, str] = MappingProxyType({kind: cls.PLURAL for kind, cls in ELEMENT_CLASSES.items()})
"""How a count names each kind (the model classes' ``PLURAL``)."""

EDGE_STYLE: Mapping[str, Mapping[str, Any]] = MappingProxyType({
    "reports_to":   MappingProxyType({"color": "#37474f", "penwidth": 1.3, "arrowhead": "none"}),
    "member_of":    MappingProxyType({"color": "#9fa8da", "style": "dotted", "arrowhead": "none"}),
    "part_of":      MappingProxyType({"color": "#9fa8da", "style": "dotted", "arrowhead": "none"}),
    "led_by":       MappingProxyType({"color": "#ff8f00", "penwidth": 1.6, "arrowhead": "dot"}),
    "has_member":   MappingProxyType({"color": "#ffb300", "style": "dashed", "arrowhead": "none"}),
    "accountable":  MappingProxyType({"color": "#6a1b9a", "penwidth": 2.2, "label_text": "A"}),
    "responsible":  MappingProxyType({"color": "#1565c0", "penwidth": 1.3, "label_text": "R"}),
    "consulted":    MappingProxyType({"color": "#78909c", "style": "dashed", "label_text": "C"}),
    "informed":     MappingProxyType({"color": "#b0bec5", "style": "dotted", "label_text": "I"}),
    "contributor":  MappingProxyType({"color": "#e65100", "penwidth": 1.3, "style": "dashed"}),
    "uses_system":  MappingProxyType({"color": "#455a64", "arrowhead": "vee"}),
    "uses_data":    MappingProxyType({"color": "#00695c", "arrowhead": "vee"}),
    "hosted_in":    MappingProxyType({"color": "#90a4ae", "style": "dotted"}),
    "feeds":        MappingProxyType({"color": "#00897b", "penwidth": 1.6}),
    "integrates":   MappingProxyType({"color": "#607d8b", "dir": "both", "arrowsize": 0.5}),
    "provided_by":  MappingProxyType({"color": "#e65100", "style": "dotted"}),
    "owned_by":     MappingProxyType({"color": "#90a4ae", "style": "dotted"}),
    "managed_by":   MappingProxyType({"color": "#90a4ae", "style": "dotted"}),
    "covers":       MappingProxyType({"color": "#9e9d24", "style": "dotted"}),
    "delivers":     MappingProxyType({"color": "#ff8f00", "penwidth": 1.3}),
    "realizes":     MappingProxyType({"color": "#ad1457", "style": "dashed"}),
    "performed_by": MappingProxyType({"color": "#757575"}),
    "hands_to":     MappingProxyType({"color": "#757575"}),
    "handoff":      MappingProxyType({"color": "#ad1457", "penwidth": 1.4}),
    "starts":       MappingProxyType({"color": "#ad1457", "penwidth": 1.4, "style": "dashed"}),
    "ends":         MappingProxyType({"color": "#ad1457", "penwidth": 1.4, "style": "dashed"}),
    "next":         MappingProxyType({"color": "#ff6f00", "penwidth": 2.6, "arrowsize": 1.0}),
    "links":        MappingProxyType({"color": "#ff8f00"}),
    "attested_by":  MappingProxyType({"color": "#90a4ae", "style": "dotted"}),
    "aggregate":    MappingProxyType({"color": "#78909c"}),
})
"""Attributes per relation of :data:`planner.graph.RELATIONS`, plus ``aggregate``.

``label_text`` is not a Graphviz attribute: it is a short tag the views put on the
edge (RACI letters) and the legend shows.
"""

RELATION_LABELS: Mapping[str, str] = MappingProxyType({
    "reports_to": "reports to", "member_of": "member of team", "part_of": "part of", "led_by": "leads",
    "has_member": "CoE member", "accountable": "accountable (A)", "responsible": "responsible (R)",
    "consulted": "consulted (C)", "informed": "informed (I)", "contributor": "contributes",
    "uses_system": "uses system", "uses_data": "uses data", "hosted_in": "hosted in", "feeds": "feeds",
    "integrates": "integrates with", "provided_by": "provided by", "owned_by": "owned by",
    "managed_by": "managed by", "covers": "covered by contract", "delivers": "delivers",
    "realizes": "realizes", "performed_by": "performs", "hands_to": "hands to",
    "handoff": "hands off (artifacts)", "starts": "workflow inputs enter", "ends": "deliverables leave",
    "next": "value chain", "links": "in chain",
    "attested_by": "attested by", "aggregate": "links (count)",
})

INK: Mapping[str, str] = MappingProxyType({
    "text": "#24292f", "muted": "#57606a", "detail": "#444c56", "label": "#3d4653", "faded": "#9e9e9e",
    "neutral": "#757575", "frame": "#bdbdbd", "rule": "#d0d7de", "blank": "#eeeeee", "paper": "white",
    "ink": "black", "alarm": "#c62828", "data_band": "#f0faf8", "coe_band": "#fffbf0",
    "phase": "#fafafa", "timeline": "#90a4ae", "prerequisite": "#546e7a", "staged": "#b0bec5",
    "solution": "#607d8b", "attest": "#f9a825", "attest_fill": "#fff8e1", "strong": "#111111",
})
"""Named colors of everything that is not a kind, a relation or a level: text (``text``, ``muted``
subtitles and notes, ``detail`` lines inside a node, ``faded`` unchanged things), frames and rules,
the bands of the data and CoE views, and the roadmap's timeline, phases and attest-or-act notes."""

DIFF_FILLS: Mapping[str, str] = MappingProxyType({
    "added": "#e8f5e9", "removed": "#ffebee", "changed": "#fff4dc", "unchanged": "#fafafa",
})
"""Fill of a diff element; its border and text take :data:`DIFF_COLORS`."""

SOURCING_COLORS: Mapping[str, str] = MappingProxyType({
    "build": "#c8e6c9", "buy": "#bbdefb", "rent": "#ffe0b2", "partner": "#e1bee7",
})
"""Fill of a system (and of a roadmap solution) by how it is obtained."""

DIFF_COLORS: Mapping[str, str] = MappingProxyType({
    "added": "#2e7d32", "removed": "#c62828", "changed": "#d98e04", "unchanged": "#9e9e9e",
})
"""Line and font color of diff elements; pair with :data:`DIFF_STYLES`. Changed is amber, as in
``planner diff``'s terminal output, and unlike the blue of people, so a change never reads as a kind."""

DIFF_STYLES: Mapping[str, str] = MappingProxyType({
    "added": "bold", "removed": "dashed", "changed": "solid", "unchanged": "solid",
})

LEVEL_COLORS: tuple[str, ...] = ("#d73027", "#fc8d59", "#fee08b", "#91cf60", "#1a9850")
"""Heat-map fills for levels 1..5 (ColorBrewer RdYlGn-5); fewer levels spread over it."""
LEVEL_FONT: tuple[str, ...] = ("white", "black", "black", "black", "white")
UNASSESSED_COLOR = "#e0e0e0"

CRITERION_COLORS: Mapping[str, tuple[str, str]] = MappingProxyType({
    "met": ("#1a9850", "white"),
    "superseded": ("#91cf60", "black"),
    "claimed": ("#fdae61", "black"),
    "gap": ("#d73027", "white"),
    "n/a": (UNASSESSED_COLOR, "black"),
    "limitation": ("#ffffff", "#555555"),
})
"""(fill, font color) of a criterion's status on the scorecard view: met, superseded by a stronger
criterion, claimed by tags but not evidenced, gap, not applicable, limitation (descriptive only)."""
CRITERION_WORDS: Mapping[str, str] = MappingProxyType({"met": "met", "superseded": "met by a stronger criterion",
                                "claimed": "claimed, not evidenced", "gap": "gap", "n/a": "not applicable",
                                "limitation": "limitation (describes the level, never required)"})

STATUS_COLORS: Mapping[str, str] = MappingProxyType({"met": "#1a9850", "missed": "#d73027", "unknown": "#9e9e9e"})
"""SLA rows: measured value meets the target, misses it, or is not measured."""

SILO_STYLE: Mapping[str, Any] = MappingProxyType({
    "style": "rounded,dashed,filled", "fillcolor": "#fff5f5", "color": "#c62828", "penwidth": 1.5,
    "fontcolor": "#c62828",
})
"""A cluster of data sources not integrated with the rest (information silos)."""

AGGREGATE_STYLE: Mapping[str, Any] = MappingProxyType({"peripheries": 2})
"""Added to a node that stands for many elements."""

CATEGORICAL: tuple[str, ...] = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf",
                                "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22")
"""Distinct line colors for series (workflows, value chains), cycled in order."""


def level_color(level: int | None, levels: int = 5) -> tuple[str, str]:
    """(fill, font color) of a level from 1 to ``levels``; grey when unassessed."""
    if level is None or level < 1:
        return UNASSESSED_COLOR, "black"
    span = max(levels - 1, 1)
    index = round((min(level, levels) - 1) * (len(LEVEL_COLORS) - 1) / span)
    return LEVEL_COLORS[index], LEVEL_FONT[index]


def _merge(base: Mapping[str, Mapping[str, Any]], extra: Mapping[str, Mapping[str, Any]] | None):
    merged = {key: dict(value) for key, value in base.items()}
    for key, value in (extra or {}).items():
        merged.setdefault(key, {}).update(value)
    return merged


@dataclass(frozen=True)
class Theme:
    """All attributes a view uses; :data:`DEFAULT_THEME` holds the constants above."""

    graph: Mapping[str, Any] = field(default_factory=lambda: dict(GRAPH_STYLE))
    node_default: Mapping[str, Any] = field(default_factory=lambda: dict(NODE_DEFAULT))
    edge_default: Mapping[str, Any] = field(default_factory=lambda: dict(EDGE_DEFAULT))
    cluster: Mapping[str, Any] = field(default_factory=lambda: dict(CLUSTER_STYLE))
    nodes: Mapping[str, Mapping[str, Any]] = field(default_factory=lambda: _merge(NODE_STYLE, None))
    edges: Mapping[str, Mapping[str, Any]] = field(default_factory=lambda: _merge(EDGE_STYLE, None))
    sourcing: Mapping[str, str] = field(default_factory=lambda: dict(SOURCING_COLORS))
    diff: Mapping[str, str] = field(default_factory=lambda: dict(DIFF_COLORS))
    ink: Mapping[str, str] = field(default_factory=lambda: dict(INK))
    diff_fill: Mapping[str, str] = field(default_factory=lambda: dict(DIFF_FILLS))

    def override(self, *, graph=None, node_default=None, edge_default=None, cluster=None,
                 nodes=None, edges=None, sourcing=None, diff=None, ink=None, diff_fill=None) -> Theme:
        """A copy with some attributes replaced, e.g. ``override(nodes={"person": {"fillcolor": "white"}})``."""
        return Theme(
            graph={**self.graph, **(graph or {})},
            node_default={**self.node_default, **(node_default or {})},
            edge_default={**self.edge_default, **(edge_default or {})},
            cluster={**self.cluster, **(cluster or {})},
            nodes=_merge(self.nodes, nodes), edges=_merge(self.edges, edges),
            sourcing={**self.sourcing, **(sourcing or {})}, diff={**self.diff, **(diff or {})},
            ink={**self.ink, **(ink or {})}, diff_fill={**self.diff_fill, **(diff_fill or {})},
        )

    def node(self, kind: str, **extra: Any) -> dict[str, Any]:
        """Attributes of a node of ``kind`` (unknown kinds get the defaults), then ``extra``."""
        return {**self.nodes.get(kind, {}), **extra}

    def edge(self, relation: str, **extra: Any) -> dict[str, Any]:
        """Attributes of an edge of ``relation``, without the ``label_text`` tag, then ``extra``."""
        attrs = dict(self.edges.get(relation, {}))
        attrs.pop("label_text", None)
        if extra:
            attrs.update(extra)
        return attrs

    def edge_tag(self, relation: str) -> str | None:
        """The short tag (RACI letter) a view may print on an edge of ``relation``."""
        return self.edges.get(relation, {}).get("label_text")

    def system_fill(self, sourcing: str | None) -> str | None:
        return self.sourcing.get(sourcing or "", None)


DEFAULT_THEME = Theme()
