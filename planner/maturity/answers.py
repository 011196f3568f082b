"""Attested answers: which answer a criterion reads, what it scores, and what is wrong with it.

A criterion reads the chart's answer under its id (or a former id, its ``aliases``),
or, when it asks several ``questions``, one answer per question keyed
``<criterion id>#<question id>``; it then scores their weighted mean, unanswered
questions counting 0. Each answer is scored on its answer set (the question's, the
criterion's, its dimension's, else the model's ``answer_scale``). A label outside
a named answer set is a problem located in the chart (``answers.<key>.answer``),
reported by ``planner assess`` as ``PATH:LINE:COL: error: ...`` like any other
mistake; a label off the model's default scale is reported in the criterion's
findings and counts for nothing, as it always has.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import Problem
from ..model import Answer
from .facts import Facts
from .rules import Finding
from .spec import MaturityModel, PlacedCriterion, Question


def answer_score(model: MaturityModel, answer: Answer, labels: dict[str, float] | None = None,
                 set_name: str | None = None) -> tuple[float, str | None]:
    """The 0..1 score of an answer on its answer set and, when it cannot count, why."""
    labels = model.answer_scale if labels is None else labels
    value = answer.answer
    if isinstance(value, bool):
        score = 1.0 if value else 0.0
    elif isinstance(value, (int, float)):
        if not 0 <= value <= 1:
            return 0.0, f"answer {value} is outside 0..1"
        score = float(value)
    else:
        if value not in labels:
            where = f"answer set {set_name}" if set_name else "the scale"
            return 0.0, f"answer {value!r} is not in {where} ({', '.join(repr(x) for x in labels)})"
        score = labels[value]
    if model.evidence_required and not answer.evidence:
        return 0.0, f"answer {value!r} gives no evidence, so it does not count"
    return score, None


@dataclass
class Answered:
    """What the chart's answers say of one criterion."""

    score: float | None = None
    """Weighted mean of the answers' scores; None when nothing is answered."""
    findings: list[Finding] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    """Labels outside their answer set, located by their key in the chart's ``answers:``."""


def read_answers(facts: Facts, model: MaturityModel, c: PlacedCriterion) -> Answered:
    """The answers of ``c`` (one, or one per question), scored and explained."""
    out = Answered()
    if c.questions:
        total = sum(q.weight for q in c.questions)
        scored = [(q, _one(facts, model, c, f"{c.id}#{q.id}", q, out)) for q in c.questions]
        if any(s is not None for _, s in scored):
            out.score = sum((s or 0.0) * q.weight for q, s in scored) / total
        return out
    key, note = _key(facts, c)
    if key is not None:
        out.score = _one(facts, model, c, key, None, out)
        if note:
            out.findings.append(Finding(note))
    return out


def _key(facts: Facts, c: PlacedCriterion) -> tuple[str | None, str | None]:
    """The answer key ``c`` is found under: its id, or a former id (with a note naming both)."""
    answers = facts.chart.answers
    if c.id in answers:
        return c.id, None
    for old in c.aliases:
        if old in answers:
            return old, f"answer keyed by the former id {old!r}; key it {c.id!r}"
    return None, None


def _one(facts: Facts, model: MaturityModel, c: PlacedCriterion, key: str, q: Question | None,
         out: Answered) -> float | None:
    answer = facts.chart.answers.get(key)
    if answer is None:
        return None
    set_name, labels = model.answer_set(c.spec, q)
    score, problem = answer_score(model, answer, labels, set_name)
    who = f" by {facts.name(answer.by)}" if answer.by else ""
    when = f" on {answer.on}" if answer.on else ""
    asked = f"{q.id}: " if q else ""
    out.findings.append(Finding(problem or f"{asked}answered {answer.answer!r}{who}{when}: {answer.evidence}",
                                (answer.by,) if answer.by else ()))
    if problem and set_name and "is not in" in problem:  # a named set is a contract; the default scale stays lenient
        out.problems.append(Problem(f"answer to {key}: {problem}", "bad-answer", ("answers", key, "answer"), key))
    return score


def answer_keys(model: MaturityModel) -> set[str]:
    """Every key an answer to this model may have: criterion ids, former ids, ``<id>#<question>``."""
    keys = set(model.alias_of)
    for c in model.criteria:
        keys.add(c.id)
        keys.update(f"{c.id}#{q.id}" for q in c.questions)
    return keys


__all__ = ["Answered", "answer_keys", "answer_score", "read_answers"]
