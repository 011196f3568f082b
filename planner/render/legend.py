"""The legend every diagram carries: the kinds, relations and color scales it uses.

A legend is a cluster holding one sample node per element kind (drawn with the
theme's own attributes, so the shapes are the real ones) and one table node with
the line styles and the color swatches. Views list only what they drew.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from .dot import Block, Html, cell, font, row, table, text
from .theme import KIND_LABELS, RELATION_LABELS, Theme

_LINE = {"dashed": "- - - -", "dotted": "\u00b7 \u00b7 \u00b7 \u00b7 \u00b7"}


@dataclass
class Legend:
    """What to explain. Add entries in the order they should appear."""

    kinds: list[str] = field(default_factory=list)
    relations: list[str] = field(default_factory=list)
    swatches: list[tuple[str, str]] = field(default_factory=list)
    """(fill color, meaning): sourcing, levels, diff status, silos..."""
    lines: list[tuple[str, str, str]] = field(default_factory=list)
    """(color, style, meaning) for ad-hoc line series, e.g. one color per workflow."""
    notes: list[str] = field(default_factory=list)
    """Plain sentences at the bottom (aggregation, filters)."""

    def kind(self, *kinds: str) -> "Legend":
        if len(kinds) == 1:  # called once per node drawn: mostly a kind already listed
            if kinds[0] not in self.kinds:
                self.kinds.append(kinds[0])
            return self
        self.kinds += [k for k in kinds if k not in self.kinds]
        return self

    def relation(self, *relations: str) -> "Legend":
        if len(relations) == 1:
            if relations[0] not in self.relations:
                self.relations.append(relations[0])
            return self
        self.relations += [r for r in relations if r not in self.relations]
        return self

    def swatch(self, color: str, meaning: str) -> "Legend":
        if (color, meaning) not in self.swatches:
            self.swatches.append((color, meaning))
        return self


def _line_sample(color: str, style: str | None, bold: bool) -> Html:
    glyphs = _LINE.get(style or "", "\u2014\u2014\u2014")
    return font(glyphs + " \u25b6", color=color, bold=bold)


def legend_table(legend: Legend, theme: Theme) -> Html:
    """The table part of a legend: line styles, swatches and notes."""
    rows: list[Html] = []
    for relation in legend.relations:
        attrs = theme.edge(relation)
        bold = float(attrs.get("penwidth", 1)) >= 1.6
        tag_text = theme.edge_tag(relation)
        meaning = RELATION_LABELS.get(relation, relation.replace("_", " "))
        rows.append(row(cell(_line_sample(attrs.get("color", "black"), attrs.get("style"), bold), align="left"),
                        cell(text(meaning if not tag_text or tag_text in meaning else f"{meaning} ({tag_text})"),
                             align="left")))
    for color, style, meaning in legend.lines:
        rows.append(row(cell(_line_sample(color, style, True), align="left"), cell(text(meaning), align="left")))
    for color, meaning in legend.swatches:
        rows.append(row(cell(" ", bgcolor=color, border=1, color="#9e9e9e", width=28, fixedsize="false"),
                        cell(text(meaning), align="left")))
    for note in legend.notes:
        rows.append(row(cell(font(text(note, wrap=48), size=8, italic=True), colspan=2, align="left")))
    if not rows:
        rows.append(row(cell(" ")))
    return table(rows, cellpadding=2, cellspacing=1)


def add_legend(block: Block, legend: Legend, theme: Theme, key: str = "legend", horizontal: bool = False) -> None:
    """Draw ``legend`` as a cluster in ``block``: kind samples, then the table node.

    ``horizontal`` chains the samples with invisible edges: pass it for ``rankdir=LR``.
    """
    with block.cluster(font("Legend", bold=True), **{**theme.cluster, "fillcolor": "white",
                                                      "style": "rounded", "color": "#bdbdbd"}) as box:
        samples = [(key, "kind", kind) for kind in legend.kinds]
        for sample, kind in zip(samples, legend.kinds):
            box.node(sample, KIND_LABELS.get(kind, kind), **theme.node(kind))
        if legend.relations or legend.swatches or legend.lines or legend.notes:
            samples.append((key, "table"))
            box.node(samples[-1], legend_table(legend, theme), shape="plain", style="", fontsize=9)
        if horizontal:  # left-to-right layouts would stack the samples in a tall column
            for left, right in zip(samples, samples[1:]):
                box.edge(left, right, style="invis")


def legend_from(kinds: Iterable[str], relations: Iterable[str]) -> Legend:
    """A legend listing these kinds and relations, in the theme's order of first use."""
    return Legend(kinds=list(dict.fromkeys(kinds)), relations=list(dict.fromkeys(relations)))
