"""Choosing the solutions: a least-cost cover of the unmet criteria, closed under prerequisites.

Weighted set cover is NP-hard; the greedy rule (most newly closed criteria per
unit of cost, counting the prerequisites a pick drags in) followed by pruning of
picks that became redundant is the standard answer and is exact on the common
case where a criterion has a single closer. Catalogs have tens of solutions per
model, so the quadratic greedy loop costs nothing; criteria with one closer are
settled first, so a synthetic catalog of 1,000 stays linear.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import CycleError
from .catalog import Catalog, Option
from .cover import CoverState, Selection, find_cycle
from .errors import ConstraintError, UnreachableTargetError


@dataclass(frozen=True)
class Objective:
    """What "least" means: ``cost`` (spend plus effort valued at ``week_rate``) or ``effort``."""

    kind: str = "cost"
    week_rate: float = 0.0
    """Value of one person-week of the team's time, in the catalog's currency."""

    def value(self, option: Option) -> float:
        if self.kind == "effort":
            return option.effort + option.cost * 1e-9
        return option.cost + option.effort * self.week_rate + option.effort * 1e-6


def check_acyclic(catalog: Catalog) -> None:
    """Raise :class:`CycleError` naming the first prerequisite cycle in the catalog."""
    cycle = find_cycle({s.id: s.requires for s in catalog.solutions})
    if cycle:
        raise CycleError("prerequisite cycle in the solution catalog", cycle)


def choose_options(catalog: Catalog, objective: Objective, budget: float | None, capacity: float) -> dict[str, Option]:
    """The best affordable option of every solution (``budget`` is per phase)."""
    options = {}
    for solution in catalog.solutions:
        affordable = [o for o in solution.options if budget is None or o.cost <= budget]
        if affordable:
            options[solution.id] = min(affordable, key=objective.value)
    return options


def select(
    catalog: Catalog,
    gaps: list[str],
    options: dict[str, Option],
    met: set[str],
    present: set[str],
    judged: set[str] | None = None,
    target: str = "the target",
    weigh=None,
) -> Selection:
    """Solutions closing every criterion in ``gaps``, with their prerequisites.

    ``met``: criteria that hold already. ``present``: solutions already in place.
    ``judged``: criteria the current model can judge; a required criterion outside
    it is assumed to hold (the caller warns).
    """
    by_id = catalog.by_id()
    closers = {c: [s for s in sols if s.id in options] for c, sols in catalog.closers().items()}
    missing = [c for c in gaps if not closers.get(c)]
    if missing:
        _explain_missing(catalog, missing, closers, target)
    sel = Selection()
    weigh = weigh or Objective().value
    state = CoverState(by_id, options, closers, met, present, judged, sel, target, weigh)
    uncovered = [c for c in gaps if c not in met]
    tried: set[str] = set()
    for criterion in uncovered:  # forced picks first: a criterion only one solution closes
        if len(closers[criterion]) == 1:
            state.take(closers[criterion][0].id)
    while True:
        left = [c for c in uncovered if not state.covered(c)]
        if not left:
            break
        candidates = {s.id for c in left for s in closers[c]} - tried
        if not candidates:
            raise UnreachableTargetError(target, left)
        best = min(candidates, key=lambda sid: state.ratio(sid, left))
        state.take(best)
        tried.add(best)
    state.prune(uncovered)
    for sid in sel.chosen:
        sel.closes[sid] = [c for c in uncovered if c in by_id[sid].satisfies]
    return sel


def _explain_missing(catalog: Catalog, missing: list[str], closers, target: str) -> None:
    unaffordable = [c for c in missing if catalog.closers().get(c)]
    if unaffordable and len(unaffordable) == len(missing):
        names = ", ".join(s.id for s in catalog.closers()[unaffordable[0]])
        raise ConstraintError(names, f"every option costs more than the budget per phase (needed for {unaffordable[0]})")
    raise UnreachableTargetError(target, [c for c in missing if c not in unaffordable] or missing)
