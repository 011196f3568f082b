"""The scheduling problem's data: jobs, committed work, limits, the bound and the result.

Time is counted in integer ticks (working days, five to a week) so that
comparisons are exact; the caller converts to weeks and dates.
"""

from __future__ import annotations

from dataclasses import dataclass, field

TICKS_PER_WEEK = 5


@dataclass(frozen=True)
class Job:
    """One unit of work to place: its length, crew, cost, prerequisites and stage."""

    id: str
    duration: int
    crew: float
    cost: float = 0.0
    after: tuple[str, ...] = ()
    stage: int = 0
    """Maturity level the job works towards: breaks ties in favour of the lower level.
    The staged model's hard rule (level N before N+1 within a dimension) arrives
    as prerequisites in ``after``, added by the planner."""
    release: int = 0
    """Earliest start (a committed prerequisite finishing later, for instance)."""


@dataclass(frozen=True)
class Fixed:
    """Work already committed: it holds people and budget at a fixed time."""

    id: str
    start: int
    duration: int
    crew: float
    cost: float = 0.0


@dataclass(frozen=True)
class Limits:
    """Team capacity (people), phase length (ticks) and budget per phase (None: no limit)."""

    capacity: float
    phase_ticks: int
    budget: float | None = None


@dataclass(frozen=True)
class Bound:
    """The lower bound on the makespan and its parts, in ticks.

    ``critical_path`` and ``effort`` (total effort over capacity) are the classic
    pair. ``load`` combines them: no job can start before its earliest start, so
    for any time t the work of the jobs that cannot start before t still has to
    fit after t (and, mirrored, the work that has a chain of length q after it
    has to be done q before the end). It is never below the other two's effort
    part and is often tighter when both are close.
    """

    critical_path: int
    effort: int
    load: int = 0

    @property
    def value(self) -> int:
        return max(self.critical_path, self.effort, self.load)


@dataclass
class Schedule:
    """Start tick of every job, and the makespan (finish of the last job)."""

    starts: dict[str, int] = field(default_factory=dict)
    makespan: int = 0
    passes: int = 0
