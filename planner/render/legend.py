"""The legend every diagram carries: the kinds, relations and color scales it uses.

A legend is one compact table beside the title: a swatch in each element kind's own fill and
border colors, the line styles, the color swatches, then the notes (filters,
aggregation, wrapping) as footnotes. It shares the title's band at the top, so it costs a few lines of
height and never a third of the picture. Views list only what they drew.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .dot import Block, Html, cell, font, row, table, tag, text, wrapped_lines
from .theme import INK, KIND_LABELS, RELATION_LABELS, Theme

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

    def kind(self, *kinds: str) -> Legend:
        if len(kinds) == 1:  # called once per node drawn: mostly a kind already listed
            if kinds[0] not in self.kinds:
                self.kinds.append(kinds[0])
            return self
        self.kinds += [k for k in kinds if k not in self.kinds]
        return self

    def relation(self, *relations: str) -> Legend:
        if len(relations) == 1:
            if relations[0] not in self.relations:
                self.relations.append(relations[0])
            return self
        self.relations += [r for r in relations if r not in self.relations]
        return self

    def swatch(self, color: str, meaning: str) -> Legend:
        if (color, meaning) not in self.swatches:
            self.swatches.append((color, meaning))
        return self


def _line_sample(color: str, style: str | None, bold: bool) -> Html:
    glyphs = _LINE.get(style or "", "\u2014\u2014\u2014")
    return font(glyphs + " \u25b6", color=color, bold=bold, size=LEGEND_FONT)


LEGEND_FONT = 9
"""Points of the legend's text: the smallest size a diagram uses (see :data:`.theme.MIN_FONT`)."""
PER_ROW = 4
"""Entries side by side in a footer legend (top-to-bottom layouts)."""


def _kind_sample(kind: str, theme: Theme) -> Html:
    """A small box in the kind's own fill and border colors, standing for its shape."""
    attrs = theme.node(kind)
    return cell(" ", bgcolor=str(attrs.get("fillcolor", INK["paper"])), color=str(attrs.get("color", INK["faded"])),
                border=1, width=20, height=10)


def _say(words: str, wrap: int = 0) -> Html:
    return font(text(words, wrap=wrap), size=LEGEND_FONT)


def _entries(legend: Legend, theme: Theme) -> list[tuple[Html, Html]]:
    """(sample cell, meaning cell) of every entry, kinds first."""
    entries = [(_kind_sample(kind, theme), cell(_say(KIND_LABELS.get(kind, kind)), align="left"))
               for kind in legend.kinds]
    for relation in legend.relations:
        attrs = theme.edge(relation)
        bold = float(attrs.get("penwidth", 1)) >= 1.6
        tag_text = theme.edge_tag(relation)
        meaning = RELATION_LABELS.get(relation, relation.replace("_", " "))
        entries.append((cell(_line_sample(attrs.get("color", INK["ink"]), attrs.get("style"), bold), align="left"),
                        cell(_say(meaning if not tag_text or tag_text in meaning else f"{meaning} ({tag_text})"),
                             align="left")))
    for color, style, meaning in legend.lines:
        entries.append((cell(_line_sample(color, style, True), align="left"), cell(_say(meaning, wrap=40), align="left")))
    for color, meaning in legend.swatches:
        entries.append((cell(" ", bgcolor=color, border=1, color=INK["faded"], width=20, height=10),
                        cell(_say(meaning), align="left")))
    return entries


def compact_table(legend: Legend, theme: Theme, per_row: int = 1) -> Html:
    """The whole legend as one table: ``per_row`` entries a row, then the notes as footnotes."""
    entries = _entries(legend, theme)
    per_row = max(1, min(per_row, len(entries) or 1))
    grid: list[Html] = []
    for start in range(0, len(entries), per_row):
        grid.append(row(*[c for pair in entries[start:start + per_row] for c in pair]))
    rows: list[Html] = [row(cell(font("Legend", bold=True, size=LEGEND_FONT + 1), align="left", colspan=2))]
    if grid:  # a table of its own: the notes' width must not stretch the swatches
        rows.append(row(cell(table(grid, cellpadding=2, cellspacing=1), align="left"), cell(" ")))
    width = 48 if per_row == 1 else 72
    for note in legend.notes:
        rows.append(row(cell(font(text(_note_lines(note, width)), size=LEGEND_FONT, italic=True, color=INK["muted"]),
                             align="left", balign="left", colspan=2)))
    return table(rows, cellpadding=2, cellspacing=1)


def _note_lines(note: str, width: int) -> str:
    """A note wrapped at ``width``, its last word not left alone on a line: the line before takes it
    when it is short (a footnote ending on a lone "ones." reads as a layout slip on a slide)."""
    lines = wrapped_lines(note, width)
    if len(lines) > 1 and " " not in lines[-1] and len(lines[-1]) <= 12:
        lines = wrapped_lines(note, width + len(lines[-1]) + 1)
    return "\n".join(lines)


def add_legend(block: Block, legend: Legend, theme: Theme, key: str = "legend", horizontal: bool = False) -> str:
    """Draw ``legend`` as one compact table node on the last rank; returns its node id.

    Views go through :func:`beside_title` instead (via :func:`.draw.finish`); this
    stays for callers that draw a legend inside their own cluster.
    """
    label = compact_table(legend, theme, per_row=1 if horizontal else PER_ROW)
    node = block.node((key, "table"), label, shape="box", style="rounded", color=INK["frame"],
                      fontsize=LEGEND_FONT, margin="0.08,0.05")
    block.lines.append(f"{block._indent}{{rank=sink; {node}}}")
    return node


def beside_title(heading: Html, legend: Legend, theme: Theme, per_row: int = PER_ROW, below: bool = False) -> Html:
    """The graph label: the title block, and the legend in a thin box to its right.

    The title already takes a band across the top of the picture; a legend of a
    few short rows beside it costs almost no height, where a legend of sample
    nodes took a third of a focused diagram. ``below``: under the title instead,
    for wide, short pictures (tables) that a legend beside the title would widen.
    """
    box = tag("TABLE", Html(row(cell(compact_table(legend, theme, per_row)))), border=1, cellborder=0,
              cellspacing=0, cellpadding=3, style="rounded", color=INK["frame"])
    if below:
        return table([row(cell(heading, align="left", balign="left", colspan=2)),
                      row(cell(box, align="left"), cell(" "))], cellpadding=0)  # the filler keeps the box narrow
    return table([row(cell(heading, align="left", valign="top", balign="left"),
                      cell(" ", width=24), cell(box, valign="top"))], cellpadding=0)


def legend_from(kinds: Iterable[str], relations: Iterable[str]) -> Legend:
    """A legend listing these kinds and relations, in the theme's order of first use."""
    return Legend(kinds=list(dict.fromkeys(kinds)), relations=list(dict.fromkeys(relations)))
