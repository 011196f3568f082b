"""From gaps to a timed roadmap: choose, order, schedule. Independent of any chart or model.

:func:`plan_gaps` is what :func:`planner.roadmap.plan` runs once it knows the
unmet criteria; the benchmark calls it directly on synthetic catalogs.

The staged model becomes prerequisites: within a dimension, the solutions for
level N+1 wait for those for level N, because the higher level builds on the
lower one; solutions for other dimensions are independent and run alongside.
A solution's stage is the lowest level among the criteria it closes, lowered to
that of anything that needs it (a prerequisite of level-3 work is level-3 work).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from itertools import pairwise

from ..errors import PlannerError
from .catalog import Catalog, Option
from .errors import ConstraintError
from .model import Commitment, Constraints, Gap, LowerBound, PhasePlan, Step
from .schedule import TICKS_PER_WEEK, Fixed, Job, Limits, lower_bound, schedule, successors, topological
from .select import Objective, check_acyclic, choose_options, select


@dataclass
class Sequenced:
    """The timed part of a roadmap."""

    steps: list[Step]
    phases: list[PhasePlan]
    makespan: float
    lower_bound: LowerBound
    warnings: list[str]


def plan_gaps(
    gaps: list[Gap],
    catalog: Catalog,
    constraints: Constraints,
    met: AbstractSet[str] = frozenset(),
    present: AbstractSet[str] = frozenset(),
    judged: set[str] | None = None,
    target: str = "the target",
    start: dt.date | None = None,
) -> Sequenced:
    """Choose the solutions that close ``gaps`` and schedule them under ``constraints``
    (checked when made: see :class:`Constraints`)."""
    check_acyclic(catalog)
    by_id = catalog.by_id()
    objective = Objective(constraints.objective, constraints.week_rate)
    options = choose_options(catalog, objective, constraints.budget, constraints.capacity)
    committed = {c.solution: c for c in constraints.committed if c.solution}
    for sid in committed:
        if sid not in by_id:
            raise ConstraintError(sid, "committed work names a solution that is not in the catalog")
    selection = select(catalog, [g.criterion for g in gaps], options, set(met), set(present) | set(committed),
                       judged, target, objective.value)
    gap_of = {g.criterion: g for g in gaps}
    stages, dims = _stages(selection.chosen, selection.after, selection.closes, gap_of)
    after = _gated(selection.after, stages, dims)
    warnings: list[str] = []
    phase_ticks = constraints.phase_weeks * TICKS_PER_WEEK
    fixed, release = _committed(constraints.committed, by_id)
    jobs = []
    for sid, option in selection.chosen.items():
        ticks, crew = _size(option, constraints.capacity)
        if crew < option.crew - 1e-9:
            warnings.append(f"{sid} needs {option.crew:g} people at once; stretched to {ticks / TICKS_PER_WEEK:g} "
                            f"weeks with the {constraints.capacity:g} available")
        pre_release = max([0] + [release[p] for p in by_id[sid].requires if p in release])
        jobs.append(Job(sid, ticks, crew, option.cost, tuple(sorted(after[sid])), stages[sid], pre_release))
    limits = Limits(constraints.capacity, phase_ticks, constraints.budget)
    timed = schedule(jobs, limits, fixed)
    bound = lower_bound(jobs, limits, fixed)
    steps = _steps(jobs, timed.starts, selection.chosen, by_id, dims, selection.closes, phase_ticks, start,
                   selection.after)
    steps += _committed_steps(constraints.committed, by_id, options, phase_ticks, start)
    steps.sort(key=lambda s: (s.start_week, s.stage, s.id))
    phases = _phases(steps, constraints.phase_weeks, start)
    makespan = timed.makespan / TICKS_PER_WEEK
    weeks = LowerBound(bound.critical_path / TICKS_PER_WEEK, bound.effort / TICKS_PER_WEEK,
                       bound.load / TICKS_PER_WEEK)
    return Sequenced(steps, phases, makespan, weeks, warnings)


def _size(option: Option, capacity: float) -> tuple[int, float]:
    """Ticks and crew; a crew larger than the team is stretched over a longer time."""
    crew = min(option.crew, capacity)
    weeks = option.effort / crew
    return max(1, math.ceil(weeks * TICKS_PER_WEEK - 1e-9)), crew


def _stages(chosen, after, closes, gap_of) -> tuple[dict[str, int], dict[str, str | None]]:
    """Each solution's stage (lowest level it closes, lowered by what needs it) and dimension."""
    stages: dict[str, int] = {}
    dims: dict[str, str | None] = {}
    for sid in chosen:
        mine = sorted((gap_of[c].level, gap_of[c].dimension) for c in closes.get(sid, []) if c in gap_of)
        stages[sid] = mine[0][0] if mine else 10**6
        dims[sid] = mine[0][1] if mine else None
    jobs = [Job(sid, 1, 0, after=tuple(after.get(sid, ()))) for sid in chosen]
    succs = successors(jobs)
    for sid in reversed(topological(jobs, succs)):
        for nxt in succs[sid]:
            stages[sid] = min(stages[sid], stages[nxt])
    for sid, stage in stages.items():
        if stage == 10**6:
            stages[sid] = 0
    return stages, dims


def _gated(after: dict[str, set[str]], stages: dict[str, int], dims: dict[str, str | None]) -> dict[str, set[str]]:
    """Prerequisites plus the staged model: level N+1 of a dimension after level N of it."""
    gated = {sid: set(pres) for sid, pres in after.items()}
    by_dim: dict[str, dict[int, list[str]]] = {}
    for sid, dim in dims.items():
        if dim is not None:
            by_dim.setdefault(dim, {}).setdefault(stages[sid], []).append(sid)
    for levels in by_dim.values():
        ordered = sorted(levels)
        for lower, higher in pairwise(ordered):
            for sid in levels[higher]:
                gated[sid] |= set(levels[lower])
    return gated


def _committed(commitments: tuple[Commitment, ...], by_id) -> tuple[list[Fixed], dict[str, int]]:
    fixed, release = [], {}
    for i, c in enumerate(commitments):
        start = round(c.start_week * TICKS_PER_WEEK)
        ticks = max(1, round(c.weeks * TICKS_PER_WEEK))
        end = start + ticks
        if start < 0:
            start, ticks = 0, end
        if ticks > 0 and end > 0:
            fixed.append(Fixed(f"committed-{i}", start, ticks, c.people, c.cost))
        if c.solution:
            release[c.solution] = max(end, 0)
    return fixed, release


def _date(start: dt.date | None, week: float) -> dt.date | None:
    """The calendar date of ``week``; past 9999-12-31 a clear error, not Python's OverflowError."""
    if start is None:
        return None
    try:
        return start + dt.timedelta(days=round(week * 7))
    except OverflowError:
        raise PlannerError(f"the schedule does not fit in the calendar (week {week:,.0f} from {start} is after "
                           f"9999-12-31): raise --capacity, shorten --phase-weeks or start earlier") from None


def _steps(jobs, starts, chosen, by_id, dims, closes, phase_ticks, start, prerequisites) -> list[Step]:
    steps = []
    for job in jobs:
        option, solution = chosen[job.id], by_id[job.id]
        begin = starts[job.id]
        finish_week = (begin + job.duration) / TICKS_PER_WEEK
        steps.append(Step(
            id=job.id, name=solution.name, sourcing=option.sourcing, phase=begin // phase_ticks + 1,
            start_week=begin / TICKS_PER_WEEK, finish_week=finish_week, effort=option.effort,
            duration=job.duration / TICKS_PER_WEEK, crew=round(job.crew, 3), cost=option.cost, stage=job.stage,
            dimension=dims.get(job.id), closes=tuple(closes.get(job.id, ())),
            after=tuple(sorted(prerequisites.get(job.id, ()))),
            staged_after=tuple(a for a in job.after if a not in prerequisites.get(job.id, ())),
            skills=tuple(dict.fromkeys(solution.skills + option.skills)),
            start_date=_date(start, begin / TICKS_PER_WEEK), finish_date=_date(start, finish_week),
            changes=(solution.change, option.change), systems_sourced_as=option.systems_sourced_as(),
        ))
    return steps


def _committed_steps(commitments, by_id, options, phase_ticks, start) -> list[Step]:
    steps = []
    for c in commitments:
        if not c.solution:
            continue
        solution = by_id[c.solution]
        option = options.get(c.solution) or solution.options[0]
        begin, finish = c.start_week, c.start_week + c.weeks
        steps.append(Step(
            id=solution.id, name=solution.name, sourcing=option.sourcing,
            phase=max(int(begin * TICKS_PER_WEEK) // phase_ticks + 1, 1), start_week=begin, finish_week=finish,
            effort=c.weeks * c.people, duration=c.weeks, crew=c.people, cost=c.cost, stage=0, dimension=None,
            closes=(), after=(), skills=tuple(solution.skills), start_date=_date(start, begin),
            finish_date=_date(start, finish), committed=True,
            changes=(solution.change, option.change), systems_sourced_as=option.systems_sourced_as(),
        ))
    return steps


def _phases(steps: list[Step], phase_weeks: int, start: dt.date | None) -> list[PhasePlan]:
    end = max((s.finish_week for s in steps), default=0.0)
    count = max(1, math.ceil(end / phase_weeks - 1e-9)) if steps else 0
    phases = []
    for n in range(1, count + 1):
        lo, hi = (n - 1) * phase_weeks, n * phase_weeks
        starting = [s for s in steps if s.phase == n]
        finishing = [s for s in steps if lo < s.finish_week <= hi or (n == 1 and s.finish_week <= 0)]
        effort = sum(s.crew * max(0.0, min(hi, s.finish_week) - max(lo, s.start_week)) for s in steps)
        phases.append(PhasePlan(
            number=n, start_week=lo, end_week=hi, starts=tuple(s.id for s in starting),
            finishes=tuple(s.id for s in finishing), cost=sum(s.cost for s in starting if not s.committed),
            effort=round(effort, 3), start_date=_date(start, lo), end_date=_date(start, hi),
        ))
    return phases
