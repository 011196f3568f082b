"""What a plan is made of: constraints in, a roadmap out. Plain frozen data, JSON-ready.

The inputs (the target, the constraints and the work already committed) are
defined in :mod:`planner.roadmap.plan_inputs`, which checks them as they are
made; they are named here too, with the roadmap that holds them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from .catalog import ChartChange
from .plan_inputs import Commitment as Commitment  # re-exported: the scheduler imports the inputs from here
from .plan_inputs import Constraints, Target


@dataclass(frozen=True)
class Gap:
    """An unmet criterion up to the target, and what closes it."""

    criterion: str
    level: int
    dimension: str
    statement: str
    closed_by: tuple[str, ...] = ()
    question: str = ""
    """The self-assessment question a person answers (in the chart's ``answers:``) to meet it."""
    required_by: tuple[str, ...] = ()
    """Planned solutions that need it first (attest-or-act items only)."""
    who: str = ""
    """Attest-or-act items: who should answer (a person of the chart, by role)."""
    evidence: str = ""
    """Attest-or-act items: what would do as evidence, or what to act on."""


@dataclass(frozen=True)
class Step:
    """One solution in the roadmap, with its option, timing and cost."""

    id: str
    name: str
    sourcing: str
    phase: int
    start_week: float
    finish_week: float
    effort: float
    duration: float
    crew: float
    cost: float
    stage: int
    dimension: str | None
    closes: tuple[str, ...]
    after: tuple[str, ...]
    skills: tuple[str, ...]
    start_date: dt.date | None = None
    finish_date: dt.date | None = None
    committed: bool = False
    staged_after: tuple[str, ...] = ()
    """Solutions for a lower level of the same dimension, waited for by the staged model."""
    changes: tuple[ChartChange, ...] = field(default=(), repr=False, compare=False)
    systems_sourced_as: str | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class PhasePlan:
    """A phase of the roadmap: its window, what starts and finishes in it, and the level after it."""

    number: int
    start_week: float
    end_week: float
    starts: tuple[str, ...]
    finishes: tuple[str, ...]
    cost: float
    effort: float
    start_date: dt.date | None = None
    end_date: dt.date | None = None


@dataclass(frozen=True)
class LevelPoint:
    """The assessed maturity at the end of a phase (phase 0: today)."""

    phase: int
    level: int
    level_name: str
    dimension_levels: dict[str, int]
    unmet: tuple[str, ...]
    score: float = 0.0
    """The model's continuous score after the phase (0 to the top level): progress within a level shows."""


@dataclass(frozen=True)
class LowerBound:
    """No schedule can be shorter (weeks): the critical path, total effort over
    capacity, and the load bound that combines the two (see ``schedule.Bound``)."""

    critical_path: float
    effort: float
    load: float = 0.0

    @property
    def value(self) -> float:
        return max(self.critical_path, self.effort, self.load)


@dataclass
class Roadmap:
    """The plan: unmet criteria, chosen solutions in order, phases, makespan beside its bound."""

    chart: str
    model: str
    model_name: str
    target: Target
    target_name: str
    current_level: int
    current_level_name: str
    currency: str
    constraints: Constraints
    gaps: list[Gap]
    steps: list[Step]
    phases: list[PhasePlan]
    makespan: float
    lower_bound: LowerBound
    trajectory: list[LevelPoint] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    attest: list[Gap] = field(default_factory=list)
    """Attest-or-act items: unmet criteria no solution closes but an attested answer can meet.
    A person answers them (with evidence) or acts until the rule holds; they are not scheduled."""
    sized_for: str = ""
    """The operation the efforts and costs were scaled to (``60 people, 2 lines of business, 4 channels``)."""
    roles: dict = field(default_factory=dict, repr=False, compare=False)
    """The catalog's roles, so the projection finds the chart's own elements."""
    rules: dict = field(default_factory=dict, repr=False, compare=False)
    """Criterion id -> (rule, params) of the model, so the projection completes what each criterion reads."""

    @property
    def total_cost(self) -> float:
        return sum(s.cost for s in self.steps if not s.committed)

    @property
    def total_effort(self) -> float:
        return sum(s.effort for s in self.steps if not s.committed)

    @property
    def gap_to_bound(self) -> float:
        """How far above the lower bound the makespan is, as a fraction (0.03: 3%)."""
        bound = self.lower_bound.value
        return (self.makespan - bound) / bound if bound else 0.0

    @property
    def reached(self) -> bool | None:
        """Whether the projected chart meets the target (None before the trajectory is known).

        False while attest-or-act items are open: the solutions alone do not get there.
        """
        return not self.trajectory[-1].unmet if self.trajectory else None

    @property
    def reached_once_attested(self) -> bool | None:
        """Whether the projected chart misses nothing but the attest-or-act items."""
        if not self.trajectory:
            return None
        return set(self.trajectory[-1].unmet) <= {g.criterion for g in self.attest}

    def step(self, solution_id: str) -> Step:
        for step in self.steps:
            if step.id == solution_id:
                return step
        raise KeyError(solution_id)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON output (chart changes left out: they live in the catalog)."""
        data = {
            "chart": self.chart, "model": self.model, "model_name": self.model_name,
            "target": {"label": self.target.label, "name": self.target_name, "level": self.target.level,
                       "dimensions": dict(self.target.dimensions)},
            "current_level": self.current_level, "current_level_name": self.current_level_name,
            "currency": self.currency, "constraints": asdict(self.constraints),
            "gaps": [asdict(g) for g in self.gaps],
            "attest": [asdict(g) for g in self.attest],
            "steps": [{k: v for k, v in asdict(s).items() if k not in ("changes", "systems_sourced_as")}
                      for s in self.steps],
            "phases": [asdict(p) for p in self.phases],
            "makespan_weeks": self.makespan,
            "lower_bound_weeks": {**asdict(self.lower_bound), "value": self.lower_bound.value},
            "above_lower_bound": round(self.gap_to_bound, 4),
            "total_cost": self.total_cost, "total_effort": self.total_effort,
            "trajectory": [asdict(t) for t in self.trajectory],
            "reached": self.reached, "reached_once_attested": self.reached_once_attested,
            "sized_for": self.sized_for, "warnings": self.warnings,
        }
        return _plain(data)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
