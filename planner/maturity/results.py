"""What an assessment returns: the verdict on each criterion and the chart's levels and scores.

Plain data (dataclasses) with their JSON shape (``to_dict``, documented in
``docs/maturity.md``); :mod:`.assess` computes them, the reports, the diff, the
roadmap and the editor read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..errors import Problem
from .rules import Finding

SatisfiedBy = Literal["rule", "answer", "superseded"]
Status = Literal["met", "superseded", "gap", "claimed", "n/a", "limitation"]
"""A criterion's verdict: met (by rule or answer), superseded (a stronger criterion is met), gap
(required and unmet), claimed (a gap that tags claim but the structure does not evidence), n/a
(does not apply to this chart), limitation (describes the level; never required)."""
GAP_STATUSES = frozenset({"gap", "claimed"})


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
    status: Status = "gap"
    kind: str = "capability"
    claims: list[Finding] = field(default_factory=list)
    credit: float = 0.0
    """Partial credit 0..1 before the threshold: the rule's score or the answers' (continuous scores sum it)."""
    weight: float = 1.0

    @property
    def is_gap(self) -> bool:
        """Required, applicable and unmet: something stands between the chart and this level."""
        return self.status in GAP_STATUSES

    @property
    def applicable(self) -> bool:
        return self.status != "n/a"

    def to_dict(self) -> dict:
        return {
            "id": self.criterion_id, "level": self.level, "dimension": self.dimension, "status": self.status,
            "kind": self.kind, "met": self.met, "score": self.score, "satisfied_by": self.satisfied_by,
            "statement": self.statement, "question": self.question, "rule": self.rule, "evidence": self.evidence,
            "answered": self.answered, "findings": [f.to_dict() for f in self.findings],
            "claims": [f.to_dict() for f in self.claims], "credit": self.credit,
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
    capabilities_total: int = 0
    scoring: str = "staged"
    """The model's mode: ``staged`` (levels from gaps) or ``continuous`` (levels from scores)."""
    score: float = 0.0
    """The model's continuous score, 0 to ``max_level`` (partial credit kept)."""
    dimension_scores: dict[str, float] = field(default_factory=dict)
    """Every dimension's and group's continuous score."""
    dimension_parents: dict[str, str] = field(default_factory=dict)
    """Dimension id -> its group, for dimensions that belong to one."""
    answer_problems: list[Problem] = field(default_factory=list)
    """Answers outside their answer set, to be located in the chart (``planner assess`` reports them)."""

    def gaps(self, level: int | None = None) -> list[CriterionResult]:
        """Every gap at or below ``level`` (the next level by default; none at the top), lowest level first.

        The one gap list of the product: ``assess``, the editor's live panel and the
        roadmap all read it, so they name the same criteria in the same order.
        """
        target = self.next_level if level is None else level
        if target is None:
            return []
        return sorted((r for r in self.results if r.level <= target and r.is_gap), key=lambda r: r.level)

    @property
    def not_assessed(self) -> int:
        """Capabilities that evidence no met criterion (grey on the heat map)."""
        return max(0, self.capabilities_total - len(self.capability_levels))

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
            "capability_levels": self.capability_levels, "capabilities_not_assessed": self.not_assessed,
            "scoring": self.scoring, "score": self.score, "dimension_scores": self.dimension_scores,
            "dimension_groups": self.dimension_parents,
            "gaps": [r.criterion_id for r in self.gaps()],
            "criteria": [r.to_dict() for r in self.results],
            "notes": self.notes,
        }
