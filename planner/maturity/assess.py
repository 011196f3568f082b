"""Scoring: criteria judged by rules and answers, then staged and continuous levels.

Staged, as CMMI does: the level reached is the highest level with no gap at it or
below; level 1 counts as reached by default. A gap is a required criterion (a
capability, not a limitation) that applies to the chart and is not met, neither
directly nor through a stronger criterion that supersedes it. Continuous: the same
computation restricted to one dimension gives that dimension's level; the evidence
the rules name gives each capability's level (the heat map).
"""

from __future__ import annotations

import json
from itertools import compress, islice, repeat
from operator import is_not
from typing import Any, cast

from ..errors import Problem
from ..model.integrity import suggest
from .answers import answer_keys, read_answers
from .facts import Facts
from .results import GAP_STATUSES, Assessment, CriterionResult, SatisfiedBy, Status
from .rules import RULES, Finding, RuleResult
from .scoring import dimension_scores, group_levels, level_of_score, staged_level, staged_scores
from .spec import MaturityModel, PlacedCriterion


def run_rule(facts: Facts, name: str, params: dict) -> RuleResult:
    """Evaluate a rule once per chart and parameter set; models sharing a rule share the result.

    The cache key is the *validated* parameters, defaults filled in, so ``{}`` and
    ``{"max_sole_capabilities": 2}`` are one evaluation. Results are shared, not
    copied: callers read them and never change them.
    """
    rule = RULES[name]
    valid, key = _validated(name, params)
    cached = facts.rule_cache.get(key)
    if cached is None:
        cached = facts.rule_cache[key] = rule.func(facts, valid)
    return cached


_VALIDATED: dict[tuple[str, str], tuple[Any, tuple[str, str]]] = {}
"""A criterion's parameters as validated, and its cache key, by the parameters as written: the same
for every chart a model is applied to (a history assesses hundreds), so validated once. Rules read
their parameters and never change them."""


def _validated(name: str, params: dict) -> tuple[Any, tuple[str, str]]:
    written = (name, json.dumps(params, sort_keys=True, default=str))
    found = _VALIDATED.get(written)
    if found is None:
        valid = RULES[name].params.model_validate(params)
        found = (valid, (name, json.dumps(valid.model_dump(mode="json"), sort_keys=True)))
        if len(_VALIDATED) > 4096:  # models read from many files in one process: keep it bounded
            _VALIDATED.clear()
        _VALIDATED[written] = found
    return found


def judge(facts: Facts, model: MaturityModel, c: PlacedCriterion) -> tuple[CriterionResult, list[Problem]]:
    """One criterion: the rule, the attested answers, or both (either may satisfy it).

    A limitation is judged like any criterion (so the report can say whether it still
    holds) but its status is always ``limitation``: it is never required. Also returns
    the answers' problems (a label outside its answer set), to be located in the chart.
    """
    findings: list[Finding] = []
    rule_result = run_rule(facts, c.rule, c.params) if c.accepts_rule else None
    rule_ok = bool(rule_result and rule_result.passed)
    applicable = rule_result is None or rule_result.applicable
    score = rule_result.score if rule_result else 0.0
    if rule_result:
        findings += rule_result.findings
    answered = read_answers(facts, model, c) if c.accepts_answer else None
    answer_ok = False
    if answered is not None and answered.score is not None:
        answer_ok = answered.score >= model.threshold
        findings += answered.findings
        score = max(score, answered.score)
    elif c.accepts_answer and not rule_ok and applicable:
        findings.append(Finding(f"no attested answer in the chart to: {c.question}"))
    met = rule_ok or answer_ok
    by: SatisfiedBy | None = "rule" if rule_ok else ("answer" if answer_ok else None)
    claims = list(rule_result.claims) if rule_result and not met else []
    if not c.required:
        status: Status = "limitation"
    elif met:
        status = "met"
    elif not applicable:
        status = "n/a"
    else:
        status = "claimed" if claims else "gap"
    credit = 1.0 if rule_ok else round(min(1.0, score), 4)
    result = CriterionResult(
        c.id, c.level, c.dimension, met, 1.0 if met else round(score, 3), by,
        findings, c.statement, c.question, c.rule, c.evidence, bool(answered and answered.score is not None),
        rule_result.per_capability if rule_result and rule_ok else None, status, c.kind, claims, credit, c.weight,
    )
    return result, (answered.problems if answered else [])


def supersede(model: MaturityModel, results: list[CriterionResult]) -> None:
    """Mark unmet criteria whose stronger successor is met as ``superseded`` (met), highest level first.

    Going down the levels lets ladders chain: a level-2 criterion superseded by a
    level-3 one that is itself superseded by a level-5 one that is met.
    """
    by_id = {r.criterion_id: r for r in results}
    for r in sorted(results, key=lambda r: -r.level):
        successors = model.supersession.get(r.criterion_id)
        if not successors or r.met or r.status == "limitation":
            continue
        stronger = [by_id[s] for s in successors if s in by_id and by_id[s].met]
        if stronger:
            r.met, r.score, r.status, r.satisfied_by = True, 1.0, "superseded", "superseded"
            r.findings.insert(0, Finding("superseded by " + ", ".join(s.criterion_id for s in stronger)
                                         + ", which the operation meets"))
            r.claims = []


def staged(results: list[CriterionResult], max_level: int, min_level: int = 1) -> int:
    """The highest level with no gap at it or below (see :func:`.scoring.staged_level`)."""
    return staged_level(results, max_level, min_level)


def dimension_level(results: list[CriterionResult], max_level: int, overall: int) -> int:
    """A dimension's staged level; levels where it requires nothing count only up to the overall level.

    Without that limit a dimension with nothing to show at levels 2 and 3 (culture, in
    Pradhan's model) would claim level 3 for an operation that is at level 1 everywhere else.
    """
    reached = staged(results, max_level, min(overall, 1))
    if reached < 1:
        return reached
    evidenced = max((r.level for r in results if r.level <= reached and r.met and r.kind == "capability"), default=1)
    return max(evidenced, min(reached, overall))


def capability_levels(facts: Facts, results: list[CriterionResult]) -> dict[str, int]:
    """Per capability: the highest level of a criterion the operation meets with this capability's evidence.

    Capabilities that evidence no met criterion are absent: the heat map shows them as
    "not assessed", never as failing. Chart order. Met criteria are taken lowest level
    first, so a later (higher) level overwrites an earlier one, by C-level dict updates;
    a verdict that passes every capability it names (most do) is copied as it is, its
    ids not hashed again. The levels are written into a copy of the capabilities' ids
    in chart order (:attr:`~.facts_base.FactsBase.level_slots`), so the result is in
    order without a look-up per capability: 20% less time over the five models. (Writing
    levels by chart position instead costs more: finding a passed id's position hashes it again.)
    """
    slots = facts.level_slots
    best: dict[str, int | None] = dict(slots)  # a copy of the table (cloned, no id hashed)
    for r in sorted((r for r in results if r.per_capability and r.met), key=lambda r: r.level):
        verdict = r.per_capability or {}
        best.update(dict.fromkeys(verdict if all(verdict.values()) else compress(verdict, verdict.values()), r.level))
    if len(best) > len(slots):  # a verdict named an id that is no capability's: not on the heat map
        best = dict(islice(best.items(), len(slots)))
    levels = list(best.values())
    if all(levels):  # every capability assessed
        return cast("dict[str, int]", best)
    keep = list(map(is_not, levels, repeat(None)))
    return dict(zip(compress(best, keep), cast("list[int]", compress(levels, keep))))  # chart order, filtered in C


def level_scores(model: MaturityModel, results: list[CriterionResult]) -> dict[int, float]:
    """Weighted mean score of each level's required, applicable criteria (1.0 when it requires nothing)."""
    scores = {}
    for n in range(1, model.max_level + 1):
        at = [(r, r.weight) for r in results if r.level == n and r.status not in ("limitation", "n/a")]
        total = sum(w for _, w in at)
        scores[n] = round(sum(r.score * w for r, w in at) / total, 3) if total else 1.0
    return scores


def assess_facts(facts: Facts, model: MaturityModel) -> Assessment:
    """Judge every criterion of ``model`` and derive the levels and scores of the model's mode."""
    judged = [judge(facts, model, c) for c in model.criteria]
    results = [r for r, _ in judged]
    problems = [p for _, found in judged for p in found]
    supersede(model, results)
    if model.scoring == "continuous":
        scores, total = dimension_scores(model, results)
        level = level_of_score(model, total)
        dims = {d: level_of_score(model, v) for d, v in scores.items()}
    else:
        level = staged(results, model.max_level, model.min_level)
        leaves = {d: dimension_level([r for r in results if r.dimension == d], model.max_level, level)
                  for d in model.dimensions_at_bottom}
        dims = group_levels(model, leaves)
        scores, total = staged_scores(model, results, dims, level)
    names = ({0: model.level_zero.name} if model.level_zero else {}) | {
        n: lv.name for n, lv in enumerate(model.levels, start=1)}
    return Assessment(
        model.id, model.name, level, model.level_name(level),
        level + 1 if level < model.max_level else None, model.max_level, names,
        {d.id: dims[d.id] for d in model.dimensions}, {d.id: d.name for d in model.dimensions},
        capability_levels(facts, results), level_scores(model, results), results,
        _answer_notes(facts, model), model.source, len(facts.capabilities),
        model.scoring, total, scores, {d.id: d.parent for d in model.dimensions if d.parent}, problems,
    )


def _answer_notes(facts: Facts, model: MaturityModel) -> list[str]:
    """Answers that look meant for this model but match none of its criteria (typos)."""
    if not facts.chart.answers:
        return []
    ids = [c.id for c in model.criteria]
    known = answer_keys(model)
    notes = []
    for key in facts.chart.answers:
        if key.startswith(model.id + ".") and key not in known:
            notes.append(f"answer {key!r} matches no criterion of {model.id}{suggest(key, ids)}")
    return notes


__all__ = [
    "GAP_STATUSES",
    "Assessment",
    "CriterionResult",
    "SatisfiedBy",
    "Status",
    "assess_facts",
    "capability_levels",
    "dimension_level",
    "judge",
    "level_scores",
    "run_rule",
    "staged",
    "supersede",
]
