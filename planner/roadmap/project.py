"""Projection: the chart after each phase of a roadmap, and the maturity it assesses at.

A solution's change lands when the solution finishes, so the chart after phase
``p`` holds every solution finished by the end of ``p``, applied in the order
they finish (a prerequisite always finishes first, so references resolve).
"""

from __future__ import annotations

import datetime as dt

from ..model import Chart
from .changes import apply_changes, chart_data, validated
from .fulfil import Context, fulfil
from .model import LevelPoint, Roadmap, Step
from .roles import Resolver

EPS = 1e-9


def finished_by(roadmap: Roadmap, phase: int | None) -> list[Step]:
    """Steps done by the end of ``phase`` (all when None), in the order they finish."""
    limit = None if phase is None else phase * roadmap.constraints.phase_weeks + EPS
    done = [s for s in roadmap.steps if limit is None or s.finish_week <= limit]
    return sorted(done, key=lambda s: (s.finish_week, s.start_week, s.id))


def apply(chart: Chart, roadmap: Roadmap, upto_phase: int | None = None) -> Chart:
    """The projected future-state chart after ``upto_phase`` (every phase when None; 0 is today).

    Raises :class:`~planner.roadmap.errors.ProjectionError` naming the solution
    whose change leaves the chart invalid.
    """
    return projections(chart, roadmap, [upto_phase])[0]


def projections(chart: Chart, roadmap: Roadmap, phases: list[int | None] | None = None) -> list[Chart]:
    """Projected charts for several phases, sharing the work (phases in rising order).

    Until a solution lands the projection is ``chart`` itself: no copy, no validation.
    """
    wanted = list(range(len(roadmap.phases) + 1)) if phases is None else phases
    data = None
    applied: set[str] = set()
    current = chart
    result = []
    resolver = Resolver(roadmap.roles)
    for phase in wanted:
        for step in finished_by(roadmap, phase):
            if step.id in applied:
                continue
            data = chart_data(chart) if data is None else data
            land(data, step, resolver, roadmap.rules)
            current = validated(data, step.id)
            applied.add(step.id)
        result.append(_as_future(current, roadmap, phase))
    return result


def land(data: dict, step: Step, resolver: Resolver, rules: dict) -> None:
    """One solution's change, then the structure each criterion it closes asks for (:mod:`.fulfil`)."""
    added = apply_changes(data, list(step.changes), step.id, step.systems_sourced_as, resolver)
    ctx = Context(data, lead_of(data, resolver), added, lambda prefix: resolver.fresh(prefix, resolver.known_ids(data)),
                  step.name)
    for criterion in step.closes:
        if criterion in rules:
            fulfil(ctx, *rules[criterion])


def lead_of(data: dict, resolver: Resolver) -> str | None:
    """Who answers for new work: the engagement lead's role, else the top of the reporting line, else anyone."""
    for symbol, spec in resolver.roles.items():
        if any(m.section == "people" for m in spec.find):
            found = resolver.find(data, symbol)
            if found:
                return found
    people = data.get("people") or []
    top = [p["id"] for p in people if not p.get("reports_to")]
    return (top or [p["id"] for p in people] or [None])[0]


def _as_future(chart: Chart, roadmap: Roadmap, phase: int | None) -> Chart:
    if phase == 0:
        return chart
    number = len(roadmap.phases) if phase is None else phase
    end = roadmap.phases[number - 1].end_date if 0 < number <= len(roadmap.phases) else None
    info = chart.chart.model_copy(update={"state": "future", "as_of": end or chart.chart.as_of})
    return chart.model_copy(update={"chart": info})


def trajectory(chart: Chart, roadmap: Roadmap, model, today=None) -> list[LevelPoint]:
    """The assessed level after each phase (phase 0: today), with the target criteria still unmet.

    The assessment reads the chart directly (no networkx graph: five times faster on
    a large chart); ``today``, the chart's own assessment, is reused for phase 0 when
    nothing has landed by then.
    """
    from ..maturity import assess

    wanted = {g.criterion for g in roadmap.gaps}
    points = []
    for n, projected in enumerate(projections(chart, roadmap)):
        reuse = n == 0 and today is not None and projected is chart
        assessment = today if reuse else assess(projected, model)
        # a gap of the target, or a criterion up to the target that the plan broke (a regression counts too)
        unmet = tuple(r.criterion_id for r in assessment.results if r.is_gap and (
            r.criterion_id in wanted or (n > 0 and r.level <= roadmap.target.wanted(r.dimension))))
        points.append(LevelPoint(n, assessment.level, assessment.level_name,
                                 dict(assessment.dimension_levels), unmet, assessment.score))
    return points


def phase_end(roadmap: Roadmap, phase: int) -> dt.date | None:
    return roadmap.phases[phase - 1].end_date if 0 < phase <= len(roadmap.phases) else None
