"""Levels and scores from criterion results: one function per scoring mode, groups to any depth.

- :func:`staged_level`: the highest level with no gap at it or below (CMMI's staged
  representation); a model with a level 0 gives 0 when level 1 has a gap.
- :func:`dimension_scores`: every dimension's continuous score with partial credit.
  A dimension at the bottom of a group scores, level by level, the weighted mean
  credit of its required criteria at that level, summed over the levels, so each
  level counts on its own and the score runs from 0 to the number of levels (a
  stream of three one-question levels answered 1, 0.5, 0.25 scores 1.75). A group
  combines its children's scores by its ``aggregate`` (mean, min, sum, weighted).
- :func:`level_of_score`: a continuous score's level is its whole part (a practice at
  2.75 holds level 2), at least the model's lowest level.
- :func:`staged_scores`: a staged model's scores: the level held plus the share of the
  next level's credit already earned ("2.4 of 5": level 2, 40% of the way to 3).

Every dimension gets both a score and a level whatever the model's mode; the mode
decides which of them sets the levels a report leads with.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Protocol

from .spec import MaturityModel

UNSCORED = frozenset({"limitation", "n/a"})
"""Statuses that take no part in scores: limitations describe, n/a does not apply."""


class Judged(Protocol):
    """What scoring reads of a criterion's result (read-only, so a narrower ``status`` type fits)."""

    @property
    def level(self) -> int: ...
    @property
    def dimension(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def credit(self) -> float: ...
    @property
    def weight(self) -> float: ...
    @property
    def is_gap(self) -> bool: ...


def staged_level(results: Iterable[Judged], max_level: int, min_level: int = 1) -> int:
    """The highest level whose gaps, and those of every level below it, are none.

    Only gaps count: limitations are never required, and criteria that do not apply
    (n/a) do not block a level. Without a level 0 the first level is reached by default.
    """
    failed = min((r.level for r in results if r.is_gap), default=math.inf)
    if failed == 1:
        return min_level
    return int(min(max_level, failed - 1))


def leaf_score(model: MaturityModel, results: Sequence[Judged]) -> float:
    """Sum over the levels of the weighted mean credit of the level's scored criteria."""
    total = 0.0
    for n in range(1, model.max_level + 1):
        at = [(r, r.weight) for r in results if r.level == n and r.status not in UNSCORED]
        weight = sum(w for _, w in at)
        if weight:
            total += sum(r.credit * w for r, w in at) / weight
    return total


def combine(how: str, scores: list[tuple[float, float]]) -> float:
    """(score, weight) pairs combined by ``how``: mean, min, sum or weighted mean."""
    if not scores:
        return 0.0
    if how == "min":
        return min(s for s, _ in scores)
    if how == "sum":
        return sum(s for s, _ in scores)
    if how == "weighted":
        weight = sum(w for _, w in scores)
        return sum(s * w for s, w in scores) / weight if weight else 0.0
    return sum(s for s, _ in scores) / len(scores)


def tree_scores(model: MaturityModel, results: Sequence[Judged], leaf) -> dict[str, float]:
    """Every dimension's score: ``leaf(dimension id, its results)`` at the bottom, groups by their aggregate.

    Dimensions outside the tree (a cycle, which the loader reports) still get a score.
    """
    by_dim: dict[str, list[Judged]] = {}
    for r in results:
        by_dim.setdefault(r.dimension, []).append(r)
    children, dims = model.children, {d.id: d for d in model.dimensions}
    scores: dict[str, float] = {}

    def score(dim_id: str) -> float:
        if dim_id not in scores:
            kids = children.get(dim_id, [])
            if kids:
                scores[dim_id] = combine(dims[dim_id].aggregate, [(score(k), dims[k].weight) for k in kids])
            else:
                scores[dim_id] = leaf(dim_id, by_dim.get(dim_id, []))
        return scores[dim_id]

    return {d: score(d) for d in dims}  # the model's order


def dimension_scores(model: MaturityModel, results: Sequence[Judged]) -> tuple[dict[str, float], float]:
    """(dimension id -> continuous score, the model's score: its top-level dimensions by ``aggregate``)."""
    scores = tree_scores(model, results, lambda _, found: leaf_score(model, found))
    weight = {d.id: d.weight for d in model.dimensions}
    top = combine(model.aggregate, [(scores[d], weight[d]) for d in model.children[None]])
    return {d: round(v, 4) for d, v in scores.items()}, round(top, 4)


def next_share(model: MaturityModel, results: Sequence[Judged], level: int) -> float:
    """Weighted mean credit of the scored criteria of the level above ``level`` (0 at the top or when none)."""
    if level >= model.max_level:
        return 0.0
    at = [r for r in results if r.level == level + 1 and r.status not in UNSCORED]
    weight = sum(r.weight for r in at)
    return sum(r.credit * r.weight for r in at) / weight if weight else 0.0


def staged_scores(model: MaturityModel, results: Sequence[Judged], levels: dict[str, int], overall: int
                  ) -> tuple[dict[str, float], float]:
    """(dimension id -> score, model score) of a staged model: level held plus the next level's share."""
    scores = tree_scores(model, results, lambda d, found: levels[d] + next_share(model, found, levels[d]))
    return {d: round(v, 4) for d, v in scores.items()}, round(overall + next_share(model, results, overall), 4)


def level_of_score(model: MaturityModel, value: float) -> int:
    """The level a continuous score holds: its whole part, between the lowest and the top level."""
    return max(model.min_level, min(model.max_level, math.floor(value + 1e-9)))


def group_levels(model: MaturityModel, leaf_levels: dict[str, int]) -> dict[str, int]:
    """Staged levels of groups: the lowest level of their children (a group holds what all its parts hold)."""
    children, levels = model.children, dict(leaf_levels)

    def level(dim_id: str) -> int:
        if dim_id not in levels:
            kids = children.get(dim_id, [])
            levels[dim_id] = min((level(k) for k in kids), default=model.min_level)
        return levels[dim_id]

    for d in model.dimensions:
        level(d.id)
    return levels


__all__ = [
    "combine",
    "dimension_scores",
    "group_levels",
    "leaf_score",
    "level_of_score",
    "next_share",
    "staged_level",
    "staged_scores",
    "tree_scores",
]
