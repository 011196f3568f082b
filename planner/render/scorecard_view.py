"""The ``scorecard`` view: the model's dimensions against its levels, every criterion in its cell.

This is the grid a consultant draws on a whiteboard: one row per dimension, one
column per level, and in each cell the criteria of that level and dimension,
coloured by status (met, met by a stronger criterion, claimed but not evidenced,
gap, not applicable, limitation). The overall level and each dimension's level
come from the same assessment, so the grid and the verdict cannot disagree: a
level is reached when its column and every column to its left hold no red or
orange cell. Pure: the statuses come in as :class:`~.views.HeatInput`.
"""

from __future__ import annotations

from .dot import Html, cell, font, row, table, text
from .draw import chart_subtitle, finish, new_dot, title
from .legend import Legend
from .scene import Scene
from .theme import CRITERION_COLORS, CRITERION_WORDS, Theme, level_color
from .views import HeatInput, RenderOptions, View, register

CELL_WIDTH = 170
SHORT = 34
"""Criterion ids are shortened to this many characters in a cell (the full id is in the tooltip)."""


def _criterion(cid: str, status: str) -> Html:
    """One row of a cell's inner table: the criterion's short id on its status colour."""
    fill, ink = CRITERION_COLORS[status]
    short = cid.split(".", 2)[-1]
    short = short if len(short) <= SHORT else short[: SHORT - 1] + "\u2026"
    label = font(text(short), size=9, color=ink, italic=status == "limitation")
    return row(cell(label, bgcolor=fill, align="left", tooltip=f"{cid}: {CRITERION_WORDS[status]}"))


def _header(heat: HeatInput) -> Html:
    cells = [cell(font(text("Dimension"), bold=True, size=10), align="left")]
    for level in range(1, heat.max_level + 1):
        fill, ink = level_color(level, heat.max_level)
        name = heat.level_names.get(level, "")
        mark = " \u25c0 reached" if heat.overall == level else ""
        cells.append(cell(font(text(f"{level} {name}{mark}", wrap=22), bold=True, size=10, color=ink),
                          bgcolor=fill, width=CELL_WIDTH))
    return row(*cells)


def _dimension_row(heat: HeatInput, dim: str, name: str) -> Html:
    level = heat.dimension_levels.get(dim)
    label = font(text(f"{name}" + (f" (level {level})" if level else ""), wrap=22), bold=True, size=10)
    cells = [cell(label, align="left", valign="top")]
    for n in range(1, heat.max_level + 1):
        found = [(cid, status) for cid, lv, d, status in heat.criteria if lv == n and d == dim]
        inner = table([_criterion(cid, status) for cid, status in found], border=0, cellspacing=2,
                      cellpadding=2) if found else " "
        cells.append(cell(inner, valign="top", width=CELL_WIDTH))
    return row(*cells)


def draw(scene: Scene, theme: Theme, options: RenderOptions) -> str:
    """One table: dimensions down, levels across, criteria coloured by status."""
    heat = options.heat or HeatInput({})
    dot = new_dot(theme, rankdir="LR")
    legend = Legend()
    if heat.criteria:
        rows = [_header(heat)] + [_dimension_row(heat, d, name) for d, name in heat.dimensions.items()]
        dot.node(("scorecard",), table(rows, cellspacing=2, cellpadding=4, border=1,
                                        color=theme.cluster.get("color")), shape="plain", style="")
    used = {status for *_, status in heat.criteria}
    for status, (fill, _) in CRITERION_COLORS.items():
        if status in used:
            legend.swatch(fill, CRITERION_WORDS[status])
    legend.notes.append("A level is reached when no gap (red or orange) sits in its column or a column to its left; "
                        "limitations and criteria that do not apply never hold a level back.")
    sub = chart_subtitle(scene.graph, "Maturity scorecard", [f"model {heat.model}"] if heat.model else [])
    notes = [] if heat.criteria else ["No assessment given."]
    if heat.overall is not None:
        score = f", score {heat.score:.2f} of {heat.max_level}" if heat.score is not None else ""
        notes.insert(0, f"Overall: level {heat.overall} {heat.level_names.get(heat.overall, '')}".rstrip() + score)
    heading = title(options.title or scene.graph.name, sub)
    return finish(dot, theme, legend, heading, notes, below=options.legend_below is not False)


VIEW = register(View(
    name="scorecard",
    title="Maturity scorecard",
    description="the model's dimensions against its levels, each criterion coloured by status (--model)",
    kinds=frozenset({"capability"}),
    relations=frozenset(),
    core=frozenset(),  # the grid draws criteria, not chart elements: nothing to select or aggregate
    draw=draw,
    rankdir="LR",
    group_keys=None,
    draw_aggregate=draw,
))
