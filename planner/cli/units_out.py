"""``planner assess --by lob|team``: the unit matrix as text or JSON, and the unit heat map.

Kept apart from ``assess_cmd`` so that the per-chart report stays as it is; the
matrix comes from :func:`planner.maturity.units.assess_units`.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..maturity.units import KIND_WORDS, UnitMatrix, UnitResult, assess_units, units_of
from ..render.output import format_for
from .app import echo

MARK = "!"
"""Put after a level below its unit's target (``2!3``: level 2, target 3)."""


def cell(result: UnitResult, model_id: str, dimension: str | None = None) -> str:
    """``3``, or ``2!3`` when the unit is below its target of 3 there."""
    a = result.assessments[model_id]
    level = a.level if dimension is None else a.dimension_levels.get(dimension, 1)
    target = result.target(model_id, dimension)
    return f"{level}{MARK}{target}" if target is not None and level < target else str(level)


def text_lines(matrix: UnitMatrix) -> list[str]:
    """One block per model: a row per unit, its level then one column per dimension."""
    word = KIND_WORDS[matrix.by]
    plural = "lines of business" if matrix.by == "lob" else "teams"
    shared = " (capabilities that serve no line of business count in each)" if matrix.by == "lob" and matrix.shared \
        else ""
    lines = [f"Maturity per {word}: {matrix.chart_name}: {len(matrix.units)} {plural}{shared}"]
    lines += [f"note: {note}" for note in matrix.notes]
    if not matrix.units:
        lines.append(f"The chart names no {word}.")
        return lines
    width = max(len(word), *(len(r.unit.name) for r in matrix.units)) + 2
    for model_id, first in matrix.units[0].assessments.items():
        dims = list(first.dimension_names)
        lines += ["", f"{first.model_name} ({model_id})",
                  f"{word:<{width}}{'elements':>9}{'level':>8}" + "".join(f"{d[:11]:>12}" for d in dims)]
        for r in matrix.units:
            lines.append(f"{r.unit.name[:width - 2]:<{width}}{r.elements:>9}{cell(r, model_id):>8}"
                         + "".join(f"{cell(r, model_id, d):>12}" for d in dims))
    if any(r.targets for r in matrix.units):
        lines += ["", f"{MARK}N: below the unit's target N (targets: in the chart)."]
    return lines


def to_dict(matrix: UnitMatrix) -> dict:
    """The documented JSON shape (docs/history.md)."""
    return {"by": matrix.by, "chart": matrix.chart_name, "shared": matrix.shared, "notes": matrix.notes,
            "units": [_unit_dict(r) for r in matrix.units]}


def _unit_dict(r: UnitResult) -> dict:
    models = {}
    for key, a in r.assessments.items():
        models[key] = {"level": a.level, "level_name": a.level_name, "target": r.target(key),
                       "below_target": r.below_target(key), "dimensions": a.dimension_levels,
                       "dimension_targets": {d: r.target(key, d) for d in a.dimension_levels
                                             if r.target(key, d) is not None},
                       "gaps": [g.criterion_id for g in a.gaps()]}
    return {"kind": r.unit.kind, "id": r.unit.id, "name": r.unit.name, "elements": r.elements,
            "capabilities": r.capabilities, "models": models}


def show_units(chart, models, by: str, fmt: str, output: Path | None) -> None:
    """``assess --by``: assess every unit of ``chart`` and show the matrix (``md`` prints as text)."""
    if output is not None:
        format_for(output)  # a bad extension fails before the work
    show(assess_units(chart, by, models), fmt, output)


def units_input(chart, model: str):
    """What ``render --view units`` draws: the lines of business of ``chart`` judged by ``model``.

    A chart that names no line of business is shown by team: its departments (the
    teams under its one top team), or its top teams when it has several.
    """
    from ..render.units_view import UnitsInput  # noqa: PLC0415
    from ..store.library import load_model  # noqa: PLC0415

    models = [load_model(model)]
    if units_of(chart, "lob"):
        return UnitsInput.of(assess_units(chart, "lob", models))
    tops = [t.id for t in chart.teams if not t.parent]
    below = [t.id for t in chart.teams if len(tops) == 1 and t.parent == tops[0]]
    return UnitsInput.of(assess_units(chart, "team", models, only=below or tops or ["-"]))


def show(matrix: UnitMatrix, fmt: str, output: Path | None) -> None:
    """Print the matrix; with ``output``, also draw the unit heat map."""
    if fmt == "json":
        echo(json.dumps(to_dict(matrix), indent=2, ensure_ascii=False), json=True)
    else:
        echo("\n".join(text_lines(matrix)))
    if output is not None:
        from ..render.units_view import UnitsInput, units_dot  # noqa: PLC0415
        from ..store.diagrams import write_diagram  # noqa: PLC0415

        write_diagram(units_dot(UnitsInput.of(matrix)), output)
        echo(f"wrote {output}", err=True)
