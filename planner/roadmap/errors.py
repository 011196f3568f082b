"""Why a roadmap cannot be made: each error names its cause and carries it as fields.

A prerequisite cycle is reported with :class:`planner.errors.CycleError`, whose
``cycle`` lists the solutions in order.
"""

from __future__ import annotations

from ..errors import PlannerError, Problem, UnknownNameError


class UnreachableTargetError(PlannerError):
    """Some unmet criteria up to the target are closed by no solution in the catalog."""

    def __init__(self, target: str, criteria: list[str]):
        self.target = target
        self.criteria = list(criteria)
        names = ", ".join(self.criteria)
        super().__init__(f"cannot reach {target}: no solution in the catalog closes {names}")


class TargetReachedError(PlannerError):
    """The target is at or below the level the chart already holds: there is nothing to plan."""

    def __init__(self, target: str, current: str):
        self.target = target
        self.current = current
        super().__init__(f"the chart is already at {current}; the target {target} is at or below it: nothing to do")


class AmbiguousNameError(UnknownNameError):
    """A name matches more than one level (``information`` in the information model)."""

    def __init__(self, what: str, name: str, matches: list[str]):
        super().__init__(what, name, matches)
        self.args = (f"ambiguous {what} {name!r}: it matches {', '.join(matches)}",)


class ConstraintError(PlannerError):
    """A solution cannot be scheduled under the constraints (its cost exceeds the phase budget...)."""

    def __init__(self, solution: str, reason: str):
        self.solution = solution
        self.reason = reason
        super().__init__(f"solution {solution!r} cannot be scheduled: {reason}")


class BudgetTooSmallError(ConstraintError):
    """The budget per phase is below what some needed solution costs; ``smallest`` is the least that works."""

    def __init__(self, solution: str, reason: str, budget: float, smallest: float, currency: str):
        super().__init__(solution, reason)
        self.budget = budget
        self.smallest = smallest
        self.args = (f"a budget of {budget:,.0f} {currency} per phase is too small ({solution}: {reason}); "
                     f"the smallest budget per phase that works is {smallest:,.0f} {currency} (--budget {smallest:.0f})",)


class InvalidConstraintError(PlannerError):
    """A constraint is out of range (a capacity of zero or NaN, a negative budget...).

    Raised when :class:`~planner.roadmap.model.Constraints` is made, so the command
    line, the editor and the Python API all get the same one-line message.
    """

    def __init__(self, name: str, value: object, expected: str):
        self.name = name
        self.value = value
        self.expected = expected
        super().__init__(f"{name} must be {expected}, not {value!r}")


class ProjectionError(PlannerError):
    """Applying a solution's change to the chart fails or leaves the chart invalid."""

    def __init__(self, solution: str, problems: list[Problem] | list[str]):
        self.solution = solution
        self.problems = [p if isinstance(p, Problem) else Problem(str(p), "projection") for p in problems]
        first = self.problems[0].message if self.problems else "unknown problem"
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        super().__init__(f"applying solution {solution!r} breaks the chart: {first}{more}")
