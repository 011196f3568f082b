"""What a plan is asked for: a maturity target, and the limits its schedule must respect.

Kept apart from the roadmap (:mod:`planner.roadmap.model`) because these are
built by callers (the command line, the editor, the API) from what a user
typed: :class:`Constraints` refuses what no schedule can use as it is made, so
a bad figure is reported once, by name, whoever builds it.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from .errors import InvalidConstraintError

DEFAULT_CAPACITY = 4.0
DEFAULT_PHASE_WEEKS = 13


@dataclass(frozen=True)
class Commitment:
    """Work already committed: it holds people and budget whatever the plan says.

    When ``solution`` names a catalog solution, that solution counts as delivered
    at the end of the commitment: the plan does not pick it again, and what needs
    it waits for it.
    """

    name: str
    weeks: float
    people: float
    start_week: float = 0.0
    """Weeks after the plan's start (may be negative for work already running)."""
    cost: float = 0.0
    solution: str | None = None


@dataclass(frozen=True)
class Constraints:
    """The limits a schedule must respect."""

    capacity: float = DEFAULT_CAPACITY
    """People available for roadmap work at any time (full-time equivalents)."""
    budget: float | None = None
    """Spend allowed per phase, in the catalog's currency; None: no limit."""
    phase_weeks: int = DEFAULT_PHASE_WEEKS
    """Length of a phase (13 weeks: a quarter)."""
    start: dt.date | None = None
    """First day of the plan; None: the chart's ``as_of`` date, else weeks only."""
    committed: tuple[Commitment, ...] = ()
    objective: str = "cost"
    """``cost`` (spend, plus effort at ``week_rate``) or ``effort``: what the chosen set minimises."""
    week_rate: float = 0.0
    """Value of a person-week of the team's time when the objective is ``cost``."""

    def __post_init__(self) -> None:
        """Reject what no schedule can use (NaN, infinity, zero people), whoever builds the constraints."""
        if not _number(self.capacity) or not math.isfinite(self.capacity) or self.capacity <= 0:
            raise InvalidConstraintError("capacity", self.capacity, "a finite number of people above zero")
        if self.budget is not None and (not _number(self.budget) or not math.isfinite(self.budget)
                                        or self.budget < 0):
            raise InvalidConstraintError("budget", self.budget, "a finite amount of zero or more (or none)")
        weeks = self.phase_weeks
        if not _number(weeks) or not math.isfinite(weeks) or weeks < 1 or weeks != int(weeks):
            raise InvalidConstraintError("phase length", weeks, "a whole number of weeks, at least 1")
        object.__setattr__(self, "phase_weeks", int(weeks))
        if self.objective not in ("cost", "effort"):
            raise InvalidConstraintError("objective", self.objective, "'cost' or 'effort'")
        if not _number(self.week_rate) or not math.isfinite(self.week_rate) or self.week_rate < 0:
            raise InvalidConstraintError("week rate", self.week_rate, "a finite amount of zero or more")


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


@dataclass(frozen=True)
class Target:
    """A maturity target: a level overall, or levels for some dimensions."""

    level: int | None = None
    dimensions: tuple[tuple[str, int], ...] = ()
    label: str = ""

    def wanted(self, dimension: str) -> int:
        """The level the target asks of a dimension (0: nothing)."""
        for dim, level in self.dimensions:
            if dim == dimension:
                return level
        return self.level or 0
