"""The scheduler: feasibility under prerequisites, capacity, budget and commitments; the lower bound."""

from __future__ import annotations

import random

import pytest

from planner.roadmap.model import Constraints
from planner.roadmap.schedule import Fixed, Job, Limits, lower_bound, schedule
from planner.roadmap.sequence import plan_gaps
from planner.roadmap.synthetic import synthetic_catalog


def random_jobs(n: int, seed: int) -> list[Job]:
    rnd = random.Random(seed)
    jobs = []
    for i in range(n):
        pres = rnd.sample(range(i), min(i, rnd.randint(0, 3)))
        jobs.append(Job(f"j{i}", rnd.randint(1, 40), rnd.choice([0.5, 1, 1, 2, 3]), rnd.randint(0, 5) * 1000.0,
                        tuple(f"j{p}" for p in pres)))
    return jobs


def assert_feasible(jobs, limits, result, fixed=()):
    by_id = {j.id: j for j in jobs}
    for job in jobs:
        start = result.starts[job.id]
        assert start >= job.release
        for pre in job.after:
            assert start >= result.starts[pre] + by_id[pre].duration, (job.id, pre)
    events = sorted({t for j in jobs for t in (result.starts[j.id], result.starts[j.id] + j.duration)})
    for t in events:
        used = sum(j.crew for j in jobs if result.starts[j.id] <= t < result.starts[j.id] + j.duration)
        used += sum(f.crew for f in fixed if f.start <= t < f.start + f.duration)
        assert used <= limits.capacity + 1e-9, t
    if limits.budget is not None:
        spent: dict[int, float] = {}
        for j in jobs:
            phase = result.starts[j.id] // limits.phase_ticks
            spent[phase] = spent.get(phase, 0) + j.cost
        for f in fixed:
            spent[f.start // limits.phase_ticks] = spent.get(f.start // limits.phase_ticks, 0) + f.cost
        assert all(v <= limits.budget + 1e-9 for v in spent.values())


@pytest.mark.parametrize("seed", range(6))
def test_schedules_are_feasible_and_not_below_the_bound(seed):
    jobs = random_jobs(80, seed)
    limits = Limits(capacity=4, phase_ticks=65, budget=12000.0)
    fixed = [Fixed("c", 10, 30, 1.5, 2000.0)]
    result = schedule(jobs, limits, fixed)
    assert_feasible(jobs, limits, result, fixed)
    assert result.makespan == max(result.starts[j.id] + j.duration for j in jobs)
    assert result.makespan >= lower_bound(jobs, limits, fixed).value


def test_lower_bound_parts():
    jobs = [Job("a", 10, 1), Job("b", 10, 1, after=("a",)), Job("c", 5, 2)]
    bound = lower_bound(jobs, Limits(capacity=2, phase_ticks=65))
    assert bound.critical_path == 20
    assert bound.effort == 15  # (10 + 10 + 10) work over 2 people
    assert bound.value >= 20


def test_more_capacity_never_lengthens_and_budget_stretches():
    jobs = random_jobs(40, 3)
    spans = [schedule(jobs, Limits(c, 65)).makespan for c in (3, 6, 12)]
    assert spans[0] >= spans[1] >= spans[2]
    loose = schedule(jobs, Limits(6, 65)).makespan
    tight = schedule(jobs, Limits(6, 65, budget=6000.0)).makespan
    assert tight >= loose


def test_committed_work_holds_people():
    jobs = [Job("a", 10, 2)]
    result = schedule(jobs, Limits(2, 65), [Fixed("busy", 0, 15, 1)])
    assert result.starts["a"] == 15


def test_small_plans_are_optimal():
    # two people; a blocks 1.5 of them: the best order runs b and c beside each other first
    jobs = [Job("a", 10, 1.5), Job("b", 10, 1), Job("c", 10, 1)]
    assert schedule(jobs, Limits(2, 65)).makespan == 20


def test_synthetic_catalog_plans_close_to_the_bound():
    catalog, gaps = synthetic_catalog(300, seed=5)
    result = plan_gaps(gaps, catalog, Constraints(capacity=20))
    assert len(result.steps) == 300
    assert result.makespan <= 1.05 * result.lower_bound.value
    starts = {s.id: s for s in result.steps}
    for step in result.steps:
        for pre in step.after + step.staged_after:
            assert step.start_week >= starts[pre].finish_week - 1e-9
