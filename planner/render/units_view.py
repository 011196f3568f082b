"""The ``units`` view: lines of business (or teams) against each model's dimensions, coloured by level.

One table: a row per unit, and for each model a column with its overall level
followed by one column per dimension. A cell is coloured on the level scale of
the heat map; where the chart sets a target for the unit (``targets:``) and the
level is below it, the cell gets a thick black frame and says ``2 \u25bc 3`` (level 2,
target 3), so the gaps between where each unit is and where it should be are seen
at a glance. Pure: the levels and targets come in as :class:`UnitsInput`
(``planner assess --by lob -o units.svg`` draws it).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .dot import Dot, Html, cell, font, row, table, text, wrapped_lines
from .draw import finish, new_dot, title
from .legend import Legend
from .scene import Scene
from .theme import DEFAULT_THEME, INK, Theme, level_color
from .views import HeatInput, RenderOptions, View, register

BELOW_COLOR = INK["strong"]
"""Frame of a cell below its target: near black, visible on every level colour (red on red is not)."""
BELOW_BORDER = 3
CELL_WIDTH = 64

Key = tuple[str, str, "str | None"]


@dataclass(frozen=True)
class UnitsInput(HeatInput):
    """What the unit heat map draws: per (unit id, model id, dimension id or None) a level and a target."""

    by: str = "lob"
    chart_name: str = ""
    units: tuple[tuple[str, str, int], ...] = ()
    """(unit id, name, elements in its scope), in row order."""
    models: tuple[tuple[str, str, int, tuple[tuple[str, str], ...]], ...] = ()
    """(model id, name, number of levels, ((dimension id, name), ...)), in column order."""
    cells: Mapping[Key, tuple[int, int | None]] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    @classmethod
    def of(cls, matrix) -> UnitsInput:
        """From a :class:`planner.maturity.units.UnitMatrix`."""
        cells: dict[Key, tuple[int, int | None]] = {}
        models: dict[str, tuple] = {}
        for r in matrix.units:
            for key, a in r.assessments.items():
                models.setdefault(key, (key, a.model_name, a.max_level, tuple(a.dimension_names.items())))
                cells[(r.unit.id, key, None)] = (a.level, r.target(key))
                for dim, level in a.dimension_levels.items():
                    cells[(r.unit.id, key, dim)] = (level, r.target(key, dim))
        units = tuple((r.unit.id, r.unit.name, r.elements) for r in matrix.units)
        first = next(iter(matrix.units[0].assessments.values()), None) if matrix.units else None
        names = dict(first.level_names) if first is not None and len(models) == 1 else {}  # one model: its words
        return cls({}, level_names=names, by=matrix.by, chart_name=matrix.chart_name, units=units, models=tuple(models.values()),
                   cells=cells, notes=tuple(matrix.notes))


def _level_cell(data: UnitsInput, key: Key, levels: int, width: int) -> Html:
    level, target = data.cells.get(key, (None, None))
    fill, ink = level_color(level, levels)
    below = level is not None and target is not None and level < target
    words = "" if level is None else (f"{level} \u25bc {target}" if below else str(level))
    tip = f"{key[0]} / {key[1]}" + (f" / {key[2]}" if key[2] else "") + f": level {level}" \
        + (f", target {target}" if target is not None else "")
    attrs = {"border": BELOW_BORDER, "color": BELOW_COLOR} if below else {}
    return cell(font(text(words), size=10, color=ink, bold=key[2] is None), bgcolor=fill, width=width,
                height=ROW_HEIGHT, fixedsize="true", tooltip=tip, **attrs)


NAME_WIDTH = 200
ROW_HEIGHT = 34
HEAD_HEIGHT = 40
MAX_CELL_WIDTH = 80
HEAD_WRAP = 10
"""Characters a column name's line holds before it wraps (9-point text in a 64-point cell); more in a wider one."""
GRID = {"border": 0, "cellborder": 1, "cellspacing": 2, "cellpadding": 3}
"""Every row is its own node (one table of many units passes Graphviz's label size limit); fixed cell sizes
keep the columns of all rows aligned."""


def _column_names(data: UnitsInput) -> tuple[dict[tuple[str, str], tuple[list[str], float]], int, int]:
    """Each dimension's name in lines with its font size, the columns' width and the header's height.

    Cells have a fixed size so that every row's columns line up; a size too small
    for its text lets the text run over the cell's border (Graphviz only warns).
    A long word widens every column, up to :data:`MAX_CELL_WIDTH` (about 5.5 points
    a character at 9 points, plus padding: five models side by side are already a
    wide strip); a word longer still is set smaller in its own cell, down to 7
    points. More lines make the header taller.
    """
    names = {(model_id, dim): name for model_id, _, _, dims in data.models for dim, name in dims}  # ids may repeat
    longest = max((len(word) for name in names.values() for word in name.split()), default=0)
    width = min(MAX_CELL_WIDTH, max(CELL_WIDTH, round(5.5 * longest) + 10))
    fits = int((width - 10) / 5.5)
    columns = {}
    for key, name in names.items():
        lines = wrapped_lines(name, max(HEAD_WRAP, fits))
        widest = max(len(word) for line in lines for word in line.split() or [""])
        columns[key] = lines, (9.0 if widest <= fits else max(7.0, round(9 * fits / widest, 1)))
    height = max(HEAD_HEIGHT, 11 * max((len(lines) for lines, _ in columns.values()), default=1) + 10)
    return columns, width, height


def _headers(data: UnitsInput, columns: dict[tuple[str, str], tuple[list[str], float]], column: int,
             height: int) -> tuple[Html, Html]:
    """The models' titles over their columns, then the column names: two tables shaped as the unit rows.

    No cell spans rows or columns: Graphviz spreads a spanning cell's width over
    the cells under it unevenly, and the columns of the header would drift from
    the columns of the rows (by 2 to 5 points, which the eye catches at once).
    """
    word = "Line of business" if data.by == "lob" else "Team"
    titles = [cell("", border=0, width=NAME_WIDTH, height=HEAD_HEIGHT, fixedsize="true")]
    names = [cell(font(text(word), bold=True, size=10), align="left", valign="bottom", width=NAME_WIDTH,
                  height=height, fixedsize="true")]
    for model_id, name, _, dims in data.models:
        width = (len(dims) + 1) * (column + 2) - 2
        titles.append(cell(font(text(f"{name} ({model_id})", wrap=max(12, width // 7)), bold=True, size=10),
                           width=width, height=HEAD_HEIGHT, fixedsize="true"))
        names.append(cell(font(text("level"), bold=True, size=9), width=column, height=height, fixedsize="true"))
        for dim, _ in dims:
            lines, size = columns[model_id, dim]
            names.append(cell(font(text("\n".join(lines)), size=size), width=column, height=height, fixedsize="true"))
    return table([row(*titles)], **GRID), table([row(*names)], **GRID)


def _unit_row(data: UnitsInput, unit_id: str, unit_name: str, elements: int, column: int) -> Html:
    cells = [cell(font(text(unit_name if len(unit_name) <= 30 else unit_name[:29] + "\u2026"), bold=True, size=10)
                  + Html('<BR ALIGN="LEFT"/>') + font(text(f"{elements:,} elements"), size=9, color=INK["muted"])
                  + Html('<BR ALIGN="LEFT"/>'),
                  align="left", width=NAME_WIDTH, height=ROW_HEIGHT, fixedsize="true")]
    for model_id, _, levels, dims in data.models:
        cells.append(_level_cell(data, (unit_id, model_id, None), levels, column))
        cells += [_level_cell(data, (unit_id, model_id, dim), levels, column) for dim, _ in dims]
    return table([row(*cells)], **GRID)


def units_dot(data: UnitsInput, theme: Theme = DEFAULT_THEME, heading: str | None = None,
              below: bool = False) -> str:
    """DOT text of the unit heat map; ``below`` puts the legend under the title instead of beside it."""
    dot: Dot = new_dot(theme, rankdir="TB", ranksep=0.02, nodesep=0.1)
    legend = Legend()
    if data.units and data.models:
        columns, column, height = _column_names(data)
        titles, names = _headers(data, columns, column, height)
        dot.node(("units", "models"), titles, shape="plain", style="")
        dot.node(("units", "head"), names, shape="plain", style="")
        dot.edge(("units", "models"), ("units", "head"), style="invis")
        previous = ("units", "head")
        for unit_id, unit_name, elements in data.units:
            dot.node(("units", unit_id), _unit_row(data, unit_id, unit_name, elements, column), shape="plain", style="")
            dot.edge(previous, ("units", unit_id), style="invis")
            previous = ("units", unit_id)
    most = max((levels for _, _, levels, _ in data.models), default=5)
    for level in range(1, most + 1):
        name = data.level_names.get(level)
        legend.swatch(level_color(level, most)[0], f"{level} {name}" if name else
                      f"level {level}" + (" (lowest)" if level == 1 else ""))
    if any(t is not None and lv < t for lv, t in data.cells.values()):
        legend.notes.append("Black frame, 2 \u25bc 3: level 2, below the unit's target of 3 (targets: in the chart).")
    legend.notes.append("Colours run from each model's lowest level (red) to its highest (green).")
    if data.by == "lob":
        legend.notes.append("Each line of business is judged on its own capabilities and the shared ones.")
    plural = "lines of business" if data.by == "lob" else "teams"
    empty = f"No {plural} to show: give the view a unit assessment (planner assess --by lob -o FILE)." \
        if not data.chart_name else "The chart names no line of business and no team."
    notes = list(data.notes) or ([] if data.units else [empty])
    sub = f"Maturity per {'line of business' if data.by == 'lob' else 'team'} \u00b7 {len(data.units)} {plural}"
    return finish(dot, theme, legend, title(heading or data.chart_name or "Chart", sub, notes), below=below)


def draw(scene: Scene, theme: Theme, options: RenderOptions) -> str:
    """The registered view: draws the :class:`UnitsInput` given as ``options.heat``."""
    data = options.heat if isinstance(options.heat, UnitsInput) else UnitsInput({})
    return units_dot(data, theme, options.title or (None if data.chart_name else scene.graph.name),
                     below=bool(options.legend_below))


VIEW = register(View(
    name="units",
    title="Maturity per unit",
    description="lines of business or teams against each model's dimensions, below-target cells framed",
    kinds=frozenset({"capability"}),
    relations=frozenset(),
    core=frozenset(),  # the grid draws units, not chart elements: nothing to select or aggregate
    draw=draw,
    rankdir="LR",
    group_keys=None,
    draw_aggregate=draw,
))
