"""Drawing helpers every view shares: the title, node labels and styles, counted edges.

Keeping these in one place is what makes a person look the same in the org
chart, the capability chart and the flows, and an aggregate look like an
aggregate everywhere. The roadmap and diff views use them too.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable
from typing import Any

from .dot import Block, Dot, Html, font, text
from .legend import Legend, beside_title
from .scene import Item, Link
from .theme import AGGREGATE_STYLE, INK, KIND_PLURALS, MIN_FONT, Theme

WRAP = 26
"""Characters per line in node names before they wrap."""


def new_dot(theme: Theme, **graph: Any) -> Dot:
    """A digraph with the theme's defaults, plus view-specific graph attributes."""
    dot = Dot(graph={**theme.graph, **graph}, node=theme.node_default, edge=theme.edge_default)
    dot.rankdir = str(graph.get("rankdir", theme.graph.get("rankdir", "TB")))
    return dot


def title(heading: str, subtitle: str = "", notes: Iterable[str] = ()) -> Html:
    """The diagram's title block: heading, a grey subtitle, then notes in italics."""
    parts = [font(text(heading, wrap=90), size=16, bold=True)]
    if subtitle:
        parts.append(font(text(subtitle, wrap=110), size=10, color=INK["muted"]))
    for note in notes:  # views pass their notes to finish() instead: a footnote under the legend
        parts.append(font(text(note, wrap=110), size=MIN_FONT, color=INK["muted"], italic=True))
    return Html("<BR/>".join(parts) + "<BR/> ")


def chart_subtitle(graph, view_title: str, extra: Iterable[str] = ()) -> str:
    """``View title · as of DATE · current state`` from the chart kept on the graph."""
    chart = graph.chart
    bits = [view_title]
    if chart is not None:
        if chart.chart.as_of:
            bits.append(f"as of {chart.chart.as_of.isoformat()}")
        bits.append(f"{chart.chart.state} state")
    return " \u00b7 ".join([*bits, *extra])


def detail(item: Item) -> str:
    """The second line of a node: what kind of thing it is, in the chart's words."""
    element = item.element
    if item.aggregate or element is None:
        return ""
    kind = item.kind
    if kind == "person":
        return element.title
    if kind == "org":
        return element.kind.upper() if element.kind == "bpo" else element.kind
    if kind == "system":
        product = f"{element.product}, " if element.product else ""
        return f"{product}{element.sourcing}"
    if kind == "data":
        return element.kind.replace("_", " ")
    if kind == "coe":
        return f"{element.scope} CoE"
    if kind == "team":
        return element.function
    return ""


def counts_line(item: Item) -> str:
    """``38 people, 2 teams`` for a node standing for several elements."""
    return ", ".join(f"{n:,} {KIND_PLURALS.get(k, k) if n != 1 else k}" for k, n in item.members.most_common())


_DETAIL_FONT = font(Html(""), size=MIN_FONT, color=INK["detail"])[:-len("</FONT>")]
"""``<FONT ...>`` of the lines under a node's name (what ``font(..., size=MIN_FONT, color=...)`` opens with)."""


def label(item: Item, extra: str = "") -> Html:
    """Bold name, then kind details, then counts for merged nodes, then ``extra``."""
    lines = [f"<B>{text(item.label, wrap=WRAP)}</B>"]  # font(..., bold=True), built once per node
    for line in (detail(item), counts_line(item) if item.members else "", extra):
        if line:
            lines.append(f"{_DETAIL_FONT}{text(line, wrap=WRAP + 8)}</FONT>")
    return Html("<BR/>".join(lines))


def item_attrs(item: Item, theme: Theme, **extra: Any) -> dict[str, Any]:
    """Theme attributes of the item's kind; systems filled by sourcing; aggregates doubled."""
    attrs = theme.node(item.kind)
    if item.kind == "system" and item.element is not None:
        fill = theme.system_fill(item.element.sourcing)
        if fill:
            attrs["fillcolor"] = fill
    if item.aggregate or (item.members and item.size > 1):
        attrs.update(AGGREGATE_STYLE)
    if extra:
        attrs.update(extra)
    return attrs


def draw_item(block: Block, item: Item, theme: Theme, extra_label: str = "", **attrs: Any) -> str:
    """Declare ``item`` as a node keyed by its id."""
    return block.add_node(item.id, label(item, extra_label), item_attrs(item, theme, **attrs))


def link_attrs(link: Link, theme: Theme, **extra: Any) -> dict[str, Any]:
    """Theme attributes of the relation; merged edges get thicker and show their count."""
    attrs = theme.edge(link.relation)
    if link.count > 1:
        base = float(attrs.get("penwidth", 1.0))
        attrs["penwidth"] = round(min(base + math.log2(link.count) * 0.6, 7.0), 2)
    if extra:
        attrs.update(extra)
    return attrs


def draw_link(block: Block, link: Link, theme: Theme, *, reverse: bool = False,
              label_text: str | None = None, **attrs: Any) -> None:
    """Draw ``link``; ``reverse`` draws head -> tail (resources to the left of what they serve)."""
    tag = label_text if label_text is not None else theme.edge_tag(link.relation)
    if link.count > 1:
        tag = f"{tag} \u00d7{link.count:,}" if tag else f"\u00d7{link.count:,}"
    tail, head = (link.head, link.tail) if reverse else (link.tail, link.head)
    block.add_edge(tail, head, text(tag) if tag else None, link_attrs(link, theme, **attrs))


def finish(dot: Dot, theme: Theme, legend: Legend, heading: Html, notes: Iterable[str] = (),
           below: bool = False) -> str:
    """Add the title and the legend (``notes``, such as filters and wrapping, as its footnotes).

    ``below`` puts the legend under the title rather than beside it (wide, short views).
    """
    legend.notes[:0] = [n for n in notes if n not in legend.notes]
    dot.attrs("graph", label=beside_title(heading, legend, theme, below=below))
    return dot.source()


def keyed(*parts: Hashable) -> tuple:
    """A key for a node that is not a chart element (legend samples, workflow ends)."""
    return ("_",) + parts
