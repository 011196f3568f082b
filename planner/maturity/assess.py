"""Scoring: criteria judged by rules and answers, then staged and continuous levels.

Staged, as CMMI does: the level reached is the highest level whose criteria, and
all those below it, are met; level 1 counts as reached by default. Continuous: the
same computation restricted to one dimension gives that dimension's level, and the
per-capability verdicts of the rules give each capability's level (the heat map).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Literal

from ..model import Answer
from ..model.integrity import suggest
from .facts import Facts
from .rules import RULES, Finding, RuleResult
from .spec import MaturityModel, PlacedCriterion

SatisfiedBy = Literal["rule", "answer"]


@dataclass
class CriterionResult:
    """The verdict on one criterion, and why."""

    criterion_id: str
    level: int
    dimension: str
    met: bool
    score: float
    satisfied_by: SatisfiedBy | None
    findings: list[Finding] = field(default_factory=list)
    statement: str = ""
    question: str = ""
    rule: str | None = None
    evidence: str = "either"
    answered: bool = False
    per_capability: dict[str, bool] | None = field(default=None, repr=False)

    def to_dict(self) -> dict:
        return {
            "id": self.criterion_id, "level": self.level, "dimension": self.dimension, "met": self.met,
            "score": self.score, "satisfied_by": self.satisfied_by, "statement": self.statement,
            "question": self.question, "rule": self.rule, "evidence": self.evidence, "answered": self.answered,
            "findings": [f.to_dict() for f in self.findings],
        }


@dataclass
class Assessment:
    """A chart judged against one maturity model."""

    model_id: str
    model_name: str
    level: int
    level_name: str
    next_level: int | None
    max_level: int
    level_names: dict[int, str]
    dimension_levels: dict[str, int]
    dimension_names: dict[str, str]
    capability_levels: dict[str, int]
    level_scores: dict[int, float]
    results: list[CriterionResult]
    notes: list[str] = field(default_factory=list)
    source: str = ""

    def gaps(self, level: int | None = None) -> list[CriterionResult]:
        """Unmet criteria of ``level`` (the next level by default; none at the top)."""
        target = self.next_level if level is None else level
        if target is None:
            return []
        return [r for r in self.results if r.level == target and not r.met]

    def result(self, criterion_id: str) -> CriterionResult:
        for r in self.results:
            if r.criterion_id == criterion_id:
                return r
        raise KeyError(criterion_id)

    def to_dict(self) -> dict:
        """JSON-ready; the shape is documented in ``docs/maturity.md``."""
        return {
            "model": self.model_id, "name": self.model_name, "source": self.source,
            "level": self.level, "level_name": self.level_name, "next_level": self.next_level,
            "max_level": self.max_level, "levels": {str(n): name for n, name in self.level_names.items()},
            "level_scores": {str(n): s for n, s in self.level_scores.items()},
            "dimension_levels": self.dimension_levels, "dimension_names": self.dimension_names,
            "capability_levels": self.capability_levels,
            "gaps": [r.criterion_id for r in self.gaps()],
            "criteria": [r.to_dict() for r in self.results],
            "notes": self.notes,
        }


def run_rule(facts: Facts, name: str, params: dict) -> RuleResult:
    """Evaluate a rule once per chart and parameter set; models sharing a rule share the result.

    The cache key is the *validated* parameters, defaults filled in, so ``{}`` and
    ``{"max_sole_capabilities": 2}`` are one evaluation. Results are shared, not
    copied: callers read them and never change them.
    """
    rule = RULES[name]
    valid = rule.params.model_validate(params)
    key = (name, json.dumps(valid.model_dump(mode="json"), sort_keys=True))
    cached = facts.rule_cache.get(key)
    if cached is None:
        cached = facts.rule_cache[key] = rule.func(facts, valid)
    return cached


def answer_score(model: MaturityModel, answer: Answer) -> tuple[float, str | None]:
    """The 0..1 score of an answer and, when it cannot count, why."""
    value = answer.answer
    if isinstance(value, bool):
        score = 1.0 if value else 0.0
    elif isinstance(value, (int, float)):
        if not 0 <= value <= 1:
            return 0.0, f"answer {value} is outside 0..1"
        score = float(value)
    else:
        if value not in model.answer_scale:
            return 0.0, f"answer {value!r} is not on the scale ({', '.join(model.answer_scale)})"
        score = model.answer_scale[value]
    if model.evidence_required and not answer.evidence:
        return 0.0, f"answer {value!r} gives no evidence, so it does not count"
    return score, None


def judge(facts: Facts, model: MaturityModel, c: PlacedCriterion) -> CriterionResult:
    """One criterion: the rule, the attested answer, or both (either may satisfy it)."""
    findings: list[Finding] = []
    rule_result = run_rule(facts, c.rule, c.params) if c.accepts_rule else None
    rule_ok = bool(rule_result and rule_result.passed)
    score = rule_result.score if rule_result else 0.0
    if rule_result:
        findings += rule_result.findings
    answer = facts.chart.answers.get(c.id) if c.accepts_answer else None
    answer_ok = False
    if answer is not None:
        a_score, problem = answer_score(model, answer)
        answer_ok = problem is None and a_score >= model.threshold
        who = f" by {facts.name(answer.by)}" if answer.by else ""
        when = f" on {answer.on}" if answer.on else ""
        text = problem or f"answered {answer.answer!r}{who}{when}: {answer.evidence}"
        findings.append(Finding(text, (answer.by,) if answer.by else ()))
        score = max(score, a_score)
    elif c.accepts_answer and not rule_ok:
        findings.append(Finding(f"no attested answer in the chart to: {c.question}"))
    met = rule_ok or answer_ok
    by = "rule" if rule_ok else ("answer" if answer_ok else None)
    return CriterionResult(
        c.id, c.level, c.dimension, met, 1.0 if met else round(score, 3), by,
        findings, c.statement, c.question, c.rule, c.evidence, answer is not None,
        rule_result.per_capability if rule_result else None,
    )


def staged(results: list[CriterionResult], max_level: int) -> int:
    """The highest level whose criteria, and all below it, are met; at least 1."""
    failed = min((r.level for r in results if not r.met), default=math.inf)
    if failed == 1:
        return 1
    return int(min(max_level, failed - 1))


def dimension_level(results: list[CriterionResult], max_level: int, overall: int) -> int:
    """A dimension's staged level; levels where it has no criteria count only up to the overall level.

    Without that limit a dimension with nothing to show at levels 2 and 3 (culture, in
    seed 002) would claim level 3 for an operation that is at level 1 everywhere else.
    """
    reached = staged(results, max_level)
    evidenced = max((r.level for r in results if r.level <= reached), default=1)
    return max(evidenced, min(reached, overall))


def capability_levels(facts: Facts, results: list[CriterionResult]) -> dict[str, int]:
    """Per capability: the highest level it shows evidence of, with no applicable criterion below it failing."""
    failed: set[str] = set()
    best: dict[str, int] = {}
    for level in sorted({r.level for r in results}):
        group = [r.per_capability for r in results if r.level == level and r.per_capability]
        fails = {cap for verdict in group for cap, ok in verdict.items() if not ok}
        blocked = failed | fails
        for verdict in group:
            best.update((cap, level) for cap, ok in verdict.items() if ok and cap not in blocked)
        failed = blocked
    levels = dict.fromkeys(facts.scope_ids(()), 1)  # every capability, chart order
    levels.update(best)  # verdicts only ever name capabilities
    return levels


def assess_facts(facts: Facts, model: MaturityModel) -> Assessment:
    """Judge every criterion of ``model`` and derive the levels and scores."""
    results = [judge(facts, model, c) for c in model.criteria]
    level = staged(results, model.max_level)
    dims = {d.id: dimension_level([r for r in results if r.dimension == d.id], model.max_level, level)
            for d in model.dimensions}
    scores = {}
    for n in range(1, model.max_level + 1):
        at = [(r, c.weight) for r, c in zip(results, model.criteria) if r.level == n]
        total = sum(w for _, w in at)
        scores[n] = round(sum(r.score * w for r, w in at) / total, 3) if total else 1.0
    return Assessment(
        model.id, model.name, level, model.level_name(level),
        level + 1 if level < model.max_level else None, model.max_level,
        {n: lv.name for n, lv in enumerate(model.levels, start=1)},
        dims, {d.id: d.name for d in model.dimensions},
        capability_levels(facts, results), scores, results, _answer_notes(facts, model), model.source,
    )


def _answer_notes(facts: Facts, model: MaturityModel) -> list[str]:
    """Answers that look meant for this model but match none of its criteria (typos)."""
    ids = [c.id for c in model.criteria]
    known = set(ids)
    notes = []
    for key in facts.chart.answers:
        if key.startswith(model.id + ".") and key not in known:
            notes.append(f"answer {key!r} matches no criterion of {model.id}{suggest(key, ids)}")
    return notes
