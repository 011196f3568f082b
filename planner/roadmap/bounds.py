"""Precedence helpers and the lower bound on the makespan of a schedule.

The bound tells the user how close to optimal a plan is: the larger of the
critical path, the total effort over the team, and a load bound that combines
the two (see :class:`~planner.roadmap.jobs.Bound`).
"""

from __future__ import annotations

from collections.abc import Iterable

from .jobs import Bound, Fixed, Job, Limits

EPS = 1e-9


def successors(jobs: list[Job]) -> dict[str, list[str]]:
    succs: dict[str, list[str]] = {job.id: [] for job in jobs}
    for job in jobs:
        for pre in job.after:
            if pre in succs:
                succs[pre].append(job.id)
    return succs


def topological(jobs: list[Job], succs: dict[str, list[str]]) -> list[str]:
    """Job ids in an order where prerequisites come first (jobs are known to be acyclic)."""
    indegree = {job.id: sum(1 for p in job.after if p in succs) for job in jobs}
    ready = [i for i, d in indegree.items() if d == 0]
    order = []
    while ready:
        node = ready.pop()
        order.append(node)
        for nxt in succs[node]:
            indegree[nxt] -= 1
            if indegree[nxt] == 0:
                ready.append(nxt)
    return order


def tail_lengths(jobs: list[Job], succs: dict[str, list[str]]) -> dict[str, int]:
    """Longest chain of durations from each job's start to the end of the project."""
    duration = {job.id: job.duration for job in jobs}
    tails: dict[str, int] = {}
    for node in reversed(topological(jobs, succs)):
        tails[node] = duration[node] + max((tails[s] for s in succs[node]), default=0)
    return tails


def lower_bound(jobs: list[Job], limits: Limits, fixed: Iterable[Fixed] = ()) -> Bound:
    """Critical path, total effort over capacity, and the load bound (committed work included).

    The budget is not part of the bound: it is a lower bound on what the team and
    the prerequisites allow, which is what the user compares the plan against.
    """
    fixed = list(fixed)
    succs = successors(jobs)
    by_id = {job.id: job for job in jobs}
    heads: dict[str, int] = {}
    for node in topological(jobs, succs):
        job = by_id[node]
        heads[node] = max([job.release] + [heads[p] + by_id[p].duration for p in job.after if p in by_id])
    critical = max((heads[j.id] + j.duration for j in jobs), default=0)
    capacity = limits.capacity
    effort = _fill_time(sum(job.duration * job.crew for job in jobs), 0, capacity, fixed)
    tails = tail_lengths(jobs, succs)
    load = max(_head_load(jobs, heads, capacity, fixed), _tail_load(jobs, tails, capacity, fixed))
    return Bound(critical, effort, load)


def _head_load(jobs: list[Job], heads: dict[str, int], capacity: float, fixed: list[Fixed]) -> int:
    """max over t of the time needed to do, from t on, the work that cannot start before t."""
    ordered = sorted(jobs, key=lambda j: heads[j.id], reverse=True)
    best, work, i = 0, 0.0, 0
    while i < len(ordered):
        t = heads[ordered[i].id]
        while i < len(ordered) and heads[ordered[i].id] == t:
            work += ordered[i].duration * ordered[i].crew
            i += 1
        best = max(best, _fill_time(work, t, capacity, fixed))
    return best


def _tail_load(jobs: list[Job], tails: dict[str, int], capacity: float, fixed: list[Fixed]) -> int:
    """max over q of (time to do the work followed by a chain of at least q) plus q."""
    after = {j.id: tails[j.id] - j.duration for j in jobs}
    ordered = sorted(jobs, key=lambda j: after[j.id], reverse=True)
    best, work, i = 0, 0.0, 0
    while i < len(ordered):
        q = after[ordered[i].id]
        while i < len(ordered) and after[ordered[i].id] == q:
            work += ordered[i].duration * ordered[i].crew
            i += 1
        best = max(best, _fill_time(work, 0, capacity, fixed) + q)
    return best


def _fill_time(total: float, start: int, capacity: float, fixed: list[Fixed]) -> int:
    """Smallest T such that the team's free time in [start, T] holds ``total`` work."""
    if total <= EPS:
        return 0
    busy_spans = [(f.start, f.start + f.duration, f.crew) for f in fixed if f.start + f.duration > start]
    points = sorted({start} | {max(a, start) for a, _, _ in busy_spans} | {b for _, b, _ in busy_spans})
    done = 0.0
    for a, b in zip(points, points[1:] + [None]):
        rate = max(capacity - sum(c for s, e, c in busy_spans if s <= a < e), 0.0)
        if b is None or done + rate * (b - a) >= total - EPS:
            if rate <= EPS:
                continue
            return a + _ceil((total - done) / rate)
        done += rate * (b - a)
    return start


def _ceil(x: float) -> int:
    n = int(x)
    return n if n >= x - EPS else n + 1
