"""The maturity delta: both charts assessed per model and dimension, criteria newly met and lost.

Imported only when a delta is asked for, so the structural diff works without
:mod:`planner.maturity`. Pure, like the assessment it runs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

from ..model import Chart


@dataclass(frozen=True)
class CriterionChange:
    """A criterion whose verdict flipped between the two charts."""

    criterion_id: str
    level: int
    dimension: str
    statement: str

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class DimensionDelta:
    """One dimension (area) of a model: its level on each side."""

    dimension: str
    name: str
    old: int
    new: int
    old_score: float = 0.0
    """Continuous scores (partial credit kept), so a change within a level still shows."""
    new_score: float = 0.0

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class ModelDelta:
    """One model's staged level, dimension levels and flipped criteria, old -> new."""

    model_id: str
    model_name: str
    old_level: int
    new_level: int
    old_level_name: str
    new_level_name: str
    dimensions: tuple[DimensionDelta, ...]
    newly_met: tuple[CriterionChange, ...]
    newly_lost: tuple[CriterionChange, ...]
    old_score: float = 0.0
    new_score: float = 0.0
    max_level: int = 0

    @property
    def changed(self) -> bool:
        return (self.old_level != self.new_level or bool(self.newly_met or self.newly_lost)
                or any(d.old != d.new or d.old_score != d.new_score for d in self.dimensions)
                or self.old_score != self.new_score)

    def to_dict(self) -> dict:
        return {
            "model": self.model_id, "name": self.model_name,
            "level": {"old": self.old_level, "new": self.new_level,
                      "old_name": self.old_level_name, "new_name": self.new_level_name},
            "score": {"old": self.old_score, "new": self.new_score, "of": self.max_level},
            "dimensions": [d.to_dict() for d in self.dimensions],
            "newly_met": [c.to_dict() for c in self.newly_met],
            "newly_lost": [c.to_dict() for c in self.newly_lost],
        }


@dataclass(frozen=True)
class MaturityDelta:
    """Every assessed model's delta, in the order the models were given."""

    models: tuple[ModelDelta, ...]

    def to_dict(self) -> dict:
        return {"models": [m.to_dict() for m in self.models]}


def maturity_delta(a: Chart, b: Chart, models: Iterable | None = None) -> MaturityDelta:
    """Assess ``a`` and ``b`` with ``models`` (models, names or paths; every built-in model when None) and compare."""
    from ..maturity import assess_all

    chosen = None if models is None else list(models)
    old, new = assess_all(a, chosen), assess_all(b, chosen)
    return MaturityDelta(tuple(model_delta(old[key], new[key]) for key in old if key in new))


def model_delta(old, new) -> ModelDelta:
    """The delta between two :class:`~planner.maturity.Assessment` of the same model."""
    before = {r.criterion_id: r for r in old.results}
    met, lost = [], []
    for result in new.results:
        was = before.get(result.criterion_id)
        if was is None or was.met == result.met:
            continue
        change = CriterionChange(result.criterion_id, result.level, result.dimension, result.statement)
        (met if result.met else lost).append(change)
    names = {**old.dimension_names, **new.dimension_names}
    dims = [DimensionDelta(d, names.get(d, d), old.dimension_levels.get(d, 0), new.dimension_levels.get(d, 0),
                           old.dimension_scores.get(d, 0.0), new.dimension_scores.get(d, 0.0))
            for d in dict.fromkeys([*old.dimension_levels, *new.dimension_levels])]
    return ModelDelta(new.model_id, new.model_name, old.level, new.level, old.level_name, new.level_name,
                      tuple(dims), tuple(met), tuple(lost), old.score, new.score, new.max_level)
