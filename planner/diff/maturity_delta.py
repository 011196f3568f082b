"""The maturity delta: both charts assessed per model and dimension, criteria newly met and lost.

Imported only when a delta is asked for, so the structural diff works without
:mod:`planner.maturity`. Pure, like the assessment it runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
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


def maturity_delta(a: Chart, b: Chart, models: Iterable | None = None,
                   assessments: tuple[Mapping, Mapping] | None = None) -> MaturityDelta:
    """Assess ``a`` and ``b`` with ``models`` and compare, in the order of ``models``.

    ``models``: :class:`~planner.maturity.MaturityModel` objects (the store reads
    them); None only with ``assessments``, and then the models both of them hold. ``assessments``: ``(old, new)``, model id -> the
    :class:`~planner.maturity.Assessment` already made of ``a`` and of ``b``; those
    are reused, and only the models they lack are assessed.
    """
    known_a, known_b = assessments if assessments is not None else ({}, {})
    if models is None and assessments is not None:
        keys = [key for key in known_a if key in known_b]
        return MaturityDelta(tuple(model_delta(known_a[key], known_b[key]) for key in keys))
    from ..maturity.load import require_models  # noqa: PLC0415  (the engine, imported when a delta is asked for)

    chosen = require_models(models, "maturity_delta()")
    old, new = _assessed(a, chosen, known_a), _assessed(b, chosen, known_b)
    return MaturityDelta(tuple(model_delta(old[key], new[key]) for key in dict.fromkeys(m.id for m in chosen)))


def _assessed(chart: Chart, models: list, known: Mapping) -> dict:
    """Model id -> assessment of ``chart``: those in ``known`` as they are, the others made now (sharing facts)."""
    from ..maturity import assess_all

    missing = [m for m in models if m.id not in known]
    fresh = assess_all(chart, missing) if missing else {}
    return {m.id: known[m.id] if m.id in known else fresh[m.id] for m in models}


def model_delta(old, new) -> ModelDelta:
    """The delta between two :class:`~planner.maturity.Assessment` of the same model."""
    before = {r.criterion_id: r for r in old.results}
    met: list[CriterionChange] = []
    lost: list[CriterionChange] = []
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
