"""Rules made of rules: ``any_of`` and ``all_of``, so a criterion can accept several kinds of evidence.

Customer lifetime value steers decisions when it is on a CoE's P&L *or* when the
management capability computes it from the analytic data: one criterion, two
structural proofs. Sub-rules are evaluated through the shared rule cache, and their
parameters are checked when the model file is loaded, like any rule's.
"""

from __future__ import annotations

from itertools import compress, repeat
from operator import is_
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator

from ..facts import Facts
from .registry import NOTHING_IN_SCOPE, RULES, Finding, Params, RuleResult, not_applicable, nothing_in_scope, rule


class SubRule(BaseModel):
    """One rule of a combination, with its parameters."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    rule: str
    params: dict[str, Any] = {}

    @field_validator("rule")
    @classmethod
    def _known(cls, name: str) -> str:
        if name not in RULES:
            raise ValueError(f"unknown rule {name!r} (known: {', '.join(sorted(RULES))})")
        return name

    def validated(self) -> None:
        RULES[self.rule].params.model_validate(self.params)


class CombineParams(Params):
    rules: list[SubRule]
    """The rules combined, each ``{rule: NAME, params: {...}}``."""

    @field_validator("rules")
    @classmethod
    def _params_valid(cls, rules: list[SubRule]) -> list[SubRule]:
        if not rules:
            raise ValueError("name at least one rule")
        for sub in rules:
            sub.validated()
        return rules


def _run(facts: Facts, p: CombineParams) -> list[RuleResult]:
    from ..assess import run_rule  # the shared cache; imported late (assess imports this package)

    return [run_rule(facts, sub.rule, dict(sub.params)) for sub in p.rules]


def _merge_evidence(results: list[RuleResult]) -> dict[str, bool] | None:
    """``{id: True}`` for every capability a passing rule marks, in the order the rules mark them.

    A verdict that marks every capability it names (the ``capabilities`` rule's) is merged
    as it is, without a filtered copy: a dictionary merge reuses the hashes it holds.
    """
    found: dict[str, bool] = {}
    for r in results:
        if r.passed and (verdict := r.per_capability):
            marks_all = all(map(is_, verdict.values(), repeat(True)))  # every value is True itself, not merely truthy
            found.update(verdict if marks_all else dict.fromkeys(compress(verdict, verdict.values()), True))
    return found or None


@rule("any_of", CombineParams)
def any_of(facts: Facts, p: CombineParams) -> RuleResult:
    """Met when any of the rules is met; n/a when none of them applies."""
    results = _run(facts, p)
    live = [r for r in results if r.applicable]
    if not live:
        return not_applicable("; ".join(f.message.removeprefix("n/a: ") for r in results for f in r.findings[:1]))
    passed = [r for r in live if r.passed]
    if not passed and all(r.findings and r.findings[0].message.startswith(NOTHING_IN_SCOPE) for r in live):
        return nothing_in_scope("; ".join(dict.fromkeys(r.findings[0].message.removeprefix(NOTHING_IN_SCOPE)
                                                        for r in live)))
    chosen = passed or live
    findings = [f for r in chosen[:1 if passed else len(chosen)] for f in r.findings]
    if not passed and len(live) > 1:
        findings.insert(0, Finding(f"none of {len(live)} ways to evidence it holds:"))
    claims = [c for r in live for c in r.claims] if not passed else []
    return RuleResult(bool(passed), max(r.score for r in live), findings, _merge_evidence(passed), claims=claims)


@rule("all_of", CombineParams)
def all_of(facts: Facts, p: CombineParams) -> RuleResult:
    """Met when every rule that applies is met; n/a when none applies."""
    results = _run(facts, p)
    live = [r for r in results if r.applicable]
    if not live:
        return not_applicable("; ".join(f.message.removeprefix("n/a: ") for r in results for f in r.findings[:1]))
    if all(r.findings and r.findings[0].message.startswith(NOTHING_IN_SCOPE) for r in live):
        return nothing_in_scope("; ".join(dict.fromkeys(r.findings[0].message.removeprefix(NOTHING_IN_SCOPE)
                                                        for r in live)))
    passed = all(r.passed for r in live)
    findings = [f for r in live for f in (r.findings if not r.passed else r.findings[:1])]
    claims = [c for r in live if not r.passed for c in r.claims]
    score = sum(r.score for r in live) / len(live)
    return RuleResult(passed, round(score, 3), findings, _merge_evidence(live) if passed else None, claims=claims)
