"""The greedy cover's working state: a solution taken with its prerequisites, picks pruned, arrows drawn.

:func:`planner.roadmap.select.select` decides which solution to take next; this
is the arithmetic under that choice. A pick is never one solution alone but its
closure (every prerequisite not yet chosen or present, and a closer for every
criterion it requires), so its price and what it closes are those of the whole
closure. Kept apart from the choosing so each reads on its own; cycles (through
``requires`` or through a required criterion) are found here, where a closure
would otherwise recurse for ever.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..errors import CycleError
from .catalog import Option, Solution
from .errors import ConstraintError, UnreachableTargetError


@dataclass
class Selection:
    """The chosen solutions, the option of each, and the arrows between them."""

    chosen: dict[str, Option] = field(default_factory=dict)
    """Solution id -> chosen option, in the order they were picked."""
    after: dict[str, set[str]] = field(default_factory=dict)
    """Solution id -> chosen solutions it must wait for."""
    closes: dict[str, list[str]] = field(default_factory=dict)
    """Solution id -> the unmet criteria it was counted for."""


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


class CoverState:
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
