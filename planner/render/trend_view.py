"""The trend diagram: maturity levels over time, one panel per model, one line per dimension.

Levels are staged, so they are drawn as steps: a level holds from the commit that
reached it until the commit that changed it. Each panel has the model's overall
level (thick, dark) and one thinner line per dimension, nudged apart so lines at
the same level stay visible, each labelled at its end. Commits where the chart
was not valid are red marks on the time axis; the lines cross them thin and
dotted, since the level there is unknown. With a projection (the roadmap's
phases), the lines continue dotted after today to the level each phase is
planned to reach.

Pure: a :class:`TrendInput` in, DOT text out. Positions are computed here and
pinned (Graphviz ``neato`` with ``pos="x,y!"``), since a time axis is a layout no
graph layout engine would find; the output goes through the same
:func:`~planner.store.diagrams.write_diagram` as every view.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .dot import Dot, font, text
from .draw import title
from .registry import Diagram, register_diagram
from .theme import CATEGORICAL, DEFAULT_THEME, INK, MIN_FONT, Theme

WIDTH = 11.0
"""Width of the time axis, inches."""
LEVEL_STEP = 0.42
"""Height of one level, inches."""
PANEL_GAP = 1.1
NUDGE = 0.045
"""Vertical offset between dimension lines at the same level, inches."""
OVERALL_COLOR = INK["text"]
GRID_COLOR = INK["rule"]
GAP_COLOR = INK["alarm"]
TODAY_COLOR = INK["muted"]

Point = tuple[dt.datetime, "int | None"]


@dataclass(frozen=True)
class TrendPanel:
    """One model: its overall series and one series per dimension (None where a revision had no valid chart)."""

    model_id: str
    name: str
    max_level: int
    level_names: Mapping[int, str]
    overall: Sequence[Point]
    dimensions: Mapping[str, Sequence[Point]]
    """Dimension name -> series."""
    projected: Sequence[tuple[dt.date, int, Mapping[str, int]]] = ()
    """(phase end, planned level, planned dimension levels by dimension name)."""


@dataclass(frozen=True)
class TrendInput:
    """What the trend diagram draws."""

    path: str
    panels: Sequence[TrendPanel]
    gaps: Sequence[dt.datetime] = ()
    today: dt.date | None = None
    notes: Sequence[str] = field(default_factory=tuple)

    @classmethod
    def of(cls, table, projected: Mapping[str, list] | None = None, today: dt.date | None = None) -> TrendInput:
        """From a :class:`planner.history.HistoryTable` and, per model id, the roadmap's projected phases."""
        projected = projected or {}
        panels = []
        for model_id, name in table.models.items():
            state = next(r.states[model_id] for r in reversed(table.rows) if model_id in r.states)
            dims = {state.dimension_names.get(d, d): table.series(model_id, d) for d in state.dimension_names}
            proj = [(day, level, {state.dimension_names.get(d, d): v for d, v in levels.items()})
                    for day, level, levels in projected.get(model_id, ())]
            panels.append(TrendPanel(model_id, name, state.max_level, state.level_names,
                                     table.series(model_id), dims, proj))
        gaps = [r.revision.date for r in table.rows if not r.ok]
        return cls(table.path, panels, gaps, today)


def _as_date(value) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _as_time(value) -> dt.datetime:
    """A commit time or a plain day as a UTC time, so that both sit on one axis."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC) if value.tzinfo else value.replace(tzinfo=dt.UTC)
    return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)


class _Axis:
    """Times to inches along the time axis; commits of a single day are spread by their hour."""

    def __init__(self, data: TrendInput):
        times = [d for p in data.panels for d, _ in p.overall] + [d for p in data.panels for d, _, _ in p.projected]
        times += list(data.gaps) + ([data.today] if data.today and any(p.projected for p in data.panels) else [])
        moments = [_as_time(t) for t in times] or [_as_time(dt.date.today())]
        self.first, self.last = min(moments), max(moments)
        self.span = max((self.last - self.first).total_seconds(), 60.0)
        self.hours = self.span < 3 * 86400

    def x(self, when) -> float:
        return round(WIDTH * (_as_time(when) - self.first).total_seconds() / self.span, 3)

    def ticks(self, count: int = 6) -> list[dt.datetime]:
        """Evenly spread times; over several days, the starts of days a whole number of days apart
        (rounding spread times to their day gave uneven steps: 2, 3, 5, 7, 9)."""
        if self.hours:
            step = self.span / max(count - 1, 1)
            return [self.first + dt.timedelta(seconds=i * step) for i in range(count)]
        days = dt.timedelta(days=max(1, -(-int(self.span) // (86400 * max(count - 1, 1)))))
        tick = _as_time(self.first.date())
        tick += dt.timedelta(days=1) if tick < self.first else dt.timedelta()
        found = []
        while tick <= self.last:
            found.append(tick)
            tick += days
        return found or [self.first]

    def label(self, when: dt.datetime) -> str:
        return when.strftime("%Y-%m-%d %H:%M") if self.hours else str(when.date())


def trend_dot(data: TrendInput, theme: Theme = DEFAULT_THEME) -> str:
    """DOT text of the trend diagram (render with any Graphviz program: the layout is pinned)."""
    dot = Dot(graph={**theme.graph, "layout": "neato", "splines": "line", "outputorder": "edgesfirst"},
              node={"fontname": theme.node_default.get("fontname"), "fontsize": MIN_FONT + 1},
              edge={"arrowhead": "none", "penwidth": 1.4})
    axis = _Axis(data)
    top = 0.0
    for panel in reversed(data.panels):  # neato's y grows upwards: the first model ends on top
        top = _panel(dot, panel, axis, data, top) + PANEL_GAP
    notes = [f"{len(data.gaps)} commit(s) without a valid chart: red marks on the time axis, "
             "lines thin and dotted across them."] if data.gaps else []
    if any(p.projected for p in data.panels):
        notes.append("Dotted after today: the roadmap's phases to the next level, at their planned end dates.")
    span = f"{axis.label(axis.first)} .. {axis.label(axis.last)}"
    dot.attrs("graph", label=title(f"Maturity over time: {data.path}", f"{span} \u00b7 levels per model and dimension",
                                   notes))
    return dot.source()


def _y(base: float, level: float) -> float:
    return round(base + (level - 1) * LEVEL_STEP, 3)


def _panel(dot: Dot, panel: TrendPanel, axis: _Axis, data: TrendInput, base: float) -> float:
    """Draw one model's panel with its bottom at ``base``; return its top."""
    key = panel.model_id
    top = _y(base, panel.max_level)
    for level in range(1, panel.max_level + 1):
        y = _y(base, level)
        _line(dot, (key, "grid", level), (-0.1, y), (WIDTH, y), color=GRID_COLOR, penwidth=0.8)
        name = panel.level_names.get(level, "")
        _label(dot, (key, "ylabel", level), -0.2, y, _short(f"{level} {name}", 34), "r")
    for i, day in enumerate(axis.ticks()):
        x = axis.x(day)
        _line(dot, (key, "tick", i), (x, base - 0.25), (x, base - 0.15), color=TODAY_COLOR, penwidth=0.8)
        _label(dot, (key, "xlabel", i), x, base - 0.38, axis.label(day), "c")
    for i, day in enumerate(data.gaps):
        dot.node((key, "gap", i), "\u2716", pos=f"{axis.x(day)},{base - 0.1}!", shape="plaintext",
                 fontcolor=GAP_COLOR, tooltip=f"no valid chart on {_as_date(day)}")
    if data.today and panel.projected:
        x = axis.x(data.today)
        _line(dot, (key, "today"), (x, base - 0.15), (x, top + 0.15), color=TODAY_COLOR, style="dashed",
              penwidth=0.8)
        _label(dot, (key, "todaylabel"), x, top + 0.28, "today", "c")
    series: list[tuple[str, Sequence[Point], str, float, list[tuple[dt.date, int | None]]]] = [
        ("Overall", panel.overall, OVERALL_COLOR, 3.0, [(d, lv) for d, lv, _ in panel.projected])]
    for i, (name, points) in enumerate(panel.dimensions.items()):
        proj = [(d, dims.get(name)) for d, _, dims in panel.projected if dims.get(name) is not None]
        series.append((name, points, CATEGORICAL[i % len(CATEGORICAL)], 1.6, proj))
    middle = (len(series) - 1) / 2
    ends = []
    for i, (name, points, color, width, proj) in enumerate(series):
        nudge = (i - middle) * NUDGE if i else 0.0
        end = _steps(dot, (key, "s", i), points, proj, axis, base, nudge, color, width)
        if end is not None:
            ends.append((end, name, color))
    _end_labels(dot, key, ends)
    heading = f"{panel.name} ({panel.model_id})"
    dot.node((key, "title"), font(text(heading), bold=True, size=12),
             pos=f"{len(heading) * CHAR_WIDTH * 0.65 - 1.5},{top + 0.4}!", shape="plaintext")
    return top + 0.4


def _steps(dot: Dot, key, points, projected, axis: _Axis, base: float, nudge: float, color: str,
           width: float) -> tuple[float, float] | None:
    """One series as steps, broken at gaps; then dotted steps through the projection. Returns the end point."""
    last, broken = None, False
    for n, (day, level) in enumerate(points):
        if level is None:
            broken = True
            continue
        x, y = axis.x(day), _y(base, level) + nudge
        dot.node(key + ("p", n), None, pos=f"{x},{y}!", shape="point", width=0.05, color=color,
                 tooltip=f"{_as_date(day)}: level {level}")
        if last is not None:  # across a gap, a thin dotted bridge: the level is unknown there
            style = {"penwidth": 0.7, "style": "dotted"} if broken else {"penwidth": width}
            _line(dot, key + ("h", n), last, (x, last[1]), color=color, **style)
            _line(dot, key + ("v", n), (x, last[1]), (x, y), color=color, **style)
        last, broken = (x, y), False
    for n, (day, level) in enumerate(projected):
        if last is None:
            break
        x, y = axis.x(day), _y(base, level) + nudge
        _line(dot, key + ("ph", n), last, (x, last[1]), color=color, penwidth=width, style="dotted")
        _line(dot, key + ("pv", n), (x, last[1]), (x, y), color=color, penwidth=width, style="dotted")
        last = (x, y)
    return last


def _end_labels(dot: Dot, key, ends: list[tuple[tuple[float, float], str, str]]) -> None:
    """Each series' name at the right end of its line, spread so that labels never overlap."""
    placed: list[float] = []
    for (_x, y), name, color in sorted(ends, key=lambda e: e[0][1]):
        y = max([y] + [p + 0.17 for p in placed[-1:]])
        placed.append(y)
        _label(dot, (key, "end", name), WIDTH + 0.15, y, _short(name, 34), "l", color)


def _short(value: str, most: int) -> str:
    return value if len(value) <= most else value[: most - 1] + "\u2026"


CHAR_WIDTH = 0.07
"""Average width of a character at the label size, inches: labels are placed by their centre."""


def _label(dot: Dot, key, x: float, y: float, value: str, just: str, color: str = INK["label"]) -> None:
    """A text pinned left of (``r``), right of (``l``) or centred on (``c``) the point x, y."""
    half = len(value) * CHAR_WIDTH / 2
    x = round(x - half if just == "r" else x + half if just == "l" else x, 3)
    dot.node(key, text(value), pos=f"{x},{y}!", shape="plaintext", fontcolor=color, fontsize=MIN_FONT,
             width=0, height=0, margin=0)


def _line(dot: Dot, key, a: tuple[float, float], b: tuple[float, float], **attrs) -> None:
    """A straight line between two invisible pinned points."""
    for end, (x, y) in (("a", a), ("b", b)):
        dot.node(key + (end,), None, pos=f"{x},{y}!", shape="point", width=0.01, style="invis")
    dot.edge(key + ("a",), key + ("b",), **attrs)


register_diagram(Diagram("trend", "Maturity over time", trend_dot))
