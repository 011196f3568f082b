"""Criteria a person must attest or act on: unmet, closed by no solution, answerable.

The staged assessment grants level 1 even when level-1 criteria fail, but level 2
needs them, and many criteria of the low levels describe people's practice
(front-line staff respond to complaints, pockets of service culture) that no
catalog solution can install. Such a criterion accepts an attested answer, so the
roadmap lists it for a person to answer, with evidence, or to act on until the
rule holds, instead of declaring the target unreachable. A rule-only criterion
that nothing closes still is unreachable (:class:`UnreachableTargetError`).
"""

from __future__ import annotations

from dataclasses import replace

from .catalog import Catalog
from .model import Gap, Step

ANSWERABLE = ("answer", "either")
"""Evidence kinds under which an attested answer can meet a criterion."""


def attestable(assessment, catalog: Catalog) -> dict:
    """Criterion id -> result, for every unmet criterion that accepts an answer and that no solution closes."""
    closers = catalog.closers()
    return {r.criterion_id: r for r in assessment.results
            if r.is_gap and r.evidence in ANSWERABLE and not closers.get(r.criterion_id)}


def attest_items(gaps: list[Gap], answerable: dict, catalog: Catalog, steps: list[Step]) -> list[Gap]:
    """The attest-or-act items: the target's answerable gaps, and those a planned solution requires first."""
    by_id = catalog.by_id()
    needed: dict[str, list[str]] = {}
    for step in steps:
        for criterion in by_id[step.id].requires_criteria if step.id in by_id else ():
            if criterion in answerable:
                needed.setdefault(criterion, []).append(step.id)
    items = {g.criterion: replace(g, required_by=tuple(needed.get(g.criterion, ())))
             for g in gaps if g.criterion in answerable}
    for criterion, solutions in needed.items():
        if criterion not in items:
            r = answerable[criterion]
            items[criterion] = Gap(criterion, r.level, r.dimension, r.statement, (), r.question, tuple(solutions))
    return sorted(items.values(), key=lambda g: (g.level, g.dimension, g.criterion))
