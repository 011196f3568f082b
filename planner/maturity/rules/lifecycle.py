"""Rules that read the lifecycle states capabilities record per phase (I initiating, II refining, III mastering).

The states come from the GISTICS self-assessment ("How can marketing organizations
develop a quick self-assessment of their customer-engagement capabilities?"): each
capability is marked per phase of the customer-engagement lifecycle.
"""

from __future__ import annotations

from itertools import compress, islice
from operator import attrgetter
from typing import get_args

from ...model.vocabulary import Area, Phase, Stage
from ..facts import Facts
from .registry import Finding, Params, RuleResult, listing, nothing_in_scope, rule

STAGES = {"I": 1, "II": 2, "III": 3}
PHASES = attrgetter("phases")


class LifecycleParams(Params):
    phase: Phase
    stage: Stage = "I"
    """The lowest state that counts (I initiating, II refining, III mastering)."""
    min_count: int = 1


def _phase_index(facts: Facts, phase: Phase) -> tuple[list, list[str], list[int]]:
    """Capabilities covering ``phase`` in chart order, their ids and stage numbers; once per chart and phase."""
    key = ("phase_index", phase)
    found = facts.rule_cache.get(key)
    if found is None:
        scope, ids, states = facts.phase_rows.get(phase, ([], [], []))
        found = facts.rule_cache[key] = (scope, ids, list(map(STAGES.__getitem__, states)))
    return found


@rule("lifecycle", LifecycleParams)
def lifecycle(facts: Facts, p: LifecycleParams) -> RuleResult:
    """Capabilities covering a lifecycle phase at a given state (I initiating, II refining, III mastering) or better."""
    need = STAGES[p.stage]
    scope, ids, stages = _phase_index(facts, p.phase)
    key = ("lifecycle:verdict", f"{p.phase},{need}")  # criteria differ by min_count: one verdict per phase and state
    verdict = facts.rule_cache.get(key)
    if verdict is None:  # every state is I or better
        verdict = facts.rule_cache[key] = dict.fromkeys(ids, True) if need == 1 else dict(zip(ids, map(need.__le__, stages)))
    if not scope:
        return nothing_in_scope(f"no capability covers the {p.phase} phase", {})
    # the capabilities that pass are counted and the first few named, not gathered (a phase holds thousands)
    passed = sum(verdict.values())
    good = list(islice(compress(scope, verdict.values()), 20))
    named = ", ".join(facts.who(c) for c in good[:3]) + (f" and {passed - 3} more" if passed > 3 else "")
    findings = [Finding(f"{passed} of {len(scope)} capabilities in the {p.phase} phase at state {p.stage} or better"
                        + (": " + named if good else ""), tuple(c.id for c in good))]
    below = [c for c in scope if not verdict[c.id]] if passed < p.min_count else []
    if below:
        more = f" and {len(below) - 5} more" if len(below) > 5 else ""
        named = listing([f"{facts.who(c)} at {c.phases[p.phase]}" for c in below[:5]], 4)
        findings.append(Finding("below it: " + named + more, tuple(c.id for c in below[:20])))
    return RuleResult(passed >= p.min_count, round(min(1.0, passed / p.min_count), 3), findings, verdict)


class CoverageParams(Params):
    min_phases: int = 5
    areas: list[Area] = []
    """Only capabilities in these areas count (all when empty): ``[measurement]`` asks who monitors each phase."""


@rule("lifecycle_coverage", CoverageParams)
def lifecycle_coverage(facts: Facts, p: CoverageParams) -> RuleResult:
    """How many of the five lifecycle phases some capability (of the given areas) covers."""
    where = f" in {'/'.join(p.areas)}" if p.areas else ""
    covered, verdict = _coverage(facts, p.areas)
    if covered is None:
        return nothing_in_scope(f"no capability{where} in the chart")
    missing = [ph for ph in get_args(Phase) if ph not in covered]
    findings = [Finding(f"{len(covered)} of 5 lifecycle phases covered by capabilities{where} (need {p.min_phases})"
                        + (f"; not covered: {', '.join(missing)}" if missing else ""))]
    return RuleResult(len(covered) >= p.min_phases, round(min(1.0, len(covered) / p.min_phases), 3), findings, verdict)


def _coverage(facts: Facts, areas) -> tuple[set[str] | None, dict[str, bool]]:
    """(phases covered by the capabilities in ``areas``, None when there are none; ``{id: True}`` for each
    capability covering some phase, chart order): once per chart and areas, as criteria differ by ``min_phases``."""
    key = ("lifecycle:coverage", ",".join(sorted(set(areas))))
    found = facts.rule_cache.get(key)
    if found is None:
        scope, _ = facts.scope(areas)
        phases = list(map(PHASES, scope))
        found = facts.rule_cache[key] = (set().union(*phases) if scope else None,
                                         dict.fromkeys(compress(facts.scope_ids(areas), phases), True))
    return found
