"""What history keeps of one assessment: a small, picklable digest per model.

A history assesses hundreds of revisions; keeping every :class:`~planner.maturity.Assessment`
(findings, per-capability verdicts) would hold hundreds of megabytes and could not be
cached per blob or sent between processes cheaply. A :class:`ModelState` keeps what
the table, the trend and the step-to-step changes read: the staged level, the
continuous score, the dimension levels and the set of criteria met.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

MET_STATUSES = frozenset({"met", "superseded"})
"""A criterion counts as met when the operation meets it or a stronger criterion that supersedes it."""


@dataclass(frozen=True)
class ModelState:
    """One model's verdict on one revision of a chart."""

    model_id: str
    model_name: str
    level: int
    level_name: str
    max_level: int
    score: float
    """The engine's continuous score: for a staged model, the level held plus the share of the next
    level's credit earned (2.45); for a continuous one, its score."""
    dimensions: Mapping[str, int]
    dimension_names: Mapping[str, str]
    met: frozenset[str]
    dimension_scores: Mapping[str, float] = field(default_factory=dict)
    statements: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)
    """Criterion id -> statement, to say what a gained or lost criterion means."""
    level_names: Mapping[int, str] = field(default_factory=dict, compare=False, repr=False)

    def to_dict(self) -> dict:
        return {"model": self.model_id, "name": self.model_name, "level": self.level,
                "level_name": self.level_name, "max_level": self.max_level, "score": self.score,
                "dimensions": dict(self.dimensions), "dimension_scores": dict(self.dimension_scores),
                "met": sorted(self.met)}


RECORD_FIELDS = ("level", "level_name", "max_level", "score", "dimensions", "dimension_names", "met",
                 "dimension_scores")
"""What :meth:`ModelState.record` keeps: the model's constants (name, statements, level names) are not repeated."""


def record(state: ModelState) -> dict:
    """A JSON-ready record of ``state`` for a cache; :func:`from_record` reads it back with the model's constants."""
    return {"level": state.level, "level_name": state.level_name, "max_level": state.max_level,
            "score": state.score, "dimensions": dict(state.dimensions), "dimension_names": dict(state.dimension_names),
            "met": sorted(state.met), "dimension_scores": dict(state.dimension_scores)}


def from_record(data: object, model_id: str, model_name: str, statements: Mapping[str, str],
                level_names: Mapping[int, str]) -> ModelState | None:
    """The state in a record, or None when it lacks a field or one has the wrong type (a damaged cache)."""
    if not isinstance(data, dict) or any(k not in data for k in RECORD_FIELDS):
        return None
    try:
        return ModelState(
            model_id, model_name, int(data["level"]), str(data["level_name"]), int(data["max_level"]),
            float(data["score"]), {str(k): int(v) for k, v in data["dimensions"].items()},
            {str(k): str(v) for k, v in data["dimension_names"].items()}, frozenset(map(str, data["met"])),
            {str(k): float(v) for k, v in data["dimension_scores"].items()}, statements, level_names,
        )
    except (TypeError, ValueError, AttributeError):
        return None


def model_state(assessment) -> ModelState:
    """The digest of a :class:`planner.maturity.Assessment`."""
    a = assessment
    met = frozenset(r.criterion_id for r in a.results if r.status in MET_STATUSES)
    return ModelState(
        a.model_id, a.model_name, a.level, a.level_name, a.max_level, round(a.score, 2),
        dict(a.dimension_levels), dict(a.dimension_names), met,
        {d: round(v, 2) for d, v in a.dimension_scores.items()},
        {r.criterion_id: r.statement for r in a.results}, dict(a.level_names),
    )


def summarize(chart, models: Iterable) -> dict[str, ModelState]:
    """Assess ``chart`` with every model in ``models`` and keep the digests (model id -> state)."""
    from ..maturity import assess_all  # noqa: PLC0415  (the table itself needs no engine)

    return {key: model_state(a) for key, a in assess_all(chart, list(models)).items()}
