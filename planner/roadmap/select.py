"""Choosing the solutions: a least-cost cover of the unmet criteria, closed under prerequisites.

Weighted set cover is NP-hard; the greedy rule (most newly closed criteria per
unit of cost, counting the prerequisites a pick drags in) followed by pruning of
picks that became redundant is the standard answer and is exact on the common
case where a criterion has a single closer. Catalogs have tens of solutions per
model, so the quadratic greedy loop costs nothing; criteria with one closer are
settled first, so a synthetic catalog of 1,000 stays linear.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..errors import CycleError
from .catalog import Catalog, Option, Solution
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


@dataclass
class Selection:
    """The chosen solutions, the option of each, and the arrows between them."""

    chosen: dict[str, Option] = field(default_factory=dict)
    """Solution id -> chosen option, in the order they were picked."""
    after: dict[str, set[str]] = field(default_factory=dict)
    """Solution id -> chosen solutions it must wait for."""
    closes: dict[str, list[str]] = field(default_factory=dict)
    """Solution id -> the unmet criteria it was counted for."""


def check_acyclic(catalog: Catalog) -> None:
    """Raise :class:`CycleError` naming the first prerequisite cycle in the catalog."""
    cycle = find_cycle({s.id: s.requires for s in catalog.solutions})
    if cycle:
        raise CycleError("prerequisite cycle in the solution catalog", cycle)


def find_cycle(requires: Mapping[str, Iterable[str]]) -> list[str] | None:
    """A cycle of prerequisites as ``[a, b, ..., a]`` (each needs the next), or None.

    Iterative depth-first search: linear, and no recursion limit on long chains.
    """
    state: dict[str, int] = {}  # 1 on the current path, 2 finished
    for root in requires:
        if root in state:
            continue
        path, stack = [root], [iter(requires.get(root, ()))]
        state[root] = 1
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            elif nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(requires.get(nxt, ())))
    return None


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
    state = _State(by_id, options, closers, met, present, judged, sel, target, weigh)
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


class _State:
    """The growing selection and the closure arithmetic the greedy rule needs."""

    def __init__(self, by_id, options, closers, met, present, judged, sel: Selection, target: str, weigh):
        self.weigh = weigh
        self.by_id: dict[str, Solution] = by_id
        self.options = options
        self.closers = closers
        self.met = met
        self.present = present
        self.judged = judged
        self.sel = sel
        self.target = target
        self.closed: set[str] = set()

    def covered(self, criterion: str) -> bool:
        return criterion in self.closed or criterion in self.met

    def closure(self, sid: str, into: dict[str, None] | None = None,
                path: list[tuple[str, str]] | None = None) -> dict[str, None]:
        """``sid`` with every prerequisite not yet chosen or present (ordered, prerequisites first).

        ``path`` holds the solutions being expanded, each with the requirement that
        led on: meeting one again is a cycle (through ``requires`` or through a
        required criterion), raised as :class:`CycleError` naming it, never a RecursionError.
        """
        into = {} if into is None else into
        path = [] if path is None else path
        if any(sid == p for p, _ in path):
            start = next(i for i, (p, _) in enumerate(path) if p == sid)
            names = [f"{p} ({why})" if why else p for p, why in path[start:]]
            raise CycleError("prerequisite cycle", names + [sid])
        if sid in into or sid in self.sel.chosen or sid in self.present:
            return into
        solution = self.by_id.get(sid)
        if solution is None or sid not in self.options:
            why = "is not in the catalog" if solution is None else "has no option within the budget per phase"
            raise ConstraintError(sid, f"it is a prerequisite but {why}")
        for pre in solution.requires:
            self.closure(pre, into, path + [(sid, "requires " + pre)])
        for criterion in solution.requires_criteria:
            if self._holds(criterion, into):
                continue
            self.closure(self._cheapest_closer(criterion, sid), into, path + [(sid, "requires " + criterion)])
        into[sid] = None
        return into

    def _holds(self, criterion: str, pending: dict[str, None]) -> bool:
        if criterion in self.met or criterion in self.closed:
            return True
        if self.judged is not None and criterion not in self.judged:
            return True
        return any(criterion in self.by_id[p].satisfies for p in pending)

    def _cheapest_closer(self, criterion: str, needed_by: str) -> str:
        found = self.closers.get(criterion)
        if not found:
            raise UnreachableTargetError(self.target, [f"{criterion} (required by {needed_by})"])
        return min(found, key=lambda s: self.cost(s.id)).id

    def cost(self, sid: str) -> float:
        return self.weigh(self.options[sid])

    def ratio(self, sid: str, left: list[str]) -> tuple[float, str]:
        try:
            members = self.closure(sid)
        except (ConstraintError, UnreachableTargetError, CycleError):
            return (float("inf"), sid)  # take() raises it if nothing better exists
        gained = {c for m in members for c in self.by_id[m].satisfies if c in left}
        cost = sum(self.cost(m) for m in members)
        return (cost / max(len(gained), 1e-9), sid)

    def take(self, sid: str) -> None:
        for member in self.closure(sid):
            self.sel.chosen[member] = self.options[member]
            self.closed.update(self.by_id[member].satisfies)

    def prune(self, uncovered: list[str]) -> None:
        """Drop picks whose criteria others close and that nothing chosen needs, dearest first."""
        wanted = set(uncovered) - self.met
        count: dict[str, int] = {}
        needers: dict[str, int] = {}
        asked: dict[str, int] = {}
        for sid in self.sel.chosen:
            solution = self.by_id[sid]
            for c in solution.satisfies:
                count[c] = count.get(c, 0) + 1
            for pre in solution.requires:
                needers[pre] = needers.get(pre, 0) + 1
            for c in solution.requires_criteria:
                asked[c] = asked.get(c, 0) + 1
        for sid in sorted(self.sel.chosen, key=self.cost, reverse=True):
            solution = self.by_id[sid]
            if needers.get(sid):
                continue
            sole = [c for c in solution.satisfies if count[c] == 1]
            if any(c in wanted or (asked.get(c) and c not in self.met) for c in sole):
                continue
            del self.sel.chosen[sid]
            for c in solution.satisfies:
                count[c] -= 1
            for pre in solution.requires:
                needers[pre] -= 1
            for c in solution.requires_criteria:
                asked[c] -= 1
        self._link()

    def _link(self) -> None:
        """Arrows between chosen solutions: prerequisites and closers of required criteria."""
        chosen = self.sel.chosen
        closers: dict[str, list[str]] = {}
        for sid in chosen:
            for c in self.by_id[sid].satisfies:
                closers.setdefault(c, []).append(sid)
        for sid in chosen:
            solution = self.by_id[sid]
            after = {p for p in solution.requires if p in chosen}
            for criterion in solution.requires_criteria:
                if criterion not in self.met:
                    after |= {o for o in closers.get(criterion, ()) if o != sid}
            self.sel.after[sid] = after
        cycle = find_cycle(self.sel.after)
        if cycle:
            raise CycleError("prerequisite cycle through required criteria", cycle)
