"""Attest-or-act items: what only a person can vouch for, with who should answer and what evidence would do.

The plan never attests. Three kinds of criterion end up here:

- an unmet criterion no solution closes but an answer may meet (culture in the
  front office; an investment-steering board): the staged assessment grants level 1
  even when level-1 criteria fail, but level 2 needs them;
- a criterion a planned solution requires first, which only a person can confirm;
- a criterion a planned solution prepares but the chart cannot show (a service
  blueprint signed off, a culture program taking hold): it stays unmet in the
  projection until someone attests it, and the item says which solution prepares it.

Each item names who should answer, found by role in the chart (the person
accountable for engagement, whatever their title), and what would do as evidence.
A rule-only criterion that nothing closes is unreachable (:class:`UnreachableTargetError`).
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


def attest_items(gaps: list[Gap], answerable: dict, catalog: Catalog, steps: list[Step], left: set[str],
                 assessment, chart, model) -> list[Gap]:
    """The attest-or-act items of a plan, each with who answers and what evidence would do."""
    by_id = catalog.by_id()
    needed: dict[str, list[str]] = {}
    for step in steps:
        for criterion in by_id[step.id].requires_criteria if step.id in by_id else ():
            if criterion in answerable:
                needed.setdefault(criterion, []).append(step.id)
    results = {r.criterion_id: r for r in assessment.results}
    accepts = {c.id for c in model.criteria if c.accepts_answer}
    items = {g.criterion: replace(g, required_by=tuple(needed.get(g.criterion, ())))
             for g in gaps if g.criterion in needed or (g.criterion in left and (g.criterion in answerable
                                                                                or g.criterion in accepts))}
    for criterion, solutions in needed.items():
        if criterion not in items:
            r = answerable[criterion]
            items[criterion] = Gap(criterion, r.level, r.dimension, r.statement, (), r.question, tuple(solutions))
    who = answerer(chart, catalog)
    prepared = {c: s for s in steps for c in s.closes}
    for criterion, item in items.items():
        r = results.get(criterion)
        items[criterion] = replace(item, who=who, evidence=_evidence(item, prepared.get(criterion), r))
    return sorted(items.values(), key=lambda g: (g.level, g.dimension, g.criterion))


def answerer(chart, catalog: Catalog) -> str:
    """``Dana Reyes (Chief Marketing Officer)``: the person in the engagement lead's role, or the top of the chart."""
    from .changes import chart_data
    from .project import lead_of
    from .roles import Resolver

    data = chart_data(chart)
    lead = lead_of(data, Resolver(catalog.roles))
    person = next((p for p in data.get("people") or [] if p["id"] == lead), None)
    if person is None:
        return "the person accountable for customer engagement (the chart names nobody yet)"
    title = f", {person['title']}" if person.get("title") else ""
    return f"{person.get('name') or person['id']} ({person['id']}{title})"


def _evidence(item: Gap, step: Step | None, result) -> str:
    """What to show: the record that proves the statement; after the solution that prepares it, if any."""
    base = f"a dated record showing that {item.statement[0].lower()}{item.statement[1:]}"
    if step is not None:
        return f"once {step.name} ({step.id}) is done: {base}"
    return base
